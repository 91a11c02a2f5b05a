import { MigrationInterface, QueryRunner } from 'typeorm';

/** Resident population per region (常住人口), for statistics per head and for the generated city (docs/city-scale.md). */
export class RegionPopulation1796150000000 implements MigrationInterface {
  name = 'RegionPopulation1796150000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE regions ADD COLUMN population integer CHECK (population >= 0)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE regions DROP COLUMN population`);
  }
}
