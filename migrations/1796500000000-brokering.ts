import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Three-list brokering 三项清单对接 (docs/brokering.md): a booking takes `quantity` of a resource's daily capacity
 * for the need's date (Asia/Shanghai). Cancelling keeps the row (status CANCELLED) so the calendar has a history.
 * A goods booking of a charity supermarket points at the charity GRANT entry that took the stock.
 */
export class Brokering1796500000000 implements MigrationInterface {
  name = 'Brokering1796500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE resource_bookings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        need_id uuid NOT NULL REFERENCES needs(id),
        resource_id uuid NOT NULL REFERENCES resources(id),
        day date NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'CANCELLED')),
        booked_by uuid NOT NULL REFERENCES persons(id),
        booked_at timestamptz NOT NULL DEFAULT now(),
        cancelled_by uuid REFERENCES persons(id),
        cancelled_at timestamptz,
        cancel_reason text CHECK (length(cancel_reason) <= 200),
        charity_entry_id uuid,
        CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX resource_bookings_day_idx ON resource_bookings (resource_id, day) WHERE status = 'ACTIVE'`);
    await q.query(`CREATE INDEX resource_bookings_need_idx ON resource_bookings (need_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE resource_bookings`);
  }
}
