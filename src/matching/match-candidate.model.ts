import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Volunteer } from '../volunteers/volunteer.model.js';
import type { BatchPlan, RankedPair } from './matching.service.js';

@ObjectType('MatchScoreComponent', { description: 'One named part of a match score (docs/design.md §7)' })
export class MatchScoreComponent {
  @Field({ description: 'SKILL_FIT, DISTANCE, AVAILABILITY, RELIABILITY, CONTINUITY, FAIRNESS, PARTY_MEMBER' }) name: string;
  @Field({ description: 'Chinese label' }) label: string;
  @Field(() => Int) weight: number;
  @Field(() => Float, { description: '0–1' }) value: number;
  @Field(() => Float, { description: 'weight × value' }) points: number;
}

@ObjectType('MatchCandidate', { description: '匹配候选: a volunteer for a need, with the score and the reasons for it' })
export class MatchCandidate {
  @Field(() => Volunteer) volunteer: Volunteer;
  @Field(() => Int, { description: '1 = best' }) rank: number;
  @Field(() => Float, { description: '0–100' }) score: number;
  @Field(() => [String], { description: 'Why, in Chinese, one line per component' }) reasons: string[];
  @Field(() => [MatchScoreComponent]) components: MatchScoreComponent[];
  @Field(() => Float, { nullable: true }) distanceKm: number | null;
  volunteerId: string;
}

@ObjectType('BatchAssignmentPair', { description: 'One need given to one volunteer by the batch assignment' })
export class BatchAssignmentPair {
  @Field(() => ID) needId: string;
  @Field(() => Volunteer) volunteer: Volunteer;
  @Field(() => Float) score: number;
  @Field(() => [String]) reasons: string[];
  @Field({ description: 'Set by batchDispatch: whether the dispatch was carried out' }) dispatched: boolean;
  @Field(() => String, { nullable: true, description: 'Why the dispatch failed (e.g. the need moved on meanwhile)' }) error: string | null;
  volunteerId: string;
}

@ObjectType('BatchAssignment', { description: '批量派单: an optimal assignment of open needs to volunteers under capacity (Hungarian algorithm)' })
export class BatchAssignment {
  @Field(() => Float, { description: 'Sum of the scores of the pairs; maximal over all feasible assignments when `optimal`' }) total: number;
  @Field({ description: 'Proven optimal; false only when the search over time clashes hit its step limit and returns the best plan found' }) optimal: boolean;
  @Field(() => [BatchAssignmentPair]) assignments: BatchAssignmentPair[];
  @Field(() => [ID], { description: 'Open needs with no feasible volunteer left' }) unassignedNeedIds: string[];
}

/** A batch plan with, after `batchDispatch`, each pair's outcome (null = dispatched, else the error message). */
export function toBatch(plan: BatchPlan, outcome?: ReadonlyMap<string, string | null>): BatchAssignment {
  return {
    total: plan.total,
    optimal: plan.optimal,
    unassignedNeedIds: plan.unassigned,
    assignments: plan.pairs.map((p) => ({
      needId: p.needId,
      volunteerId: p.volunteerId,
      volunteer: null as unknown as Volunteer,
      score: p.score,
      reasons: p.reasons,
      dispatched: outcome ? outcome.get(p.needId) === null : false,
      error: outcome ? (outcome.get(p.needId) ?? null) : null,
    })),
  };
}

/** The candidates of one need as the API shows them, best first. */
export function toCandidates(ranked: readonly RankedPair[]): MatchCandidate[] {
  return ranked.map((r, i) => ({
    volunteerId: r.volunteerId,
    volunteer: null as unknown as Volunteer,
    rank: i + 1,
    score: r.score,
    reasons: r.reasons,
    components: r.components,
    distanceKm: r.distanceKm,
  }));
}
