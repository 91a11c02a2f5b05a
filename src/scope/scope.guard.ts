import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { verifyAccessToken } from '../auth/access-token.js';
import type { GqlContext } from '../common/graphql/context.js';
import { authErrors } from '../auth/auth.errors.js';
import { SessionRegistry } from '../auth/sessions.registry.js';
import { DomainException } from '../common/errors.js';
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
    if (!ctx.actor) throw unauthenticatedError(ctx.tokenProblem);
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
    const bearer = await resolveBearer(header, { tokenSecret: this.config.tokenSecret, sessions: this.sessions, actors: this.actors });
    if ('problem' in bearer) {
      ctx.tokenProblem = bearer.problem;
      return;
    }
    ctx.actor = bearer.actor;
    ctx.sessionId = bearer.sessionId;
    if (ctx.socket) this.sessions.attach(bearer.sessionId, ctx.socket, bearer.expiresAt);
  }
}

/**
 * The actor of an `Authorization: Bearer …` header, or why there is none: a malformed, expired or forged token, a
 * session logged out or revoked (REVOKED), a person no longer known. Shared by the guard and the HTTP exports, so a
 * logged-out token opens neither.
 */
export async function resolveBearer(
  header: string,
  deps: { tokenSecret: Buffer; sessions: SessionRegistry; actors: ActorRepository },
): Promise<{ actor: Actor; sessionId: string; expiresAt: number } | { problem: string }> {
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return { problem: 'MALFORMED' };
  const claims = verifyAccessToken(match[1], deps.tokenSecret);
  if ('problem' in claims) return { problem: claims.problem };
  if (!isUuid(claims.sub) || !isUuid(claims.sid!)) return { problem: 'MALFORMED' };
  if (!(await deps.sessions.isLive(claims.sid, claims.sub))) return { problem: 'REVOKED' };
  const grants = await deps.actors.grantsOf(claims.sub);
  if (!grants) return { problem: 'UNKNOWN_SUBJECT' };
  return { actor: new Actor(claims.sub, grants), sessionId: claims.sid, expiresAt: claims.exp * 1000 };
}

/** The refusal of a request without an actor: a reason per token problem, so a client knows to refresh or log in again. */
export function unauthenticatedError(problem: string | undefined): DomainException {
  if (problem === 'EXPIRED') return authErrors.tokenExpired();
  if (problem === 'REVOKED') return authErrors.sessionRevoked();
  return problem ? authErrors.tokenInvalid() : authErrors.loginRequired();
}
