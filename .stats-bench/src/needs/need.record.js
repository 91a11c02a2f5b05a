/** The claim released: nobody holds the need any more. */
export const UNCLAIM = { claimedBy: null, claimedAt: null, dispatchedBy: null, dispatchOverrideReason: null };
/** A value the need's state guarantees (e.g. the claimant of a CLAIMED need); a missing one is a bug, not an input error. */
export function present(value, what) {
    if (value === null || value === undefined)
        throw new Error(`need invariant: ${what} is missing`);
    return value;
}
//# sourceMappingURL=need.record.js.map