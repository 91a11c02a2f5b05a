import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { logger } from '../common/logging/logger.js';
import { LedgerRepository } from './ledger.repository.js';
import { expiringMinutes, localDateOf, monthsBefore, TimeBankPolicy } from './time-bank-policy.js';

const EVERY_MS = 6 * 3600_000;
const monthsAfter = (d: Date, months: number) => monthsBefore(d, -months);

/**
 * Expiry policy (optional per region, off by default): minutes credited more than `expiryMonths` ago and not yet
 * used expire into the street's expiry sink, oldest first. `expiryNoticeDays` before that, a notice is recorded
 * on the account. Runs every six hours; it does nothing where no region switched expiry on.
 */
@Injectable()
export class ExpiryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly ledger: LedgerRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.run(new Date()).catch((err) => logger.error('time bank expiry failed', { message: err instanceof Error ? err.message : String(err) }));
    }, EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
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
      const result = await this.db.transaction(async (m) => {
        const street = (await this.ledger.ancestorAt(m, acc.regionId, 'STREET')) ?? acc.regionId;
        const sinkId = await this.ledger.systemAccountId(m, 'EXPIRY_SINK', street);
        const locked = await this.ledger.lockAccounts(m, [acc.id, sinkId]);
        const account = locked.get(acc.id)!;
        const available = account.balance - (account.floor ?? 0);
        const { credits, debits } = await this.ledger.creditsAndDebits(m, acc.id, monthsBefore(now, months));
        const due = expiringMinutes(credits, debits, available);
        if (due > 0) {
          await this.ledger.append(
            m,
            {
              kind: 'EXPIRE', regionId: acc.regionId, memo: `超过 ${months} 个月未使用的时长到期`, initiatorId: null,
              legs: new Map([[acc.id, -due], [sinkId, due]]),
              donateOnly: new Map([[acc.id, Math.min(account.donateOnly, account.balance - due) - account.donateOnly]]),
            },
            locked,
          );
        }
        // What will expire within the notice period, dated by the oldest minutes still unused.
        const horizon = monthsBefore(new Date(now.getTime() + policy!.expiryNoticeDays * 86400_000), months);
        const upcoming = await this.ledger.creditsBefore(m, acc.id, horizon);
        const debitsNow = debits + due;
        const soon = expiringMinutes(upcoming.reduce((s, c) => s + c.amount, 0), debitsNow, available - due);
        let noticed = false;
        if (soon > 0) {
          let cumulative = 0;
          const oldest = upcoming.find((c) => (cumulative += c.amount) > debitsNow)!;
          await this.ledger.recordExpiryNotice(m, acc.id, soon, localDateOf(monthsAfter(new Date(oldest.at), months)));
          noticed = true;
        }
        return { due, noticed };
      });
      expired += result.due;
      if (result.noticed) notices++;
    }
    if (expired > 0 || notices > 0) logger.info('time bank expiry', { expiredMinutes: expired, notices });
    return { expiredMinutes: expired, notices };
  }
}
