import { logger } from './logging/logger.js';

/**
 * A job every instance runs on a timer (the schedulers: need deadlines, care visits, statistics rollup, ledger
 * digest, time-bank expiry). A tick is skipped while the previous run is still going, a failed run is logged (the
 * next tick tries again), the timer never keeps the process alive, and `stop()` waits for a run in progress so that
 * shutdown does not cut a transaction short. Safety across instances is the job's own business (SKIP LOCKED rows,
 * an advisory lock, unique keys): this only paces it.
 */
export class IntervalJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  /** `name` labels the log line of a failure; `everyMs` ≤ 0 means the job never runs on its own (tests call it). */
  constructor(
    private readonly name: string,
    private readonly everyMs: number,
    private readonly tick: () => Promise<unknown>,
  ) {}

  start(): void {
    if (this.everyMs <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .catch((err: unknown) => logger.error(`${this.name} failed`, { message: err instanceof Error ? err.message : String(err) }))
        .finally(() => (this.running = null));
    }, this.everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
