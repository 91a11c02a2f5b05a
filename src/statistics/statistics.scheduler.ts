import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { logger } from '../common/logging/logger.js';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { StatisticsService } from './statistics.service.js';

/**
 * Rolls finished days into stats_daily on the need scheduler's interval. Every instance may run it: the watermark
 * row is taken FOR UPDATE SKIP LOCKED, so one instance rolls a day slice and the others skip (docs/statistics.md).
 */
@Injectable()
export class StatisticsScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly service: StatisticsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.needLoop.schedulerIntervalSeconds;
    if (every > 0) {
      this.timer = setInterval(() => {
        if (this.running) return;
        this.running = this.service
          .rollUp()
          .then((days) => {
            if (days) logger.info('statistics rollup', { slices: days });
          })
          .catch((err) => logger.error('statistics rollup failed', { message: String(err) }))
          .finally(() => (this.running = null));
      }, every * 1000);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
