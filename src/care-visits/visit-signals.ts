import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import type { EntityManager } from 'typeorm';
import { logger } from '../common/logging/logger.js';
import { DATABASE_URL } from '../database/database.module.js';

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
 * pg_notify inside the transaction that made the change (delivered only if it commits), heard on one LISTEN
 * connection per instance and handed to that instance's subscribers.
 */
@Injectable()
export class VisitSignals implements OnModuleInit, OnApplicationShutdown {
  private client: pg.Client | null = null;
  private readonly subscribers = new Set<(s: VisitSignal) => void>();
  private stopping = false;

  constructor(@Inject(DATABASE_URL) private readonly url: string) {}

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.subscribers.clear();
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'wushe-timebank-visits' });
    client.on('notification', (msg) => {
      if (msg.channel !== VISIT_CHANNEL || !msg.payload) return;
      let signal: VisitSignal;
      try {
        signal = JSON.parse(msg.payload) as VisitSignal;
      } catch {
        return;
      }
      for (const s of this.subscribers) s(signal);
    });
    client.on('error', (err) => {
      logger.warn('visit listener lost', { message: err.message });
      this.client = null;
      if (!this.stopping) setTimeout(() => void this.connect().catch(() => undefined), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${VISIT_CHANNEL}`);
    this.client = client;
  }

  /** Local subscriptions open on this instance (for tests). */
  get subscriberCount(): number {
    return this.subscribers.size;
  }

  async publish(m: EntityManager, signal: Omit<VisitSignal, 'at'>): Promise<void> {
    await m.query(`SELECT pg_notify($1, $2)`, [VISIT_CHANNEL, JSON.stringify({ ...signal, at: new Date().toISOString() })]);
  }

  /** The signals for `personId` until the client unsubscribes. */
  listen(personId: string): AsyncIterableIterator<VisitSignal> {
    const queue: VisitSignal[] = [];
    const waiting: ((r: IteratorResult<VisitSignal>) => void)[] = [];
    let done = false;
    const subscriber = (s: VisitSignal) => {
      if (done || s.assigneeId !== personId) return;
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
    const iterator: AsyncIterableIterator<VisitSignal> = {
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
