import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { IntervalJob } from './interval-job.js';
import { purgeThrottle } from './request-throttle.repository.js';

const EVERY_MS = 3600 * 1000;

/**
 * Hourly purge of `request_throttle` rows older than the longest throttle window: `takeThrottle` only clears the
 * key it counts, so keys never seen again (a one-off address, phone or person) would otherwise stay for good. Any
 * instance may run it at any time (a plain DELETE by age); off when the schedulers are off (tests call `run`).
 */
@Injectable()
export class RequestThrottlePurge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly job: IntervalJob;
  private readonly keepSeconds: number;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const v = config.phoneVerification;
    this.keepSeconds = Math.max(v.windowSeconds, v.idNumberWindowSeconds);
    this.job = new IntervalJob('request throttle purge', config.needLoop.schedulerIntervalSeconds > 0 ? EVERY_MS : 0, () => this.run());
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job.stop();
  }

  /** Deletes the expired attempts; answers how many. */
  run(): Promise<number> {
    return this.db.transaction((m) => purgeThrottle(m, this.keepSeconds));
  }
}
