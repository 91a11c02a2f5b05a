var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Volunteer } from '../volunteers/volunteer.model.js';
let MatchScoreComponent = class MatchScoreComponent {
    name;
    label;
    weight;
    value;
    points;
};
__decorate([
    Field({ description: 'SKILL_FIT, DISTANCE, AVAILABILITY, RELIABILITY, CONTINUITY, FAIRNESS, PARTY_MEMBER' }),
    __metadata("design:type", String)
], MatchScoreComponent.prototype, "name", void 0);
__decorate([
    Field({ description: 'Chinese label' }),
    __metadata("design:type", String)
], MatchScoreComponent.prototype, "label", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], MatchScoreComponent.prototype, "weight", void 0);
__decorate([
    Field(() => Float, { description: '0–1' }),
    __metadata("design:type", Number)
], MatchScoreComponent.prototype, "value", void 0);
__decorate([
    Field(() => Float, { description: 'weight × value' }),
    __metadata("design:type", Number)
], MatchScoreComponent.prototype, "points", void 0);
MatchScoreComponent = __decorate([
    ObjectType('MatchScoreComponent', { description: 'One named part of a match score (DESIGN.md §7)' })
], MatchScoreComponent);
export { MatchScoreComponent };
let MatchCandidate = class MatchCandidate {
    volunteer;
    rank;
    score;
    reasons;
    components;
    distanceKm;
    volunteerId;
};
__decorate([
    Field(() => Volunteer),
    __metadata("design:type", Volunteer)
], MatchCandidate.prototype, "volunteer", void 0);
__decorate([
    Field(() => Int, { description: '1 = best' }),
    __metadata("design:type", Number)
], MatchCandidate.prototype, "rank", void 0);
__decorate([
    Field(() => Float, { description: '0–100' }),
    __metadata("design:type", Number)
], MatchCandidate.prototype, "score", void 0);
__decorate([
    Field(() => [String], { description: 'Why, in Chinese, one line per component' }),
    __metadata("design:type", Array)
], MatchCandidate.prototype, "reasons", void 0);
__decorate([
    Field(() => [MatchScoreComponent]),
    __metadata("design:type", Array)
], MatchCandidate.prototype, "components", void 0);
__decorate([
    Field(() => Float, { nullable: true }),
    __metadata("design:type", Object)
], MatchCandidate.prototype, "distanceKm", void 0);
MatchCandidate = __decorate([
    ObjectType('MatchCandidate', { description: '匹配候选: a volunteer for a need, with the score and the reasons for it' })
], MatchCandidate);
export { MatchCandidate };
let BatchAssignmentPair = class BatchAssignmentPair {
    needId;
    volunteer;
    score;
    reasons;
    dispatched;
    error;
    volunteerId;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], BatchAssignmentPair.prototype, "needId", void 0);
__decorate([
    Field(() => Volunteer),
    __metadata("design:type", Volunteer)
], BatchAssignmentPair.prototype, "volunteer", void 0);
__decorate([
    Field(() => Float),
    __metadata("design:type", Number)
], BatchAssignmentPair.prototype, "score", void 0);
__decorate([
    Field(() => [String]),
    __metadata("design:type", Array)
], BatchAssignmentPair.prototype, "reasons", void 0);
__decorate([
    Field({ description: 'Set by batchDispatch: whether the dispatch was carried out' }),
    __metadata("design:type", Boolean)
], BatchAssignmentPair.prototype, "dispatched", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'Why the dispatch failed (e.g. the need moved on meanwhile)' }),
    __metadata("design:type", Object)
], BatchAssignmentPair.prototype, "error", void 0);
BatchAssignmentPair = __decorate([
    ObjectType('BatchAssignmentPair', { description: 'One need given to one volunteer by the batch assignment' })
], BatchAssignmentPair);
export { BatchAssignmentPair };
let BatchAssignment = class BatchAssignment {
    total;
    optimal;
    assignments;
    unassignedNeedIds;
};
__decorate([
    Field(() => Float, { description: 'Sum of the scores of the pairs; maximal over all feasible assignments when `optimal`' }),
    __metadata("design:type", Number)
], BatchAssignment.prototype, "total", void 0);
__decorate([
    Field({ description: 'Proven optimal; false only when the search over time clashes hit its step limit and returns the best plan found' }),
    __metadata("design:type", Boolean)
], BatchAssignment.prototype, "optimal", void 0);
__decorate([
    Field(() => [BatchAssignmentPair]),
    __metadata("design:type", Array)
], BatchAssignment.prototype, "assignments", void 0);
__decorate([
    Field(() => [ID], { description: 'Open needs with no feasible volunteer left' }),
    __metadata("design:type", Array)
], BatchAssignment.prototype, "unassignedNeedIds", void 0);
BatchAssignment = __decorate([
    ObjectType('BatchAssignment', { description: '批量派单: an optimal assignment of open needs to volunteers under capacity (Hungarian algorithm)' })
], BatchAssignment);
export { BatchAssignment };
/** A batch plan with, after `batchDispatch`, each pair's outcome (null = dispatched, else the error message). */
export function toBatch(plan, outcome) {
    return {
        total: plan.total,
        optimal: plan.optimal,
        unassignedNeedIds: plan.unassigned,
        assignments: plan.pairs.map((p) => ({
            needId: p.needId,
            volunteerId: p.volunteerId,
            volunteer: null,
            score: p.score,
            reasons: p.reasons,
            dispatched: outcome ? outcome.get(p.needId) === null : false,
            error: outcome ? (outcome.get(p.needId) ?? null) : null,
        })),
    };
}
/** The candidates of one need as the API shows them, best first. */
export function toCandidates(ranked) {
    return ranked.map((r, i) => ({ volunteerId: r.volunteerId, volunteer: null, rank: i + 1, score: r.score, reasons: r.reasons, components: r.components, distanceKm: r.distanceKm }));
}
//# sourceMappingURL=match-candidate.model.js.map