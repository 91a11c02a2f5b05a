import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IntervalJob } from '../common/interval-job.js';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { digestHash, GENESIS_HASH } from './ledger-hash.js';
import { DigestRow, LedgerRepository } from './ledger.repository.js';
import { digestOf } from './verify-ledger.service.js';

/**
 * Periodic ledger digests (docs/ledger.md "Digests"): a Merkle root over the transactions committed since the last
 * digest and the account heads they left, chained to the previous digest, stored so that it can be published.
 * Every instance runs the timer; `pg_try_advisory_xact_lock` lets one of them digest at a time and the others skip
 * the round, so digests never fork. Writers are not blocked: the job only reads, in one REPEATABLE READ snapshot.
 */
@Injectable()
export class LedgerDigestService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly job: IntervalJob;

  constructor(
    private readonly db: DataSource,
    private readonly ledger: LedgerRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.job = new IntervalJob('ledger digest', config.ledgerDigestIntervalSeconds * 1000, () => this.run());
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job.stop();
  }

  /** Stores one digest; null when another instance holds the digest lock or nothing was committed since the last one. */
  async run(): Promise<DigestRow | null> {
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const begun = await this.ledger.beginDigest(m);
      if (!begun) return null;
      await this.ledger.longRunning(m);
      const { root, transactions, accounts } = await digestOf(m, this.ledger, begun.last?.snapshot ?? null, begun.snapshot);
      if (transactions === 0) return null;
      const prevHash = begun.last?.hash ?? GENESIS_HASH;
      const d = { prevId: begun.last?.id ?? null, snapshot: begun.snapshot, transactions, accounts, root, prevHash };
      return this.ledger.insertDigest(m, { ...d, hash: digestHash(prevHash, root, d.transactions, d.accounts, d.snapshot) });
    });
  }
}
