import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import type { EntityManager } from 'typeorm';
import { logger } from '../common/logging/logger.js';
import { DATABASE_URL } from '../database/database.module.js';
import { NotificationsRepository } from './notifications.repository.js';

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

type Subscriber = (s: NeedSignal) => void;

/**
 * Cross-instance notifications: a signal is sent with pg_notify inside the transaction that caused it (so it is
 * delivered only if that commits), and every app instance LISTENs on one dedicated connection and hands the
 * signals to its local subscribers. No in-process-only pubsub: an instance hears its own signals the same way.
 */
@Injectable()
export class NotificationBus implements OnModuleInit, OnApplicationShutdown {
  private client: pg.Client | null = null;
  private readonly subscribers = new Set<Subscriber>();
  private stopping = false;

  constructor(
    @Inject(DATABASE_URL) private readonly url: string,
    private readonly repo: NotificationsRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const s of this.subscribers) this.subscribers.delete(s);
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'wushe-timebank-listen' });
    client.on('notification', (msg) => {
      if (msg.channel !== NEED_CHANNEL || !msg.payload) return;
      let signal: NeedSignal;
      try {
        signal = JSON.parse(msg.payload) as NeedSignal;
      } catch {
        return;
      }
      for (const s of this.subscribers) s(signal);
    });
    client.on('error', (err) => {
      logger.warn('notification listener lost', { message: err.message });
      this.client = null;
      if (!this.stopping) setTimeout(() => void this.connect().catch(() => undefined), 1000).unref();
    });
    await client.connect();
    await this.repo.listen(client, NEED_CHANNEL);
    this.client = client;
  }

  /** Local subscriptions currently open on this instance (for health checks and tests). */
  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** Sends `signal` when `manager`'s transaction commits. */
  async publish(manager: EntityManager, signal: Omit<NeedSignal, 'at'>): Promise<void> {
    await this.repo.notify(manager, NEED_CHANNEL, JSON.stringify({ ...signal, at: new Date().toISOString() }));
  }

  /** An async iterator of the signals that pass `filter`, until the client unsubscribes. */
  listen(filter: (s: NeedSignal) => boolean): AsyncIterableIterator<NeedSignal> {
    const queue: NeedSignal[] = [];
    const waiting: ((r: IteratorResult<NeedSignal>) => void)[] = [];
    let done = false;
    const subscriber: Subscriber = (s) => {
      if (done || !filter(s)) return;
      const w = waiting.shift();
      if (w) w({ value: s, done: false });
      else if (queue.length < 1000) queue.push(s);
    };
    this.subscribers.add(subscriber);
    const finish = () => {
      done = true;
      this.subscribers.delete(subscriber);
      for (const w of waiting.splice(0)) w({ value: undefined, done: true });
    };
    const iterator: AsyncIterableIterator<NeedSignal> = {
      next: () => {
        if (queue.length > 0) return Promise.resolve({ value: queue.shift()!, done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => waiting.push(resolve));
      },
      return: () => {
        finish();
        return Promise.resolve({ value: undefined, done: true });
      },
      throw: (err) => {
        finish();
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }
}
