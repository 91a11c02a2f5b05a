import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GqlContext } from '../common/graphql/context.js';
import { Role } from './role.js';

export const PUBLIC_KEY = 'wushe:public';
export const ROLES_KEY = 'wushe:roles';

/** The operation needs no login (e.g. `login`, `regions`, `verifyCertificate`). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * The operation needs a logged-in actor holding one of `roles` somewhere (no roles = any logged-in person).
 * Whether the role reaches the particular resource is then checked with `Actor.covers` in the service.
 */
export const Authorize = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The authenticated actor of the request (the guard guarantees it on non-public operations). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  return GqlExecutionContext.create(ctx).getContext<GqlContext>().actor;
});
