import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CATEGORY_LABEL, NeedCategory } from '../needs/need.model.js';
import { HELD_STATES, NEED_MACHINE, NeedAction, SERVED_STATES } from '../needs/need-transitions.js';
import { sqlStatuses } from '../needs/needs.repository.js';
import { localWeekdayMinute } from '../needs/need-deadlines.js';
import { DEMANDING_CATEGORIES, localWindow, MAX_AGE_DEMANDING, MAX_DISTANCE_KM } from './scoring.js';
import type { CandidateFacts, NeedFacts } from './scoring.js';

export interface PairFacts {
  needId: string;
  need: NeedFacts;
  needAt: [number, number] | null;
  candidate: Omit<CandidateFacts, 'distanceKm'> & { personId: string; at: [number, number] | null };
}

/** Status lists from the need table: held by a volunteer, served (confirmed), claimable. */
const HELD = sqlStatuses(HELD_STATES);
const SERVED = sqlStatuses(SERVED_STATES);
const CLAIMABLE = sqlStatuses(NEED_MACHINE.from(NeedAction.CLAIM));

/**
 * One row per (need, volunteer) pair with everything scoring needs. Only ever used with both sides fixed by id:
 * the searches below first find the ids with the need's values as constants, so that the indexes are used.
 */
const PAIR_COLUMNS = `
  SELECT n.id AS need_id, n.category, n.required_skills, n.window_start, n.window_end, n.requires_vetting, n.prefer_party_member,
         n.latitude AS n_lat, n.longitude AS n_lng,
         v.id AS volunteer_id, v.person_id, v.status = 'APPROVED' AS approved, v.is_party_member, v.is_vetted,
         v.latitude AS v_lat, v.longitude AS v_lng, v.person_id = n.beneficiary_id AS is_beneficiary,
         date_part('year', age((n.window_start AT TIME ZONE 'Asia/Shanghai')::date, p.birth_date))::int AS age,
         coalesce((SELECT array_agg(s.skill ORDER BY s.skill) FROM volunteer_skills s WHERE s.volunteer_id = v.id), '{}') AS skills,
         coalesce((SELECT array_agg(DISTINCT k.category) FROM volunteer_skills s JOIN skills k ON k.name = s.skill WHERE s.volunteer_id = v.id), '{}') AS skill_categories,
         coalesce((SELECT json_agg(json_build_array(a.start_minute, a.end_minute)) FROM volunteer_availability a
                    WHERE a.volunteer_id = v.id AND a.weekday = extract(isodow FROM n.window_start AT TIME ZONE 'Asia/Shanghai')), '[]') AS slots,
         EXISTS (SELECT 1 FROM needs h WHERE h.claimed_by = v.id AND h.status IN (${HELD}) AND h.id <> n.id
                    AND tstzrange(h.window_start, h.window_end) && tstzrange(n.window_start, n.window_end)) AS overlapping,
         (SELECT count(*)::int FROM needs h WHERE h.claimed_by = v.id AND h.beneficiary_id = n.beneficiary_id AND h.status IN (${SERVED})) AS served_before,
         (SELECT count(*)::int FROM needs h WHERE h.claimed_by = v.id AND h.claimed_at > now() - interval '30 days' AND h.id <> n.id) AS recent_load,
         EXISTS (SELECT 1 FROM volunteer_regions vr WHERE vr.volunteer_id = v.id AND vr.path @> n.grid_path) AS in_area,
         coalesce(st.completed_count, 0) AS completed_count, coalesce(st.no_show_count, 0) AS no_show_count,
         coalesce(st.withdraw_count, 0) AS withdraw_count, coalesce(st.rating_sum, 0) AS rating_sum, coalesce(st.rating_count, 0) AS rating_count`;
const PAIR_SELECT = `${PAIR_COLUMNS}
    FROM needs n CROSS JOIN volunteers v
    JOIN persons p ON p.id = v.person_id
    LEFT JOIN volunteer_stats st ON st.volunteer_id = v.id`;

/** The facts of one need that the candidate search passes to PostgreSQL as constants (so that it can use indexes). */
export interface NeedSearch {
  id: string;
  gridPath: string;
  beneficiaryId: string;
  category: string;
  requiredSkills: string[];
  windowStart: Date;
  windowEnd: Date;
  requiresVetting: boolean;
  at: [number, number] | null;
}

const KM_PER_DEGREE_LAT = 111.2;

/**
 * The bounding box of MAX_DISTANCE_KM around a point: a degree of longitude is cos(latitude) × a degree of latitude,
 * so the box is wider in degrees of longitude the further north (about 11.8 km per 0.1° at Nanjing's 32°).
 */
export function boundingBox([lat, lng]: [number, number], km = MAX_DISTANCE_KM): { latMin: number; latMax: number; lngMin: number; lngMax: number } {
  const dLat = (km / KM_PER_DEGREE_LAT) * 1.01;
  const cos = Math.max(0.01, Math.cos((Math.min(89, Math.abs(lat)) * Math.PI) / 180));
  const dLng = Math.min(180, (km / (KM_PER_DEGREE_LAT * cos)) * 1.01);
  return { latMin: lat - dLat, latMax: lat + dLat, lngMin: lng - dLng, lngMax: lng + dLng };
}

/**
 * Every hard filter of docs/design.md §7 that SQL can decide, with the need's values as parameters: approved; not the
 * beneficiary; serves a region holding the grid (GiST on volunteer_regions.path, `@>` is a GiST ltree operator);
 * holds a required skill (btree on volunteer_skills (skill, volunteer_id)); within the distance (bounding box on
 * the (latitude, longitude) index, then the exact great-circle distance); a weekly slot overlapping the window;
 * no held need overlapping it; vetted if the need requires it; adult, and not over the age limit of demanding work.
 * No LIMIT: what passes is the real candidate set, and all of it is scored (the search must not drop the best one).
 */
function eligibleQuery(n: NeedSearch): { sql: string; params: unknown[] } {
  const w = localWindow(n);
  const localDate = new Date(localWeekdayMinute(n.windowStart).dayStart + 8 * 3600_000).toISOString().slice(0, 10);
  const params: unknown[] = [n.gridPath, n.beneficiaryId, w.weekday, w.start, w.end, n.windowStart, n.windowEnd, n.id, localDate];
  const $ = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = [];
  // Conditions are left out rather than switched off with OR, so that each is a plain semi-join the planner can drive from its index.
  if (n.requiredSkills.length > 0) where.push(`v.id IN (SELECT s.volunteer_id FROM volunteer_skills s WHERE s.skill = ANY(${$(n.requiredSkills)}::text[]))`);
  if (n.at) {
    const box = boundingBox(n.at);
    const [lat, lng] = [$(n.at[0]), $(n.at[1])];
    where.push(`(v.latitude IS NULL OR (v.latitude BETWEEN ${$(box.latMin)} AND ${$(box.latMax)} AND v.longitude BETWEEN ${$(box.lngMin)} AND ${$(box.lngMax)}
      AND 2 * 6371 * asin(sqrt(power(sin(radians(v.latitude - ${lat}::float8) / 2), 2)
          + cos(radians(${lat}::float8)) * cos(radians(v.latitude)) * power(sin(radians(v.longitude - ${lng}::float8) / 2), 2))) <= ${MAX_DISTANCE_KM}))`);
  }
  if (n.requiresVetting) where.push(`v.is_vetted`);
  const demanding = DEMANDING_CATEGORIES.has(n.category) ? ` AND p.birth_date > ($9::date - interval '${MAX_AGE_DEMANDING + 1} years')` : '';
  const sql = `
  SELECT v.id FROM (SELECT DISTINCT vr.volunteer_id FROM volunteer_regions vr WHERE vr.path @> $1::ltree) area
    JOIN volunteers v ON v.id = area.volunteer_id
    JOIN persons p ON p.id = v.person_id
   WHERE v.status = 'APPROVED' AND v.person_id <> $2
     AND EXISTS (SELECT 1 FROM volunteer_availability a WHERE a.volunteer_id = v.id AND a.weekday = $3 AND a.start_minute < $5 AND a.end_minute > $4)
     AND NOT EXISTS (SELECT 1 FROM needs h WHERE h.claimed_by = v.id AND h.status IN (${HELD}) AND h.id <> $8
                      AND tstzrange(h.window_start, h.window_end) && tstzrange($6, $7))
     AND (p.birth_date IS NULL OR (p.birth_date <= ($9::date - interval '18 years')${demanding}))
     ${where.map((c) => `AND ${c}`).join('\n     ')}`;
  return { sql, params };
}

/** The per-need constants of eligibleQuery, computed the same way for many needs at once (batch plans). */
function searchConstants(n: NeedSearch) {
  const w = localWindow(n);
  const localDate = new Date(localWeekdayMinute(n.windowStart).dayStart + 8 * 3600_000).toISOString().slice(0, 10);
  const box = n.at ? boundingBox(n.at) : null;
  return { w, localDate, box, demanding: DEMANDING_CATEGORIES.has(n.category) };
}

/**
 * The hard filters of eligibleQuery for a whole set of needs in one statement, the need's constants given as
 * arrays (unnest) and its own columns read from the row: the same conditions, decided pair by pair, each need
 * driving the GiST search of its area through a lateral join. The eligible pairs are joined straight to the
 * scoring columns, so a batch of any size is one round trip.
 */
function batchPairsQuery(needs: NeedSearch[]): { sql: string; params: unknown[] } {
  const c = needs.map(searchConstants);
  const params = [
    needs.map((n) => n.id),
    c.map((x) => x.w.weekday),
    c.map((x) => x.w.start),
    c.map((x) => x.w.end),
    c.map((x) => x.localDate),
    needs.map((n) => n.at?.[0] ?? null),
    needs.map((n) => n.at?.[1] ?? null),
    c.map((x) => x.box?.latMin ?? null),
    c.map((x) => x.box?.latMax ?? null),
    c.map((x) => x.box?.lngMin ?? null),
    c.map((x) => x.box?.lngMax ?? null),
    c.map((x) => x.demanding),
  ];
  const sql = `
  WITH q AS (SELECT * FROM unnest($1::uuid[], $2::int[], $3::int[], $4::int[], $5::date[], $6::float8[], $7::float8[], $8::float8[], $9::float8[], $10::float8[], $11::float8[], $12::boolean[])
                AS q(id, wd, ws, we, local_date, lat, lng, lat_min, lat_max, lng_min, lng_max, demanding)),
  el AS (
    SELECT n.id AS need_id, v.id AS volunteer_id
      FROM q JOIN needs n ON n.id = q.id
     CROSS JOIN LATERAL (SELECT DISTINCT vr.volunteer_id FROM volunteer_regions vr WHERE vr.path @> n.grid_path) area
      JOIN volunteers v ON v.id = area.volunteer_id
      JOIN persons p ON p.id = v.person_id
     WHERE v.status = 'APPROVED' AND v.person_id <> n.beneficiary_id
       AND EXISTS (SELECT 1 FROM volunteer_availability a WHERE a.volunteer_id = v.id AND a.weekday = q.wd AND a.start_minute < q.we AND a.end_minute > q.ws)
       AND NOT EXISTS (SELECT 1 FROM needs h WHERE h.claimed_by = v.id AND h.status IN ('CLAIMED','IN_SERVICE') AND h.id <> n.id
                        AND tstzrange(h.window_start, h.window_end) && tstzrange(n.window_start, n.window_end))
       AND (p.birth_date IS NULL OR (p.birth_date <= (q.local_date - interval '18 years')
            AND (NOT q.demanding OR p.birth_date > (q.local_date - interval '${MAX_AGE_DEMANDING + 1} years'))))
       AND (cardinality(n.required_skills) = 0 OR EXISTS (SELECT 1 FROM volunteer_skills s WHERE s.volunteer_id = v.id AND s.skill = ANY(n.required_skills)))
       AND (q.lat IS NULL OR v.latitude IS NULL OR (v.latitude BETWEEN q.lat_min AND q.lat_max AND v.longitude BETWEEN q.lng_min AND q.lng_max
            AND 2 * 6371 * asin(sqrt(power(sin(radians(v.latitude - q.lat) / 2), 2)
                + cos(radians(q.lat)) * cos(radians(v.latitude)) * power(sin(radians(v.longitude - q.lng) / 2), 2))) <= ${MAX_DISTANCE_KM}))
       AND (NOT n.requires_vetting OR v.is_vetted))
  ${PAIR_COLUMNS}
    FROM el JOIN needs n ON n.id = el.need_id
    JOIN volunteers v ON v.id = el.volunteer_id
    JOIN persons p ON p.id = v.person_id
    LEFT JOIN volunteer_stats st ON st.volunteer_id = v.id`;
  return { sql, params };
}

interface SearchRow {
  id: string;
  grid_path: string;
  beneficiary_id: string;
  category: string;
  required_skills: string[];
  window_start: Date;
  window_end: Date;
  requires_vetting: boolean;
  latitude: number | null;
  longitude: number | null;
}

const toSearch = (r: SearchRow): NeedSearch => ({
  id: r.id,
  gridPath: r.grid_path,
  beneficiaryId: r.beneficiary_id,
  category: r.category,
  requiredSkills: r.required_skills,
  windowStart: r.window_start,
  windowEnd: r.window_end,
  requiresVetting: r.requires_vetting,
  at: r.latitude === null || r.longitude === null ? null : [r.latitude, r.longitude],
});

/** A row of PAIR_COLUMNS. */
interface PairRow {
  need_id: string;
  category: string;
  required_skills: string[];
  window_start: Date;
  window_end: Date;
  requires_vetting: boolean;
  prefer_party_member: boolean;
  n_lat: number | null;
  n_lng: number | null;
  volunteer_id: string;
  person_id: string;
  approved: boolean;
  is_party_member: boolean;
  is_vetted: boolean;
  v_lat: number | null;
  v_lng: number | null;
  is_beneficiary: boolean;
  age: number | null;
  skills: string[];
  skill_categories: string[];
  slots: [number, number][];
  overlapping: boolean;
  served_before: number;
  recent_load: number;
  in_area: boolean;
  completed_count: number;
  no_show_count: number;
  withdraw_count: number;
  rating_sum: number;
  rating_count: number;
}

function toPair(r: PairRow): PairFacts {
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
    needAt: r.n_lat === null || r.n_lng === null ? null : [r.n_lat, r.n_lng],
    candidate: {
      volunteerId: r.volunteer_id,
      personId: r.person_id,
      at: r.v_lat === null || r.v_lng === null ? null : [r.v_lat, r.v_lng],
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

  /** What the candidate search needs to know about a need, read first so that it goes to SQL as constants. */
  async needSearch(needId: string, m: EntityManager = this.db.manager): Promise<NeedSearch | null> {
    const rows = await m.query(
      `SELECT id, grid_path::text AS grid_path, beneficiary_id, category, required_skills, window_start, window_end, requires_vetting, latitude, longitude
         FROM needs WHERE id = $1`,
      [needId],
    );
    return rows[0] ? toSearch(rows[0]) : null;
  }

  /** Ids of the volunteers passing every hard filter SQL can decide (see eligibleQuery). */
  async eligibleVolunteerIds(n: NeedSearch, m: EntityManager = this.db.manager): Promise<string[]> {
    const { sql, params } = eligibleQuery(n);
    const rows = await m.query(sql, params);
    return rows.map((r: { id: string }) => r.id);
  }

  /** The query plan of the candidate search (benchmarks and tests check that it uses the indexes). */
  async explainEligible(n: NeedSearch): Promise<string> {
    const { sql, params } = eligibleQuery(n);
    const rows = await this.db.query(`EXPLAIN ${sql}`, params);
    return rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
  }

  /** Candidates for one need: the hard filters in SQL, then the facts of each that passes, for scoring. */
  async candidatesFor(needId: string, m: EntityManager = this.db.manager): Promise<PairFacts[]> {
    const need = await this.needSearch(needId, m);
    // A need whose window is over has no candidates: nobody can serve it any more.
    if (!need || need.windowEnd.getTime() <= Date.now()) return [];
    return this.pairsFor(needId, await this.eligibleVolunteerIds(need, m), m);
  }

  /** The scoring facts of one need paired with each of the given volunteers (both sides fixed by primary key). */
  async pairsFor(needId: string, volunteerIds: string[], m: EntityManager = this.db.manager): Promise<PairFacts[]> {
    if (volunteerIds.length === 0) return [];
    const rows = await m.query(`${PAIR_SELECT} WHERE n.id = $1 AND v.id = ANY($2::uuid[])`, [needId, volunteerIds]);
    return rows.map(toPair);
  }

  /** One pair, whatever the filters say (to explain why a chosen volunteer does or does not fit). */
  async pair(needId: string, volunteerId: string, m: EntityManager = this.db.manager): Promise<PairFacts | null> {
    const rows = await m.query(`${PAIR_SELECT} WHERE n.id = $1 AND v.id = $2`, [needId, volunteerId]);
    return rows[0] ? toPair(rows[0]) : null;
  }

  /**
   * The fitness facts of one volunteer for a dated session that is not a need (a project activity): the same
   * columns as a pair, with the session's window, place and no beneficiary (docs/projects.md "Activities").
   */
  async sessionFacts(
    m: EntityManager,
    volunteerId: string,
    s: { start: Date; end: Date; path: string },
  ): Promise<(Omit<CandidateFacts, 'distanceKm'> & { personId: string }) | null> {
    const rows = await m.query(
      `SELECT v.id, v.person_id, v.status = 'APPROVED' AS approved, v.is_party_member, v.is_vetted,
              date_part('year', age(($2::timestamptz AT TIME ZONE 'Asia/Shanghai')::date, p.birth_date))::int AS age,
              coalesce((SELECT array_agg(s.skill ORDER BY s.skill) FROM volunteer_skills s WHERE s.volunteer_id = v.id), '{}') AS skills,
              coalesce((SELECT array_agg(DISTINCT k.category) FROM volunteer_skills s JOIN skills k ON k.name = s.skill WHERE s.volunteer_id = v.id), '{}') AS skill_categories,
              coalesce((SELECT json_agg(json_build_array(a.start_minute, a.end_minute)) FROM volunteer_availability a
                         WHERE a.volunteer_id = v.id AND a.weekday = extract(isodow FROM $2::timestamptz AT TIME ZONE 'Asia/Shanghai')), '[]') AS slots,
              EXISTS (SELECT 1 FROM needs h WHERE h.claimed_by = v.id AND h.status IN ('CLAIMED','IN_SERVICE')
                         AND tstzrange(h.window_start, h.window_end) && tstzrange($2, $3)) AS overlapping,
              EXISTS (SELECT 1 FROM volunteer_regions vr WHERE vr.volunteer_id = v.id AND (vr.path @> $4::ltree OR vr.path <@ $4::ltree)) AS in_area,
              coalesce(st.completed_count, 0) AS completed_count, coalesce(st.no_show_count, 0) AS no_show_count,
              coalesce(st.withdraw_count, 0) AS withdraw_count, coalesce(st.rating_sum, 0) AS rating_sum, coalesce(st.rating_count, 0) AS rating_count
         FROM volunteers v JOIN persons p ON p.id = v.person_id LEFT JOIN volunteer_stats st ON st.volunteer_id = v.id
        WHERE v.id = $1`,
      [volunteerId, s.start, s.end, s.path],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      volunteerId: r.id,
      personId: r.person_id,
      approved: r.approved,
      isBeneficiary: false,
      inArea: r.in_area,
      isPartyMember: r.is_party_member,
      isVetted: r.is_vetted,
      age: r.age,
      skills: r.skills,
      skillCategories: r.skill_categories,
      slots: r.slots,
      overlapping: r.overlapping,
      servedBefore: 0,
      recentLoad: 0,
      stats: { completed: r.completed_count, noShows: r.no_show_count, withdrawals: r.withdraw_count, ratingSum: r.rating_sum, ratingCount: r.rating_count },
    };
  }

  /**
   * Open needs the volunteer may take (their feed): in their service regions (GiST on needs.grid_path, `<@` each of
   * their region paths), window not over, a required skill held, near enough, vetting satisfied, not their own.
   * The hard filters run before anything is cut; what passes is scored in full.
   */
  async feedFor(volunteerId: string): Promise<PairFacts[]> {
    const [v] = await this.db.query(
      `SELECT v.id, v.person_id, v.is_vetted, v.latitude, v.longitude,
              coalesce((SELECT array_agg(vr.path::text) FROM volunteer_regions vr WHERE vr.volunteer_id = v.id), '{}') AS paths,
              coalesce((SELECT array_agg(s.skill) FROM volunteer_skills s WHERE s.volunteer_id = v.id), '{}') AS skills
         FROM volunteers v WHERE v.id = $1`,
      [volunteerId],
    );
    if (!v || v.paths.length === 0) return [];
    const box = v.latitude === null ? null : boundingBox([v.latitude, v.longitude]);
    const needs = await this.db.query(
      `SELECT n.id FROM needs n
        WHERE n.status IN (${CLAIMABLE}) AND n.project_id IS NULL AND n.window_end > now() AND n.grid_path <@ ANY($1::ltree[]) AND n.beneficiary_id <> $2
          AND (cardinality(n.required_skills) = 0 OR n.required_skills && $3::text[])
          AND (NOT n.requires_vetting OR $4::boolean)
          AND ($5::float8 IS NULL OR n.latitude IS NULL OR (n.latitude BETWEEN $5 AND $6 AND n.longitude BETWEEN $7 AND $8))`,
      [v.paths, v.person_id, v.skills, v.is_vetted, box?.latMin ?? null, box?.latMax ?? null, box?.lngMin ?? null, box?.lngMax ?? null],
    );
    if (needs.length === 0) return [];
    const rows = await this.db.query(`${PAIR_SELECT} WHERE v.id = $1 AND n.id = ANY($2::uuid[])`, [volunteerId, needs.map((r: { id: string }) => r.id)]);
    return rows.map(toPair);
  }

  /**
   * Open needs under a region whose window is not over (for batch dispatch), most urgent claim deadline first, at most
   * `needLimit`, with every eligible (need, volunteer) pair and its scoring facts: two queries whatever the number of needs.
   */
  async batchCandidates(regionPath: string, needLimit: number): Promise<{ needs: NeedSearch[]; pairs: PairFacts[] }> {
    const rows = await this.db.query(
      `SELECT id, grid_path::text AS grid_path, beneficiary_id, category, required_skills, window_start, window_end, requires_vetting, latitude, longitude
         FROM needs WHERE status IN (${CLAIMABLE}) AND project_id IS NULL AND window_end > now() AND grid_path <@ $1::ltree ORDER BY claim_deadline, id LIMIT $2`,
      [regionPath, needLimit],
    );
    const needs: NeedSearch[] = rows.map(toSearch);
    if (needs.length === 0) return { needs, pairs: [] };
    const { sql, params } = batchPairsQuery(needs);
    return { needs, pairs: (await this.db.query(sql, params)).map(toPair) };
  }
}
