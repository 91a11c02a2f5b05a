import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainException, ErrorCode, FieldError } from './errors.js';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const message of Object.values(e.constraints ?? {})) out.push({ field, message });
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

/** class-validator failures become BAD_USER_INPUT listing each field at fault. */
export const validationPipe = new ValidationPipe({
  transform: true,
  whitelist: true,
  forbidNonWhitelisted: true,
  stopAtFirstError: true,
  exceptionFactory: (errors) => {
    const fields = flatten(errors);
    return new DomainException(ErrorCode.BAD_USER_INPUT, fields.map((f) => f.message).join('；') || '输入无效', { fields });
  },
});
