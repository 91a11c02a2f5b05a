import { MigrationInterface, QueryRunner } from 'typeorm';

/** 周期需求变更 (docs/everyday.md): each change of a series from a date on, with the shape before and after. */
export class NeedSeriesChanges1796830000200 implements MigrationInterface {
  name = 'NeedSeriesChanges1796830000200';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE need_series ADD COLUMN changes jsonb NOT NULL DEFAULT '[]'`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE need_series DROP COLUMN changes`);
  }
}
