import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { COMMON_ERRORS } from './common.errors.js';
import { DomainException, ErrorCode, FieldError } from './errors.js';

const HAS_CHINESE = /[\u4e00-\u9fff]/;
const numberIn = (message: string) => /(-?\d+(\.\d+)?)/.exec(message)?.[1] ?? '';

/** Chinese wording for class-validator's defaults, by constraint name; the English default never reaches a client. */
const CHINESE: Record<string, (n: string) => string> = {
  max: (n) => `不能大于${n}`,
  min: (n) => `不能小于${n}`,
  maxLength: (n) => `不超过${n}个字符`,
  minLength: (n) => `至少${n}个字符`,
  isLength: () => '长度不符合要求',
  isInt: () => '应为整数',
  isString: () => '应为文本',
  isNotEmpty: () => '不能为空',
  isBoolean: () => '应为是或否',
  isIn: () => '取值无效',
  isEnum: () => '取值无效',
  isUuid: () => 'ID格式无效',
  isDate: () => '时间无效',
  isArray: () => '应为列表',
  arrayMaxSize: (n) => `最多${n}项`,
  arrayMinSize: (n) => `至少${n}项`,
  matches: () => '格式无效',
  isLatitude: () => '纬度无效',
  isLongitude: () => '经度无效',
  whitelistValidation: () => '不允许的字段',
  nestedValidation: () => '格式无效',
};

/** The message of one failed constraint, in Chinese: the decorator's own message, or a translation of the default. */
export function chineseMessage(constraint: string, message: string, field: string): string {
  if (HAS_CHINESE.test(message)) return message;
  const translate = CHINESE[constraint];
  return `${field}${translate ? translate(numberIn(message)) : '输入无效'}`;
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const [constraint, message] of Object.entries(e.constraints ?? {})) out.push({ field, message: chineseMessage(constraint, message, e.property) });
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

/** Paths of the strings in `value` that hold a NUL character, which no text column can store. */
export function fieldsWithNul(value: unknown, path: string): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => fieldsWithNul(v, path ? `${path}.${i}` : String(i)));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => fieldsWithNul(v, path ? `${path}.${k}` : k));
  return [];
}

/** Dates outside 1900–9999 are refused everywhere: no service, period or birth date of this app lies there. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

/** Paths of the dates in `value` outside [MIN_YEAR, MAX_YEAR] (e.g. `+099999-01-01T00:00:00Z`). */
export function fieldsWithAbsurdDates(value: unknown, path: string): string[] {
  if (value instanceof Date) {
    const y = value.getUTCFullYear();
    return Number.isNaN(y) || y < MIN_YEAR || y > MAX_YEAR ? [path] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => fieldsWithAbsurdDates(v, path ? `${path}.${i}` : String(i)));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => fieldsWithAbsurdDates(v, path ? `${path}.${k}` : k));
  return [];
}

/** Refuses text with NUL characters (PostgreSQL cannot store them) before class-validator runs. */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Only arguments; @Parent(), @Context() and the like are the app's own objects.
    if (metadata.type === 'custom') return super.transform(value, metadata);
    // Fields of an input object are named as class-validator names them (`name`, not `input.name`).
    const bad = fieldsWithNul(value, value && typeof value === 'object' && !Array.isArray(value) ? '' : (metadata.data ?? ''));
    if (bad.length) {
      const fields = bad.map((field) => ({ field, message: '不能包含空字符' }));
      throw new DomainException(ErrorCode.BAD_USER_INPUT, '输入含有空字符（\\u0000）', { fields });
    }
    const absurd = fieldsWithAbsurdDates(
      value,
      value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) ? '' : (metadata.data ?? ''),
    );
    if (absurd.length) {
      const spec = COMMON_ERRORS.dateOutOfRange;
      const message = spec.message(MIN_YEAR, MAX_YEAR);
      throw new DomainException(spec.code, message, { fields: absurd.map((field) => ({ field, message })), reason: spec.reason });
    }
    return super.transform(value, metadata);
  }
}

/** class-validator failures become BAD_USER_INPUT listing each field at fault. */
export const validationPipe = new InputValidationPipe({
  transform: true,
  whitelist: true,
  forbidNonWhitelisted: true,
  stopAtFirstError: true,
  exceptionFactory: (errors) => {
    const fields = flatten(errors);
    return new DomainException(ErrorCode.BAD_USER_INPUT, fields.map((f) => f.message).join('；') || '输入无效', { fields });
  },
});
