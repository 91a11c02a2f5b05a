import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PgChannel, PgListener } from '../notifications/pg-channel.js';

export enum VisitSignalType {
  /** A task was made for, or handed to, the assignee. */
  ASSIGNED = 'ASSIGNED',
  /** The due day passed and the task is still open. */
  OVERDUE = 'OVERDUE',
}

/** What travels through NOTIFY: ids only, never personal data. */
export interface VisitSignal {
  type: VisitSignalType;
  taskId: string;
  assigneeId: string;
  at: string;
}

export const VISIT_CHANNEL = 'wushe_visit_events';

/**
 * Tells assignees of new and overdue visit tasks across app instances, as the need notifications do: sent with
 * pg_notify inside the transaction that made the change (delivered only if it commits), heard by every instance on
 * its one listener connection and handed to its subscribers: a PgChannel (src/notifications/pg-channel.ts).
 */
@Injectable()
export class VisitSignals {
  private readonly channel: PgChannel<VisitSignal>;

  constructor(listener: PgListener) {
    this.channel = listener.channel<VisitSignal>(VISIT_CHANNEL);
  }

  /** Local subscriptions currently open on this instance (for tests). */
  get subscriberCount(): number {
    return this.channel.subscriberCount;
  }

  /** Sends `signal` when `m`'s transaction commits. */
  async publish(m: EntityManager, signal: Omit<VisitSignal, 'at'>): Promise<void> {
    await this.channel.publish(m, { ...signal, at: new Date().toISOString() });
  }

  /** The signals for `personId` until the client unsubscribes. */
  listen(personId: string): AsyncIterableIterator<VisitSignal> {
    return this.channel.listen((s) => s.assigneeId === personId);
  }
}
