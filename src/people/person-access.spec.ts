import { Actor } from '../scope/actor.js';
import { Role } from '../scope/role.js';
import { personAccess } from './person-access.js';

const A1G1 = '32.3201.320102.320102002.320102002001.32010200200101';
const A1 = '32.3201.320102.320102002.320102002001';
const STREET_A = '32.3201.320102.320102002';
const B1 = '32.3201.320102.320102003.320102003001';

const actor = (role: Role, path: string | null) => new Actor('viewer', [{ role, regionId: 'r', regionPath: path, organizationId: null }]);

describe('personAccess', () => {
  it('lets a person see all of themselves without logging', () => {
    expect(personAccess(actor(Role.RESIDENT, A1G1), 'viewer', [A1G1])).toEqual({ view: 'SELF', idNumber: 'FULL', logIdNumberRead: false });
  });

  it.each([
    [Role.RESIDENT, A1G1, 'NONE', 'NONE'],
    [Role.VOLUNTEER, A1, 'MASKED', 'NONE'],
    [Role.GRID_WORKER, A1G1, 'FULL', 'MASKED'],
    [Role.COMMUNITY_WORKER, A1, 'FULL', 'FULL'],
    [Role.SOCIAL_WORKER, STREET_A, 'FULL', 'MASKED'],
    [Role.ORG_ADMIN, STREET_A, 'MASKED', 'NONE'],
    [Role.CHARITY_ADMIN, STREET_A, 'MASKED', 'NONE'],
    [Role.STREET_ADMIN, STREET_A, 'FULL', 'FULL'],
    [Role.SYSTEM_ADMIN, null, 'FULL', 'FULL'],
  ])('%s in scope sees a resident of A1 grid 1 as %s (ID number %s)', (role, scope, view, id) => {
    const access = personAccess(actor(role, scope), 'subject', [A1G1]);
    expect(access.view).toBe(view);
    expect(access.idNumber).toBe(id);
    expect(access.logIdNumberRead).toBe(id === 'FULL');
  });

  it.each([Role.RESIDENT, Role.VOLUNTEER, Role.GRID_WORKER, Role.COMMUNITY_WORKER, Role.SOCIAL_WORKER, Role.ORG_ADMIN, Role.CHARITY_ADMIN, Role.STREET_ADMIN])(
    '%s of street B sees nothing of a resident of street A',
    (role) => {
      expect(personAccess(actor(role, B1), 'subject', [A1G1]).view).toBe('NONE');
    },
  );
});
