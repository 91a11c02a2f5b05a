import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PgChannel, PgListener } from '../notifications/pg-channel.js';

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
 * heard by every instance on its one listener connection and handed to its subscribers: a PgChannel
 * (src/notifications/pg-channel.ts; docs/projects.md "Notices").
 */
@Injectable()
export class ProjectSignals {
  private readonly channel: PgChannel<ProjectSignal>;

  constructor(listener: PgListener) {
    this.channel = listener.channel<ProjectSignal>(PROJECT_CHANNEL);
  }

  /** Local subscriptions currently open on this instance (for tests). */
  get subscriberCount(): number {
    return this.channel.subscriberCount;
  }

  /** Sends `signal` when `m`'s transaction commits. */
  async publish(m: EntityManager, signal: Omit<ProjectSignal, 'at'>): Promise<void> {
    await this.channel.publish(m, { ...signal, at: new Date().toISOString() });
  }

  /** The signals `accept` lets through (the subscriber's own organizations) until the client unsubscribes. */
  listen(accept: (s: ProjectSignal) => boolean): AsyncIterableIterator<ProjectSignal> {
    return this.channel.listen(accept);
  }
}
