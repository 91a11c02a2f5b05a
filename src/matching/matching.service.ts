import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isUuid } from '../common/ids.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { planBatch } from './batch-plan.js';
import { Exclusion, matchingErrors } from './matching.errors.js';
import { MatchingRepository, PairFacts } from './matching.repository.js';
import { exclusions, exclusionTexts, haversineKm, score, Scored } from './scoring.js';
import { CATEGORY_LABEL, NeedCategory } from '../needs/need.model.js';
import type { SparsePair } from './sparse-assignment.js';

/** A batch plan covers at most this many open needs (the most urgent claim deadlines first). */
export const BATCH_NEED_LIMIT = 1000;
/** Subproblems of the exact search at most. */
export const BATCH_STEP_LIMIT = 5000;
/** Wall time of the exact search at most; past it the best plan found is returned with `optimal: false`. */
export const BATCH_TIME_BUDGET_MS = 3000;

export interface RankedPair extends Scored {
  needId: string;
  volunteerId: string;
  personId: string;
  distanceKm: number | null;
}

export interface BatchPlan {
  total: number;
  pairs: RankedPair[];
  unassigned: string[];
  optimal: boolean;
}

/** Scores one pair, or says why it is excluded (codes; their texts come from the matching catalog). */
export function evaluate(p: PairFacts): { excluded: Exclusion[]; ranked: RankedPair } {
  const distanceKm = p.needAt && p.candidate.at ? haversineKm(p.needAt, p.candidate.at) : null;
  const facts = { ...p.candidate, distanceKm };
  const excluded = exclusions(p.need, facts, p.need.category);
  const s = score(p.need, facts);
  return {
    excluded,
    ranked: {
      ...s,
      needId: p.needId,
      volunteerId: p.candidate.volunteerId,
      personId: p.candidate.personId,
      distanceKm: distanceKm === null ? null : Math.round(distanceKm * 100) / 100,
    },
  };
}

/** `value` when it is a whole number in [min, max], else the catalog's error. */
function inRange(value: number, min: number, max: number, error: () => Error): number {
  if (!Number.isInteger(value) || value < min || value > max) throw error();
  return value;
}

const byScore = (a: RankedPair, b: RankedPair) => b.score - a.score || (a.volunteerId < b.volunteerId ? -1 : 1);

/** Matching 供需对接 (docs/design.md §7): hard filters, then the named score, for one need, one volunteer's feed, or a whole station. */
@Injectable()
export class MatchingService {
  constructor(private readonly repo: MatchingRepository) {}

  /** Eligible volunteers for a need, best first. */
  async candidates(needId: string, first: number, m?: EntityManager): Promise<RankedPair[]> {
    const pairs = await this.repo.candidatesFor(needId, m);
    return pairs
      .map(evaluate)
      .filter((e) => e.excluded.length === 0)
      .map((e) => e.ranked)
      .sort(byScore)
      .slice(0, first);
  }

  /** `matchCandidates`: the best `first` (1–50) candidates of a need whose grid lies in the actor's triage scope. */
  async candidatesFor(actor: Actor, needId: string, first: number | null): Promise<RankedPair[]> {
    const n = inRange(first ?? 10, 1, 50, matchingErrors.firstOutOfRange);
    await this.scopedPath(
      actor,
      Permission.NEED_TRIAGE,
      isUuid(needId) ? this.repo.needPath(needId) : null,
      matchingErrors.needNotFound,
      matchingErrors.candidatesForbidden,
    );
    return this.candidates(needId, n);
  }

  /** The batch plan of a region in the actor's batch-dispatch scope, each volunteer taking at most `capacity` (1–5). */
  async plan(actor: Actor, regionId: string, capacity: number | null): Promise<BatchPlan> {
    const c = inRange(capacity ?? 1, 1, 5, matchingErrors.capacityOutOfRange);
    const path = await this.scopedPath(
      actor,
      Permission.NEED_BATCH_DISPATCH,
      isUuid(regionId) ? this.repo.regionPath(regionId) : null,
      matchingErrors.regionNotFound,
      matchingErrors.batchForbidden,
    );
    return this.batchPlan(path, c);
  }

  /** The region path of what an id names, when it exists (else `missing`) and lies in the actor's scope of `permission` (else `denied`). */
  private async scopedPath(
    actor: Actor,
    permission: Permission,
    lookup: Promise<string | null> | null,
    missing: () => Error,
    denied: () => Error,
  ): Promise<string> {
    const path = await lookup;
    if (!path) throw missing();
    if (!actor.can(permission, { regionPath: path })) throw denied();
    return path;
  }

  /** One volunteer for one need: eligible or not, with reasons either way. */
  async check(needId: string, volunteerId: string, m?: EntityManager): Promise<{ excluded: Exclusion[]; ranked: RankedPair } | null> {
    const p = await this.repo.pair(needId, volunteerId, m);
    return p ? evaluate(p) : null;
  }

  /**
   * The fitness rules of a need (docs/design.md §5, §7: approval, area, skills, availability, overlapping held needs,
   * vetting, age) applied to a dated session that is not a need — a project activity. Under-18s may join: an
   * activity is a group led by the organization's adults. Returns why the volunteer does not fit (empty = fits).
   */
  async checkSession(
    m: EntityManager,
    volunteerId: string,
    s: { category: string; requiredSkills: string[]; start: Date; end: Date; path: string; requiresVetting: boolean },
  ): Promise<{ excluded: string[]; personId: string } | null> {
    const facts = await this.repo.sessionFacts(m, volunteerId, s);
    if (!facts) return null;
    const need = {
      category: s.category,
      categoryLabel: CATEGORY_LABEL[s.category as NeedCategory] ?? s.category,
      requiredSkills: s.requiredSkills,
      windowStart: s.start,
      windowEnd: s.end,
      requiresVetting: s.requiresVetting,
      preferPartyMember: false,
    };
    const codes = exclusions(need, { ...facts, distanceKm: null }, s.category).filter((e) => e !== Exclusion.MINOR);
    const excluded = exclusionTexts(need, codes);
    return { excluded, personId: facts.personId };
  }

  /** Open needs the volunteer may take, ranked for them with the same score. */
  async feed(volunteerId: string): Promise<RankedPair[]> {
    const pairs = await this.repo.feedFor(volunteerId);
    return pairs
      .map(evaluate)
      .filter((e) => e.excluded.length === 0)
      .map((e) => e.ranked)
      .sort((a, b) => b.score - a.score || (a.needId < b.needId ? -1 : 1));
  }

  regionPath(regionId: string): Promise<string | null> {
    return this.repo.regionPath(regionId);
  }

  needPath(needId: string): Promise<string | null> {
    return this.repo.needPath(needId);
  }

  /**
   * The optimal assignment of the open needs under `regionPath` (the BATCH_NEED_LIMIT most urgent) to their eligible
   * volunteers, each taking at most `capacity`: candidates in a constant number of queries, then the exact search
   * within BATCH_STEP_LIMIT subproblems and BATCH_TIME_BUDGET_MS; `optimal` is false when either bound cut it short.
   */
  async batchPlan(regionPath: string, capacity: number): Promise<{ total: number; pairs: RankedPair[]; unassigned: string[]; optimal: boolean }> {
    const { needs, pairs } = await this.repo.batchCandidates(regionPath, BATCH_NEED_LIMIT);
    const needIds = needs.map((n) => n.id);
    const eligible = pairs
      .map(evaluate)
      .filter((e) => e.excluded.length === 0)
      .map((e) => e.ranked);
    const volunteerIds = [...new Set(eligible.map((e) => e.volunteerId))].sort();
    const vIndex = new Map(volunteerIds.map((v, i) => [v, i]));
    const nIndex = new Map(needIds.map((n, i) => [n, i]));
    const adj: SparsePair[][] = needIds.map(() => []);
    const byCell = new Map<string, RankedPair>();
    // Pairs in a fixed order (need, then volunteer id), so that equal plans come out the same every time.
    for (const e of [...eligible].sort((a, b) => (a.volunteerId < b.volunteerId ? -1 : a.volunteerId > b.volunteerId ? 1 : 0))) {
      const i = nIndex.get(e.needId)!;
      const j = vIndex.get(e.volunteerId)!;
      adj[i].push({ volunteer: j, score: e.score });
      byCell.set(`${i}:${j}`, e);
    }
    const windows = needs.map((n) => [n.windowStart.getTime(), n.windowEnd.getTime()] as const);
    // Exact under capacity and without double-booking anyone (branch and bound over time clashes, batch-plan.ts).
    const result = planBatch({ adj, capacity: volunteerIds.map(() => capacity), windows }, { maxNodes: BATCH_STEP_LIMIT, budgetMs: BATCH_TIME_BUDGET_MS });
    const chosen = result.pairs.map(([i, j]) => byCell.get(`${i}:${j}`)!);
    const assigned = new Set(chosen.map((c) => c.needId));
    return { total: Math.round(result.total * 10) / 10, pairs: chosen, unassigned: needIds.filter((n: string) => !assigned.has(n)), optimal: result.optimal };
  }
}
