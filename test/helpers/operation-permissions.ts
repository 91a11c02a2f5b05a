import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RESOLVER_NAME_METADATA, RESOLVER_TYPE_METADATA } from '@nestjs/graphql/dist/graphql.constants.js';
import { Permission, PERMISSIONS, ScopeKind } from '../../src/scope/permission.js';
import { Role } from '../../src/scope/role.js';
import { PUBLIC_KEY, ROLES_KEY } from '../../src/scope/scope.decorators.js';

/**
 * Every query, mutation and subscription handler of every resolver class with its guard metadata, read from the
 * Nest decorators (`@Authorize(...)`, `@Public()`): the unit check of the matrix (src/scope/permission.spec.ts)
 * and the e2e walk over every role × operation (test/e2e/permission-walk.e2e-spec.ts) share it.
 */
export interface ResolverOperation {
  kind: 'Query' | 'Mutation' | 'Subscription';
  name: string;
  /** What `@Authorize` lists (permissions, or roles in modules not yet converted); undefined without it. */
  permissions: unknown[] | undefined;
  isPublic: boolean;
}

function files(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), suffix) : e.name.endsWith(suffix) ? [join(dir, e.name)] : [],
  );
}

export async function resolverOperations(src = join(process.cwd(), 'src')): Promise<ResolverOperation[]> {
  const found: ResolverOperation[] = [];
  for (const file of files(src, '.resolver.ts')) {
    const module = (await import(file)) as Record<string, unknown>;
    for (const exported of Object.values(module)) {
      if (typeof exported !== 'function' || !exported.prototype) continue;
      for (const key of Object.getOwnPropertyNames(exported.prototype)) {
        const handler = (exported.prototype as Record<string, unknown>)[key];
        if (typeof handler !== 'function') continue;
        const kind = Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler) as ResolverOperation['kind'] | undefined;
        if (kind !== 'Query' && kind !== 'Mutation' && kind !== 'Subscription') continue;
        found.push({
          kind,
          name: (Reflect.getMetadata(RESOLVER_NAME_METADATA, handler) as string | undefined) ?? key,
          permissions: Reflect.getMetadata(ROLES_KEY, handler) as unknown[] | undefined,
          isPublic: Reflect.getMetadata(PUBLIC_KEY, handler) === true,
        });
      }
    }
  }
  return found;
}

/**
 * Whether a person holding `roles` passes the guard of an operation that requires `required` (any one of them):
 * what ScopeGuard decides, computed from the matrix rows instead of an Actor. An empty list is "any logged-in
 * person"; SELF and ANY rows are held by everyone; a Role entry (unconverted modules) by its holders.
 */
export function passesGuard(required: unknown[] | undefined, roles: readonly Role[]): boolean {
  if (!required?.length) return true;
  return required.some((p) => {
    const rule = PERMISSIONS[p as Permission];
    if (!rule) return roles.includes(p as Role);
    if (rule.scope === ScopeKind.SELF || rule.scope === ScopeKind.ANY) return true;
    return rule.roles.some((r) => roles.includes(r));
  });
}
