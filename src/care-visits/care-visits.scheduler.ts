import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { IntervalJob } from '../common/interval-job.js';
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
  private readonly job: IntervalJob;
  private lastPlanAt = 0;

  constructor(
    private readonly service: CareVisitsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.job = new IntervalJob('care scheduler', config.needLoop.schedulerIntervalSeconds * 1000, () => {
      // Planning walks the whole roster: once an hour is enough (it is idempotent); overdue and missed tasks every tick.
      const plan = Date.now() - this.lastPlanAt >= PLAN_EVERY_MS;
      if (plan) this.lastPlanAt = Date.now();
      return this.run(new Date(), { plan });
    });
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job.stop();
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
