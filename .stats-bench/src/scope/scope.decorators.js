import { createParamDecorator, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
export const PUBLIC_KEY = 'wushe:public';
export const ROLES_KEY = 'wushe:roles';
/** The operation needs no login (e.g. `login`, `regions`, `verifyCertificate`). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
/**
 * The operation needs a logged-in actor holding one of `permissions` somewhere (see `permission.ts`).
 * Whether it reaches the particular target is then checked with `actor.can(permission, target)` in the
 * service, from the same matrix row. (Role arguments are accepted while modules move to permissions.)
 */
export const Authorize = (...permissions) => SetMetadata(ROLES_KEY, permissions);
/** The authenticated actor of the request (the guard guarantees it on non-public operations). */
export const CurrentActor = createParamDecorator((_, ctx) => {
    return GqlExecutionContext.create(ctx).getContext().actor;
});
//# sourceMappingURL=scope.decorators.js.map