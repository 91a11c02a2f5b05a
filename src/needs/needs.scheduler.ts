import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { IntervalJob } from '../common/interval-job.js';
import { logger } from '../common/logging/logger.js';
import { NeedSignalType, NotificationBus } from '../notifications/notification-bus.js';
import { addWorkingDays } from './need-deadlines.js';
import { NeedRecord } from './need.record.js';
import { BreachKind, NeedScan, NeedsRepository } from './needs.repository.js';
import { NeedsService } from './needs.service.js';
import { NeedSeriesService } from './need-series.service.js';
import { RegionsRepository } from '../regions/regions.repository.js';

export interface SchedulerRun {
  acceptBreaches: number;
  claimBreaches: number;
  serviceOverdue: number;
  noShows: number;
  expired: number;
  autoConfirmed: number;
  closed: number;
  autoConfirmFailed: number;
  /** Occurrences of recurring series materialised (docs/everyday.md). */
  materialised: number;
}

const BATCH = 100;

/** The watched deadlines: the note in the history and the callback's note. */
const BREACHES: Readonly<Record<BreachKind, { history: string; callback: string }>> = {
  ACCEPT: { history: '超过受理时限，已上报街道社工站', callback: '需求超时未受理，请回访居民说明情况' },
  CLAIM: { history: '超过接单时限，已上报街道社工站', callback: '需求超时无人接单，请回访居民并协调服务' },
  SERVICE: { history: '服务时间已过仍未完成，已上报街道社工站', callback: '服务已开始但超时未完成，请联系志愿者和居民核实情况' },
};

/**
 * 接诉即办 watchdog. Every instance runs it on a timer; the rows it works on are taken with
 * FOR UPDATE SKIP LOCKED and marked in the same transaction, so two instances split the work and never do a
 * row twice. `run(now)` is also what the tests call, with a clock of their choosing.
 */
@Injectable()
export class NeedsScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly job: IntervalJob;

  constructor(
    private readonly db: DataSource,
    private readonly repo: NeedsRepository,
    private readonly needs: NeedsService,
    private readonly bus: NotificationBus,
    private readonly series: NeedSeriesService,
    private readonly regions: RegionsRepository,
  ) {
    this.job = new IntervalJob('need scheduler', needs.settings.schedulerIntervalSeconds * 1000, () => this.run());
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job.stop();
  }

  async run(now: Date = new Date()): Promise<SchedulerRun> {
    const result: SchedulerRun = {
      acceptBreaches: 0,
      claimBreaches: 0,
      serviceOverdue: 0,
      noShows: 0,
      expired: 0,
      autoConfirmed: 0,
      closed: 0,
      autoConfirmFailed: 0,
      materialised: 0,
    };
    result.materialised = await this.series.tick(now);
    const graceAgo = new Date(now.getTime() - this.needs.settings.noShowGraceMinutes * 60_000);
    result.acceptBreaches = await this.scan(NeedScan.ACCEPT_BREACH, now, (m, n) => this.breach(m, n, 'ACCEPT', now));
    result.claimBreaches = await this.scan(NeedScan.CLAIM_BREACH, now, (m, n) => this.breach(m, n, 'CLAIM', now));
    result.serviceOverdue = await this.scan(NeedScan.SERVICE_OVERDUE, graceAgo, (m, n) => this.breach(m, n, 'SERVICE', now));
    // The window is over by then, so the table sends these to EXPIRED (with a callback item), not back to OPEN.
    result.noShows = await this.scan(NeedScan.NO_SHOW, graceAgo, (m, n) =>
      this.needs.noShow(null, n.id, '服务时间已过，志愿者未开始服务（系统判定爽约）', m, now),
    );
    result.expired = await this.scan(NeedScan.EXPIRY, now, (m, n) => this.needs.expire(m, n.id, now));
    if (this.needs.settings.autoCloseMinutes > 0) {
      const closeBefore = new Date(now.getTime() - this.needs.settings.autoCloseMinutes * 60_000);
      result.closed = await this.scan(NeedScan.CLOSE, closeBefore, (m, n) => this.needs.autoClose(m, n.id, now));
    }
    // Each auto-confirmation in its own transaction: a failing time-bank listener fails that one only.
    const failed: string[] = [];
    for (let i = 0; i < BATCH; i++) {
      const outcome = await this.db
        .transaction(async (m) => {
          const [next] = await this.repo.due(m, NeedScan.AUTO_CONFIRM, now, 1, failed);
          if (!next) return null;
          try {
            await this.needs.autoConfirm(m, next.id, now);
          } catch (err) {
            failed.push(next.id);
            throw err;
          }
          return next.id;
        })
        .catch((err) => {
          logger.warn('auto-confirm failed', { message: err instanceof Error ? err.message : String(err) });
          return 'FAILED' as const;
        });
      if (outcome === null) break;
      if (outcome === 'FAILED') result.autoConfirmFailed++;
      else result.autoConfirmed++;
    }
    if (Object.values(result).some((n) => n > 0)) logger.info('need scheduler', { ...result });
    return result;
  }

  /**
   * One scan in one transaction: the needs due for `scan` at `at` (up to a batch, locked with SKIP LOCKED), each
   * handled by `act`. Returns how many there were.
   */
  private scan(scan: NeedScan, at: Date, act: (m: EntityManager, need: NeedRecord) => Promise<unknown>): Promise<number> {
    return this.db.transaction(async (m) => {
      const due = await this.repo.due(m, scan, at, BATCH);
      for (const n of due) await act(m, n);
      return due.length;
    });
  }

  /** Marks the breach, escalates to the street station (首接负责 moves up), opens a callback item for the resident, alerts staff. */
  private async breach(m: EntityManager, need: NeedRecord, which: BreachKind, now: Date): Promise<void> {
    const rule = BREACHES[which];
    const street = await this.regions.ancestorAt(m, need.gridPath, 'STREET');
    const community = (await this.regions.ancestorAt(m, need.gridPath, 'COMMUNITY')) ?? { id: need.gridId, path: need.gridPath };
    await this.repo.markBreach(m, need.id, which, now, street?.id ?? community.id);
    await this.repo.recordEvent(m, {
      needId: need.id,
      action: 'ESCALATE',
      from: need.status,
      to: need.status,
      actorId: null,
      reason: rule.history,
      data: { deadline: which, escalatedTo: street?.id ?? community.id },
      at: now,
    });
    await this.repo.openReview(m, {
      needId: need.id,
      kind: 'DEADLINE_CALLBACK',
      regionId: community.id,
      regionPath: community.path,
      note: rule.callback,
      dueAt: addWorkingDays(now, this.needs.settings.callbackWorkingDays),
    });
    await this.bus.publish(m, {
      type: NeedSignalType.DEADLINE_BREACHED,
      needId: need.id,
      action: `${which}_DEADLINE`,
      status: need.status,
      gridPath: need.gridPath,
      personIds: [...new Set([need.beneficiaryId, need.postedById])],
      volunteerPersonId: null,
    });
  }
}
