import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { ResolverOperation, resolverOperations } from '../../test/helpers/operation-permissions.js';
import { Actor, Grant } from './actor.js';
import { Permission, PERMISSIONS, ScopeKind } from './permission.js';
import { Role } from './role.js';

const SRC = join(process.cwd(), 'src');

describe('every operation names its permission', () => {
  let ops: ResolverOperation[];
  beforeAll(async () => {
    ops = await resolverOperations(SRC);
  });

  it('finds every operation of the committed schema', () => {
    const schema = buildSchema(readFileSync(join(SRC, '..', 'schema.graphql'), 'utf8'));
    const inSchema = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((t) =>
      t ? Object.keys(t.getFields()).map((f) => `${t.name}.${f}`) : [],
    );
    expect(ops.map((o) => `${o.kind}.${o.name}`).sort()).toEqual(inSchema.sort());
  });

  it('is public or requires permissions from the matrix (and nothing else)', () => {
    const permissions = new Set<unknown>(Object.values(Permission));
    const roles = new Set<unknown>(Object.values(Role));
    const wrong = ops
      .filter((o) => {
        if (o.isPublic) return o.permissions !== undefined;
        return !o.permissions?.length || o.permissions.some((p) => !permissions.has(p) || roles.has(p));
      })
      .map((o) => `${o.kind}.${o.name}: ${o.isPublic ? 'public and @Authorize' : JSON.stringify(o.permissions ?? 'no @Authorize')}`);
    expect(wrong).toEqual([]);
  });
});

describe('Actor.can follows the matrix for every permission and role', () => {
  const STREET_A = '32.3201.320102.320102002';
  const INSIDE = `${STREET_A}.320102002001.32010200200101`;
  const OUTSIDE = '32.3201.320102.320102003.320102003001';
  const roleActor = (role: Role, organizationId: string | null = null) => {
    const global = role === Role.SYSTEM_ADMIN;
    const grant: Grant = { role, regionId: global ? null : 'r', regionPath: global ? null : STREET_A, organizationId };
    return new Actor('me', [grant]);
  };
  const cases = Object.values(Permission).flatMap((permission) => Object.values(Role).map((role) => [permission, role] as const));

  it.each(cases)('%s for %s: inside its scope iff the row lists the role, never outside', (permission, role) => {
    const rule = PERMISSIONS[permission];
    const listed = rule.roles.includes(role);
    const everywhere = role === Role.SYSTEM_ADMIN;
    switch (rule.scope) {
      case ScopeKind.REGION: {
        const a = roleActor(role);
        expect(a.holds(permission)).toBe(listed);
        expect(a.can(permission, { regionPath: INSIDE })).toBe(listed);
        expect(a.can(permission, { regionPath: OUTSIDE })).toBe(listed && everywhere);
        expect(a.can(permission, {})).toBe(listed && everywhere);
        expect(a.scopeOf(permission)).toEqual(listed ? (everywhere ? 'ALL' : [STREET_A]) : []);
        break;
      }
      case ScopeKind.ORGANIZATION: {
        const a = roleActor(role, everywhere ? null : 'org-1');
        expect(a.holds(permission)).toBe(listed);
        expect(a.can(permission, { organizationId: 'org-1' })).toBe(listed);
        expect(a.can(permission, { organizationId: 'org-2' })).toBe(listed && everywhere);
        expect(a.can(permission, { organizationId: null })).toBe(false);
        break;
      }
      case ScopeKind.SELF: {
        const a = roleActor(role);
        expect(rule.roles).toEqual([]);
        expect(a.holds(permission)).toBe(true);
        expect(a.can(permission, { personId: 'me' })).toBe(true);
        expect(a.can(permission, { personId: 'someone else' })).toBe(false);
        break;
      }
      case ScopeKind.ANY: {
        const a = roleActor(role);
        expect(rule.roles).toEqual([]);
        expect(a.holds(permission)).toBe(true);
        expect(a.can(permission, { regionPath: OUTSIDE })).toBe(true);
        break;
      }
    }
  });

  it('refuses an actor without grants every role-held permission', () => {
    const nobody = new Actor('me', []);
    for (const permission of Object.values(Permission)) {
      const scope = PERMISSIONS[permission].scope;
      expect(nobody.holds(permission)).toBe(scope === ScopeKind.SELF || scope === ScopeKind.ANY);
    }
  });
});

describe('the registry rows say what the code did before the matrix (pinned)', () => {
  const R = Role;
  const CASE_STAFF = [R.GRID_WORKER, R.COMMUNITY_WORKER, R.SOCIAL_WORKER, R.STREET_ADMIN, R.SYSTEM_ADMIN];
  it.each([
    [Permission.PERSON_READ, CASE_STAFF],
    [Permission.PERSON_READ_MASKED, [R.VOLUNTEER, R.ORG_ADMIN, R.CHARITY_ADMIN]],
    [Permission.ID_NUMBER_READ, [R.COMMUNITY_WORKER, R.STREET_ADMIN, R.SYSTEM_ADMIN]],
    [Permission.RELATIVE_RECORD, [R.COMMUNITY_WORKER]],
    [Permission.FLAG_RECORD, [R.GRID_WORKER, R.COMMUNITY_WORKER]],
    [Permission.ACCESS_LOG_READ, [R.STREET_ADMIN, R.SYSTEM_ADMIN]],
    [Permission.VOLUNTEER_READ, CASE_STAFF],
    [Permission.VOLUNTEER_RECORD, [R.COMMUNITY_WORKER]],
    [Permission.VOLUNTEER_PEER_READ, [R.VOLUNTEER, R.ORG_ADMIN]],
    [Permission.VOLUNTEER_VET, [R.COMMUNITY_WORKER, R.STREET_ADMIN, R.SYSTEM_ADMIN]],
    [Permission.VOLUNTEER_TEAM_READ, [R.VOLUNTEER, ...CASE_STAFF, R.ORG_ADMIN]],
    [Permission.VOLUNTEER_TEAM_MANAGE, [R.COMMUNITY_WORKER]],
    [Permission.VOLUNTEER_TEAM_ORG_MANAGE, [R.ORG_ADMIN]],
    [Permission.ORGANIZATION_READ, [R.COMMUNITY_WORKER, R.SOCIAL_WORKER, R.STREET_ADMIN, R.SYSTEM_ADMIN]],
    [Permission.ORGANIZATION_REVIEW, [R.STREET_ADMIN, R.SYSTEM_ADMIN]],
    [Permission.ORGANIZATION_MANAGE, [R.ORG_ADMIN, R.SYSTEM_ADMIN]],
    [Permission.SOCIAL_WORKER_READ, [R.COMMUNITY_WORKER, R.SOCIAL_WORKER, R.STREET_ADMIN, R.SYSTEM_ADMIN]],
    [Permission.STATION_MANAGE, [R.STREET_ADMIN, R.SYSTEM_ADMIN]],
    [Permission.RESOURCE_READ, Object.values(R)],
    [Permission.RESOURCE_MANAGE, [R.COMMUNITY_WORKER, R.STREET_ADMIN, R.SYSTEM_ADMIN]],
    [Permission.CHARITY_MANAGE, [R.CHARITY_ADMIN, R.STREET_ADMIN, R.SYSTEM_ADMIN]],
    [Permission.CHARITY_READ, [R.CHARITY_ADMIN, R.SOCIAL_WORKER, R.COMMUNITY_WORKER, R.STREET_ADMIN, R.SYSTEM_ADMIN]],
  ])('%s is held by exactly %j', (permission, roles) => {
    expect([...PERMISSIONS[permission].roles].sort()).toEqual([...roles].sort());
  });
});
