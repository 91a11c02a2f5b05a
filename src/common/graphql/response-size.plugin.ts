import type { ApolloServerPlugin } from '@apollo/server';
import { logger } from '../logging/logger.js';
import { limitErrors } from './limits.errors.js';

/**
 * Replaces an answer larger than `maxBytes` of JSON by one LIMIT_EXCEEDED error (reason RESPONSE_TOO_LARGE), so
 * that no single request can make the server write tens of megabytes (docs/security.md). The cost limits
 * refuse most such operations before they run; this bounds what slips through.
 */
export function responseSizePlugin(maxBytes: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, operationName }) {
          const body = response.body;
          if (body.kind !== 'single') return;
          const size = Buffer.byteLength(JSON.stringify(body.singleResult));
          if (size <= maxBytes) return;
          logger.warn('response too large', { operation: operationName ?? null, bytes: size, max: maxBytes });
          const e = limitErrors.responseTooLarge(maxBytes);
          body.singleResult = { errors: [{ message: e.message, extensions: { code: e.code, reason: e.options.reason } }] };
        },
      };
    },
  };
}
