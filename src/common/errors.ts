import { IntrinsicException } from '@nestjs/common';

/** The error codes of docs/design.md §12; every GraphQL error carries one as `extensions.code`. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  INSUFFICIENT_BALANCE = 'INSUFFICIENT_BALANCE',
  LIMIT_EXCEEDED = 'LIMIT_EXCEEDED',
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export interface FieldError {
  field: string;
  message: string;
}

/**
 * A failure the client can act on. Feature modules subclass it (`AuthException`, `LedgerException`, …) or throw
 * it directly; one mapping in `format-error.ts` turns it into `extensions`. It is an `IntrinsicException`, so Nest
 * does not log it as a server error: it is the expected answer to a request. `reason` is a stable machine-readable
 * sub-code (e.g. `PHONE_TAKEN`), the message is for people (Chinese).
 */
export class DomainException extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { fields?: FieldError[]; reason?: string } = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export const badInput = (field: string, message: string, reason?: string) =>
  new DomainException(ErrorCode.BAD_USER_INPUT, message, { fields: [{ field, message }], reason });

export const notFound = (what: string) => new DomainException(ErrorCode.NOT_FOUND, `${what}不存在`);

export const forbidden = (message = '无权执行此操作') => new DomainException(ErrorCode.FORBIDDEN, message);

export const conflict = (message: string, reason?: string) => new DomainException(ErrorCode.CONFLICT, message, { reason });

export const unauthenticated = (message = '请先登录') => new DomainException(ErrorCode.UNAUTHENTICATED, message);

/**
 * One entry of a module's error catalog (`<module>.errors.ts`): the GraphQL code, the stable reason clients
 * match on, the Chinese message (a function when it carries values), the input field at fault for
 * BAD_USER_INPUT, and what it means (for `docs/errors.md`, generated from the catalogs).
 */
export interface ErrorSpec {
  code: ErrorCode;
  reason: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry declares its own parameters
  message: string | ((...args: any[]) => string);
  field?: string;
  meaning: string;
}

type ArgsOf<M> = M extends (...args: infer A) => string ? A : [];
/** One factory per catalog entry; `.reason` names the entry's reason without building an exception (e.g. a socket's close reason). */
export type ErrorFactories<T extends Record<string, ErrorSpec>> = {
  readonly [K in keyof T]: ((...args: ArgsOf<T[K]['message']>) => DomainException) & { readonly reason: string };
};

/** Every catalog defined so far, by module name: read by the error-catalog test and the docs generator. */
export const ERROR_CATALOGS = new Map<string, Readonly<Record<string, ErrorSpec>>>();

/**
 * Declares a module's error catalog and returns one factory per entry, e.g.
 * `projectErrors.overBudget(quote)` → a `DomainException` with code, reason, message and field.
 * Logic never compares message texts: it throws (or checks `reason` on) these.
 */
export function defineErrors<T extends Record<string, ErrorSpec>>(module: string, specs: T): ErrorFactories<T> {
  ERROR_CATALOGS.set(module, specs);
  const factories: Record<string, ((...args: unknown[]) => DomainException) & { reason: string }> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const factory = (...args: unknown[]) => {
      const message = typeof spec.message === 'function' ? spec.message(...args) : spec.message;
      const fields = spec.field ? [{ field: spec.field, message }] : undefined;
      return new DomainException(spec.code, message, { reason: spec.reason, fields });
    };
    factories[key] = Object.assign(factory, { reason: spec.reason });
  }
  return factories as ErrorFactories<T>;
}

/**
 * The same error reported on another input field: a catalog entry used for several fields (`availability[2].end`),
 * or a shared rule checked for differently named arguments.
 */
export function atField(error: DomainException, field: string): DomainException {
  return new DomainException(error.code, error.message, { ...error.options, fields: [{ field, message: error.message }] });
}
