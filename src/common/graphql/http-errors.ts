import type { FastifyInstance } from 'fastify';
import { DomainException } from '../errors.js';
import { GRAPHIQL_PAGE_HEADERS } from './graphiql.js';
import { limitErrors } from './limits.errors.js';

/** The GraphQL error body for a refusal that happened before GraphQL ran. */
export function graphqlErrorBody(error: DomainException): string {
  const extensions: Record<string, unknown> = { code: error.code };
  if (error.options.reason) extensions.reason = error.options.reason;
  return JSON.stringify({ errors: [{ message: error.message, extensions }] });
}

function refusalFor(status: number, message: string): DomainException {
  if (status === 413) return limitErrors.bodyTooLarge();
  if (status === 415) return limitErrors.unsupportedMediaType();
  if (status === 400 && /JSON|Unexpected|body/i.test(message)) return limitErrors.badRequestBody();
  return limitErrors.httpError();
}

/**
 * HTTP-level failures on /graphql (malformed JSON, 413, 415, …) are answered in the GraphQL error shape with a
 * code, like every other error (docs/design.md §12), instead of Fastify's `{statusCode, message}`; the status stays.
 * Every response gets the basic security headers, and the IDE page its CSP (docs/security.md).
 */
export function installHttpHardening(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (req, reply, payload, done) => {
    reply.header('x-content-type-options', 'nosniff');
    const path = req.url.split('?')[0];
    const type = String(reply.getHeader('content-type') ?? '');
    if (path === '/graphql' && type.startsWith('text/html')) {
      for (const [k, v] of Object.entries(GRAPHIQL_PAGE_HEADERS)) reply.header(k, v);
    } else {
      reply.header('x-frame-options', 'DENY');
    }
    if (path !== '/graphql' || reply.statusCode < 400 || typeof payload !== 'string') return done(null, payload);
    let body: { statusCode?: unknown; message?: unknown; errors?: unknown };
    try {
      body = JSON.parse(payload) as typeof body;
    } catch {
      return done(null, payload);
    }
    if (!body || body.errors !== undefined || typeof body.statusCode !== 'number') return done(null, payload);
    reply.header('content-type', 'application/json; charset=utf-8');
    done(null, graphqlErrorBody(refusalFor(reply.statusCode, typeof body.message === 'string' ? body.message : '')));
  });
}
