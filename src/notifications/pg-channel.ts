import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import type { EntityManager } from 'typeorm';
import { logger } from '../common/logging/logger.js';
import { DATABASE_URL } from '../database/database.module.js';
import { NotificationsRepository } from './notifications.repository.js';

/** A subscription's local queue holds at most this many undelivered messages; more are dropped (a stalled client). */
const MAX_QUEUED = 1000;
/** Reconnect delays after the listener connection is lost: 1 s, then doubling up to 30 s. */
const RECONNECT_FIRST_MS = 1000;
const RECONNECT_MAX_MS = 30_000;
const CHANNEL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * One typed PostgreSQL LISTEN/NOTIFY channel (docs/architecture.md "Channels across instances").
 *
 * `publish(manager, payload)` queues a NOTIFY inside the caller's transaction: PostgreSQL delivers it to every app
 * instance (this one included) only when that transaction commits, and never when it rolls back. Every instance
 * hears it on the process's one listener connection ({@link PgListener}) and hands it to its local subscribers:
 * `subscribe(handler)` for a service, `listen(filter)` for a GraphQL subscription (an async iterator that ends when
 * the client unsubscribes). There is no in-process shortcut: an instance hears its own messages the same way.
 * Payloads travel as JSON and must hold ids and codes only, never personal data (NOTIFY is visible to the database).
 */
export class PgChannel<T> {
  private readonly subscribers = new Set<(payload: T) => void>();
  private readonly lostHandlers: (() => void)[] = [];

  constructor(
    readonly name: string,
    private readonly repo: NotificationsRepository,
    /** Turns a received JSON value into a payload, or null to ignore it (not ours, or malformed). */
    private readonly parse: (raw: unknown) => T | null,
  ) {}

  /** Sends `payload` to every instance when `manager`'s transaction commits. */
  async publish(manager: EntityManager, payload: T): Promise<void> {
    await this.repo.notify(manager, this.name, JSON.stringify(payload));
  }

  /** Calls `handler` with every payload this instance hears, until the returned function is called. */
  subscribe(handler: (payload: T) => void): () => void {
    this.subscribers.add(handler);
    return () => void this.subscribers.delete(handler);
  }

  /**
   * Calls `handler` whenever the listener connection is lost: messages sent until it is back are missed, so a
   * subscriber that caches what the messages invalidate drops its cache here.
   */
  onLost(handler: () => void): void {
    this.lostHandlers.push(handler);
  }

  /** The payloads that pass `filter`, as an async iterator for a GraphQL subscription, until the client unsubscribes. */
  listen(filter: (payload: T) => boolean = () => true): AsyncIterableIterator<T> {
    const queue: T[] = [];
    const waiting: ((r: IteratorResult<T>) => void)[] = [];
    let done = false;
    const unsubscribe = this.subscribe((payload) => {
      if (done) return;
      let wanted: boolean;
      try {
        wanted = filter(payload);
      } catch (err) {
        logger.error('channel filter failed', { channel: this.name, message: errorText(err) });
        return;
      }
      if (!wanted) return;
      const w = waiting.shift();
      if (w) w({ value: payload, done: false });
      else if (queue.length < MAX_QUEUED) queue.push(payload);
    });
    const finish = () => {
      done = true;
      unsubscribe();
      for (const w of waiting.splice(0)) w({ value: undefined, done: true });
    };
    const iterator: AsyncIterableIterator<T> = {
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

  /** Local subscribers currently attached on this instance (open GraphQL subscriptions and services; for tests). */
  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** @internal The listener hands over a notification's payload. */
  deliver(text: string): void {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return;
    }
    const payload = this.parse(raw);
    if (payload === null) return;
    // One failing subscriber must neither stop delivery to the others nor escape into the listener's event handler.
    for (const s of this.subscribers) {
      try {
        s(payload);
      } catch (err) {
        logger.error('channel subscriber failed', { channel: this.name, message: errorText(err) });
      }
    }
  }

  /** @internal The listener connection was lost. */
  lost(): void {
    for (const h of this.lostHandlers) {
      try {
        h();
      } catch (err) {
        logger.error('channel lost handler failed', { channel: this.name, message: errorText(err) });
      }
    }
  }

  /** @internal The app is shutting down: local subscribers are dropped. */
  clear(): void {
    this.subscribers.clear();
  }
}

/**
 * The process's one LISTEN connection, shared by every {@link PgChannel}: services ask it for their channel in their
 * constructor (`listener.channel<Payload>('wushe_…')`), it LISTENs on all of them once the module starts, routes
 * each notification to its channel, and reconnects (1 s, doubling up to 30 s) when the connection is lost, telling
 * the channels (`onLost`) so that caches kept coherent by them can be dropped.
 */
@Injectable()
export class PgListener implements OnModuleInit, OnApplicationShutdown {
  private readonly channels = new Map<string, PgChannel<unknown>>();
  private client: pg.Client | null = null;
  private stopping = false;
  private retryMs = RECONNECT_FIRST_MS;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    @Inject(DATABASE_URL) private readonly url: string,
    private readonly repo: NotificationsRepository,
  ) {}

  /**
   * The channel `name` (a fixed identifier of the code, one owner per name). `parse` checks a received JSON value
   * and returns the payload, or null to ignore it; by default the value is taken as it is (our own JSON).
   */
  channel<T>(name: string, parse: (raw: unknown) => T | null = (raw) => raw as T): PgChannel<T> {
    if (!CHANNEL_NAME.test(name)) throw new Error(`not a channel name: ${name}`);
    if (this.channels.has(name)) throw new Error(`channel ${name} is already taken`);
    const channel = new PgChannel<T>(name, this.repo, parse);
    this.channels.set(name, channel as PgChannel<unknown>);
    // A channel made after the start is listened to at once (channels are normally made in constructors, before it).
    if (this.client) {
      const client = this.client;
      this.repo.listen(client, name).catch((err: unknown) => client.emit('error', err instanceof Error ? err : new Error(String(err))));
    }
    return channel;
  }

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.retry) clearTimeout(this.retry);
    for (const c of this.channels.values()) c.clear();
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    // keepAlive: a listener idle for hours behind a NAT or firewall would otherwise be dropped without an error.
    const client = new pg.Client({ connectionString: this.url, application_name: 'wushe-timebank-listen', keepAlive: true });
    let lost = false;
    client.on('notification', (msg) => {
      if (msg.payload) this.channels.get(msg.channel)?.deliver(msg.payload);
    });
    client.on('error', (err) => {
      if (lost) return;
      lost = true;
      logger.warn('channel listener lost', { message: err.message });
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      for (const c of this.channels.values()) c.lost();
      this.scheduleReconnect();
    });
    try {
      await client.connect();
      for (const name of this.channels.keys()) await this.repo.listen(client, name);
    } catch (err) {
      lost = true;
      await client.end().catch(() => undefined);
      throw err;
    }
    this.client = client;
    this.retryMs = RECONNECT_FIRST_MS;
  }

  private scheduleReconnect(): void {
    if (this.stopping || this.retry) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(RECONNECT_MAX_MS, this.retryMs * 2);
    this.retry = setTimeout(() => {
      this.retry = null;
      if (this.stopping) return;
      this.connect().catch((err: unknown) => {
        logger.warn('channel listener cannot reconnect', { message: err instanceof Error ? err.message : String(err) });
        this.scheduleReconnect();
      });
    }, delay);
    this.retry.unref();
  }
}
