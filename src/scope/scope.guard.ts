import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { verifyAccessToken } from '../auth/access-token.js';
import type { GqlContext } from '../common/graphql/context.js';
import { forbidden, unauthenticated } from '../common/errors.js';
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
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const ctx = GqlExecutionContext.create(context).getContext<GqlContext>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
    await this.resolveActor(ctx);
    if (isPublic) return true;
    if (!ctx.actor) {
      throw unauthenticated(ctx.tokenProblem === 'EXPIRED' ? '登录已过期，请重新登录' : ctx.tokenProblem ? '登录凭证无效' : '请先登录');
    }
    const required = this.reflector.getAllAndOverride<Permission[] | undefined>(ROLES_KEY, targets) ?? [];
    const actor = ctx.actor;
    const allowed = required.some((p) => actor.holds(p));
    if (!allowed) throw forbidden();
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
    const grants = isUuid(claims.sub) ? await this.actors.grantsOf(claims.sub) : null;
    if (!grants) {
      ctx.tokenProblem = 'UNKNOWN_SUBJECT';
      return;
    }
    ctx.actor = new Actor(claims.sub, grants);
  }
}
