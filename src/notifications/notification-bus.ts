import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PgChannel, PgListener } from './pg-channel.js';

export enum NeedSignalType {
  /** A need was dispatched to a volunteer (派单). */
  NEED_DISPATCHED = 'NEED_DISPATCHED',
  /** A need changed state (to its beneficiary, poster and volunteer). */
  NEED_CHANGED = 'NEED_CHANGED',
  /** A deadline was breached and the need escalated (to staff whose scope holds it). */
  DEADLINE_BREACHED = 'DEADLINE_BREACHED',
  /** A message was posted on a need (`action` carries the message id; docs/everyday.md). */
  NEED_MESSAGE = 'NEED_MESSAGE',
}

/** What travels through PostgreSQL NOTIFY: ids and codes only, never personal data. */
export interface NeedSignal {
  type: NeedSignalType;
  needId: string;
  action: string;
  status: string;
  gridPath: string;
  /** Beneficiary and poster. */
  personIds: string[];
  /** The person of the volunteer concerned (holding, dispatched to, or just released). */
  volunteerPersonId: string | null;
  at: string;
}

export const NEED_CHANNEL = 'wushe_need_events';

/**
 * The need signals across instances, on the {@link PgChannel} `wushe_need_events`: sent inside the transaction that
 * caused them (delivered only if it commits), heard by every instance, handed to its GraphQL subscriptions.
 */
@Injectable()
export class NotificationBus {
  private readonly channel: PgChannel<NeedSignal>;

  constructor(listener: PgListener) {
    this.channel = listener.channel<NeedSignal>(NEED_CHANNEL);
  }

  /** Local subscriptions currently open on this instance (for health checks and tests). */
  get subscriberCount(): number {
    return this.channel.subscriberCount;
  }

  /** Sends `signal` when `manager`'s transaction commits. */
  async publish(manager: EntityManager, signal: Omit<NeedSignal, 'at'>): Promise<void> {
    await this.channel.publish(manager, { ...signal, at: new Date().toISOString() });
  }

  /** An async iterator of the signals that pass `filter`, until the client unsubscribes. */
  listen(filter: (s: NeedSignal) => boolean): AsyncIterableIterator<NeedSignal> {
    return this.channel.listen(filter);
  }
}
