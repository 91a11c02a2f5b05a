import { IntrinsicException } from '@nestjs/common';

/** The error codes of DESIGN.md §12; every GraphQL error carries one as `extensions.code`. */
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
