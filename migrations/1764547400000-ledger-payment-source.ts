import { MigrationInterface, QueryRunner } from 'typeorm';

/** SPEND and GRANT name the need they pay for; "is there a standing payment for this need" is asked under a lock. */
export class LedgerPaymentSource1764547400000 implements MigrationInterface {
  name = 'LedgerPaymentSource1764547400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ledger_transactions_payment_source_idx ON ledger_transactions (source_type, source_id) WHERE kind IN ('SPEND','GRANT')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ledger_transactions_payment_source_idx`);
  }
}
