import { OrganizationCategory } from '../organizations/organization.model.js';
const O = OrganizationCategory;
/** Organizations of every category may undertake public-welfare work; these are the categories that fit each kind of project besides. */
const GENERAL = [O.PUBLIC_WELFARE, O.COMMUNITY_AFFAIRS];
/**
 * Which organization categories may undertake a project of each need category (docs/projects.md "Applications"):
 * the kind of service the organization was registered for must match what the project delivers.
 */
export const ORGANIZATION_FIT = {
    ELDERLY_CARE: [O.LIFE_SERVICE, O.ASSISTANCE, O.MUTUAL_AID, ...GENERAL],
    DISABILITY_SUPPORT: [O.LIFE_SERVICE, O.ASSISTANCE, O.MUTUAL_AID, ...GENERAL],
    MEAL_ASSISTANCE: [O.LIFE_SERVICE, O.ASSISTANCE, O.MUTUAL_AID, ...GENERAL],
    CHILD_CARE: [O.LIFE_SERVICE, O.ASSISTANCE, ...GENERAL],
    MEDICAL_ESCORT: [O.LIFE_SERVICE, O.ASSISTANCE, ...GENERAL],
    HOUSEKEEPING: [O.LIFE_SERVICE, O.MUTUAL_AID, ...GENERAL],
    REPAIR: [O.LIFE_SERVICE, O.MUTUAL_AID, ...GENERAL],
    PSYCHOLOGICAL: [O.ASSISTANCE, O.MEDIATION, ...GENERAL],
    LEGAL_AID: [O.MEDIATION, O.ASSISTANCE, ...GENERAL],
    EMPLOYMENT: [O.ASSISTANCE, O.RURAL_REVITALIZATION, ...GENERAL],
    EDUCATION: [O.CULTURE_SPORTS, O.ASSISTANCE, ...GENERAL],
    CULTURE_SPORTS: [O.CULTURE_SPORTS, O.MUTUAL_AID, ...GENERAL],
    EMERGENCY_RELIEF: [O.ASSISTANCE, O.MUTUAL_AID, ...GENERAL],
    OTHER: Object.values(O),
};
export function organizationFits(projectCategory, organizationCategory) {
    return ORGANIZATION_FIT[projectCategory].includes(organizationCategory);
}
/** Weighted evaluation total: Σ weight × score / 100, to two decimals (weights sum to 100). */
export function totalScore(scores) {
    return Math.round(scores.reduce((s, x) => s + x.weight * x.score, 0)) / 100;
}
/** Why a set of evaluation scores is invalid, or null (criteria unique and named, integer weights 1–100 summing to 100, scores 0–100). */
export function scoresProblem(scores) {
    if (scores.length === 0)
        return '请至少填写一个评估维度';
    const names = scores.map((s) => s.criterion.trim());
    if (names.some((n) => !n))
        return '评估维度名称不能为空';
    if (new Set(names).size !== names.length)
        return '评估维度不能重复';
    if (scores.some((s) => !Number.isInteger(s.weight) || s.weight < 1 || s.weight > 100))
        return '权重应为 1–100 的整数';
    if (scores.some((s) => !Number.isInteger(s.score) || s.score < 0 || s.score > 100))
        return '分数应为 0–100 的整数';
    const sum = scores.reduce((s, x) => s + x.weight, 0);
    if (sum !== 100)
        return `权重之和应为 100（现为 ${sum}）`;
    return null;
}
/**
 * Splits a tranche over the charity lines in order, each giving at most what it still holds. Returns null when the
 * lines together hold less than `amount`.
 */
export function allocateTranche(amount, lines) {
    let left = amount;
    const out = [];
    for (const l of lines) {
        if (left === 0)
            break;
        const take = Math.min(left, Math.max(0, l.held));
        if (take > 0)
            out.push({ id: l.id, amount: take });
        left -= take;
    }
    return left === 0 ? out : null;
}
//# sourceMappingURL=organization-fit.js.map