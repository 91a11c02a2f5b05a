import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GqlContext } from '../common/graphql/context.js';
import { Permission } from './permission.js';

export const PUBLIC_KEY = 'wushe:public';
export const ROLES_KEY = 'wushe:roles';

/** The operation needs no login (e.g. `login`, `regions`, `verifyCertificate`). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * The operation needs a logged-in actor holding one of `permissions` somewhere (see `permission.ts`).
 * Whether it reaches the particular target is then checked with `actor.can(permission, target)` in the
 * service, from the same matrix row.
 */
export const Authorize = (permission: Permission, ...more: Permission[]) => SetMetadata(ROLES_KEY, [permission, ...more]);

/** The authenticated actor of the request (the guard guarantees it on non-public operations). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  return GqlExecutionContext.create(ctx).getContext<GqlContext>().actor;
});
