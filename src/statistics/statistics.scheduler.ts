import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { IntervalJob } from '../common/interval-job.js';
import { logger } from '../common/logging/logger.js';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { StatisticsService } from './statistics.service.js';

/**
 * Rolls finished days into stats_daily and finished months into stats_monthly on the need scheduler's interval.
 * Every instance may run it: the watermark row is taken FOR UPDATE SKIP LOCKED, so one instance rolls a day slice or
 * a month and the others skip (docs/statistics.md).
 */
@Injectable()
export class StatisticsScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly job: IntervalJob;

  constructor(service: StatisticsService, @Inject(APP_CONFIG) config: AppConfig) {
    this.job = new IntervalJob('statistics rollup', config.needLoop.schedulerIntervalSeconds * 1000, async () => {
      const steps = await service.rollUp();
      if (steps) logger.info('statistics rollup', { steps });
    });
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job.stop();
  }
}
