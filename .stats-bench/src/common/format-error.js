import { HttpException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { DomainException, ErrorCode } from './errors.js';
import { logger } from './logging/logger.js';
const HTTP_CODES = {
    400: ErrorCode.BAD_USER_INPUT,
    401: ErrorCode.UNAUTHENTICATED,
    403: ErrorCode.FORBIDDEN,
    404: ErrorCode.NOT_FOUND,
    409: ErrorCode.CONFLICT,
    429: ErrorCode.RATE_LIMITED,
};
const RACE_STATES = {
    '23505': '数据已被同时提交，请刷新后重试',
    '40001': '数据已被他人修改，请重试',
    '40P01': '数据已被他人修改，请重试',
};
/** Codes that Apollo/graphql-js assign to malformed requests; they are the client's fault. */
const CLIENT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);
/**
 * The one place where errors become GraphQL errors (DESIGN.md §12). Domain errors keep their code, message and
 * fields; anything unexpected is logged and reaches the client as INTERNAL_SERVER_ERROR without its text, stack
 * or SQL, in every environment (the server log has the details).
 */
export function createFormatError() {
    return (formatted, error) => {
        const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
        const base = { locations: formatted.locations, path: formatted.path };
        if (original instanceof DomainException) {
            const extensions = { code: original.code };
            if (original.options.fields)
                extensions.fields = original.options.fields;
            if (original.options.reason)
                extensions.reason = original.options.reason;
            return { ...base, message: original.message, extensions };
        }
        if (original instanceof HttpException) {
            const code = HTTP_CODES[original.getStatus()] ?? ErrorCode.INTERNAL_SERVER_ERROR;
            if (code !== ErrorCode.INTERNAL_SERVER_ERROR)
                return { ...base, message: original.message, extensions: { code } };
        }
        // Races that the database settled: a unique key taken meanwhile, a serialization failure or a deadlock.
        const sqlState = original?.code;
        if (typeof sqlState === 'string' && RACE_STATES[sqlState]) {
            return { ...base, message: RACE_STATES[sqlState], extensions: { code: ErrorCode.CONFLICT, reason: 'CONCURRENT_UPDATE' } };
        }
        const apolloCode = formatted.extensions?.code;
        // Parse, validation and variable-coercion errors come before any resolver runs (no path). graphql-js words the
        // last kind `Variable "$x" got invalid value …` and Apollo does not always code it, so it is recognised here.
        const badVariables = !formatted.path && /^Variable "\$[^"]+" /.test(formatted.message);
        if ((typeof apolloCode === 'string' && CLIENT_CODES.has(apolloCode) && original instanceof GraphQLError) || badVariables) {
            return { ...base, message: formatted.message, extensions: { code: ErrorCode.BAD_USER_INPUT, reason: formatted.extensions?.reason ?? (badVariables ? 'BAD_VARIABLES' : apolloCode) } };
        }
        // Unexpected: log the name and message (pg's `detail`, which can hold row values, is never logged).
        const err = original instanceof Error ? original : new Error(String(original));
        logger.error('unhandled resolver error', { error: err.name, message: err.message, stack: err.stack, path: formatted.path });
        return {
            ...base,
            message: '服务器内部错误',
            extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
        };
    };
}
//# sourceMappingURL=format-error.js.map