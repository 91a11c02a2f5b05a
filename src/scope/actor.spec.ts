import { Actor, Grant, pathWithin, scopePredicate } from './actor.js';
import { Permission } from './permission.js';
import { Role } from './role.js';

const g = (role: Role, regionPath: string | null, organizationId: string | null = null): Grant => ({
  role,
  regionId: regionPath ? 'r' : null,
  regionPath,
  organizationId,
});

describe('pathWithin', () => {
  it('matches the node itself and its descendants only', () => {
    expect(pathWithin('32.3201', '32.3201')).toBe(true);
    expect(pathWithin('32.3201.320102', '32.3201')).toBe(true);
    expect(pathWithin('32.32011', '32.3201')).toBe(false);
    expect(pathWithin('32', '32.3201')).toBe(false);
  });
});

describe('Actor', () => {
  it('collapses nested scopes and answers covers per role', () => {
    const a = new Actor('p', [
      g(Role.COMMUNITY_WORKER, '32.3201.320102.320102002.320102002001'),
      g(Role.STREET_ADMIN, '32.3201.320102.320102002'),
      g(Role.VOLUNTEER, '32.3201.320102.320102003.320102003001'),
    ]);
    expect(a.scopePaths(Role.COMMUNITY_WORKER, Role.STREET_ADMIN)).toEqual(['32.3201.320102.320102002']);
    expect(a.covers('32.3201.320102.320102002.320102002002', Role.COMMUNITY_WORKER)).toBe(false);
    expect(a.covers('32.3201.320102.320102002.320102002002', Role.STREET_ADMIN)).toBe(true);
    expect(a.covers('32.3201.320102.320102003.320102003001.32010200300101', Role.VOLUNTEER)).toBe(true);
    expect(a.covers(null, Role.STREET_ADMIN)).toBe(false);
    expect(a.hasRole(Role.SYSTEM_ADMIN)).toBe(false);
  });

  it('treats a grant without region as everywhere', () => {
    const admin = new Actor('p', [g(Role.SYSTEM_ADMIN, null)]);
    expect(admin.scopePaths(Role.SYSTEM_ADMIN)).toBe('ALL');
    expect(admin.covers('99', Role.SYSTEM_ADMIN)).toBe(true);
    expect(admin.covers('99', Role.STREET_ADMIN)).toBe(false);
  });

  it('checks organization-scoped grants', () => {
    const a = new Actor('p', [g(Role.ORG_ADMIN, '32.3201', 'org-1')]);
    expect(a.coversOrganization('org-1', Role.ORG_ADMIN)).toBe(true);
    expect(a.coversOrganization('org-2', Role.ORG_ADMIN)).toBe(false);
  });
});

describe('scopePredicate', () => {
  it('emits one indexable <@ term per scope, with parameters', () => {
    const params: unknown[] = ['x'];
    expect(scopePredicate('r.path', ['32.1', '32.2'], params)).toBe('(r.path <@ $2::ltree OR r.path <@ $3::ltree)');
    expect(params).toEqual(['x', '32.1', '32.2']);
  });
  it('is TRUE for everywhere and FALSE for nowhere', () => {
    expect(scopePredicate('p', 'ALL', [])).toBe('TRUE');
    expect(scopePredicate('p', [], [])).toBe('FALSE');
  });
});

describe('Actor.can (the permission matrix)', () => {
  const street = '32.3201.320102.320102002';
  it('checks REGION rows against the target path, SELF against the person, ORGANIZATION against the grant', () => {
    const admin = new Actor('p', [g(Role.STREET_ADMIN, street)]);
    expect(admin.can(Permission.PROJECT_APPROVE, { regionPath: `${street}.320102002001` })).toBe(true);
    expect(admin.can(Permission.PROJECT_APPROVE, { regionPath: '32.3201.320102.320102003' })).toBe(false);
    expect(admin.can(Permission.PROJECT_APPLY, { organizationId: 'org-1' })).toBe(false);
    expect(admin.can(Permission.SELF, { personId: 'p' })).toBe(true);
    expect(admin.can(Permission.SELF, { personId: 'q' })).toBe(false);
    expect(admin.holds(Permission.PROJECT_APPROVE)).toBe(true);
    expect(admin.holds(Permission.ACTIVITY_SIGN_UP)).toBe(false);
    const org = new Actor('o', [g(Role.ORG_ADMIN, street, 'org-1')]);
    expect(org.can(Permission.PROJECT_APPLY, { organizationId: 'org-1' })).toBe(true);
    expect(org.can(Permission.PROJECT_APPLY, { organizationId: 'org-2' })).toBe(false);
    expect(org.scopeOf(Permission.PROJECT_APPROVE)).toEqual([]);
    expect(admin.scopeOf(Permission.PROJECT_APPROVE)).toEqual([street]);
  });
});
