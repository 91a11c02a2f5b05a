import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Urgency } from './need-deadlines.js';
import { NeedCategory } from './need.model.js';
import { NeedStatus } from './need-transitions.js';

export enum NeedSeriesStatus {
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  ENDED = 'ENDED',
}

/** What every occurrence copies: the posted need without its window and deadlines. */
export interface SeriesTemplate {
  title: string;
  description: string | null;
  category: NeedCategory;
  urgency: Urgency;
  gridId: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  estimatedMinutes: number;
  requiredSkills: string[];
  preferPartyMember: boolean;
  homeEntry: boolean;
  groupActivity: boolean;
  requiresVetting: boolean;
}

export interface NeedSeriesRecord {
  id: string;
  status: NeedSeriesStatus;
  weekdays: number[];
  everyDays: number | null;
  until: Date | null;
  count: number | null;
  firstStart: Date;
  windowMinutes: number;
  template: SeriesTemplate;
  publish: boolean;
  beneficiaryId: string;
  postedById: string;
  gridPath: string;
  claimantVolunteerId: string | null;
  pauses: { from: Date; until: Date; reason: string }[];
  endedReason: string | null;
  changes: SeriesChange[];
  createdAt: Date;
}

/** One change from a date on (changeNeedSeries), kept on the series with the shape before it. */
export interface SeriesChange {
  from: Date;
  at: Date;
  byPersonId: string;
  reason: string | null;
  changed: string[];
  updated: number;
  released: number;
  cancelled: number;
  added: number;
  before: Record<string, unknown>;
}

interface SeriesRow {
  id: string;
  status: NeedSeriesStatus;
  weekdays: number[];
  every_days: number | null;
  until: Date | null;
  occurrence_count: number | null;
  first_start: Date;
  window_minutes: number;
  template: SeriesTemplate;
  publish: boolean;
  beneficiary_id: string;
  posted_by: string;
  grid_path: string;
  claimant_volunteer_id: string | null;
  pauses: { from: string; until: string; reason: string }[];
  ended_reason: string | null;
  changes: (Omit<SeriesChange, 'from' | 'at'> & { from: string; at: string })[];
  created_at: Date;
}

const toSeries = (r: SeriesRow): NeedSeriesRecord => ({
  id: r.id,
  status: r.status,
  weekdays: r.weekdays,
  everyDays: r.every_days,
  until: r.until,
  count: r.occurrence_count,
  firstStart: r.first_start,
  windowMinutes: r.window_minutes,
  template: r.template,
  publish: r.publish,
  beneficiaryId: r.beneficiary_id,
  postedById: r.posted_by,
  gridPath: r.grid_path,
  claimantVolunteerId: r.claimant_volunteer_id,
  pauses: r.pauses.map((p) => ({ from: new Date(p.from), until: new Date(p.until), reason: p.reason })),
  endedReason: r.ended_reason,
  changes: (r.changes ?? []).map((c) => ({ ...c, from: new Date(c.from), at: new Date(c.at) })),
  createdAt: r.created_at,
});

const COLUMNS = `s.*, s.grid_path::text AS grid_path`;

/** need_series, and the occurrence rows of needs (series_id, occurrence_date), unique per (series, day). */
@Injectable()
export class NeedSeriesRepository {
  constructor(private readonly db: DataSource) {}

  async insert(
    m: EntityManager,
    s: Omit<NeedSeriesRecord, 'id' | 'status' | 'claimantVolunteerId' | 'pauses' | 'endedReason' | 'changes' | 'createdAt'>,
  ): Promise<string> {
    const rows = await m.query(
      `INSERT INTO need_series (weekdays, every_days, until, occurrence_count, first_start, window_minutes, template, publish, beneficiary_id, posted_by, grid_path)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::ltree) RETURNING id`,
      [
        s.weekdays,
        s.everyDays,
        s.until,
        s.count,
        s.firstStart,
        s.windowMinutes,
        JSON.stringify(s.template),
        s.publish,
        s.beneficiaryId,
        s.postedById,
        s.gridPath,
      ],
    );
    return rows[0].id;
  }

  async byIds(ids: readonly string[], m: EntityManager = this.db.manager): Promise<NeedSeriesRecord[]> {
    const rows: SeriesRow[] = await m.query(`SELECT ${COLUMNS} FROM need_series s WHERE s.id = ANY($1::uuid[])`, [ids]);
    return rows.map(toSeries);
  }

  async lock(m: EntityManager, id: string): Promise<NeedSeriesRecord | null> {
    const rows: SeriesRow[] = await m.query(`SELECT ${COLUMNS} FROM need_series s WHERE s.id = $1 FOR UPDATE`, [id]);
    return rows[0] ? toSeries(rows[0]) : null;
  }

  /**
   * The series due for the materialiser: not ended and not yet covered up to `horizon`, the least recently covered
   * first, locked with SKIP LOCKED so that two instances never work on one series at once.
   */
  async lockDue(m: EntityManager, horizon: Date, limit: number): Promise<NeedSeriesRecord[]> {
    const rows: SeriesRow[] = await m.query(
      `SELECT ${COLUMNS} FROM need_series s WHERE s.status <> 'ENDED' AND (s.materialised_until IS NULL OR s.materialised_until < $1)
        ORDER BY s.materialised_until NULLS FIRST, s.id LIMIT $2 FOR UPDATE OF s SKIP LOCKED`,
      [horizon, limit],
    );
    return rows.map(toSeries);
  }

  /** Records how far the series is covered (the materialiser takes it again once its horizon passes that). */
  async markMaterialised(m: EntityManager, id: string, until: Date | null): Promise<void> {
    await m.query(`UPDATE need_series SET materialised_until = $2 WHERE id = $1`, [id, until]);
  }

  async update(
    m: EntityManager,
    id: string,
    p: { status?: NeedSeriesStatus; pauses?: NeedSeriesRecord['pauses']; claimantVolunteerId?: string | null; endedReason?: string },
  ): Promise<void> {
    await m.query(
      `UPDATE need_series SET status = coalesce($2, status), pauses = coalesce($3::jsonb, pauses),
              claimant_volunteer_id = CASE WHEN $4 THEN $5::uuid ELSE claimant_volunteer_id END, ended_reason = coalesce($6, ended_reason)
        WHERE id = $1`,
      [
        id,
        p.status ?? null,
        p.pauses ? JSON.stringify(p.pauses) : null,
        p.claimantVolunteerId !== undefined,
        p.claimantVolunteerId ?? null,
        p.endedReason ?? null,
      ],
    );
  }

  /**
   * A change from a date on: the new shape and template, the claimant (cleared when the terms changed), the change
   * appended; the materialiser looks at the series again on its next run (the new shape may end or go on).
   */
  async reshape(
    m: EntityManager,
    id: string,
    p: Pick<NeedSeriesRecord, 'weekdays' | 'everyDays' | 'until' | 'count' | 'firstStart' | 'windowMinutes' | 'template' | 'claimantVolunteerId'>,
    change: SeriesChange,
  ): Promise<void> {
    await m.query(
      `UPDATE need_series SET weekdays = $2, every_days = $3, until = $4, occurrence_count = $5, first_start = $6, window_minutes = $7, template = $8::jsonb,
              claimant_volunteer_id = $9, changes = changes || jsonb_build_array($10::jsonb), materialised_until = NULL
        WHERE id = $1`,
      [id, p.weekdays, p.everyDays, p.until, p.count, p.firstStart, p.windowMinutes, JSON.stringify(p.template), p.claimantVolunteerId, JSON.stringify(change)],
    );
  }

  /** Occurrences whose window starts at or after `from`, each with its day and status, earliest first. */
  async occurrencesFrom(m: EntityManager, seriesId: string, from: Date): Promise<{ id: string; date: string; status: NeedStatus }[]> {
    return m.query(
      `SELECT id, to_char(occurrence_date, 'YYYY-MM-DD') AS date, status::text AS status FROM needs WHERE series_id = $1 AND window_start >= $2 ORDER BY window_start, id`,
      [seriesId, from],
    );
  }

  /** The days of a series that already have an occurrence (any status): a day is never materialised twice. */
  async occurrenceDays(m: EntityManager, seriesId: string): Promise<Set<string>> {
    const rows = await m.query(`SELECT to_char(occurrence_date, 'YYYY-MM-DD') AS date FROM needs WHERE series_id = $1`, [seriesId]);
    return new Set(rows.map((r: { date: string }) => r.date));
  }

  /**
   * Inserts one occurrence; null when the (series, day) already exists (another instance or an earlier run made
   * it). `published` makes it OPEN at once, accepted by the series' poster (staff posted the series).
   */
  async insertOccurrence(
    m: EntityManager,
    o: {
      seriesId: string;
      date: string;
      postedBy: string;
      beneficiaryId: string;
      gridPath: string;
      t: SeriesTemplate;
      windowStart: Date;
      windowEnd: Date;
      acceptBy: Date;
      claimBy: Date;
      published: boolean;
      now: Date;
    },
  ): Promise<string | null> {
    const t = o.t;
    const rows = await m.query(
      `INSERT INTO needs (title, description, category, urgency, beneficiary_id, posted_by, grid_id, grid_path, address, latitude, longitude,
                          window_start, window_end, estimated_minutes, required_skills, prefer_party_member, home_entry, requires_vetting,
                          accept_deadline, claim_deadline, group_activity, series_id, occurrence_date, status, accepted_by, accepted_at, published_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8::ltree,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23::date,$24,$25,$26,$26)
       ON CONFLICT (series_id, occurrence_date) WHERE series_id IS NOT NULL DO NOTHING RETURNING id`,
      [
        t.title,
        t.description,
        t.category,
        t.urgency,
        o.beneficiaryId,
        o.postedBy,
        t.gridId,
        o.gridPath,
        t.address,
        t.latitude,
        t.longitude,
        o.windowStart,
        o.windowEnd,
        t.estimatedMinutes,
        t.requiredSkills,
        t.preferPartyMember,
        t.homeEntry,
        t.requiresVetting,
        o.acceptBy,
        o.claimBy,
        t.groupActivity,
        o.seriesId,
        o.date,
        o.published ? NeedStatus.OPEN : NeedStatus.SUBMITTED,
        o.published ? o.postedBy : null,
        o.published ? o.now : null,
      ],
    );
    return rows[0]?.id ?? null;
  }

  /** The latest materialised window start of a series (the materialiser continues after it). */
  async lastOccurrenceStart(m: EntityManager, seriesId: string): Promise<Date | null> {
    const [r] = await m.query(`SELECT max(window_start) AS last FROM needs WHERE series_id = $1`, [seriesId]);
    return r.last ?? null;
  }

  /** The occurrence of a series that starts last (any status), or null when it has none. */
  async lastOccurrenceId(m: EntityManager, seriesId: string): Promise<string | null> {
    const [r] = await m.query(`SELECT id FROM needs WHERE series_id = $1 ORDER BY window_start DESC, id DESC LIMIT 1`, [seriesId]);
    return r?.id ?? null;
  }

  /** Occurrences in a status set whose window starts in [from, until) (null = no bound), earliest first. */
  async occurrenceIds(m: EntityManager, seriesId: string, statuses: NeedStatus[], from: Date | null, until: Date | null): Promise<string[]> {
    const rows = await m.query(
      `SELECT id FROM needs WHERE series_id = $1 AND status::text = ANY($2::text[]) AND ($3::timestamptz IS NULL OR window_start >= $3)
          AND ($4::timestamptz IS NULL OR window_start < $4) ORDER BY window_start`,
      [seriesId, statuses, from, until],
    );
    return rows.map((r: { id: string }) => r.id);
  }

  /** A page of a series' occurrences by window start. */
  async occurrences(seriesId: string, first: number, after: [string, string] | null): Promise<{ rows: { id: string; window_start: Date }[]; total: number }> {
    const rows = await this.db.query(
      `SELECT id, window_start FROM needs WHERE series_id = $1 AND ($2::timestamptz IS NULL OR (window_start, id) > ($2::timestamptz, $3::uuid))
        ORDER BY window_start, id LIMIT $4`,
      [seriesId, after?.[0] ?? null, after?.[1] ?? null, first + 1],
    );
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM needs WHERE series_id = $1`, [seriesId]);
    return { rows, total: n };
  }
}
