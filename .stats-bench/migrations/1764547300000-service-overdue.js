/**
 * A service checked in but never completed (the volunteer forgot to check out, or something went wrong at the
 * resident's home) is flagged once its window is over: the scheduler escalates it like a missed deadline.
 */
export class ServiceOverdue1764547300000 {
    name = 'ServiceOverdue1764547300000';
    async up(q) {
        await q.query(`ALTER TABLE needs ADD COLUMN service_overdue_at timestamptz`);
        await q.query(`CREATE INDEX needs_in_service_window_end_idx ON needs (window_end) WHERE status = 'IN_SERVICE' AND service_overdue_at IS NULL`);
    }
    async down(q) {
        await q.query(`DROP INDEX needs_in_service_window_end_idx`);
        await q.query(`ALTER TABLE needs DROP COLUMN service_overdue_at`);
    }
}
//# sourceMappingURL=1764547300000-service-overdue.js.map