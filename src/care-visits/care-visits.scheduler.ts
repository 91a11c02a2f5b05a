import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { logger } from '../common/logging/logger.js';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { CareVisitsService } from './care-visits.service.js';
import { monthOf } from './visit-schedule.js';

const PLAN_EVERY_MS = 3600_000;

export interface CareSchedulerRun {
  planned: number;
  overdue: number;
  missed: number;
}

/**
 * 探访 scheduler. Every instance runs it on the need scheduler's interval; each step is safe across instances:
 * planning inserts against the unique key (enrolment, month, slot), overdue and missed tasks are taken with
 * FOR UPDATE SKIP LOCKED and moved through the transition table, so each is marked (and its callback opened) once.
 * `run(now)` is what the tests call, with a clock of their choosing.
 */
@Injectable()
export class CareVisitsScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private lastPlanAt = 0;

  constructor(
    private readonly service: CareVisitsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.needLoop.schedulerIntervalSeconds;
    if (every > 0) {
      this.timer = setInterval(() => {
        if (this.running) return;
        // Planning walks the whole roster: once an hour is enough (it is idempotent); overdue and missed tasks every tick.
        const plan = Date.now() - this.lastPlanAt >= PLAN_EVERY_MS;
        if (plan) this.lastPlanAt = Date.now();
        this.running = this.run(new Date(), { plan })
          .catch((err) => logger.error('care scheduler failed', { message: String(err) }))
          .finally(() => (this.running = null));
      }, every * 1000);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async run(now: Date = new Date(), opts: { plan: boolean } = { plan: true }): Promise<CareSchedulerRun> {
    const result: CareSchedulerRun = { planned: 0, overdue: 0, missed: 0 };
    if (opts.plan) for (const regionId of await this.service.rootRegionIds()) result.planned += await this.service.plan(null, regionId, monthOf(now), now);
    for (let n = -1; n !== 0;) result.overdue += n = await this.service.markOverdue(now);
    for (let n = -1; n !== 0;) result.missed += n = await this.service.markMissed(now);
    if (result.planned || result.overdue || result.missed) logger.info('care scheduler', { ...result });
    return result;
  }
}
