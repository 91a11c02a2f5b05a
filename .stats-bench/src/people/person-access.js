import { Permission } from '../scope/permission.js';
/**
 * Decides access to a person whose home lies at `subjectPaths` (their grid and the regions of their roles).
 * The policy as rows of the permission matrix (PERSON_READ, ID_NUMBER_READ, PERSON_READ_MASKED), tested cell by cell in person-access.spec.ts and the scope matrix e2e test.
 */
export function personAccess(actor, subjectId, subjectPaths) {
    if (actor.personId === subjectId)
        return { view: 'SELF', idNumber: 'FULL', logIdNumberRead: false };
    if (actor.canAnyOf(Permission.PERSON_READ, subjectPaths)) {
        const full = actor.canAnyOf(Permission.ID_NUMBER_READ, subjectPaths);
        return { view: 'FULL', idNumber: full ? 'FULL' : 'MASKED', logIdNumberRead: full };
    }
    if (actor.canAnyOf(Permission.PERSON_READ_MASKED, subjectPaths))
        return { view: 'MASKED', idNumber: 'NONE', logIdNumberRead: false };
    return { view: 'NONE', idNumber: 'NONE', logIdNumberRead: false };
}
//# sourceMappingURL=person-access.js.map