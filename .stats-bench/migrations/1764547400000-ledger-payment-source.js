/** SPEND and GRANT name the need they pay for; "is there a standing payment for this need" is asked under a lock. */
export class LedgerPaymentSource1764547400000 {
    name = 'LedgerPaymentSource1764547400000';
    async up(q) {
        await q.query(`CREATE INDEX ledger_transactions_payment_source_idx ON ledger_transactions (source_type, source_id) WHERE kind IN ('SPEND','GRANT')`);
    }
    async down(q) {
        await q.query(`DROP INDEX ledger_transactions_payment_source_idx`);
    }
}
//# sourceMappingURL=1764547400000-ledger-payment-source.js.map