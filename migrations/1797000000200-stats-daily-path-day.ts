import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics (docs/statistics.md "Scale"): a region's period reads stats_daily by path and day together. The gist
 * index on the path alone found every day of the region (three years for a one-year question); with the day in the
 * same index (btree_gist, already installed for the needs' exclusion constraint) it finds only the period's rows.
 */
export class StatsDailyPathDay1797000000200 implements MigrationInterface {
  name = 'StatsDailyPathDay1797000000200';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX stats_daily_path_day_gist ON stats_daily USING gist (region_path, day)`);
    await q.query(`DROP INDEX stats_daily_path_gist`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX stats_daily_path_gist ON stats_daily USING gist (region_path)`);
    await q.query(`DROP INDEX stats_daily_path_day_gist`);
  }
}
