import { Injectable } from '@nestjs/common';
import { forbidden, notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { Actor, pathWithin } from '../scope/actor.js';
import { Role } from '../scope/role.js';
import { accountIdentityHash, chainHash, GENESIS_HASH } from './ledger-hash.js';
import { LedgerRepository } from './ledger.repository.js';
import { DataSource, EntityManager } from 'typeorm';

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
 * every account balance and donate-only part, every account's identity hash, and the sum of all balances (0). The
 * chain is one for the whole ledger, so it is always checked whole; a region narrows the accounts whose balances are
 * compared, and the ids a regional verifier is shown.
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

  /**
   * One REPEATABLE READ, READ ONLY transaction: the journal, the chain head and the balances are read from one
   * snapshot, so writers committing meanwhile can never look like tampering.
   */
  async run(scope: string | null): Promise<LedgerVerificationResult> {
    return this.db.transaction('REPEATABLE READ', async (m) => {
      await m.query('SET TRANSACTION READ ONLY');
      return this.check(m, scope);
    });
  }

  private async check(m: EntityManager, scope: string | null): Promise<LedgerVerificationResult> {
    const problems: string[] = [];
    let firstBad: string | null = null;
    let outside = false;
    const inScope = (path: string | null) => !scope || (path !== null && pathWithin(path, scope));
    // A regional verifier sees the ids of its own region only; elsewhere, that something is wrong.
    const note = (id: string, path: string | null, problem: string): boolean => {
      if (!inScope(path)) {
        if (!outside) problems.push('本区域以外的记录有问题，请系统管理员核验全部账本');
        outside = true;
        return false;
      }
      if (problems.length < 50) problems.push(`${id}: ${problem}`);
      return true;
    };
    const bad = (id: string, path: string | null, problem: string) => {
      if (note(id, path, problem) && !firstBad) firstBad = id;
    };
    // Identities first: the chain of format-2 entries covers the identity recomputed from what is stored now.
    const accounts = await this.ledger.allAccounts(m);
    const accountPath = new Map(accounts.map((a) => [a.id, a.path] as const));
    const identity = new Map<string, string>();
    for (const a of accounts) {
      const recomputed = accountIdentityHash(a);
      identity.set(a.id, recomputed);
      if (recomputed !== a.identityHash) note(a.id, a.path, '账户身份（持有人、类型、区域或下限）被改动');
    }
    const running = new Map<string, number>();
    const donateOnly = new Map<string, number>();
    let prev = GENESIS_HASH;
    let seq = 0;
    let checked = 0;
    for (;;) {
      const batch = await this.ledger.journalBatch(m, seq, BATCH);
      for (const t of batch) {
        checked++;
        const flag = (problem: string) => bad(t.id, t.regionPath, problem);
        if (t.seq !== seq + 1) flag(`序号不连续 (${seq} → ${t.seq})`);
        if (t.prevHash !== prev) flag('前序哈希不符');
        const format = Number(t.format) === 2 ? 2 : 1;
        const postings = t.postings.map((p) => ({
          accountId: p.accountId, amount: Number(p.amount), balanceAfter: Number(p.balanceAfter), donateOnlyDelta: Number(p.donateOnlyDelta ?? 0),
          accountIdentity: identity.get(p.accountId) ?? 'unknown-account',
        }));
        const hash = chainHash(t.prevHash, {
          seq: t.seq, id: t.id, kind: t.kind, regionId: t.regionId, memo: t.memo, sourceType: t.sourceType, sourceId: t.sourceId,
          reversesId: t.reversesId, reason: t.reason, initiatorId: t.initiatorId, createdAt: new Date(t.createdAt), format, postings,
        });
        if (hash !== t.hash) flag(format === 2 ? '内容哈希不符（记录或所涉账户身份被改动）' : '内容哈希不符（记录被改动）');
        if (postings.length < 2 || postings.reduce((s, p) => s + p.amount, 0) !== 0) flag('借贷不平衡');
        if (format === 1 && postings.some((p) => p.donateOnlyDelta !== 0)) flag('旧格式记录带有限捐时长变动');
        for (const p of postings) {
          const after = (running.get(p.accountId) ?? 0) + p.amount;
          running.set(p.accountId, after);
          donateOnly.set(p.accountId, (donateOnly.get(p.accountId) ?? 0) + p.donateOnlyDelta);
          if (after !== p.balanceAfter) flag(`${inScope(accountPath.get(p.accountId) ?? null) ? `账户 ${p.accountId}` : '辖区外账户'} 的流水余额不符`);
        }
        prev = t.hash;
        seq = t.seq;
      }
      if (batch.length < BATCH) break;
    }
    const head = await this.ledger.head(m);
    if (head.seq !== seq || (seq > 0 && head.hash !== prev)) problems.push(`链头不符：记录到 ${seq}，链头为 ${head.seq}（有记录被删除？）`);
    let sum = 0;
    let checkedAccounts = 0;
    for (const a of accounts) {
      sum += a.balance;
      if (!inScope(a.path)) continue;
      checkedAccounts++;
      if ((running.get(a.id) ?? 0) !== a.balance) problems.push(`账户 ${a.id} 余额 ${a.balance} 与流水合计 ${running.get(a.id) ?? 0} 不符`);
      const expectedDonateOnly = a.donateOnlyOpening + (donateOnly.get(a.id) ?? 0);
      if (expectedDonateOnly !== a.donateOnly) problems.push(`账户 ${a.id} 限捐时长 ${a.donateOnly} 与流水合计 ${expectedDonateOnly} 不符`);
      if (a.floor !== null && a.balance < a.floor) problems.push(`账户 ${a.id} 低于下限`);
    }
    const postingsTotal = [...running.values()].reduce((s, v) => s + v, 0);
    if (sum !== 0 || postingsTotal !== 0) problems.push(`余额合计 ${sum} 不为 0`);
    return { ok: problems.length === 0, checkedEntries: checked, checkedAccounts, firstBadEntryId: firstBad, sumOfBalances: sum, problems };
  }
}
