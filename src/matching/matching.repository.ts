import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CATEGORY_LABEL, NeedCategory } from '../needs/need.model.js';
import { MAX_DISTANCE_KM } from './scoring.js';
import type { CandidateFacts, NeedFacts } from './scoring.js';

export interface PairFacts {
  needId: string;
  need: NeedFacts;
  needAt: [number, number] | null;
  candidate: Omit<CandidateFacts, 'distanceKm'> & { personId: string; at: [number, number] | null };
}

/**
 * One row per (need, volunteer) pair with everything scoring needs. The WHERE part decides which pairs; the
 * searches below restrict volunteers through indexed sub-queries (region path GiST, skill btree, coordinates)
 * so that a need never loads every volunteer.
 */
const PAIR_SELECT = `
  SELECT n.id AS need_id, n.category, n.required_skills, n.window_start, n.window_end, n.requires_vetting, n.prefer_party_member,
         n.latitude AS n_lat, n.longitude AS n_lng,
         v.id AS volunteer_id, v.person_id, v.status = 'APPROVED' AS approved, v.is_party_member, v.is_vetted,
         v.latitude AS v_lat, v.longitude AS v_lng, v.person_id = n.beneficiary_id AS is_beneficiary,
         date_part('year', age((n.window_start AT TIME ZONE 'Asia/Shanghai')::date, p.birth_date))::int AS age,
         coalesce((SELECT array_agg(s.skill ORDER BY s.skill) FROM volunteer_skills s WHERE s.volunteer_id = v.id), '{}') AS skills,
         coalesce((SELECT array_agg(DISTINCT k.category) FROM volunteer_skills s JOIN skills k ON k.name = s.skill WHERE s.volunteer_id = v.id), '{}') AS skill_categories,
         coalesce((SELECT json_agg(json_build_array(a.start_minute, a.end_minute)) FROM volunteer_availability a
                    WHERE a.volunteer_id = v.id AND a.weekday = extract(isodow FROM n.window_start AT TIME ZONE 'Asia/Shanghai')), '[]') AS slots,
         EXISTS (SELECT 1 FROM needs h WHERE h.claimed_by = v.id AND h.status IN ('CLAIMED','IN_SERVICE') AND h.id <> n.id
                    AND tstzrange(h.window_start, h.window_end) && tstzrange(n.window_start, n.window_end)) AS overlapping,
         (SELECT count(*)::int FROM needs h WHERE h.claimed_by = v.id AND h.beneficiary_id = n.beneficiary_id AND h.status IN ('CONFIRMED','CLOSED')) AS served_before,
         (SELECT count(*)::int FROM needs h WHERE h.claimed_by = v.id AND h.claimed_at > now() - interval '30 days' AND h.id <> n.id) AS recent_load,
         EXISTS (SELECT 1 FROM volunteer_regions vr WHERE vr.volunteer_id = v.id AND vr.path @> n.grid_path) AS in_area,
         coalesce(st.completed_count, 0) AS completed_count, coalesce(st.no_show_count, 0) AS no_show_count,
         coalesce(st.withdraw_count, 0) AS withdraw_count, coalesce(st.rating_sum, 0) AS rating_sum, coalesce(st.rating_count, 0) AS rating_count
    FROM needs n CROSS JOIN volunteers v
    JOIN persons p ON p.id = v.person_id
    LEFT JOIN volunteer_stats st ON st.volunteer_id = v.id`;

/** Volunteers of need `n` that pass the indexed filters: approved, serving its area, holding a required skill, near enough. */
const CANDIDATE_FILTER = `
  v.status = 'APPROVED' AND v.person_id <> n.beneficiary_id
  AND v.id IN (SELECT vr.volunteer_id FROM volunteer_regions vr WHERE vr.path @> n.grid_path)
  AND (cardinality(n.required_skills) = 0 OR v.id IN (SELECT s.volunteer_id FROM volunteer_skills s WHERE s.skill = ANY(n.required_skills)))
  AND (n.latitude IS NULL OR v.latitude IS NULL
       OR (v.latitude BETWEEN n.latitude - ${MAX_DISTANCE_KM / 111} AND n.latitude + ${MAX_DISTANCE_KM / 111}
           AND v.longitude BETWEEN n.longitude - ${MAX_DISTANCE_KM / 90} AND n.longitude + ${MAX_DISTANCE_KM / 90}))`;

function toPair(r: any): PairFacts {
  return {
    needId: r.need_id,
    need: {
      category: r.category,
      categoryLabel: CATEGORY_LABEL[r.category as NeedCategory],
      requiredSkills: r.required_skills,
      windowStart: r.window_start,
      windowEnd: r.window_end,
      requiresVetting: r.requires_vetting,
      preferPartyMember: r.prefer_party_member,
    },
    needAt: r.n_lat === null ? null : [r.n_lat, r.n_lng],
    candidate: {
      volunteerId: r.volunteer_id,
      personId: r.person_id,
      at: r.v_lat === null ? null : [r.v_lat, r.v_lng],
      approved: r.approved,
      isBeneficiary: r.is_beneficiary,
      inArea: r.in_area,
      isPartyMember: r.is_party_member,
      isVetted: r.is_vetted,
      age: r.age,
      skills: r.skills,
      skillCategories: r.skill_categories,
      slots: r.slots,
      overlapping: r.overlapping,
      servedBefore: r.served_before,
      recentLoad: r.recent_load,
      stats: { completed: r.completed_count, noShows: r.no_show_count, withdrawals: r.withdraw_count, ratingSum: r.rating_sum, ratingCount: r.rating_count },
    },
  };
}

@Injectable()
export class MatchingRepository {
  constructor(private readonly db: DataSource) {}

  async regionPath(regionId: string): Promise<string | null> {
    const rows = await this.db.query(`SELECT path::text AS path FROM regions WHERE id = $1`, [regionId]);
    return rows[0]?.path ?? null;
  }

  async needPath(needId: string): Promise<string | null> {
    const rows = await this.db.query(`SELECT grid_path::text AS path FROM needs WHERE id = $1`, [needId]);
    return rows[0]?.path ?? null;
  }

  /** Candidates for one need (at most `limit` before scoring). */
  async candidatesFor(needId: string, limit: number, m: EntityManager = this.db.manager): Promise<PairFacts[]> {
    const rows = await m.query(`${PAIR_SELECT} WHERE n.id = $1 AND ${CANDIDATE_FILTER} LIMIT $2`, [needId, limit]);
    return rows.map(toPair);
  }

  /** One pair, whatever the filters say (to explain why a chosen volunteer does or does not fit). */
  async pair(needId: string, volunteerId: string, m: EntityManager = this.db.manager): Promise<PairFacts | null> {
    const rows = await m.query(`${PAIR_SELECT} WHERE n.id = $1 AND v.id = $2`, [needId, volunteerId]);
    return rows[0] ? toPair(rows[0]) : null;
  }

  /** Open needs in the volunteer's service regions, paired with the volunteer (their feed). */
  async feedFor(volunteerId: string, limit: number): Promise<PairFacts[]> {
    const rows = await this.db.query(
      `${PAIR_SELECT}
        WHERE v.id = $1 AND n.status = 'OPEN'
          AND n.id IN (SELECT n2.id FROM needs n2 JOIN volunteer_regions vr ON n2.grid_path <@ vr.path WHERE vr.volunteer_id = $1 AND n2.status = 'OPEN')
        LIMIT $2`,
      [volunteerId, limit],
    );
    return rows.map(toPair);
  }

  /** Open needs under a region with their candidates (for batch dispatch). */
  async openPairsUnder(regionPath: string, needLimit: number): Promise<{ needIds: string[]; pairs: PairFacts[] }> {
    const needs = await this.db.query(`SELECT id FROM needs WHERE status = 'OPEN' AND grid_path <@ $1::ltree ORDER BY claim_deadline, id LIMIT $2`, [regionPath, needLimit]);
    const needIds = needs.map((r: { id: string }) => r.id);
    if (needIds.length === 0) return { needIds, pairs: [] };
    const rows = await this.db.query(`${PAIR_SELECT} WHERE n.id = ANY($1::uuid[]) AND ${CANDIDATE_FILTER}`, [needIds]);
    return { needIds, pairs: rows.map(toPair) };
  }
}
