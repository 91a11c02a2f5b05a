/** 星级志愿者 (DESIGN.md §6.4): thresholds in verified hours for ★1 … ★5. */
export const STAR_THRESHOLD_HOURS = [100, 300, 600, 1000, 1500];
export function starLevel(verifiedMinutes) {
    let level = 0;
    for (const hours of STAR_THRESHOLD_HOURS)
        if (verifiedMinutes >= hours * 60)
            level++;
    return level;
}
/**
 * Reliability in [0, 1]: 70 % how often claimed services were completed (a no-show counts fully against,
 * a withdrawal half; smoothed so that a newcomer starts at 0.5), 30 % the average rating (0.8 when unrated).
 */
export function reliability(s) {
    const completion = (s.completed + 1) / (s.completed + s.noShows + 0.5 * s.withdrawals + 2);
    const rating = s.ratingCount > 0 ? s.ratingSum / s.ratingCount / 5 : 0.8;
    return Math.round((0.7 * completion + 0.3 * rating) * 1000) / 1000;
}
//# sourceMappingURL=star-level.js.map