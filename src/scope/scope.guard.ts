import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { verifyAccessToken } from '../auth/access-token.js';
import type { GqlContext } from '../common/graphql/context.js';
import { authErrors } from '../auth/auth.errors.js';
import { SessionRegistry } from '../auth/sessions.registry.js';
import { isUuid } from '../common/ids.js';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { Actor } from './actor.js';
import { ActorRepository } from './actor.repository.js';
import { PUBLIC_KEY, ROLES_KEY } from './scope.decorators.js';
import { Permission } from './permission.js';

/**
 * The one guard every GraphQL operation passes: it resolves the bearer token to an `Actor` (once per request),
 * refuses anonymous calls to non-public operations (UNAUTHENTICATED) and callers holding none of the
 * permissions the operation names (FORBIDDEN; an operation naming none is refused too).
 */
@Injectable()
export class ScopeGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly actors: ActorRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionRegistry,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const ctx = GqlExecutionContext.create(context).getContext<GqlContext>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
    await this.resolveActor(ctx);
    if (isPublic) return true;
    if (!ctx.actor) {
      // A reason per problem, so that a client knows to refresh (TOKEN_EXPIRED) or to log in again.
      if (ctx.tokenProblem === 'EXPIRED') throw authErrors.tokenExpired();
      if (ctx.tokenProblem === 'REVOKED') throw authErrors.sessionRevoked();
      throw ctx.tokenProblem ? authErrors.tokenInvalid() : authErrors.loginRequired();
    }
    const required = this.reflector.getAllAndOverride<Permission[] | undefined>(ROLES_KEY, targets) ?? [];
    const actor = ctx.actor;
    const allowed = required.some((p) => actor.holds(p));
    if (!allowed) throw authErrors.roleRequired();
    return true;
  }

  private async resolveActor(ctx: GqlContext): Promise<void> {
    if (ctx.actor || ctx.tokenProblem) return;
    const header = ctx.req?.headers?.authorization;
    if (!header) return;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      ctx.tokenProblem = 'MALFORMED';
      return;
    }
    const claims = verifyAccessToken(match[1], this.config.tokenSecret);
    if ('problem' in claims) {
      ctx.tokenProblem = claims.problem;
      return;
    }
    if (!isUuid(claims.sub) || !isUuid(claims.sid!)) {
      ctx.tokenProblem = 'MALFORMED';
      return;
    }
    if (!(await this.sessions.isLive(claims.sid, claims.sub))) {
      ctx.tokenProblem = 'REVOKED';
      return;
    }
    const grants = await this.actors.grantsOf(claims.sub);
    if (!grants) {
      ctx.tokenProblem = 'UNKNOWN_SUBJECT';
      return;
    }
    ctx.actor = new Actor(claims.sub, grants);
    ctx.sessionId = claims.sid;
    if (ctx.socket) this.sessions.attach(claims.sid, ctx.socket, claims.exp * 1000);
  }
}
