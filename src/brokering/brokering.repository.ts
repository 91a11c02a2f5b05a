import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ScopePaths, scopePredicate } from '../scope/actor.js';
import { BookingStatus, ResourceBooking } from './brokering.model.js';

interface BookingRow {
  id: string;
  need_id: string;
  resource_id: string;
  day: string;
  quantity: number;
  status: BookingStatus;
  booked_by: string;
  booked_at: Date;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  charity_entry_id: string | null;
}

const BOOKING = `b.id, b.need_id, b.resource_id, b.day::text AS day, b.quantity, b.status, b.booked_by, b.booked_at, b.cancelled_at, b.cancel_reason, b.charity_entry_id`;

const toBooking = (r: BookingRow): ResourceBooking => ({
  id: r.id,
  needId: r.need_id,
  resourceId: r.resource_id,
  day: r.day,
  quantity: r.quantity,
  status: r.status,
  bookedBy: r.booked_by,
  bookedAt: r.booked_at,
  cancelledAt: r.cancelled_at,
  cancelReason: r.cancel_reason,
  charityEntryId: r.charity_entry_id,
});

/** A resource that may serve a need (the SQL part of the ranking): category and area decided by the indexes. */
export interface MatchRow {
  id: string;
  areaLevel: string;
  categories: string[];
  capacity: number | null;
  capacityUnit: string | null;
  providerKind: string;
  providerStatus: string | null;
  booked: number;
}

/** One need of the demand board, with what the board counts. */
export interface DemandNeedRow {
  id: string;
  category: string;
  communityId: string;
  communityPath: string;
  status: string;
  estimatedMinutes: number;
  windowEnd: Date;
  held: boolean;
  breached: boolean;
  projectId: string | null;
  booked: boolean;
}

/** A resource in reach of the demand board's region. */
export interface ReachRow {
  id: string;
  path: string;
  categories: string[];
  capacity: number | null;
  bookedInPeriod: number;
}

/** resource_bookings, and the brokering read models over needs and resources (read only) — docs/brokering.md. */
@Injectable()
export class BrokeringRepository {
  constructor(private readonly db: DataSource) {}

  // ---------------------------------------------------------------- ranking

  private matchQuery(gridPath: string, category: string, day: string): { sql: string; params: unknown[] } {
    return {
      sql: `SELECT x.id, g.level::text AS area_level, x.categories, x.capacity, x.capacity_unit, x.provider::text AS provider,
                   CASE x.provider WHEN 'VOLUNTEER' THEN (SELECT v.status::text FROM volunteers v WHERE v.id = x.volunteer_id)
                                   WHEN 'ORGANIZATION' THEN (SELECT o.status::text FROM organizations o WHERE o.id = x.organization_id) END AS provider_status,
                   coalesce((SELECT sum(b.quantity) FROM resource_bookings b WHERE b.resource_id = x.id AND b.day = $3::date AND b.status = 'ACTIVE'), 0)::int AS booked
              FROM resources x JOIN regions g ON g.id = x.region_id
             WHERE x.active AND x.categories @> ARRAY[$2]::text[] AND x.path @> $1::ltree`,
      params: [gridPath, category, day],
    };
  }

  /** Active resources of the category whose area contains the grid, with their standing and what is booked on `day`. */
  async matchRows(gridPath: string, category: string, day: string, m: EntityManager = this.db.manager): Promise<MatchRow[]> {
    const { sql, params } = this.matchQuery(gridPath, category, day);
    const rows = await m.query(sql, params);
    return rows.map((r: Record<string, never>) => ({
      id: r.id,
      areaLevel: r.area_level,
      categories: r.categories,
      capacity: r.capacity,
      capacityUnit: r.capacity_unit,
      providerKind: r.provider,
      providerStatus: r.provider_status,
      booked: r.booked,
    }));
  }

  /** The plan of the ranking query with sequential scans discouraged (tests check it uses the resources indexes). */
  async explainMatch(gridPath: string, category: string, day: string): Promise<string> {
    const { sql, params } = this.matchQuery(gridPath, category, day);
    return this.db.transaction(async (m) => {
      await m.query(`SET LOCAL enable_seqscan = off`);
      const rows = await m.query(`EXPLAIN ${sql}`, params);
      return rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    });
  }

  // ---------------------------------------------------------------- bookings

  /** Units of the resource taken by active bookings on `day` (call with the resource row locked). */
  async bookedOn(m: EntityManager, resourceId: string, day: string): Promise<number> {
    const [r] = await m.query(
      `SELECT coalesce(sum(quantity), 0)::int AS q FROM resource_bookings WHERE resource_id = $1 AND day = $2::date AND status = 'ACTIVE'`,
      [resourceId, day],
    );
    return r.q;
  }

  async insert(
    m: EntityManager,
    b: { needId: string; resourceId: string; day: string; quantity: number; bookedBy: string; charityEntryId: string | null },
  ): Promise<ResourceBooking> {
    const rows: BookingRow[] = await m.query(
      `INSERT INTO resource_bookings AS b (need_id, resource_id, day, quantity, booked_by, charity_entry_id) VALUES ($1, $2, $3::date, $4, $5, $6) RETURNING ${BOOKING}`,
      [b.needId, b.resourceId, b.day, b.quantity, b.bookedBy, b.charityEntryId],
    );
    return toBooking(rows[0]);
  }

  async lock(m: EntityManager, id: string): Promise<ResourceBooking | null> {
    const rows: BookingRow[] = await m.query(`SELECT ${BOOKING} FROM resource_bookings b WHERE b.id = $1 FOR UPDATE`, [id]);
    return rows[0] ? toBooking(rows[0]) : null;
  }

  /** The need's active bookings, locked (the need is being cancelled). */
  async lockActiveOfNeed(m: EntityManager, needId: string): Promise<ResourceBooking[]> {
    const rows: BookingRow[] = await m.query(
      `SELECT ${BOOKING} FROM resource_bookings b WHERE b.need_id = $1 AND b.status = 'ACTIVE' ORDER BY b.id FOR UPDATE`,
      [needId],
    );
    return rows.map(toBooking);
  }

  async cancel(m: EntityManager, id: string, by: string | null, reason: string | null): Promise<ResourceBooking> {
    // An UPDATE … RETURNING answers [rows, affected count] through TypeORM.
    const [rows] = await m.query(
      `UPDATE resource_bookings b SET status = 'CANCELLED', cancelled_at = now(), cancelled_by = $2, cancel_reason = $3 WHERE b.id = $1 AND b.status = 'ACTIVE' RETURNING ${BOOKING}`,
      [id, by, reason?.slice(0, 200) ?? null],
    );
    return toBooking(rows[0]);
  }

  async byIds(ids: readonly string[], m: EntityManager = this.db.manager): Promise<ResourceBooking[]> {
    const rows: BookingRow[] = await m.query(`SELECT ${BOOKING} FROM resource_bookings b WHERE b.id = ANY($1::uuid[])`, [ids]);
    return rows.map(toBooking);
  }

  async ofNeeds(needIds: readonly string[]): Promise<ResourceBooking[]> {
    const rows: BookingRow[] = await this.db.query(`SELECT ${BOOKING} FROM resource_bookings b WHERE b.need_id = ANY($1::uuid[]) ORDER BY b.booked_at, b.id`, [
      needIds,
    ]);
    return rows.map(toBooking);
  }

  /** Units booked per day of [fromDay, toDay] (inclusive), active bookings only. */
  async calendar(resourceId: string, fromDay: string, toDay: string): Promise<Map<string, number>> {
    const rows = await this.db.query(
      `SELECT day::text AS day, sum(quantity)::int AS q FROM resource_bookings WHERE resource_id = $1 AND status = 'ACTIVE' AND day BETWEEN $2::date AND $3::date GROUP BY day`,
      [resourceId, fromDay, toDay],
    );
    return new Map(rows.map((r: { day: string; q: number }) => [r.day, r.q]));
  }

  // ---------------------------------------------------------------- demand board

  /** Needs of the period (by window start) under the region and within the reader's scope, with their community. */
  async demandNeeds(regionPath: string, scopes: ScopePaths, from: Date, to: Date): Promise<DemandNeedRow[]> {
    const params: unknown[] = [regionPath, from, to];
    const inScope = scopePredicate('n.grid_path', scopes, params);
    const rows = await this.db.query(
      `SELECT n.id, n.category::text AS category, c.id AS community_id, c.path::text AS community_path, n.status::text AS status, n.estimated_minutes,
              n.window_end, n.claimed_by IS NOT NULL AS held, (n.accept_breached_at IS NOT NULL OR n.claim_breached_at IS NOT NULL) AS breached, n.project_id,
              EXISTS (SELECT 1 FROM resource_bookings b WHERE b.need_id = n.id AND b.status = 'ACTIVE') AS booked
         FROM needs n JOIN regions c ON c.level = 'COMMUNITY' AND n.grid_path <@ c.path
        WHERE n.grid_path <@ $1::ltree AND n.window_start >= $2 AND n.window_start < $3 AND ${inScope}
        ORDER BY n.created_at DESC, n.id DESC`,
      params,
    );
    return rows.map((r: Record<string, never>) => ({
      id: r.id,
      category: r.category,
      communityId: r.community_id,
      communityPath: r.community_path,
      status: r.status,
      estimatedMinutes: r.estimated_minutes,
      windowEnd: r.window_end,
      held: r.held,
      breached: r.breached,
      projectId: r.project_id,
      booked: r.booked,
    }));
  }

  /** Active resources whose area overlaps the region, with the units booked on them in the period. */
  async inReach(regionPath: string, fromDay: string, toDay: string): Promise<ReachRow[]> {
    const rows = await this.db.query(
      `SELECT x.id, x.path::text AS path, x.categories, x.capacity,
              coalesce((SELECT sum(b.quantity) FROM resource_bookings b WHERE b.resource_id = x.id AND b.status = 'ACTIVE' AND b.day BETWEEN $2::date AND $3::date), 0)::int AS booked
         FROM resources x WHERE x.active AND (x.path <@ $1::ltree OR x.path @> $1::ltree) ORDER BY x.created_at DESC, x.id DESC`,
      [regionPath, fromDay, toDay],
    );
    return rows.map((r: Record<string, never>) => ({ id: r.id, path: r.path, categories: r.categories, capacity: r.capacity, bookedInPeriod: r.booked }));
  }
}
