import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** The rollup's statement timeout (a slice of ≤ 31 days of a whole city in one INSERT … SELECT). */
const ROLLUP_STATEMENT_TIMEOUT_MS = 30 * 60_000;

/** Memory for grouping one region's cells (see facts()). */
const FACTS_WORK_MEM = '32MB';

/** China time: days and months of every figure are calendar days in Asia/Shanghai (docs/statistics.md). */
export const TZ = 'Asia/Shanghai';

/**
 * A summed figure of a cell of the drill-down (by need category and urgency for the need-table metrics). A cell is a
 * child region or the whole region (`whole`), and a month or the whole period (`month` null).
 */
export interface FactRow {
  whole: boolean;
  child: string | null;
  month: string | null;
  metric: string;
  category: string;
  urgency: string;
  value: number;
}

/** A histogram of whole minutes (ACCEPT_MINUTES, CLAIM_MINUTES) of one child (null: the region itself) and month. */
export interface HistogramRow {
  child: string | null;
  month: string;
  metric: string;
  buckets: number[];
  counts: number[];
}

/** What the figures of a region and its children are computed from (see StatisticsRepository.facts). */
export interface Facts {
  sums: FactRow[];
  histograms: HistogramRow[];
}

/**
 * A row of a region's figures tagged with the child region it falls in: `child` is the path of the child of the
 * region read (the region's path plus one label), or null for a row on the region itself. One read serves the region
 * and every child (regionStats' drill-down), instead of one read per child.
 */
export type InChild<T> = T & { child: string | null };

export interface RegionAttributesRow {
  region_id: string;
  registered_population: number | null;
  resident_population: number | null;
  elderly_population: number | null;
  kind: 'URBAN' | 'RURAL' | null;
  has_volunteer_station: boolean;
  covered_categories: string[];
  social_workers_per_10k_target: number | null;
  certified_worker_share_target: number | null;
}

/**
 * The daily facts of a day range [$1, $2] (dates), optionally only under the region path $3: the one aggregation
 * that fills `stats_daily` for finished days and that reads the unfinished days straight from the raw rows.
 * Every metric is keyed by an append-only event time (need_events.at, needs.created_at, service_records.confirmed_at,
 * ledger_transactions.created_at), so a finished day never changes.
 */
/**
 * The period's bounds as expressions (not a CTE): the planner estimates with their values, so a window of a day or
 * two reads the events by their time index and the needs by key instead of hashing every need.
 */
const T0 = `(($1::date)::timestamp AT TIME ZONE '${TZ}')`;
/** The child of the region `$top` (an ltree parameter) that a row's `path` lies in, as text; null on the region itself. */
const childOf = (path: string, top: string) =>
  `CASE WHEN nlevel(${path}) > nlevel(${top}::ltree) THEN subpath(${path}, 0, nlevel(${top}::ltree) + 1)::text END`;
const T1 = `((($2::date) + 1)::timestamp AT TIME ZONE '${TZ}')`;

/**
 * Region levels that stats_monthly rolls up into (docs/statistics.md "Scale"): those with many events a month. A
 * community or grid month holds a few events, so their months would be as many rows as their days.
 */
export const MONTHLY_LEVELS: readonly string[] = ['PROVINCE', 'CITY', 'DISTRICT', 'STREET'];

/** The metrics whose rows keep their need category and urgency (the needs table of the figures); others are summed over them. */
const KEYED_METRICS = `('NEEDS_POSTED','NEEDS_CLOSED','NEEDS_CANCELLED','NEEDS_EXPIRED')`;
const keyed = (metric: string, column: string) => `CASE WHEN ${metric} IN ${KEYED_METRICS} THEN ${column} ELSE '' END`;

/** The metrics kept as histograms of whole minutes (bucket = minutes). */
const HISTOGRAMS = `('ACCEPT_MINUTES','CLAIM_MINUTES')`;

/**
 * The cells of the figures from fact rows (`source`: child, month, metric, category, urgency, bucket, value), read
 * once: sums per child × month, child × category × urgency, month, and category × urgency over the whole region
 * (GROUPING SETS; `whole` when the child is grouped away), and each histogram per child and month as two arrays
 * (buckets, counts): a district-year is ~5 000 sums and ~300 histograms of ~56 000 buckets in all, where one row per
 * bucket was 71 000 rows to send and parse. The medians are computed from the merged histograms (figures.ts).
 */
const CELLS = (source: string, arrays = `SELECT NULL::text, NULL::text, NULL::text, NULL::int[], NULL::int[] WHERE false`) => `
  WITH f AS MATERIALIZED (${source}),
  sums AS (
    SELECT GROUPING(child) = 1 AS whole, child, month, metric, coalesce(category, '') AS category, coalesce(urgency, '') AS urgency, sum(value)::float8 AS value
      FROM f WHERE metric NOT IN ${HISTOGRAMS}
     GROUP BY GROUPING SETS ((child, month, metric), (child, metric, category, urgency), (month, metric), (metric, category, urgency))),
  hist AS (
    SELECT child, month, metric, array_agg(bucket) AS buckets, array_agg(n) AS counts
      FROM (SELECT child, month, metric, bucket, sum(value)::int AS n FROM f WHERE metric IN ${HISTOGRAMS} GROUP BY 1, 2, 3, 4) h
     GROUP BY 1, 2, 3
    UNION ALL ${arrays})
  SELECT whole, child, month, metric, category, urgency, value, NULL::int[] AS buckets, NULL::int[] AS counts FROM sums
  UNION ALL
  SELECT false, child, month, metric, '', '', NULL, buckets, counts FROM hist`;

/** The rows of stats_monthly that a region ($3) and its children are read from for the months [$5, $6). */
const MONTHLY_ROWS = `month >= $5::date AND month < $6::date AND (parent_path = $3::ltree OR region_path = $3::ltree AND own)`;
const MONTHLY_CHILD = `CASE WHEN region_path = $3::ltree THEN NULL ELSE region_path::text END`;

const DAILY_FACTS = `
  WITH ev AS (
    -- 办结 (closed) is the move into CONFIRMED: served and confirmed (by the beneficiary, the scheduler or staff settling a dispute).
    SELECT e.id, e.action, e.from_status::text AS from_status, e.to_status::text AS to_status, e.at,
           n.id AS need_id, n.grid_id, n.grid_path, n.category, n.urgency::text AS urgency, n.created_at, n.rating,
           (n.accept_breached_at IS NULL AND n.claim_breached_at IS NULL AND n.service_overdue_at IS NULL) AS on_time
      FROM need_events e JOIN needs n ON n.id = e.need_id
     WHERE e.at >= ${T0} AND e.at < ${T1} AND ($3::ltree IS NULL OR n.grid_path <@ $3::ltree)
  ),
  facts AS (
    SELECT n.grid_id AS region_id, n.grid_path AS region_path, (n.created_at AT TIME ZONE '${TZ}')::date AS day,
           'NEEDS_POSTED' AS metric, n.category, n.urgency::text AS urgency, -1 AS bucket, 1::bigint AS value
      FROM needs n WHERE n.created_at >= ${T0} AND n.created_at < ${T1} AND ($3::ltree IS NULL OR n.grid_path <@ $3::ltree)
    UNION ALL
    SELECT grid_id, grid_path, (at AT TIME ZONE '${TZ}')::date,
           CASE WHEN to_status = 'CONFIRMED' THEN 'NEEDS_CLOSED' WHEN to_status = 'CANCELLED' THEN 'NEEDS_CANCELLED' ELSE 'NEEDS_EXPIRED' END,
           category, urgency, -1, 1
      FROM ev WHERE to_status IN ('CONFIRMED','CANCELLED','EXPIRED') AND from_status IS DISTINCT FROM to_status
    UNION ALL
    SELECT grid_id, grid_path, (at AT TIME ZONE '${TZ}')::date, 'CLOSED_ON_TIME', category, urgency, -1, 1
      FROM ev WHERE to_status = 'CONFIRMED' AND from_status IS DISTINCT FROM to_status AND on_time
    UNION ALL
    SELECT grid_id, grid_path, (at AT TIME ZONE '${TZ}')::date, CASE WHEN rating >= 4 THEN 'RATED_GOOD' ELSE 'RATED_OTHER' END, category, urgency, -1, 1
      FROM ev WHERE to_status = 'CONFIRMED' AND from_status IS DISTINCT FROM to_status AND rating IS NOT NULL
    UNION ALL
    SELECT grid_id, grid_path, (at AT TIME ZONE '${TZ}')::date, CASE WHEN action = 'ESCALATE' THEN 'ESCALATIONS' ELSE 'NO_SHOWS' END, category, urgency, -1, 1
      FROM ev WHERE action IN ('ESCALATE','NO_SHOW')
    UNION ALL
    -- minutes from posting to the first acceptance / the first claim (dispatch counts as a claim): a histogram
    SELECT grid_id, grid_path, (at AT TIME ZONE '${TZ}')::date, CASE WHEN to_status = 'ACCEPTED' THEN 'ACCEPT_MINUTES' ELSE 'CLAIM_MINUTES' END,
           category, urgency, floor(extract(epoch FROM at - created_at) / 60)::int, 1
      FROM ev
     WHERE to_status IN ('ACCEPTED','CLAIMED') AND from_status IS DISTINCT FROM to_status
       AND NOT EXISTS (SELECT 1 FROM need_events p WHERE p.need_id = ev.need_id AND p.to_status::text = ev.to_status AND p.id < ev.id)
    UNION ALL
    SELECT s.grid_id, r.path, (s.confirmed_at AT TIME ZONE '${TZ}')::date, 'MINUTES_SERVED', s.category, '', -1, s.minutes
      FROM service_records s JOIN regions r ON r.id = s.grid_id
     WHERE s.confirmed_at >= ${T0} AND s.confirmed_at < ${T1} AND ($3::ltree IS NULL OR r.path <@ $3::ltree)
    UNION ALL
    -- A service whose earning was reversed (it never happened) is not counted as served either, from the reversal's day on.
    SELECT s.grid_id, r.path, (t.created_at AT TIME ZONE '${TZ}')::date, 'MINUTES_SERVED', s.category, '', -1, -s.minutes
      FROM ledger_transactions t JOIN ledger_transactions o ON o.id = t.reverses_id AND o.kind = 'EARN' AND o.source_type = 'SERVICE_RECORD'
           JOIN service_records s ON s.id = o.source_id JOIN regions r ON r.id = s.grid_id
     WHERE t.kind = 'REVERSAL' AND t.created_at >= ${T0} AND t.created_at < ${T1} AND ($3::ltree IS NULL OR r.path <@ $3::ltree)
    UNION ALL
    SELECT t.region_id, r.path, (t.created_at AT TIME ZONE '${TZ}')::date,
           CASE t.kind WHEN 'EARN' THEN 'MINUTES_BANKED' WHEN 'TRANSFER' THEN 'MINUTES_TRANSFERRED' ELSE 'MINUTES_DONATED' END, '', '', -1, p.amount
      FROM ledger_transactions t JOIN regions r ON r.id = t.region_id JOIN ledger_postings p ON p.transaction_id = t.id AND p.amount > 0
     WHERE t.kind IN ('EARN','TRANSFER','DONATE') AND t.created_at >= ${T0} AND t.created_at < ${T1} AND ($3::ltree IS NULL OR r.path <@ $3::ltree)
    UNION ALL
    -- 冲正: a REVERSAL takes the reversed entry's credited minutes back, on the reversal's own day (a finished day
    -- never changes) and in the reversed entry's region, so a period holding both nets to zero.
    SELECT o.region_id, r.path, (t.created_at AT TIME ZONE '${TZ}')::date,
           CASE o.kind WHEN 'EARN' THEN 'MINUTES_BANKED' WHEN 'TRANSFER' THEN 'MINUTES_TRANSFERRED' ELSE 'MINUTES_DONATED' END, '', '', -1, -p.amount
      FROM ledger_transactions t JOIN ledger_transactions o ON o.id = t.reverses_id JOIN regions r ON r.id = o.region_id
           JOIN ledger_postings p ON p.transaction_id = o.id AND p.amount > 0
     WHERE t.kind = 'REVERSAL' AND o.kind IN ('EARN','TRANSFER','DONATE') AND t.created_at >= ${T0} AND t.created_at < ${T1}
       AND ($3::ltree IS NULL OR r.path <@ $3::ltree)
  )
  SELECT region_id, region_path, day, metric, category, urgency, bucket, sum(value)::bigint AS value
    FROM facts GROUP BY region_id, region_path, day, metric, category, urgency, bucket`;

/**
 * Reads for statistics 统计 (docs/statistics.md). This is the reporting read model: besides its own tables
 * (stats_*), it reads the other modules' rows read-only, in set queries, the way a report does; it never writes them.
 */
@Injectable()
export class StatisticsRepository {
  constructor(private readonly db: DataSource) {}

  get manager(): EntityManager {
    return this.db.manager;
  }

  // ------------------------------------------------------------------ rollup

  /**
   * One step of the rollup, in one transaction: a finished month not yet in stats_monthly if there is one, else the
   * next slice of finished days (through `throughDay`, at most `maxDays`) into stats_daily. Null when there is nothing
   * to do. Safe across instances: the watermark row is taken FOR UPDATE SKIP LOCKED (a second instance skips), and the
   * slice or month is deleted and rebuilt in the same transaction that moves its watermark, so a day or a month is
   * counted once whatever crashes or repeats.
   */
  async rollUp(throughDay: string, maxDays = 31): Promise<{ from: string; to: string; month?: true } | null> {
    return this.db.transaction(async (m) => {
      // A background job, not a request: a month of a city's events (~400 000 need events, ~300 000 journal
      // entries) takes longer than the pool's per-request statement timeout. It holds only the watermark row.
      await m.query(`SET LOCAL statement_timeout = ${ROLLUP_STATEMENT_TIMEOUT_MS}`);
      const [state] = await m.query(
        `SELECT to_char(complete_through, 'YYYY-MM-DD') AS wm, to_char(months_next, 'YYYY-MM-DD') AS mn FROM stats_rollup_state WHERE id = 1 FOR UPDATE SKIP LOCKED`,
      );
      if (!state) return null;
      return (await this.rollUpMonth(m, state.wm, state.mn)) ?? (await this.rollUpDays(m, state.wm, throughDay, maxDays));
    });
  }

  /**
   * Rolls the first month at or after the month watermark that holds daily rows, if all its days are finished, into
   * stats_monthly: each daily row is added to every ancestor region at a monthly level. Months without a daily row
   * hold nothing, so the watermark jumps over them (clearing whatever an earlier roll left there).
   */
  private async rollUpMonth(m: EntityManager, wm: string, mn: string): Promise<{ from: string; to: string; month: true } | null> {
    // The first month at or after the watermark that holds a daily row (none: the month of the first unfinished day).
    const [next] = await m.query(
      `SELECT to_char(coalesce(date_trunc('month', (SELECT min(day) FROM stats_daily WHERE day >= $1::date))::date, u), 'YYYY-MM-DD') AS month,
              to_char(u, 'YYYY-MM-DD') AS unfinished
         FROM (SELECT date_trunc('month', $2::date + 1)::date AS u) x`,
      [mn, wm],
    );
    const month: string = next.month < next.unfinished ? next.month : next.unfinished;
    if (month === mn && month === next.unfinished) return null;
    // The months skipped (no daily row) hold nothing: whatever an earlier roll left there goes, with the month rebuilt.
    await m.query(`DELETE FROM stats_monthly WHERE month >= $1::date AND month <= $2::date`, [mn, month]);
    if (month === next.unfinished) {
      await m.query(`UPDATE stats_rollup_state SET months_next = $1 WHERE id = 1`, [month]);
      return { from: mn, to: month, month: true };
    }
    // Every daily row of the month, added to each ancestor at a monthly level; histograms become one array row.
    await m.query(
      `WITH up AS MATERIALIZED (
         SELECT a.id, a.path, CASE WHEN nlevel(a.path) > 1 THEN subpath(a.path, 0, nlevel(a.path) - 1) END AS parent, a.path = d.region_path AS own,
                d.metric, ${keyed('d.metric', 'd.category')} AS category, ${keyed('d.metric', 'd.urgency')} AS urgency, d.bucket, sum(d.value) AS value
           FROM stats_daily d CROSS JOIN LATERAL generate_series(1, nlevel(d.region_path)) i
                JOIN regions a ON a.path = subpath(d.region_path, 0, i) AND a.level::text = ANY($2::text[])
          WHERE d.day >= $1::date AND d.day < ($1::date + interval '1 month')
          GROUP BY 1, 2, 3, 4, 5, 6, 7, 8)
       INSERT INTO stats_monthly (region_id, region_path, parent_path, month, own, metric, category, urgency, bucket, value, buckets, counts)
       SELECT id, path, parent, $1::date, own, metric, category, urgency, bucket, value, NULL, NULL FROM up WHERE metric NOT IN ${HISTOGRAMS}
       UNION ALL
       SELECT id, path, parent, $1::date, own, metric, '', '', -1, sum(value), array_agg(bucket ORDER BY bucket), array_agg(value::int ORDER BY bucket)
         FROM up WHERE metric IN ${HISTOGRAMS} GROUP BY id, path, parent, own, metric`,
      [month, MONTHLY_LEVELS],
    );
    const [{ after }] = await m.query(`SELECT to_char(($1::date + interval '1 month')::date, 'YYYY-MM-DD') AS after`, [month]);
    await m.query(`UPDATE stats_rollup_state SET months_next = $1 WHERE id = 1`, [after]);
    return { from: month, to: after, month: true };
  }

  private async rollUpDays(m: EntityManager, wm: string, throughDay: string, maxDays: number): Promise<{ from: string; to: string } | null> {
    // Days before the first event hold nothing: a fresh watermark jumps to the first event day (each min() is an index probe).
    const [span] = await m.query(
      `WITH s AS (SELECT greatest($1::date + 1, coalesce(least(
                    (SELECT (min(created_at) AT TIME ZONE '${TZ}')::date FROM needs),
                    (SELECT (min(at) AT TIME ZONE '${TZ}')::date FROM need_events),
                    (SELECT (min(confirmed_at) AT TIME ZONE '${TZ}')::date FROM service_records),
                    (SELECT (min(created_at) AT TIME ZONE '${TZ}')::date FROM ledger_transactions)), $2::date)) AS d0)
       SELECT to_char(d0, 'YYYY-MM-DD') AS d0, to_char(least($2::date, d0 + $3::int - 1), 'YYYY-MM-DD') AS d1, d0 <= $2::date AS due FROM s`,
      [wm, throughDay, maxDays],
    );
    if (!span.due) return null;
    await m.query(`DELETE FROM stats_daily WHERE day BETWEEN $1 AND $2`, [span.d0, span.d1]);
    await m.query(`INSERT INTO stats_daily (region_id, region_path, day, metric, category, urgency, bucket, value) ${DAILY_FACTS}`, [span.d0, span.d1, null]);
    await m.query(`UPDATE stats_rollup_state SET complete_through = $1 WHERE id = 1`, [span.d1]);
    return { from: span.d0, to: span.d1 };
  }

  /** The last finished day: yesterday in China time, once 15 minutes of today have passed (late commits land first). */
  async finishedDay(m: EntityManager = this.db.manager): Promise<string> {
    const [r] = await m.query(`SELECT to_char(((now() - interval '15 minutes') AT TIME ZONE '${TZ}')::date - 1, 'YYYY-MM-DD') AS d`);
    return r.d;
  }

  async watermark(m: EntityManager): Promise<string> {
    const [r] = await m.query(`SELECT to_char(complete_through, 'YYYY-MM-DD') AS wm FROM stats_rollup_state WHERE id = 1`);
    return r.wm;
  }

  /** Days of a period: [from, to) in China time, as the first and last calendar day. */
  async days(from: Date, to: Date): Promise<{ d0: string; d1: string }> {
    const [r] = await this.db.query(
      `SELECT to_char(($1::timestamptz AT TIME ZONE '${TZ}')::date, 'YYYY-MM-DD') AS d0,
              to_char((($2::timestamptz - interval '1 microsecond') AT TIME ZONE '${TZ}')::date, 'YYYY-MM-DD') AS d1`,
      [from, to],
    );
    return r;
  }

  /**
   * Settings of a report's read transaction (regionStats reads every table in one): the cells are grouped in memory
   * (with the default 4 MB a district's edge months spill to disk), and without parallel workers — every statement
   * reads by index, and on a generated city starting the workers cost more than they saved (today's raw rows of a
   * district: 245 ms with two workers, 127 ms without; the registered volunteers 85 ms with, 42 ms without).
   */
  async reportSettings(m: EntityManager): Promise<void> {
    await m.query(`SET LOCAL work_mem = '${FACTS_WORK_MEM}'`);
    await m.query(`SET LOCAL max_parallel_workers_per_gather = 0`);
  }

  /**
   * Facts per month of [d0, d1] under `path`, per child region. Whole months that stats_monthly holds are read from
   * it when every child of the region is at a monthly level (a district's streets); the other finished days from
   * stats_daily; later days from the raw rows. The region's own facts are the sum over all rows.
   */
  async facts(m: EntityManager, path: string, d0: string, d1: string): Promise<Facts> {
    const [state] = await m.query(
      `SELECT to_char(complete_through, 'YYYY-MM-DD') AS wm, to_char(months_next, 'YYYY-MM-DD') AS mn,
              EXISTS (SELECT 1 FROM regions r WHERE r.path = $1::ltree AND r.level::text = ANY($2::text[]))
              AND NOT EXISTS (SELECT 1 FROM regions c JOIN regions r ON r.id = c.parent_id WHERE r.path = $1::ltree AND c.level::text <> ALL($2::text[])) AS monthly
         FROM stats_rollup_state WHERE id = 1`,
      [path, MONTHLY_LEVELS],
    );
    // [m0, m1): the whole months read from stats_monthly (none: an empty range).
    const months = state.monthly ? wholeMonths(d0, d1, state.mn) : null;
    const [m0, m1] = months ? [months.from, months.to] : [d0, d0];
    // Only the parts the period needs: finished days outside the whole months from stats_daily, days after the
    // watermark from the raw rows (an empty part still costs its plan: ~70 ms for the raw one on a city).
    const lastRolled = d1 < state.wm ? d1 : state.wm;
    const daily = d0 <= lastRolled && !(months && months.from <= d0 && lastRolled < months.to);
    const raw = d1 > state.wm;
    const tagged = `${childOf('region_path', '$3')}, to_char(day, 'YYYY-MM'), metric, ${keyed('metric', 'category')}, ${keyed('metric', 'urgency')}, bucket, value`;
    const parts = [
      // ($1, $2 and $4 typed here, a condition always true, so that the statement is valid whichever parts follow)
      `SELECT ${MONTHLY_CHILD} AS child, to_char(month, 'YYYY-MM') AS month, metric, category, urgency, bucket, value
         FROM stats_monthly WHERE ${MONTHLY_ROWS} AND buckets IS NULL AND ($1::date, $2::date, $4::date) IS NOT NULL`,
      ...(daily
        ? [
            `SELECT ${tagged} FROM stats_daily
              WHERE region_path <@ $3::ltree AND day BETWEEN $1::date AND least($2::date, $4::date) AND NOT (day >= $5::date AND day < $6::date)`,
          ]
        : []),
      ...(raw ? [`SELECT ${tagged} FROM (${DAILY_FACTS.replace(/\$1::date/g, 'greatest($1::date, $4::date + 1)')}) raw`] : []),
    ];
    const rows = await m.query(
      CELLS(
        parts.join(' UNION ALL '),
        `SELECT ${MONTHLY_CHILD}, to_char(month, 'YYYY-MM'), metric, buckets, counts FROM stats_monthly WHERE ${MONTHLY_ROWS} AND buckets IS NOT NULL`,
      ),
      [d0, d1, path, state.wm, m0, m1],
    );
    return toFacts(rows);
  }

  /** The same cells from the raw rows only (no rollup): what the benchmark compares against. */
  async rawFacts(path: string, d0: string, d1: string, m: EntityManager = this.db.manager): Promise<Facts> {
    const rows = await m.query(
      CELLS(`SELECT ${childOf('region_path', '$3')} AS child, to_char(day, 'YYYY-MM') AS month, metric, ${keyed('metric', 'category')} AS category,
                    ${keyed('metric', 'urgency')} AS urgency, bucket, value FROM (${DAILY_FACTS}) raw`),
      [d0, d1, path],
    );
    return toFacts(rows);
  }

  // ------------------------------------------------------------------ stocks and small tables

  /**
   * Distinct volunteers who served (a confirmed service record), per month and over the whole period, for the
   * region (`whole`: over all children) and for each child (a distinct count cannot be summed over children).
   */
  async activeVolunteers(
    m: EntityManager,
    path: string,
    d0: string,
    d1: string,
  ): Promise<{ child: string | null; whole: boolean; month: string | null; n: number }[]> {
    const rows = await m.query(
      `SELECT child, month, GROUPING(child) = 1 AS whole, count(DISTINCT volunteer_id)::int AS n FROM (
         SELECT ${childOf('r.path', '$1')} AS child, to_char((s.confirmed_at AT TIME ZONE '${TZ}')::date, 'YYYY-MM') AS month, s.volunteer_id
           FROM service_records s JOIN regions r ON r.id = s.community_id
          WHERE r.path <@ $1::ltree AND s.confirmed_at >= $2::date::timestamp AT TIME ZONE '${TZ}' AND s.confirmed_at < ($3::date + 1)::timestamp AT TIME ZONE '${TZ}'
       ) a GROUP BY GROUPING SETS ((child, month), (child), (month), ())`,
      [path, d0, d1],
    );
    return rows.map((r: { child: string | null; whole: boolean; month: string | null; n: number }) => ({
      child: r.whole ? null : r.child,
      whole: r.whole,
      month: r.month,
      n: Number(r.n),
    }));
  }

  /** Approved volunteers registered in communities under `path` by the end of the period, per child region. */
  async registeredVolunteers(m: EntityManager, path: string, d1: string): Promise<{ child: string | null; n: number }[]> {
    const rows = await m.query(
      `SELECT ${childOf('r.path', '$1')} AS child, count(*)::int AS n FROM volunteers v JOIN regions r ON r.id = v.community_id
        WHERE r.path <@ $1::ltree AND v.status = 'APPROVED' AND v.created_at < ($2::date + 1)::timestamp AT TIME ZONE '${TZ}' GROUP BY 1`,
      [path, d1],
    );
    return rows.map((r: { child: string | null; n: number }) => ({ child: r.child, n: Number(r.n) }));
  }

  /** Visit tasks due in the period (cancelled ones left out), by child region, month and care group. */
  async visits(m: EntityManager, path: string, d0: string, d1: string): Promise<InChild<VisitCounts>[]> {
    const rows = await m.query(
      `SELECT ${childOf('grid_path', '$1')} AS child, to_char(due, 'YYYY-MM') AS month, care_group::text AS "group", count(*)::int AS due,
              count(*) FILTER (WHERE status = 'DONE')::int AS done, count(*) FILTER (WHERE status = 'MISSED')::int AS missed
         FROM visit_tasks WHERE grid_path <@ $1::ltree AND due BETWEEN $2::date AND $3::date AND status <> 'CANCELLED'
        GROUP BY 1, 2, 3`,
      [path, d0, d1],
    );
    return rows.map((r: Record<string, unknown>) => ({
      child: (r.child as string | null) ?? null,
      month: String(r.month),
      group: String(r.group),
      due: Number(r.due),
      done: Number(r.done),
      missed: Number(r.missed),
    }));
  }

  /** Projects under `path` running in the period, by child region and status, with budget; and fen disbursed in the period. */
  async projects(
    m: EntityManager,
    path: string,
    d0: string,
    d1: string,
  ): Promise<{ byStatus: InChild<{ status: string; count: number; budgetFen: number }>[]; disbursed: InChild<{ fen: number }>[] }> {
    const rows = await m.query(
      `SELECT ${childOf('path', '$1')} AS child, status, count(*)::int AS n, coalesce(sum(budget_fen), 0)::bigint AS budget FROM projects
        WHERE path <@ $1::ltree AND starts_on < ($3::date + 1)::timestamp AT TIME ZONE '${TZ}' AND ends_on >= $2::date::timestamp AT TIME ZONE '${TZ}'
        GROUP BY 1, 2 ORDER BY 2`,
      [path, d0, d1],
    );
    const disbursed = await m.query(
      `SELECT ${childOf('p.path', '$1')} AS child, coalesce(sum(d.amount_fen), 0)::bigint AS fen FROM project_disbursements d JOIN projects p ON p.id = d.project_id
        WHERE p.path <@ $1::ltree AND d.recorded_at >= $2::date::timestamp AT TIME ZONE '${TZ}' AND d.recorded_at < ($3::date + 1)::timestamp AT TIME ZONE '${TZ}'
        GROUP BY 1`,
      [path, d0, d1],
    );
    return {
      byStatus: rows.map((r: Record<string, unknown>) => ({
        child: (r.child as string | null) ?? null,
        status: String(r.status),
        count: Number(r.n),
        budgetFen: Number(r.budget),
      })),
      disbursed: disbursed.map((r: Record<string, unknown>) => ({ child: (r.child as string | null) ?? null, fen: Number(r.fen) })),
    };
  }

  /**
   * Per community under `path`: what the seed indicators count. Set-based: the regions under each community are
   * found once (`sub`, by the path index), and each count is one grouped join over its table — not a subquery per
   * community (a district has 168 communities, a city 2 000).
   */
  async communities(m: EntityManager, path: string, d0: string, d1: string): Promise<CommunityFacts[]> {
    const rows = await m.query(
      `WITH b AS (SELECT $2::date::timestamp AT TIME ZONE '${TZ}' AS t0, ($3::date + 1)::timestamp AT TIME ZONE '${TZ}' AS t1),
       comm AS (SELECT id, path FROM regions WHERE level = 'COMMUNITY' AND path <@ $1::ltree),
       sub AS (SELECT r.id AS region_id, c.id AS community_id FROM comm c JOIN regions r ON r.path <@ c.path),
       workers AS (SELECT s.community_id, count(DISTINCT g.person_id)::int AS n,
                          count(DISTINCT g.person_id) FILTER (WHERE q.qualified)::int AS certified
                     FROM role_grants g JOIN sub s ON s.region_id = g.region_id LEFT JOIN stats_worker_qualifications q ON q.person_id = g.person_id
                    WHERE g.role = 'COMMUNITY_WORKER' AND g.revoked_at IS NULL GROUP BY 1),
       social AS (SELECT s.community_id, count(*)::int AS n FROM social_workers w JOIN stations st ON st.id = w.station_id JOIN sub s ON s.region_id = st.region_id GROUP BY 1),
       orgs AS (SELECT s.community_id, count(*)::int AS n FROM organizations o JOIN sub s ON s.region_id = o.region_id WHERE o.status = 'APPROVED' GROUP BY 1),
       served AS (SELECT h.community_id, count(*)::int AS n
                    FROM (SELECT DISTINCT s.community_id, s.beneficiary_person_id FROM service_records s JOIN comm c ON c.id = s.community_id, b
                           WHERE s.confirmed_at >= b.t0 AND s.confirmed_at < b.t1 AND EXISTS (SELECT 1 FROM needs n WHERE n.id = s.need_id AND n.home_entry)) h
                         JOIN persons p ON p.id = h.beneficiary_person_id
                   WHERE p.birth_date <= ($3::date - interval '60 years') GROUP BY 1)
       SELECT c.id, c.path::text AS path, a.kind, a.resident_population, a.elderly_population, coalesce(a.covered_categories, '{}') AS covered,
              (coalesce(a.has_volunteer_station, false) OR EXISTS (SELECT 1 FROM stations s WHERE s.region_id = c.id AND s.kind = 'VOLUNTEER_STATION')) AS station,
              EXISTS (SELECT 1 FROM care_enrollments e WHERE e.grid_path <@ c.path AND e.ended_at IS NULL)
                AND EXISTS (SELECT 1 FROM visit_tasks t WHERE t.grid_path <@ c.path AND t.status = 'DONE' AND t.done_at >= b.t0 AND t.done_at < b.t1) AS discovery,
              EXISTS (SELECT 1 FROM consultations k WHERE k.community_id = c.id AND k.held_at >= b.t0 AND k.held_at < b.t1) AS consultation,
              coalesce(sw.n, 0) AS social_workers, coalesce(w.n, 0) AS workers, coalesce(w.certified, 0) AS certified, coalesce(o.n, 0) AS orgs,
              coalesce(sv.n, 0) AS elderly_served
         FROM comm c LEFT JOIN stats_region_attributes a ON a.region_id = c.id LEFT JOIN workers w ON w.community_id = c.id
              LEFT JOIN social sw ON sw.community_id = c.id LEFT JOIN orgs o ON o.community_id = c.id LEFT JOIN served sv ON sv.community_id = c.id, b`,
      [path, d0, d1],
    );
    return rows.map((r: Record<string, unknown>) => ({
      id: String(r.id),
      path: String(r.path),
      kind: (r.kind as 'URBAN' | 'RURAL' | null) ?? null,
      residentPopulation: r.resident_population === null ? null : Number(r.resident_population),
      elderlyPopulation: r.elderly_population === null ? null : Number(r.elderly_population),
      covered: r.covered as string[],
      station: Boolean(r.station),
      discovery: Boolean(r.discovery),
      consultation: Boolean(r.consultation),
      socialWorkers: Number(r.social_workers),
      workers: Number(r.workers),
      certified: Number(r.certified),
      orgs: Number(r.orgs),
      elderlyServed: Number(r.elderly_served),
    }));
  }

  async attributes(regionIds: readonly string[], m: EntityManager = this.db.manager): Promise<RegionAttributesRow[]> {
    if (regionIds.length === 0) return [];
    return m.query(`SELECT * FROM stats_region_attributes WHERE region_id = ANY($1::uuid[])`, [regionIds]);
  }

  async upsertAttributes(m: EntityManager, row: RegionAttributesRow, by: string): Promise<void> {
    await m.query(
      `INSERT INTO stats_region_attributes (region_id, registered_population, resident_population, elderly_population, kind, has_volunteer_station,
                                            covered_categories, social_workers_per_10k_target, certified_worker_share_target, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
       ON CONFLICT (region_id) DO UPDATE SET registered_population = $2, resident_population = $3, elderly_population = $4, kind = $5,
         has_volunteer_station = $6, covered_categories = $7, social_workers_per_10k_target = $8, certified_worker_share_target = $9, updated_by = $10, updated_at = now()`,
      [
        row.region_id,
        row.registered_population,
        row.resident_population,
        row.elderly_population,
        row.kind,
        row.has_volunteer_station,
        row.covered_categories,
        row.social_workers_per_10k_target,
        row.certified_worker_share_target,
        by,
      ],
    );
  }

  async setQualification(m: EntityManager, personId: string, qualified: boolean, certificateNo: string | null, by: string): Promise<void> {
    await m.query(
      `INSERT INTO stats_worker_qualifications (person_id, qualified, certificate_no, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (person_id) DO UPDATE SET qualified = $2, certificate_no = $3, updated_by = $4, updated_at = now()`,
      [personId, qualified, certificateNo, by],
    );
  }

  /** Regions (paths) where the person holds the community-worker role. */
  async communityWorkerPaths(m: EntityManager, personId: string): Promise<string[]> {
    const rows = await m.query(
      `SELECT r.path::text AS path FROM role_grants g JOIN regions r ON r.id = g.region_id WHERE g.person_id = $1 AND g.role = 'COMMUNITY_WORKER' AND g.revoked_at IS NULL`,
      [personId],
    );
    return rows.map((r: { path: string }) => r.path);
  }
}

export interface VisitCounts {
  month: string;
  group: string;
  due: number;
  done: number;
  missed: number;
}

export interface CommunityFacts {
  id: string;
  /** The community's region path (which child region of a drill-down it belongs to). */
  path: string;
  kind: 'URBAN' | 'RURAL' | null;
  residentPopulation: number | null;
  elderlyPopulation: number | null;
  covered: string[];
  station: boolean;
  discovery: boolean;
  consultation: boolean;
  socialWorkers: number;
  workers: number;
  certified: number;
  orgs: number;
  elderlyServed: number;
}

const toFacts = (rows: Record<string, unknown>[]): Facts => {
  const facts: Facts = { sums: [], histograms: [] };
  for (const r of rows) {
    const child = (r.child as string | null) ?? null;
    if (r.buckets)
      facts.histograms.push({ child, month: String(r.month), metric: String(r.metric), buckets: r.buckets as number[], counts: r.counts as number[] });
    else
      facts.sums.push({
        whole: Boolean(r.whole),
        child,
        month: (r.month as string | null) ?? null,
        metric: String(r.metric),
        category: String(r.category),
        urgency: String(r.urgency),
        value: Number(r.value),
      });
  }
  return facts;
};

/**
 * The whole calendar months inside the days [d0, d1] that stats_monthly holds (those before `monthsNext`), as
 * [from, to) first days of months; null when there is none. Dates are ISO calendar days.
 */
export function wholeMonths(d0: string, d1: string, monthsNext: string): { from: string; to: string } | null {
  const first = (y: number, mo: number) => new Date(Date.UTC(y, mo, 1)).toISOString().slice(0, 10);
  const [y0, mo0, day0] = d0.split('-').map(Number);
  const from = day0 === 1 ? d0 : first(y0, mo0); // the first month starting on or after d0
  const [y1, mo1] = d1.split('-').map(Number);
  const next = first(y1, mo1); // the month after d1's month: d1's month is whole when d1 is its last day
  const end = nextDay(d1) === next ? next : first(y1, mo1 - 1);
  const to = end < monthsNext ? end : monthsNext;
  return from < to ? { from, to } : null;
}

const nextDay = (d: string): string => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
