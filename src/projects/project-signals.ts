import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import type { EntityManager } from 'typeorm';
import { logger } from '../common/logging/logger.js';
import { DATABASE_URL } from '../database/database.module.js';

export enum ProjectSignalType {
  /** The organization's application won the project (承接). */
  AWARDED = 'AWARDED',
  /** Another organization's application was awarded; this one was declined. */
  NOT_AWARDED = 'NOT_AWARDED',
}

/** What travels through NOTIFY: ids only, never personal data. */
export interface ProjectSignal {
  type: ProjectSignalType;
  projectId: string;
  applicationId: string;
  organizationId: string;
  at: string;
}

export const PROJECT_CHANNEL = 'wushe_project_events';

/**
 * Tells the admins of applying organizations how an award went, across app instances, as the visit notices do
 * (src/care-visits/visit-signals.ts): pg_notify inside the awarding transaction (delivered only if it commits),
 * heard on one LISTEN connection per instance and handed to that instance's subscribers (docs/projects.md "Notices").
 */
@Injectable()
export class ProjectSignals implements OnModuleInit, OnApplicationShutdown {
  private client: pg.Client | null = null;
  private readonly subscribers = new Set<(s: ProjectSignal) => void>();
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
    const client = new pg.Client({ connectionString: this.url, application_name: 'wushe-timebank-projects' });
    client.on('notification', (msg) => {
      if (msg.channel !== PROJECT_CHANNEL || !msg.payload) return;
      let signal: ProjectSignal;
      try {
        signal = JSON.parse(msg.payload) as ProjectSignal;
      } catch {
        return;
      }
      for (const s of this.subscribers) s(signal);
    });
    client.on('error', (err) => {
      logger.warn('project listener lost', { message: err.message });
      this.client = null;
      if (!this.stopping) setTimeout(() => void this.connect().catch(() => undefined), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${PROJECT_CHANNEL}`);
    this.client = client;
  }

  /** Local subscriptions open on this instance (for tests). */
  get subscriberCount(): number {
    return this.subscribers.size;
  }

  async publish(m: EntityManager, signal: Omit<ProjectSignal, 'at'>): Promise<void> {
    await m.query(`SELECT pg_notify($1, $2)`, [PROJECT_CHANNEL, JSON.stringify({ ...signal, at: new Date().toISOString() })]);
  }

  /** The signals `accept` lets through (the subscriber's own organizations) until the client unsubscribes. */
  listen(accept: (s: ProjectSignal) => boolean): AsyncIterableIterator<ProjectSignal> {
    const queue: ProjectSignal[] = [];
    const waiting: ((r: IteratorResult<ProjectSignal>) => void)[] = [];
    let done = false;
    const subscriber = (s: ProjectSignal) => {
      if (done || !accept(s)) return;
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
    const iterator: AsyncIterableIterator<ProjectSignal> = {
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
