import { ValidationPipe } from '@nestjs/common';
import { DomainException, ErrorCode } from './errors.js';
function flatten(errors, prefix = '') {
    const out = [];
    for (const e of errors) {
        const field = prefix ? `${prefix}.${e.property}` : e.property;
        for (const message of Object.values(e.constraints ?? {}))
            out.push({ field, message });
        if (e.children?.length)
            out.push(...flatten(e.children, field));
    }
    return out;
}
/** Paths of the strings in `value` that hold a NUL character, which no text column can store. */
export function fieldsWithNul(value, path) {
    if (typeof value === 'string')
        return value.includes('\u0000') ? [path] : [];
    if (Array.isArray(value))
        return value.flatMap((v, i) => fieldsWithNul(v, path ? `${path}.${i}` : String(i)));
    if (value && typeof value === 'object')
        return Object.entries(value).flatMap(([k, v]) => fieldsWithNul(v, path ? `${path}.${k}` : k));
    return [];
}
/** Refuses text with NUL characters (PostgreSQL cannot store them) before class-validator runs. */
class InputValidationPipe extends ValidationPipe {
    async transform(value, metadata) {
        // Only arguments; @Parent(), @Context() and the like are the app's own objects.
        if (metadata.type === 'custom')
            return super.transform(value, metadata);
        // Fields of an input object are named as class-validator names them (`name`, not `input.name`).
        const bad = fieldsWithNul(value, value && typeof value === 'object' && !Array.isArray(value) ? '' : (metadata.data ?? ''));
        if (bad.length) {
            const fields = bad.map((field) => ({ field, message: '不能包含空字符' }));
            throw new DomainException(ErrorCode.BAD_USER_INPUT, '输入含有空字符（\\u0000）', { fields });
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
//# sourceMappingURL=validation.js.map