import { Injectable } from '@nestjs/common';
import { notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { Actor, pathWithin } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { ledgerErrors } from './time-bank.errors.js';
import {
  accountIdentityHash,
  accountLeaf,
  chainHash,
  digestHash,
  GENESIS_HASH,
  MerkleBuilder,
  postingHashV3,
  transactionHashV3,
  transactionLeaf,
} from './ledger-hash.js';
import { DigestRow, LedgerRepository } from './ledger.repository.js';
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
 * Recomputes, in one snapshot (docs/ledger.md "Verification"): every account's identity hash; every entry's content
 * hash and double entry (formats 1–2 also their global chain up to the frozen legacy head); every account's chain
 * of postings (links, hashes, running balances) up to the head stored on the account, its balance and donate-only
 * part; the sum of all balances (0); and every digest's Merkle root. The journal is always checked whole; a region
 * narrows the accounts whose balances are compared, and the ids a regional verifier is shown.
 */
@Injectable()
export class VerifyLedgerService {
  constructor(
    private readonly db: DataSource,
    private readonly ledger: LedgerRepository,
  ) {}

  async verify(actor: Actor, regionId: string | null | undefined): Promise<LedgerVerificationResult> {
    let scope: string | null = null;
    if (regionId !== null && regionId !== undefined) {
      if (!isUuid(regionId)) throw notFound('区域');
      scope = await this.ledger.regionPath(this.db.manager, regionId);
      if (!scope) throw notFound('区域');
      if (!actor.can(Permission.LEDGER_VERIFY, { regionPath: scope })) throw ledgerErrors.verifyOutOfScope();
    } else if (!actor.can(Permission.LEDGER_VERIFY, { regionPath: null })) {
      // Only a grant without a region (city-wide) covers the whole ledger.
      throw ledgerErrors.verifyAllForbidden();
    }
    return this.run(scope);
  }

  /**
   * One REPEATABLE READ, READ ONLY transaction: the journal, the chain head and the balances are read from one
   * snapshot, so writers committing meanwhile can never look like tampering.
   */
  async run(scope: string | null): Promise<LedgerVerificationResult> {
    return this.db.transaction('REPEATABLE READ', async (m) => {
      await this.ledger.readOnly(m);
      await this.ledger.longRunning(m);
      return this.check(m, scope);
    });
  }

  private async check(m: EntityManager, scope: string | null): Promise<LedgerVerificationResult> {
    const problems: string[] = [];
    const first: { bad: { seq: number; id: string } | null } = { bad: null };
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
    const bad = (seq: number, id: string, path: string | null, problem: string) => {
      if (note(id, path, problem) && (!first.bad || seq < first.bad.seq)) first.bad = { seq, id };
    };
    // Identities first: every format-2/3 hash covers the identity recomputed from what is stored now.
    const accounts = await this.ledger.allAccounts(m);
    const accountPath = new Map(accounts.map((a) => [a.id, a.path] as const));
    const identity = new Map<string, string>();
    for (const a of accounts) {
      const recomputed = accountIdentityHash(a);
      identity.set(a.id, recomputed);
      if (recomputed !== a.identityHash) note(a.id, a.path, '账户身份（持有人、类型、区域或下限）被改动');
    }
    const checked = await this.checkEntries(m, identity, bad);
    const legacy = await this.ledger.legacyHead(m);
    if (legacy.seq !== checked.legacySeq || (legacy.seq > 0 && legacy.hash !== checked.legacyHash)) {
      problems.push(`旧格式链头不符：记录到 ${checked.legacySeq}，链头为 ${legacy.seq}（有记录被删除？）`);
    }
    const chains = await this.checkChains(m, identity, (seq, id, problem) => bad(seq, id, accountPath.get(problem.accountId) ?? null, problem.text));
    let sum = 0;
    let checkedAccounts = 0;
    for (const a of accounts) {
      sum += a.balance;
      if (!inScope(a.path)) continue;
      checkedAccounts++;
      const chain = chains.get(a.id);
      if ((chain?.balance ?? 0) !== a.balance) problems.push(`账户 ${a.id} 余额 ${a.balance} 与流水合计 ${chain?.balance ?? 0} 不符`);
      const expectedDonateOnly = a.donateOnlyOpening + (chain?.donateOnly ?? 0);
      if (expectedDonateOnly !== a.donateOnly) problems.push(`账户 ${a.id} 限捐时长 ${a.donateOnly} 与流水合计 ${expectedDonateOnly} 不符`);
      if (a.floor !== null && a.balance < a.floor) problems.push(`账户 ${a.id} 低于下限`);
      if ((chain?.headId ?? null) !== a.headPostingId || (chain?.headHash ?? a.identityHash) !== a.headHash) {
        problems.push(`账户 ${a.id} 的链头与其最后一笔过账不符（过账被删除或改写？）`);
      }
    }
    const postingsTotal = [...chains.values()].reduce((s, c) => s + c.balance, 0);
    if (sum !== 0 || postingsTotal !== 0) problems.push(`余额合计 ${sum} 不为 0`);
    problems.push(...(await this.checkDigests(m)));
    return { ok: problems.length === 0, checkedEntries: checked.count, checkedAccounts, firstBadEntryId: first.bad?.id ?? null, sumOfBalances: sum, problems };
  }

  /**
   * Every entry's content: formats 1–2 as one chain in `seq` order (closed by the frozen legacy head), format 3 by
   * its own content hash; double entry for all.
   */
  private async checkEntries(
    m: EntityManager,
    identity: Map<string, string>,
    bad: (seq: number, id: string, path: string | null, problem: string) => void,
  ): Promise<{ count: number; legacySeq: number; legacyHash: string }> {
    let prev = GENESIS_HASH;
    let legacySeq = 0;
    let seq = 0;
    let count = 0;
    for (;;) {
      const batch = await this.ledger.journalBatch(m, seq, BATCH);
      for (const t of batch) {
        count++;
        const flag = (problem: string) => bad(t.seq, t.id, t.regionPath, problem);
        const format = Number(t.format);
        const postings = t.postings.map((p) => ({
          accountId: p.accountId,
          amount: Number(p.amount),
          donateOnlyDelta: Number(p.donateOnlyDelta ?? 0),
          accountIdentity: identity.get(p.accountId) ?? 'unknown-account',
        }));
        if (format === 3) {
          if (t.prevHash !== null) flag('新格式记录带有全局链接');
          const hash = transactionHashV3({
            id: t.id,
            kind: t.kind,
            regionId: t.regionId,
            memo: t.memo,
            sourceType: t.sourceType,
            sourceId: t.sourceId,
            reversesId: t.reversesId,
            reason: t.reason,
            initiatorId: t.initiatorId,
            createdAtMicros: t.createdAtMicros,
            postings,
          });
          if (hash !== t.hash) flag('内容哈希不符（记录或所涉账户身份被改动）');
        } else {
          if (t.seq !== legacySeq + 1) flag(`序号不连续 (${legacySeq} → ${t.seq})`);
          if (t.prevHash !== prev) flag('前序哈希不符');
          const hash = chainHash(t.prevHash ?? '', {
            seq: t.seq,
            id: t.id,
            kind: t.kind,
            regionId: t.regionId,
            memo: t.memo,
            sourceType: t.sourceType,
            sourceId: t.sourceId,
            reversesId: t.reversesId,
            reason: t.reason,
            initiatorId: t.initiatorId,
            createdAt: new Date(t.createdAt),
            format: format === 2 ? 2 : 1,
            postings,
          });
          if (hash !== t.hash) flag(format === 2 ? '内容哈希不符（记录或所涉账户身份被改动）' : '内容哈希不符（记录被改动）');
          if (format === 1 && postings.some((p) => p.donateOnlyDelta !== 0)) flag('旧格式记录带有限捐时长变动');
          prev = t.hash;
          legacySeq = t.seq;
        }
        if (postings.length < 2 || postings.reduce((s, p) => s + p.amount, 0) !== 0) flag('借贷不平衡');
        seq = t.seq;
      }
      if (batch.length < BATCH) break;
    }
    return { count, legacySeq, legacyHash: prev };
  }

  /**
   * Each account's postings in order: running balances (all formats), and for format 3 the link to the account's
   * previous posting and the link's hash. Returns each account's totals and last link.
   */
  private async checkChains(
    m: EntityManager,
    identity: Map<string, string>,
    bad: (seq: number, id: string, problem: { accountId: string; text: string }) => void,
  ): Promise<Map<string, { balance: number; donateOnly: number; headId: number | null; headHash: string | null }>> {
    const out = new Map<string, { balance: number; donateOnly: number; headId: number | null; headHash: string | null }>();
    await this.ledger.openPostingsCursor(m);
    for (;;) {
      const batch = await this.ledger.nextPostings(m, BATCH);
      for (const p of batch) {
        let c = out.get(p.accountId);
        if (!c) out.set(p.accountId, (c = { balance: 0, donateOnly: 0, headId: null, headHash: null }));
        const flag = (text: string) => bad(p.seq, p.transactionId, { accountId: p.accountId, text: `账户 ${p.accountId} ${text}` });
        c.balance += p.amount;
        c.donateOnly += p.donateOnlyDelta;
        if (c.balance !== p.balanceAfter) flag('的流水余额不符');
        if (Number(p.format) !== 3) {
          if (p.hash !== null || c.headId !== null) flag('的旧格式过账出现在新链中');
          continue;
        }
        const accountIdentity = identity.get(p.accountId) ?? 'unknown-account';
        if (p.prevPostingId !== c.headId || p.prevHash !== (c.headHash ?? accountIdentity)) flag('的过账链断开（前一笔过账缺失或被改写：有交易被删除？）');
        const hash = postingHashV3({
          prevHash: p.prevHash ?? '',
          accountId: p.accountId,
          accountIdentity,
          transactionHash: p.transactionHash,
          amount: p.amount,
          balanceAfter: p.balanceAfter,
          donateOnlyDelta: p.donateOnlyDelta,
        });
        if (hash !== p.hash) flag('的过账哈希不符');
        c.headId = p.id;
        c.headHash = p.hash;
      }
      if (batch.length < BATCH) break;
    }
    return out;
  }

  /** Recomputes every digest from the journal as it is now: a digested entry or head that changed since shows here. */
  private async checkDigests(m: EntityManager): Promise<string[]> {
    const problems: string[] = [];
    let prev: DigestRow | null = null;
    for (const d of await this.ledger.digests(m)) {
      const { root, transactions, accounts } = await digestOf(m, this.ledger, prev?.snapshot ?? null, d.snapshot);
      if (d.prevId !== (prev?.id ?? null) || d.prevHash !== (prev?.hash ?? GENESIS_HASH)) problems.push(`账本摘要 #${d.id} 与前一摘要的链接不符`);
      if (root !== d.root || transactions !== d.transactions || accounts !== d.accounts) {
        problems.push(`账本摘要 #${d.id} 的默克尔根不符：其后有已摘要的交易或账户链被删除、改写或补入`);
      }
      if (digestHash(d.prevHash, d.root, d.transactions, d.accounts, d.snapshot) !== d.hash) problems.push(`账本摘要 #${d.id} 的哈希不符`);
      prev = d;
    }
    return problems;
  }
}

/**
 * A digest's Merkle root and counts: its transactions by id, then the account heads by account id, streamed from the
 * journal (O(log n) memory, whatever the digest covers). The digest job and the verification compute it the same way.
 */
export async function digestOf(
  m: EntityManager,
  ledger: LedgerRepository,
  prevSnapshot: string | null,
  snapshot: string,
): Promise<{ root: string; transactions: number; accounts: number }> {
  const tree = new MerkleBuilder();
  let transactions = 0;
  let accounts = 0;
  await ledger.streamDigestLeaves(
    m,
    prevSnapshot,
    snapshot,
    (rows) => {
      transactions += rows.length;
      for (const t of rows) tree.add(transactionLeaf(t.id, t.hash));
    },
    (rows) => {
      accounts += rows.length;
      for (const h of rows) tree.add(accountLeaf(h.accountId, Number(h.postingId), h.hash));
    },
  );
  return { root: tree.root(), transactions, accounts };
}
