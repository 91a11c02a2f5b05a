import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The volunteer feed and the batch plan (docs/city-scale.md "Benchmarks against bare SQL") look for the claimable needs
 * (OPEN: the states CLAIM moves from) under a few region paths. With a GiST index on every need's path and a btree on
 * the waiting needs' window end, PostgreSQL intersected two bitmaps: on a generated city the window index alone gave
 * 53 000 entries for a feed of 20, 43 ms under EXPLAIN ANALYZE. A GiST index on the path of the open needs only finds
 * them directly (59 rows, 2.5 ms under the same conditions).
 */
export class NeedsOpenPath1797100000000 implements MigrationInterface {
  name = 'NeedsOpenPath1797100000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX needs_open_grid_path_gist ON needs USING gist (grid_path) WHERE status = 'OPEN'`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX needs_open_grid_path_gist`);
  }
}
