import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A charity fund's money is kept in three accounts (docs/projects.md "Money"): AVAILABLE (donations in, grants
 * out), RESERVED (earmarked for an approved project) and PAID_OUT (paid to undertaking organizations). Project
 * movements are transfers: two entries with one `transfer_id` summing to zero. Money on hand is AVAILABLE +
 * RESERVED; what may be granted or reserved is AVAILABLE.
 */
export class CharityFundAccounts1796200000002 implements MigrationInterface {
  name = 'CharityFundAccounts1796200000002';

  async up(q: QueryRunner): Promise<void> {
    // New enum values cannot be used in the transaction that adds them: the checks below compare text.
    await q.query(`ALTER TYPE charity_entry_kind ADD VALUE IF NOT EXISTS 'PROJECT_RESERVE'`);
    await q.query(`ALTER TYPE charity_entry_kind ADD VALUE IF NOT EXISTS 'PROJECT_RELEASE'`);
    await q.query(`ALTER TYPE charity_entry_kind ADD VALUE IF NOT EXISTS 'PROJECT_DISBURSE'`);
    await q.query(`ALTER TABLE charity_entries ADD COLUMN account text NOT NULL DEFAULT 'AVAILABLE' CHECK (account IN ('AVAILABLE','RESERVED','PAID_OUT'))`);
    await q.query(`ALTER TABLE charity_entries ADD COLUMN transfer_id uuid`);
    await q.query(
      `ALTER TABLE charity_entries ADD CONSTRAINT charity_entries_transfer CHECK ((kind::text LIKE 'PROJECT_%') = (transfer_id IS NOT NULL AND target_type = 'PROJECT'))`,
    );
    await q.query(`CREATE INDEX charity_entries_transfer_idx ON charity_entries (transfer_id) WHERE transfer_id IS NOT NULL`);
    await q.query(`CREATE INDEX charity_entries_target_idx ON charity_entries (target_type, target_id) WHERE target_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    if ((await q.query(`SELECT 1 FROM charity_entries WHERE transfer_id IS NOT NULL LIMIT 1`)).length > 0) {
      throw new Error('charity entries of project transfers exist: refusing to drop the fund accounts');
    }
    await q.query(`DROP INDEX charity_entries_target_idx`);
    await q.query(`DROP INDEX charity_entries_transfer_idx`);
    await q.query(`ALTER TABLE charity_entries DROP CONSTRAINT charity_entries_transfer`);
    await q.query(`ALTER TABLE charity_entries DROP COLUMN transfer_id`);
    await q.query(`ALTER TABLE charity_entries DROP COLUMN account`);
    // PostgreSQL cannot drop enum values; the unused PROJECT_* kinds stay.
  }
}
