var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { verifyAccessToken } from '../auth/access-token.js';
import { forbidden, unauthenticated } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { APP_CONFIG } from '../config/config.js';
import { Actor } from './actor.js';
import { ActorRepository } from './actor.repository.js';
import { PUBLIC_KEY, ROLES_KEY } from './scope.decorators.js';
import { PERMISSIONS } from './permission.js';
/**
 * The one guard every GraphQL operation passes: it resolves the bearer token to an `Actor` (once per request),
 * refuses anonymous calls to non-public operations (UNAUTHENTICATED) and callers lacking the roles the
 * operation names (FORBIDDEN).
 */
let ScopeGuard = class ScopeGuard {
    reflector;
    actors;
    config;
    constructor(reflector, actors, config) {
        this.reflector = reflector;
        this.actors = actors;
        this.config = config;
    }
    async canActivate(context) {
        if (context.getType() !== 'graphql')
            return true;
        const ctx = GqlExecutionContext.create(context).getContext();
        const targets = [context.getHandler(), context.getClass()];
        const isPublic = this.reflector.getAllAndOverride(PUBLIC_KEY, targets);
        await this.resolveActor(ctx);
        if (isPublic)
            return true;
        if (!ctx.actor) {
            throw unauthenticated(ctx.tokenProblem === 'EXPIRED' ? '登录已过期，请重新登录' : ctx.tokenProblem ? '登录凭证无效' : '请先登录');
        }
        const required = this.reflector.getAllAndOverride(ROLES_KEY, targets) ?? [];
        const actor = ctx.actor;
        const allowed = required.length === 0 || required.some((p) => (p in PERMISSIONS ? actor.holds(p) : actor.hasRole(p)));
        if (!allowed)
            throw forbidden();
        return true;
    }
    async resolveActor(ctx) {
        if (ctx.actor || ctx.tokenProblem)
            return;
        const header = ctx.req?.headers?.authorization;
        if (!header)
            return;
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
};
ScopeGuard = __decorate([
    Injectable(),
    __param(2, Inject(APP_CONFIG)),
    __metadata("design:paramtypes", [Reflector,
        ActorRepository, Object])
], ScopeGuard);
export { ScopeGuard };
//# sourceMappingURL=scope.guard.js.map