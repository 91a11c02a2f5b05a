import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { optimalAssignment } from './assignment.js';
import { MatchingRepository, PairFacts } from './matching.repository.js';
import { hardFilter, haversineKm, score, Scored } from './scoring.js';

export interface RankedPair extends Scored {
  needId: string;
  volunteerId: string;
  personId: string;
  distanceKm: number | null;
}

/** Scores one pair, or says why it is excluded. */
export function evaluate(p: PairFacts): { excluded: string[]; ranked: RankedPair } {
  const distanceKm = p.needAt && p.candidate.at ? haversineKm(p.needAt, p.candidate.at) : null;
  const facts = { ...p.candidate, distanceKm };
  const excluded = hardFilter(p.need, facts, p.need.category);
  const s = score(p.need, facts);
  return { excluded, ranked: { ...s, needId: p.needId, volunteerId: p.candidate.volunteerId, personId: p.candidate.personId, distanceKm: distanceKm === null ? null : Math.round(distanceKm * 100) / 100 } };
}

const byScore = (a: RankedPair, b: RankedPair) => b.score - a.score || (a.volunteerId < b.volunteerId ? -1 : 1);

/** Matching 供需对接 (DESIGN.md §7): hard filters, then the named score, for one need, one volunteer's feed, or a whole station. */
@Injectable()
export class MatchingService {
  constructor(private readonly repo: MatchingRepository) {}

  /** Eligible volunteers for a need, best first. */
  async candidates(needId: string, first: number, m?: EntityManager): Promise<RankedPair[]> {
    const pairs = await this.repo.candidatesFor(needId, 500, m);
    return pairs.map(evaluate).filter((e) => e.excluded.length === 0).map((e) => e.ranked).sort(byScore).slice(0, first);
  }

  /** One volunteer for one need: eligible or not, with reasons either way. */
  async check(needId: string, volunteerId: string, m?: EntityManager): Promise<{ excluded: string[]; ranked: RankedPair } | null> {
    const p = await this.repo.pair(needId, volunteerId, m);
    return p ? evaluate(p) : null;
  }

  /** Open needs the volunteer may take, ranked for them with the same score. */
  async feed(volunteerId: string): Promise<RankedPair[]> {
    const pairs = await this.repo.feedFor(volunteerId, 300);
    return pairs.map(evaluate).filter((e) => e.excluded.length === 0).map((e) => e.ranked).sort((a, b) => b.score - a.score || (a.needId < b.needId ? -1 : 1));
  }

  regionPath(regionId: string): Promise<string | null> {
    return this.repo.regionPath(regionId);
  }

  needPath(needId: string): Promise<string | null> {
    return this.repo.needPath(needId);
  }

  /** The optimal assignment of the open needs under `regionPath` to their eligible volunteers, each taking at most `capacity`. */
  async batchPlan(regionPath: string, capacity: number): Promise<{ total: number; pairs: RankedPair[]; unassigned: string[] }> {
    const { needIds, pairs } = await this.repo.openPairsUnder(regionPath, 200);
    const eligible = pairs.map(evaluate).filter((e) => e.excluded.length === 0).map((e) => e.ranked);
    const volunteerIds = [...new Set(eligible.map((e) => e.volunteerId))].sort();
    const vIndex = new Map(volunteerIds.map((v, i) => [v, i]));
    const nIndex = new Map(needIds.map((n, i) => [n, i]));
    const matrix: (number | null)[][] = needIds.map(() => volunteerIds.map(() => null));
    const byCell = new Map<string, RankedPair>();
    for (const e of eligible) {
      const i = nIndex.get(e.needId)!;
      const j = vIndex.get(e.volunteerId)!;
      matrix[i][j] = e.score;
      byCell.set(`${i}:${j}`, e);
    }
    const windows = new Map(pairs.map((p) => [p.needId, [p.need.windowStart.getTime(), p.need.windowEnd.getTime()] as const]));
    // Optimal under capacity; if that gives one volunteer two needs at the same time, forbid the weaker of the
    // two pairs and solve again (capacity > 1 only; each round removes a pair, so this ends).
    let result = optimalAssignment(matrix, volunteerIds.map(() => capacity));
    for (let round = 0; round < 100; round++) {
      const clash = findClash(result.pairs, needIds, windows, matrix);
      if (!clash) break;
      matrix[clash[0]][clash[1]] = null;
      result = optimalAssignment(matrix, volunteerIds.map(() => capacity));
    }
    const chosen = result.pairs.map(([i, j]) => byCell.get(`${i}:${j}`)!);
    const assigned = new Set(chosen.map((c) => c.needId));
    return { total: Math.round(result.total * 10) / 10, pairs: chosen, unassigned: needIds.filter((n: string) => !assigned.has(n)) };
  }
}

/** A pair [need, volunteer] to drop because the volunteer got another need overlapping it (the weaker of the two). */
function findClash(pairs: [number, number][], needIds: string[], windows: Map<string, readonly [number, number]>, matrix: (number | null)[][]): [number, number] | null {
  for (let a = 0; a < pairs.length; a++) {
    for (let b = a + 1; b < pairs.length; b++) {
      if (pairs[a][1] !== pairs[b][1]) continue;
      const wa = windows.get(needIds[pairs[a][0]])!;
      const wb = windows.get(needIds[pairs[b][0]])!;
      if (wa[0] < wb[1] && wb[0] < wa[1]) {
        const sa = matrix[pairs[a][0]][pairs[a][1]]!;
        const sb = matrix[pairs[b][0]][pairs[b][1]]!;
        return sa < sb ? pairs[a] : pairs[b];
      }
    }
  }
  return null;
}
