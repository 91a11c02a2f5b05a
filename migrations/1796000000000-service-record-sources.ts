import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A service record (志愿服务记录) comes from a confirmed need, a confirmed project activity or a care visit
 * (docs/design.md "Time bank"). `source` + `source_id` name it and are unique together, so each source earns
 * once; `need_id` stays for need-sourced records, and the beneficiary is optional (an activity serves many).
 */
export class ServiceRecordSources1796000000000 implements MigrationInterface {
  name = 'ServiceRecordSources1796000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE service_records ADD COLUMN source text NOT NULL DEFAULT 'NEED' CHECK (source IN ('NEED', 'ACTIVITY', 'VISIT'))`);
    await q.query(`ALTER TABLE service_records ADD COLUMN source_id uuid`);
    await q.query(`UPDATE service_records SET source_id = need_id`);
    await q.query(`ALTER TABLE service_records ALTER COLUMN source_id SET NOT NULL`);
    await q.query(`ALTER TABLE service_records ALTER COLUMN need_id DROP NOT NULL`);
    await q.query(`ALTER TABLE service_records ALTER COLUMN beneficiary_person_id DROP NOT NULL`);
    await q.query(
      `ALTER TABLE service_records ADD CONSTRAINT service_records_need_source CHECK ((source = 'NEED') = (need_id IS NOT NULL AND need_id = source_id))`,
    );
    await q.query(`CREATE UNIQUE INDEX service_records_source_uq ON service_records (source, source_id, volunteer_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM service_records WHERE source <> 'NEED'`);
    await q.query(`DROP INDEX service_records_source_uq`);
    await q.query(`ALTER TABLE service_records DROP CONSTRAINT service_records_need_source`);
    await q.query(`ALTER TABLE service_records ALTER COLUMN beneficiary_person_id SET NOT NULL`);
    await q.query(`ALTER TABLE service_records ALTER COLUMN need_id SET NOT NULL`);
    await q.query(`ALTER TABLE service_records DROP COLUMN source_id`);
    await q.query(`ALTER TABLE service_records DROP COLUMN source`);
  }
}
