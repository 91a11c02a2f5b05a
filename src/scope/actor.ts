import { Permission, PERMISSIONS, ScopeKind } from './permission.js';
import { Role } from './role.js';

/** One active role grant with the ltree path of its region (null path = everywhere, SYSTEM_ADMIN only). */
export interface Grant {
  role: Role;
  regionId: string | null;
  regionPath: string | null;
  organizationId: string | null;
}

/** `path` lies in the subtree rooted at `scope` (ltree `path <@ scope`). */
export function pathWithin(path: string, scope: string): boolean {
  return path === scope || path.startsWith(scope + '.');
}

export type ScopePaths = 'ALL' | string[];

/** What a permission is checked against: the region path, organization or person the operation touches. */
export interface PermissionTarget {
  regionPath?: string | null;
  organizationId?: string | null;
  personId?: string | null;
}

/**
 * The authenticated caller: who they are and where each of their roles reaches. Every scope decision in the
 * app is one of the three questions below, so the rule "a scoped actor sees and changes only what lies in its
 * scope" (docs/design.md §3) lives here.
 */
export class Actor {
  constructor(
    readonly personId: string,
    readonly grants: readonly Grant[],
  ) {}

  hasRole(...roles: Role[]): boolean {
    return this.grants.some((g) => roles.includes(g.role));
  }

  /** The region paths where any of `roles` is held; 'ALL' for a global grant. */
  scopePaths(...roles: Role[]): ScopePaths {
    const paths: string[] = [];
    for (const g of this.grants) {
      if (!roles.includes(g.role)) continue;
      if (g.regionPath === null) return 'ALL';
      paths.push(g.regionPath);
    }
    // Drop paths already covered by a wider one, so that SQL predicates stay short.
    return paths.filter((p, i) => !paths.some((q, j) => j !== i && pathWithin(p, q) && (p !== q || j < i)));
  }

  /** Whether one of `roles` is held in a scope that contains `path`. */
  covers(path: string | null | undefined, ...roles: Role[]): boolean {
    const scopes = this.scopePaths(...roles);
    if (scopes === 'ALL') return true;
    if (!path) return false;
    return scopes.some((s) => pathWithin(path, s));
  }

  /** Whether the actor holds `permission` anywhere (what the guard checks before the service sees the target). */
  holds(permission: Permission): boolean {
    const rule = PERMISSIONS[permission];
    return rule.scope === ScopeKind.SELF || rule.scope === ScopeKind.ANY || this.hasRole(...rule.roles);
  }

  /**
   * Whether the actor may use `permission` on `target`, by the row's scope kind: REGION checks the target's
   * region path, ORGANIZATION its organization, SELF that the target person is the actor, ANY is true.
   */
  can(permission: Permission, target: PermissionTarget = {}): boolean {
    const rule = PERMISSIONS[permission];
    switch (rule.scope) {
      case ScopeKind.ANY:
        return true;
      case ScopeKind.SELF:
        return target.personId === this.personId;
      case ScopeKind.ORGANIZATION:
        return !!target.organizationId && this.coversOrganization(target.organizationId, ...rule.roles);
      case ScopeKind.REGION:
        return this.covers(target.regionPath, ...rule.roles);
    }
  }

  /** The region paths where `permission` reaches ('ALL' for a global grant), for list queries. */
  scopeOf(permission: Permission): ScopePaths {
    return this.scopePaths(...PERMISSIONS[permission].roles);
  }

  /** The organizations where `permission` is held through an organization-scoped grant (e.g. the ORG_ADMIN's own). */
  organizationsOf(permission: Permission): string[] {
    const roles = PERMISSIONS[permission].roles;
    return this.grants.filter((g) => roles.includes(g.role) && g.organizationId).map((g) => g.organizationId!);
  }

  /** Whether `permission` reaches one of the region paths (a person "lives" at several: grid and role regions). */
  canAnyOf(permission: Permission, regionPaths: readonly string[]): boolean {
    return regionPaths.some((regionPath) => this.can(permission, { regionPath })) || this.scopeOf(permission) === 'ALL';
  }

  /** Whether one of `roles` is held for `organizationId` (organization-scoped grants). */
  coversOrganization(organizationId: string, ...roles: Role[]): boolean {
    return this.grants.some((g) => roles.includes(g.role) && (g.regionPath === null || g.organizationId === organizationId));
  }
}

/**
 * SQL predicate "column lies in one of the scopes", for list queries. Each path becomes its own `<@` term so
 * that PostgreSQL can use the GiST index on the ltree column. Parameters are appended to `params`.
 */
export function scopePredicate(column: string, scopes: ScopePaths, params: unknown[]): string {
  if (scopes === 'ALL') return 'TRUE';
  if (scopes.length === 0) return 'FALSE';
  return (
    '(' +
    scopes
      .map((p) => {
        params.push(p);
        return `${column} <@ $${params.length}::ltree`;
      })
      .join(' OR ') +
    ')'
  );
}
