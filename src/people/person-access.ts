import { Actor } from '../scope/actor.js';
import { CASE_STAFF, Role } from '../scope/role.js';

/** How much of a person a viewer may see (docs/design.md §11: need-to-know, masked by default). */
export interface PersonAccess {
  /** SELF and FULL show name, phone and address; MASKED shows 王* and 138****0001 and no address. */
  view: 'SELF' | 'FULL' | 'MASKED' | 'NONE';
  /** FULL ID numbers go to the person and to staff who handle records; staff reads are logged. */
  idNumber: 'FULL' | 'MASKED' | 'NONE';
  logIdNumberRead: boolean;
}

/** Roles that handle records needing the full ID number (relatives, certificates, subsidies). */
export const ID_NUMBER_READERS: readonly Role[] = [Role.COMMUNITY_WORKER, Role.STREET_ADMIN, Role.SYSTEM_ADMIN];
/** Roles that may see that a person exists in their scope, masked. */
export const MASKED_VIEWERS: readonly Role[] = [Role.VOLUNTEER, Role.ORG_ADMIN, Role.CHARITY_ADMIN];

/**
 * Decides access to a person whose home lies at `subjectPaths` (their grid and the regions of their roles).
 * The policy as a table, tested cell by cell in person-access.spec.ts and the scope matrix e2e test.
 */
export function personAccess(actor: Actor, subjectId: string, subjectPaths: readonly string[]): PersonAccess {
  if (actor.personId === subjectId) return { view: 'SELF', idNumber: 'FULL', logIdNumberRead: false };
  const covered = (roles: readonly Role[]) => subjectPaths.some((p) => actor.covers(p, ...roles)) || actor.scopePaths(...roles) === 'ALL';
  if (covered(CASE_STAFF)) {
    const full = covered(ID_NUMBER_READERS);
    return { view: 'FULL', idNumber: full ? 'FULL' : 'MASKED', logIdNumberRead: full };
  }
  if (covered(MASKED_VIEWERS)) return { view: 'MASKED', idNumber: 'NONE', logIdNumberRead: false };
  return { view: 'NONE', idNumber: 'NONE', logIdNumberRead: false };
}
