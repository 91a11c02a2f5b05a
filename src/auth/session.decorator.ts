import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GqlContext } from '../common/graphql/context.js';

/** Who is calling from where, for sessions and throttles: the address and a shortened User-Agent. */
export interface ClientInfo {
  ip: string;
  userAgent: string | null;
  /** The session of the request's access token (set by the guard), if any. */
  sessionId: string | null;
}

export const Client = createParamDecorator((_: unknown, ctx: ExecutionContext): ClientInfo => {
  const gql = GqlExecutionContext.create(ctx).getContext<GqlContext>();
  const ua = gql.req?.headers?.['user-agent'];
  return {
    ip: gql.req?.ip ?? 'unknown',
    userAgent: typeof ua === 'string' ? ua.slice(0, 200) : null,
    sessionId: gql.sessionId ?? null,
  };
});
