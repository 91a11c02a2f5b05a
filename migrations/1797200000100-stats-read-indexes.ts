import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics at city scale (docs/statistics.md "Scale"): the figures that are counts of distinct persons cannot be
 * rolled up and summed, so they are read from the rows of the period, and these indexes make that read a range per
 * community instead of a scan of the whole city's period. On a generated city, a district over a year:
 * - distinct active volunteers: a range of `service_records_community_confirmed_idx` per community, read from the index
 *   alone (volunteer, beneficiary and need are included), instead of every service record of the city's year by time;
 * - elderly residents served at home: the same range, the need's home entry checked in `needs_home_entry_idx` (the
 *   ids of home-entry needs only);
 * - community workers: `role_grants_community_worker_idx` instead of a scan of every role grant.
 */
export class StatsReadIndexes1797200000100 implements MigrationInterface {
  name = 'StatsReadIndexes1797200000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX service_records_community_confirmed_idx ON service_records (community_id, confirmed_at) INCLUDE (volunteer_id, beneficiary_person_id, need_id)`,
    );
    await q.query(`CREATE INDEX needs_home_entry_idx ON needs (id) WHERE home_entry`);
    await q.query(`CREATE INDEX role_grants_community_worker_idx ON role_grants (region_id, person_id) WHERE role = 'COMMUNITY_WORKER' AND revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX role_grants_community_worker_idx`);
    await q.query(`DROP INDEX needs_home_entry_idx`);
    await q.query(`DROP INDEX service_records_community_confirmed_idx`);
  }
}
