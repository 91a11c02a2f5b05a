import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 4 of the dispatch loop: needs whose window passed become EXPIRED (staff reschedule or cancel them) instead
 * of staying claimable; a dispute opens a DISPUTE review item; an expired need opens an EXPIRED_CALLBACK item;
 * volunteers record who vetted them and when; the scheduler's new scans (expiry, auto-close) get partial indexes.
 */
export class NeedsExpiryDisputesVetting1764547200000 implements MigrationInterface {
  name = 'NeedsExpiryDisputesVetting1764547200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TYPE need_status ADD VALUE IF NOT EXISTS 'EXPIRED'`);
    await q.query(`ALTER TABLE need_reviews DROP CONSTRAINT need_reviews_kind_check`);
    await q.query(
      `ALTER TABLE need_reviews ADD CONSTRAINT need_reviews_kind_check CHECK (kind IN ('LOW_RATING','DEADLINE_CALLBACK','DISPUTE','EXPIRED_CALLBACK'))`,
    );
    await q.query(`CREATE INDEX need_reviews_open_need_idx ON need_reviews (need_id) WHERE status = 'OPEN'`);
    // The scheduler's scans: waiting needs whose window ends, and confirmed needs to close.
    await q.query(`CREATE INDEX needs_window_end_waiting_idx ON needs (window_end) WHERE status IN ('ACCEPTED','OPEN')`);
    await q.query(`CREATE INDEX needs_confirmed_close_idx ON needs (confirmed_at) WHERE status = 'CONFIRMED'`);
    await q.query(`ALTER TABLE volunteers ADD COLUMN vetted_by uuid REFERENCES persons(id), ADD COLUMN vetted_at timestamptz,
                     ADD COLUMN vetting_note text CHECK (length(vetting_note) <= 500)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE volunteers DROP COLUMN vetting_note, DROP COLUMN vetted_at, DROP COLUMN vetted_by`);
    await q.query(`DROP INDEX needs_confirmed_close_idx`);
    await q.query(`DROP INDEX needs_window_end_waiting_idx`);
    await q.query(`DROP INDEX need_reviews_open_need_idx`);
    await q.query(`DELETE FROM need_reviews WHERE kind IN ('DISPUTE','EXPIRED_CALLBACK')`);
    await q.query(`ALTER TABLE need_reviews DROP CONSTRAINT need_reviews_kind_check`);
    await q.query(`ALTER TABLE need_reviews ADD CONSTRAINT need_reviews_kind_check CHECK (kind IN ('LOW_RATING','DEADLINE_CALLBACK'))`);
    // PostgreSQL cannot drop a value from an enum type: the value stays, unused; expired needs become cancelled so
    // that the older code never meets it.
    await q.query(`UPDATE needs SET status = 'CANCELLED', status_reason = coalesce(status_reason, '服务时间已过') WHERE status = 'EXPIRED'`);
  }
}
