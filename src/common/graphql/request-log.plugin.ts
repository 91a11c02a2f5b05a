import type { ApolloServerPlugin } from '@apollo/server';
import { logger } from '../logging/logger.js';

/** One log line per GraphQL operation: name, type, duration and error codes. Never variables or results. */
export function requestLogPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, operation, errors }) {
          logger.info('graphql', {
            operation: operationName ?? null,
            type: operation?.operation ?? null,
            ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
            errors: errors?.length ? errors.map((e) => e.extensions?.code ?? 'UNKNOWN') : undefined,
          });
        },
      };
    },
  };
}
