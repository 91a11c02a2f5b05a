import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 周期需求 (docs/everyday.md): how far ahead each series has been materialised, so the scheduler takes only the
 * series that are due, the least recently covered first (no series waits behind others).
 */
export class NeedSeriesMaterialised1796850000000 implements MigrationInterface {
  name = 'NeedSeriesMaterialised1796850000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE need_series ADD COLUMN materialised_until timestamptz`);
    await q.query(`CREATE INDEX need_series_due_idx ON need_series (materialised_until NULLS FIRST, id) WHERE status <> 'ENDED'`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX need_series_due_idx`);
    await q.query(`ALTER TABLE need_series DROP COLUMN materialised_until`);
  }
}
