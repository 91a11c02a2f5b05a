/** Urgency of a need; drives its deadlines (DESIGN.md §5 接诉即办/限时办结). */
export var Urgency;
(function (Urgency) {
    Urgency["NORMAL"] = "NORMAL";
    Urgency["URGENT"] = "URGENT";
    Urgency["EMERGENCY"] = "EMERGENCY";
})(Urgency || (Urgency = {}));
/** Defaults of DESIGN.md §5; a region (or any ancestor) may override them in need_deadline_policies. */
export const DEFAULT_DEADLINES = {
    [Urgency.EMERGENCY]: { acceptMinutes: 30, claimMinutes: 2 * 60 },
    [Urgency.URGENT]: { acceptMinutes: 2 * 60, claimMinutes: 24 * 60 },
    [Urgency.NORMAL]: { acceptMinutes: 24 * 60, claimMinutes: 72 * 60 },
};
export function deadlinesFrom(postedAt, policy) {
    return {
        acceptBy: new Date(postedAt.getTime() + policy.acceptMinutes * 60_000),
        claimBy: new Date(postedAt.getTime() + policy.claimMinutes * 60_000),
    };
}
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
/** ISO weekday (1 = Monday) and minute of the day of `at` in Asia/Shanghai (no DST there). */
export function localWeekdayMinute(at) {
    const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
    const day = local.getUTCDay();
    return {
        weekday: day === 0 ? 7 : day,
        minute: local.getUTCHours() * 60 + local.getUTCMinutes(),
        dayStart: Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - SHANGHAI_OFFSET_MS,
    };
}
/**
 * `days` working days after `from` (Monday–Friday, Asia/Shanghai), same time of day: the fix deadline of a
 * review item (5 working days by default, DESIGN.md §9). Public holidays are not modelled.
 */
export function addWorkingDays(from, days) {
    let t = from.getTime();
    let left = days;
    while (left > 0) {
        t += 24 * 3600_000;
        const { weekday } = localWeekdayMinute(new Date(t));
        if (weekday <= 5)
            left--;
    }
    return new Date(t);
}
//# sourceMappingURL=need-deadlines.js.map