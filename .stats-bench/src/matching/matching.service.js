var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Injectable } from '@nestjs/common';
import { isUuid } from '../common/ids.js';
import { Permission } from '../scope/permission.js';
import { planBatch } from './batch-plan.js';
import { Exclusion, matchingErrors } from './matching.errors.js';
import { MatchingRepository } from './matching.repository.js';
import { exclusions, exclusionTexts, haversineKm, score } from './scoring.js';
import { CATEGORY_LABEL } from '../needs/need.model.js';
/** Scores one pair, or says why it is excluded (codes; their texts come from the matching catalog). */
export function evaluate(p) {
    const distanceKm = p.needAt && p.candidate.at ? haversineKm(p.needAt, p.candidate.at) : null;
    const facts = { ...p.candidate, distanceKm };
    const excluded = exclusions(p.need, facts, p.need.category);
    const s = score(p.need, facts);
    return { excluded, ranked: { ...s, needId: p.needId, volunteerId: p.candidate.volunteerId, personId: p.candidate.personId, distanceKm: distanceKm === null ? null : Math.round(distanceKm * 100) / 100 } };
}
/** `value` when it is a whole number in [min, max], else the catalog's error. */
function inRange(value, min, max, error) {
    if (!Number.isInteger(value) || value < min || value > max)
        throw error();
    return value;
}
const byScore = (a, b) => b.score - a.score || (a.volunteerId < b.volunteerId ? -1 : 1);
/** Matching 供需对接 (DESIGN.md §7): hard filters, then the named score, for one need, one volunteer's feed, or a whole station. */
let MatchingService = class MatchingService {
    repo;
    constructor(repo) {
        this.repo = repo;
    }
    /** Eligible volunteers for a need, best first. */
    async candidates(needId, first, m) {
        const pairs = await this.repo.candidatesFor(needId, m);
        return pairs.map(evaluate).filter((e) => e.excluded.length === 0).map((e) => e.ranked).sort(byScore).slice(0, first);
    }
    /** `matchCandidates`: the best `first` (1–50) candidates of a need whose grid lies in the actor's triage scope. */
    async candidatesFor(actor, needId, first) {
        const n = inRange(first ?? 10, 1, 50, matchingErrors.firstOutOfRange);
        await this.scopedPath(actor, Permission.NEED_TRIAGE, isUuid(needId) ? this.repo.needPath(needId) : null, matchingErrors.needNotFound, matchingErrors.candidatesForbidden);
        return this.candidates(needId, n);
    }
    /** The batch plan of a region in the actor's batch-dispatch scope, each volunteer taking at most `capacity` (1–5). */
    async plan(actor, regionId, capacity) {
        const c = inRange(capacity ?? 1, 1, 5, matchingErrors.capacityOutOfRange);
        const path = await this.scopedPath(actor, Permission.NEED_BATCH_DISPATCH, isUuid(regionId) ? this.repo.regionPath(regionId) : null, matchingErrors.regionNotFound, matchingErrors.batchForbidden);
        return this.batchPlan(path, c);
    }
    /** The region path of what an id names, when it exists (else `missing`) and lies in the actor's scope of `permission` (else `denied`). */
    async scopedPath(actor, permission, lookup, missing, denied) {
        const path = await lookup;
        if (!path)
            throw missing();
        if (!actor.can(permission, { regionPath: path }))
            throw denied();
        return path;
    }
    /** One volunteer for one need: eligible or not, with reasons either way. */
    async check(needId, volunteerId, m) {
        const p = await this.repo.pair(needId, volunteerId, m);
        return p ? evaluate(p) : null;
    }
    /**
     * The fitness rules of a need (DESIGN.md §5, §7: approval, area, skills, availability, overlapping held needs,
     * vetting, age) applied to a dated session that is not a need — a project activity. Under-18s may join: an
     * activity is a group led by the organization's adults. Returns why the volunteer does not fit (empty = fits).
     */
    async checkSession(m, volunteerId, s) {
        const facts = await this.repo.sessionFacts(m, volunteerId, s);
        if (!facts)
            return null;
        const need = {
            category: s.category, categoryLabel: CATEGORY_LABEL[s.category] ?? s.category, requiredSkills: s.requiredSkills,
            windowStart: s.start, windowEnd: s.end, requiresVetting: s.requiresVetting, preferPartyMember: false,
        };
        const codes = exclusions(need, { ...facts, distanceKm: null }, s.category).filter((e) => e !== Exclusion.MINOR);
        const excluded = exclusionTexts(need, codes);
        return { excluded, personId: facts.personId };
    }
    /** Open needs the volunteer may take, ranked for them with the same score. */
    async feed(volunteerId) {
        const pairs = await this.repo.feedFor(volunteerId);
        return pairs.map(evaluate).filter((e) => e.excluded.length === 0).map((e) => e.ranked).sort((a, b) => b.score - a.score || (a.needId < b.needId ? -1 : 1));
    }
    /** The optimal assignment of the open needs under `regionPath` to their eligible volunteers, each taking at most `capacity`. */
    async batchPlan(regionPath, capacity) {
        const needs = await this.repo.openNeedsUnder(regionPath, 200);
        const needIds = needs.map((n) => n.id);
        const pairs = [];
        for (const id of needIds)
            pairs.push(...(await this.repo.candidatesFor(id)));
        const eligible = pairs.map(evaluate).filter((e) => e.excluded.length === 0).map((e) => e.ranked);
        const volunteerIds = [...new Set(eligible.map((e) => e.volunteerId))].sort();
        const vIndex = new Map(volunteerIds.map((v, i) => [v, i]));
        const nIndex = new Map(needIds.map((n, i) => [n, i]));
        const matrix = needIds.map(() => volunteerIds.map(() => null));
        const byCell = new Map();
        for (const e of eligible) {
            const i = nIndex.get(e.needId);
            const j = vIndex.get(e.volunteerId);
            matrix[i][j] = e.score;
            byCell.set(`${i}:${j}`, e);
        }
        const windows = needs.map((n) => [n.windowStart.getTime(), n.windowEnd.getTime()]);
        // Exact under capacity and without double-booking anyone (branch and bound over time clashes, batch-plan.ts).
        const result = planBatch({ scores: matrix, capacity: volunteerIds.map(() => capacity), windows });
        const chosen = result.pairs.map(([i, j]) => byCell.get(`${i}:${j}`));
        const assigned = new Set(chosen.map((c) => c.needId));
        return { total: Math.round(result.total * 10) / 10, pairs: chosen, unassigned: needIds.filter((n) => !assigned.has(n)), optimal: result.optimal };
    }
};
MatchingService = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [MatchingRepository])
], MatchingService);
export { MatchingService };
//# sourceMappingURL=matching.service.js.map