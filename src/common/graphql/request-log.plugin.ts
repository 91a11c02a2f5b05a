import type { ApolloServerPlugin } from '@apollo/server';
import { DomainException } from '../errors.js';
import { logger } from '../logging/logger.js';

/**
 * One log line per GraphQL operation: name, type, duration and error codes. Never variables or results.
 * Also gives whole-request input errors the HTTP status 400.
 */
export function requestLogPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, operation, errors, response }) {
          // A request refused as a whole for bad input (no data at all) is a 400, whatever stage refused it.
          const body = response.body;
          if (
            body.kind === 'single' &&
            body.singleResult.data === undefined &&
            body.singleResult.errors?.length &&
            body.singleResult.errors.every((e) => e.extensions?.code === 'BAD_USER_INPUT')
          ) {
            response.http.status = 400;
          }
          logger.info('graphql', {
            operation: operationName ?? null,
            type: operation?.operation ?? null,
            ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
            errors: errors?.length
              ? errors.map((e) => (e.originalError instanceof DomainException ? e.originalError.code : (e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))
              : undefined,
          });
        },
      };
    },
  };
}
