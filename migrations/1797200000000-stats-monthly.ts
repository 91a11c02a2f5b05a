import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics at city scale (docs/statistics.md "Scale"): `stats_daily` is keyed by the grid a fact happened in, and a
 * grid rarely sees two events a day, so it is nearly one row per event (15.2 M rows on a generated city) and a
 * district-year read 444 000 of them. `stats_monthly` rolls each finished month up once more, into every ancestor
 * region at the levels that have many events a month (province, city, district, street): a district-year reads its
 * streets' months instead.
 *
 * - `own`: the fact happened in this region itself, not in a region below it (a region's figures are its own rows
 *   plus its children's totals).
 * - `parent_path`: the parent of `region_path`, so that a region's children are one index range.
 * - Only the need-table metrics keep their category and urgency (no figure reads them for the others).
 * - The histograms of minutes (ACCEPT_MINUTES, CLAIM_MINUTES) are one row per region, month and metric, the buckets
 *   and their counts in two arrays sorted by bucket (`value` is the count): a street's month holds hundreds of
 *   distinct minutes, which as rows were 80 % of a district-year's read.
 * - `stats_rollup_state.months_next` is the month watermark: every month before it is in `stats_monthly`. It never
 *   passes the day watermark (a month is rolled from its finished days), which the CHECK holds.
 */
export class StatsMonthly1797200000000 implements MigrationInterface {
  name = 'StatsMonthly1797200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stats_monthly (
        region_id uuid NOT NULL REFERENCES regions(id),
        region_path ltree NOT NULL,
        parent_path ltree,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        own boolean NOT NULL,
        metric text NOT NULL,
        category text NOT NULL DEFAULT '',
        urgency text NOT NULL DEFAULT '',
        bucket integer NOT NULL DEFAULT -1,
        value bigint NOT NULL,
        buckets integer[],
        counts integer[],
        CHECK ((buckets IS NULL) = (counts IS NULL) AND cardinality(buckets) = cardinality(counts)),
        PRIMARY KEY (region_path, month, own, metric, category, urgency, bucket)
      )`);
    await q.query(`CREATE INDEX stats_monthly_parent_idx ON stats_monthly (parent_path, month)`);
    await q.query(`ALTER TABLE stats_rollup_state ADD COLUMN months_next date NOT NULL DEFAULT DATE '2000-01-01'`);
    await q.query(
      `ALTER TABLE stats_rollup_state ADD CONSTRAINT stats_rollup_months_behind_days CHECK (extract(day FROM months_next) = 1 AND months_next <= complete_through + 1)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stats_rollup_state DROP COLUMN months_next`);
    await q.query(`DROP TABLE stats_monthly`);
  }
}
