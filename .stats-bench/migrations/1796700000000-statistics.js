/**
 * Statistics 统计 (docs/statistics.md): the region attributes the seed indicators need, community workers'
 * social-work qualification, and the daily rollup (per region × day × metric × category/urgency/bucket) that a
 * watermark job fills for finished days.
 */
export class Statistics1796700000000 {
    name = 'Statistics1796700000000';
    async up(q) {
        await q.query(`
      CREATE TABLE stats_region_attributes (
        region_id uuid PRIMARY KEY REFERENCES regions(id),
        registered_population integer CHECK (registered_population BETWEEN 0 AND 50000000),
        resident_population integer CHECK (resident_population BETWEEN 0 AND 50000000),
        elderly_population integer CHECK (elderly_population BETWEEN 0 AND 50000000),
        kind text CHECK (kind IN ('URBAN','RURAL')),
        has_volunteer_station boolean NOT NULL DEFAULT false,
        covered_categories text[] NOT NULL DEFAULT '{}',
        social_workers_per_10k_target double precision CHECK (social_workers_per_10k_target >= 0),
        certified_worker_share_target double precision CHECK (certified_worker_share_target BETWEEN 0 AND 1),
        updated_by uuid REFERENCES persons(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
        await q.query(`
      CREATE TABLE stats_worker_qualifications (
        person_id uuid PRIMARY KEY REFERENCES persons(id),
        qualified boolean NOT NULL,
        certificate_no text CHECK (length(certificate_no) <= 30),
        updated_by uuid REFERENCES persons(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
        await q.query(`
      CREATE TABLE stats_daily (
        region_id uuid NOT NULL REFERENCES regions(id),
        region_path ltree NOT NULL,
        day date NOT NULL,
        metric text NOT NULL,
        category text NOT NULL DEFAULT '',
        urgency text NOT NULL DEFAULT '',
        bucket integer NOT NULL DEFAULT -1,
        value bigint NOT NULL,
        PRIMARY KEY (day, region_id, metric, category, urgency, bucket)
      )`);
        await q.query(`CREATE INDEX stats_daily_path_gist ON stats_daily USING gist (region_path)`);
        // Days up to complete_through are in stats_daily; later days are read from the raw rows.
        await q.query(`CREATE TABLE stats_rollup_state (id smallint PRIMARY KEY CHECK (id = 1), complete_through date NOT NULL)`);
        await q.query(`INSERT INTO stats_rollup_state VALUES (1, DATE '2000-01-01')`);
        // What the raw reads of the unfinished days and the rollup job scan: event time.
        await q.query(`CREATE INDEX need_events_at_idx ON need_events (at)`);
        await q.query(`CREATE INDEX service_records_confirmed_idx ON service_records (confirmed_at)`);
        await q.query(`CREATE INDEX ledger_transactions_created_idx ON ledger_transactions (created_at)`);
    }
    async down(q) {
        await q.query(`DROP INDEX ledger_transactions_created_idx`);
        await q.query(`DROP INDEX service_records_confirmed_idx`);
        await q.query(`DROP INDEX need_events_at_idx`);
        await q.query(`DROP TABLE stats_rollup_state`);
        await q.query(`DROP TABLE stats_daily`);
        await q.query(`DROP TABLE stats_worker_qualifications`);
        await q.query(`DROP TABLE stats_region_attributes`);
    }
}
//# sourceMappingURL=1796700000000-statistics.js.map