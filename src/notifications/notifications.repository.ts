import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import type { EntityManager } from 'typeorm';

/** The SQL of the notification bus: PostgreSQL NOTIFY inside a transaction, LISTEN on the bus's own connection. */
@Injectable()
export class NotificationsRepository {
  /** Queues `payload` on `channel`; PostgreSQL delivers it when `manager`'s transaction commits. */
  async notify(manager: EntityManager, channel: string, payload: string): Promise<void> {
    await manager.query(`SELECT pg_notify($1, $2)`, [channel, payload]);
  }

  /** Subscribes the dedicated `client` to `channel` (a fixed identifier of the code, never input). */
  async listen(client: pg.Client, channel: string): Promise<void> {
    await client.query(`LISTEN ${channel}`);
  }
}
