import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IntervalJob } from '../common/interval-job.js';
import { logger } from '../common/logging/logger.js';
import { LedgerRepository } from './ledger.repository.js';
import { expiringMinutes, localDateOf, monthsBefore, planExpiry, TimeBankPolicy } from './time-bank-policy.js';

const EVERY_MS = 6 * 3600_000;
const DAY_MS = 86400_000;
const monthsAfter = (d: Date, months: number) => monthsBefore(d, -months);

/**
 * Expiry policy (optional per region, off by default): minutes credited more than `expiryMonths` ago and not yet
 * used expire into the street's expiry sink, oldest first — but only minutes covered by a notice recorded at least
 * `expiryNoticeDays` earlier (and never in the run that records the notice). So minutes expire at
 * max(age limit, notice + notice days): switching expiry on over old credits, a job that missed the notice window,
 * or 0 notice days never destroy minutes without a prior notice. Notices are listed in `TimeAccount.expiryNotices`.
 * Runs every six hours; it does nothing where no region switched expiry on.
 */
@Injectable()
export class ExpiryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly job = new IntervalJob('time bank expiry', EVERY_MS, () => this.run(new Date()));

  constructor(
    private readonly db: DataSource,
    private readonly ledger: LedgerRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.job.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job.stop();
  }

  /** One pass at time `now`; returns how many minutes expired and how many notices were recorded. */
  async run(now: Date): Promise<{ expiredMinutes: number; notices: number }> {
    const policies = new Map<string, TimeBankPolicy>();
    let expired = 0;
    let notices = 0;
    for (const acc of await this.ledger.personAccountsWithBalance()) {
      let policy = policies.get(acc.regionId);
      if (!policy) {
        policy = await this.ledger.policyFor(this.db.manager, acc.regionId);
        policies.set(acc.regionId, policy);
      }
      if (policy.expiryMonths === null) continue;
      const months = policy.expiryMonths;
      const noticeDays = policy.expiryNoticeDays;
      const result = await this.db.transaction(async (m) => {
        const street = (await this.ledger.ancestorAt(m, acc.regionId, 'STREET')) ?? acc.regionId;
        const sinkId = await this.ledger.systemAccountId(m, 'EXPIRY_SINK', street);
        const locked = await this.ledger.lockAccounts(m, [acc.id, sinkId]);
        const account = locked.get(acc.id)!;
        const available = account.balance - (account.floor ?? 0);
        const { credits, debits } = await this.ledger.creditsAndDebits(m, acc.id, monthsBefore(now, months));
        const dueByAge = expiringMinutes(credits, debits, available);
        // What expires by age within the notice period (the minutes due now included), dated by the oldest unused credit.
        const horizon = monthsBefore(new Date(now.getTime() + noticeDays * DAY_MS), months);
        const upcoming = await this.ledger.creditsBefore(m, acc.id, horizon);
        const soon = expiringMinutes(
          upcoming.reduce((s, c) => s + c.amount, 0),
          debits,
          available,
        );
        const notices = await this.ledger.openExpiryNotices(m, acc.id);
        const plan = planExpiry(now, noticeDays, dueByAge, soon, notices);
        for (const [id, minutes] of plan.settle) await this.ledger.settleExpiryNotice(m, id, minutes);
        if (plan.expire > 0) {
          await this.ledger.append(
            m,
            {
              kind: 'EXPIRE',
              regionId: acc.regionId,
              memo: `超过 ${months} 个月未使用的时长到期（已于 ${noticeDays} 天前提醒）`,
              initiatorId: null,
              sourceType: 'EXPIRY_NOTICE',
              sourceId: plan.source,
              legs: new Map([
                [acc.id, -plan.expire],
                [sinkId, plan.expire],
              ]),
              donateOnly: new Map([[acc.id, Math.min(account.donateOnly, account.balance - plan.expire) - account.donateOnly]]),
            },
            locked,
          );
        }
        if (plan.notice > 0) {
          let cumulative = 0;
          const oldest = upcoming.find((c) => (cumulative += c.amount) > debits + plan.expire) ?? upcoming[upcoming.length - 1];
          const byAge = localDateOf(monthsAfter(new Date(oldest.at), months));
          const earliest = localDateOf(new Date(now.getTime() + noticeDays * DAY_MS));
          await this.ledger.recordExpiryNotice(m, acc.id, plan.notice, byAge > earliest ? byAge : earliest, now);
        }
        return { due: plan.expire, noticed: plan.notice > 0 };
      });
      expired += result.due;
      if (result.noticed) notices++;
    }
    if (expired > 0 || notices > 0) logger.info('time bank expiry', { expiredMinutes: expired, notices });
    return { expiredMinutes: expired, notices };
  }
}
