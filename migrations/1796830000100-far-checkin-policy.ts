import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 签到核查距离 per region (docs/everyday.md): how far from the need's location a check-in or check-out may be before
 * staff review it. A region's setting holds for everything under it unless a nearer region sets its own; no
 * setting anywhere above means the built-in default (FAR_CHECKIN_DEFAULT_M).
 */
export class FarCheckinPolicy1796830000100 implements MigrationInterface {
  name = 'FarCheckinPolicy1796830000100';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE need_checkin_policies (
        region_id uuid PRIMARY KEY REFERENCES regions(id),
        far_checkin_m integer NOT NULL CHECK (far_checkin_m BETWEEN 50 AND 20000),
        updated_by uuid REFERENCES persons(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE need_checkin_policies`);
  }
}
