import { IntrinsicException } from '@nestjs/common';
/** The error codes of DESIGN.md §12; every GraphQL error carries one as `extensions.code`. */
export var ErrorCode;
(function (ErrorCode) {
    ErrorCode["UNAUTHENTICATED"] = "UNAUTHENTICATED";
    ErrorCode["FORBIDDEN"] = "FORBIDDEN";
    ErrorCode["BAD_USER_INPUT"] = "BAD_USER_INPUT";
    ErrorCode["NOT_FOUND"] = "NOT_FOUND";
    ErrorCode["CONFLICT"] = "CONFLICT";
    ErrorCode["INSUFFICIENT_BALANCE"] = "INSUFFICIENT_BALANCE";
    ErrorCode["LIMIT_EXCEEDED"] = "LIMIT_EXCEEDED";
    ErrorCode["RATE_LIMITED"] = "RATE_LIMITED";
    ErrorCode["INTERNAL_SERVER_ERROR"] = "INTERNAL_SERVER_ERROR";
})(ErrorCode || (ErrorCode = {}));
/**
 * A failure the client can act on. Feature modules subclass it (`AuthException`, `LedgerException`, …) or throw
 * it directly; one mapping in `format-error.ts` turns it into `extensions`. It is an `IntrinsicException`, so Nest
 * does not log it as a server error: it is the expected answer to a request. `reason` is a stable machine-readable
 * sub-code (e.g. `PHONE_TAKEN`), the message is for people (Chinese).
 */
export class DomainException extends IntrinsicException {
    code;
    options;
    constructor(code, message, options = {}) {
        super(message);
        this.code = code;
        this.options = options;
        this.name = new.target.name;
    }
}
export const badInput = (field, message, reason) => new DomainException(ErrorCode.BAD_USER_INPUT, message, { fields: [{ field, message }], reason });
export const notFound = (what) => new DomainException(ErrorCode.NOT_FOUND, `${what}不存在`);
export const forbidden = (message = '无权执行此操作') => new DomainException(ErrorCode.FORBIDDEN, message);
export const conflict = (message, reason) => new DomainException(ErrorCode.CONFLICT, message, { reason });
export const unauthenticated = (message = '请先登录') => new DomainException(ErrorCode.UNAUTHENTICATED, message);
/** Every catalog defined so far, by module name: read by the error-catalog test and the docs generator. */
export const ERROR_CATALOGS = new Map();
/**
 * Declares a module's error catalog and returns one factory per entry, e.g.
 * `projectErrors.overBudget(quote)` → a `DomainException` with code, reason, message and field.
 * Logic never compares message texts: it throws (or checks `reason` on) these.
 */
export function defineErrors(module, specs) {
    ERROR_CATALOGS.set(module, specs);
    const factories = {};
    for (const [key, spec] of Object.entries(specs)) {
        factories[key] = (...args) => {
            const message = typeof spec.message === 'function' ? spec.message(...args) : spec.message;
            const fields = spec.field ? [{ field: spec.field, message }] : undefined;
            return new DomainException(spec.code, message, { reason: spec.reason, fields });
        };
    }
    return factories;
}
/** The same error reported on another input field (catalog entries used for several fields, e.g. `availability[2].end`). */
export function atField(error, field) {
    return new DomainException(error.code, error.message, { ...error.options, fields: [{ field, message: error.message }] });
}
/** The same refusal on another input field (a shared rule checked for differently named arguments). */
export function onField(e, field) {
    return new DomainException(e.code, e.message, { ...e.options, fields: [{ field, message: e.message }] });
}
//# sourceMappingURL=errors.js.map