import { Injectable } from '@nestjs/common';
import { forbidden, notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { Actor, pathWithin } from '../scope/actor.js';
import { Role } from '../scope/role.js';
import { chainHash, GENESIS_HASH } from './ledger-hash.js';
import { LedgerRepository } from './ledger.repository.js';
import { DataSource } from 'typeorm';

export interface LedgerVerificationResult {
  ok: boolean;
  checkedEntries: number;
  checkedAccounts: number;
  firstBadEntryId: string | null;
  sumOfBalances: number;
  problems: string[];
}

const BATCH = 2000;

/**
 * Recomputes the hash chain from genesis, the double entry of every transaction, every running balance and
 * every account balance, and the sum of all balances (0). The chain is one for the whole ledger, so it is always
 * checked whole; a region narrows the accounts whose balances are compared.
 */
@Injectable()
export class VerifyLedgerService {
  constructor(
    private readonly db: DataSource,
    private readonly ledger: LedgerRepository,
  ) {}

  async verify(actor: Actor, regionId: string | null | undefined): Promise<LedgerVerificationResult> {
    let scope: string | null = null;
    if (regionId) {
      if (!isUuid(regionId)) throw notFound('区域');
      scope = await this.ledger.regionPath(this.db.manager, regionId);
      if (!scope) throw notFound('区域');
      if (!actor.covers(scope, Role.STREET_ADMIN, Role.SOCIAL_WORKER, Role.SYSTEM_ADMIN)) throw forbidden('无权核验该区域的账本');
    } else if (!actor.covers(null, Role.SYSTEM_ADMIN)) {
      throw forbidden('核验全部账本需系统管理员');
    }
    return this.run(scope);
  }

  async run(scope: string | null): Promise<LedgerVerificationResult> {
    const problems: string[] = [];
    let firstBad: string | null = null;
    const bad = (id: string, problem: string) => {
      if (!firstBad) firstBad = id;
      if (problems.length < 50) problems.push(`${id}: ${problem}`);
    };
    const running = new Map<string, number>();
    let prev = GENESIS_HASH;
    let seq = 0;
    let checked = 0;
    for (;;) {
      const batch = await this.ledger.journalBatch(seq, BATCH);
      for (const t of batch) {
        checked++;
        if (t.seq !== seq + 1) bad(t.id, `序号不连续 (${seq} → ${t.seq})`);
        if (t.prevHash !== prev) bad(t.id, '前序哈希不符');
        const postings = t.postings.map((p) => ({ accountId: p.accountId, amount: Number(p.amount), balanceAfter: Number(p.balanceAfter) }));
        const hash = chainHash(t.prevHash, {
          seq: t.seq, id: t.id, kind: t.kind, regionId: t.regionId, memo: t.memo, sourceType: t.sourceType, sourceId: t.sourceId,
          reversesId: t.reversesId, reason: t.reason, initiatorId: t.initiatorId, createdAt: new Date(t.createdAt), postings,
        });
        if (hash !== t.hash) bad(t.id, '内容哈希不符（记录被改动）');
        if (postings.length < 2 || postings.reduce((s, p) => s + p.amount, 0) !== 0) bad(t.id, '借贷不平衡');
        for (const p of postings) {
          const after = (running.get(p.accountId) ?? 0) + p.amount;
          running.set(p.accountId, after);
          if (after !== p.balanceAfter) bad(t.id, `账户 ${p.accountId} 的流水余额不符`);
        }
        prev = t.hash;
        seq = t.seq;
      }
      if (batch.length < BATCH) break;
    }
    const head = await this.ledger.head();
    if (head.seq !== seq || (seq > 0 && head.hash !== prev)) problems.push(`链头不符：记录到 ${seq}，链头为 ${head.seq}（有记录被删除？）`);
    let sum = 0;
    let accounts = 0;
    for (const a of await this.ledger.allBalances()) {
      sum += a.balance;
      if (scope && !pathWithin(a.path, scope)) continue;
      accounts++;
      if ((running.get(a.id) ?? 0) !== a.balance) problems.push(`账户 ${a.id} 余额 ${a.balance} 与流水合计 ${running.get(a.id) ?? 0} 不符`);
      if (a.floor !== null && a.balance < a.floor) problems.push(`账户 ${a.id} 低于下限`);
    }
    const postingsTotal = [...running.values()].reduce((s, v) => s + v, 0);
    if (sum !== 0 || postingsTotal !== 0) problems.push(`余额合计 ${sum} 不为 0`);
    return { ok: problems.length === 0, checkedEntries: checked, checkedAccounts: accounts, firstBadEntryId: firstBad, sumOfBalances: sum, problems };
  }
}
