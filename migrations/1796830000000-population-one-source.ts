import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Population has one source of truth: `stats_region_attributes.resident_population` (docs/statistics.md), settable
 * by admins in scope and validated. The generated city wrote `regions.population` on every level; the communities'
 * values move to the attributes (a value already set there wins) — a region above a community is the sum of its
 * communities and a grid is finer than any figure reads — and the column goes. Down puts the communities' values
 * back and sums them upwards.
 */
export class PopulationOneSource1796830000000 implements MigrationInterface {
  name = 'PopulationOneSource1796830000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO stats_region_attributes (region_id, resident_population)
       SELECT id, population FROM regions WHERE level = 'COMMUNITY' AND population IS NOT NULL
       ON CONFLICT (region_id) DO UPDATE SET resident_population = coalesce(stats_region_attributes.resident_population, EXCLUDED.resident_population)`,
    );
    await q.query(`ALTER TABLE regions DROP COLUMN population`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE regions ADD COLUMN population integer CHECK (population >= 0)`);
    await q.query(`UPDATE regions r SET population = a.resident_population FROM stats_region_attributes a WHERE a.region_id = r.id AND r.level = 'COMMUNITY'`);
    for (const level of ['STREET', 'DISTRICT', 'CITY', 'PROVINCE']) {
      await q.query(`UPDATE regions r SET population = (SELECT sum(c.population) FROM regions c WHERE c.parent_id = r.id) WHERE r.level = $1`, [level]);
    }
  }
}
