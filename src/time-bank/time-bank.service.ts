import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { badInput, notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { requestHash } from './ledger-hash.js';
import { AccountRow, LedgerRepository, TransactionRow, TransferOutcome } from './ledger.repository.js';
import { NeedsRepository } from '../needs/needs.repository.js';
import { VolunteersRepository } from '../volunteers/volunteers.repository.js';
import { ServiceRecordsRepository } from './service-records.repository.js';
import { ledgerErrors } from './time-bank.errors.js';
import { mayRedeem, splitAtCap, TimeBankPolicy } from './time-bank-policy.js';

export interface Idempotent {
  idempotencyKey: string;
}

interface NeedService {
  status: string;
  beneficiaryId: string;
  volunteerPersonId: string | null;
  minutes: number | null;
  estimatedMinutes: number;
  earnReversed: boolean;
}

interface Ctx {
  m: EntityManager;
  key: string;
  hash: string;
}

/**
 * Member operations of the time bank (docs/ledger.md). Each runs in one database transaction:
 * idempotency check → open accounts → lock accounts (id order) → policy checks on the locked balances →
 * append one balanced entry to the accounts' chains. A refusal throws before anything is written. A transfer does
 * all of this in one database function call.
 */
@Injectable()
export class TimeBankService {
  constructor(
    private readonly db: DataSource,
    private readonly ledger: LedgerRepository,
    private readonly records: ServiceRecordsRepository,
    private readonly needs: NeedsRepository,
    private readonly volunteers: VolunteersRepository,
  ) {}

  /**
   * A need as the ledger sees it — who received it, who served (the claiming volunteer's person), how long, and
   * whether its earning was reversed — asked of the needs and volunteers modules' repositories.
   */
  private async serviceOfNeed(m: EntityManager, needId: string): Promise<NeedService | null> {
    const [need] = await this.needs.byIds([needId], m);
    if (!need) return null;
    const [volunteer] = need.claimedById ? await this.volunteers.byIds([need.claimedById], m) : [];
    return {
      status: need.status,
      beneficiaryId: need.beneficiaryId,
      volunteerPersonId: volunteer?.personId ?? null,
      minutes: need.serviceMinutes,
      estimatedMinutes: need.estimatedMinutes,
      earnReversed: await this.ledger.earnReversedForNeed(m, needId),
    };
  }

  /** Runs `body` once per (caller, key): a replay with the same input returns the first result. */
  private async idempotent<I extends Idempotent>(
    actor: Actor,
    operation: string,
    input: I,
    body: (c: Ctx) => Promise<string>,
    outer?: EntityManager,
  ): Promise<TransactionRow> {
    const { idempotencyKey, ...rest } = input;
    const hash = requestHash(operation, rest);
    const run = async (m: EntityManager) => {
      await this.ledger.lockIdempotencyKey(m, actor.personId, idempotencyKey);
      const existing = await this.ledger.byIdempotencyKey(m, actor.personId, idempotencyKey);
      if (existing) {
        if (existing.requestHash !== hash) throw ledgerErrors.keyReused();
        return existing;
      }
      const id = await body({ m, key: idempotencyKey, hash });
      return (await this.ledger.transactionsByIds([id], m))[0];
    };
    return outer ? run(outer) : this.db.transaction(run);
  }

  private async ownAccount(m: EntityManager, personId: string): Promise<string> {
    const id = await this.ledger.personAccountId(m, personId);
    if (!id) throw ledgerErrors.noCommunity();
    return id;
  }

  /** Checks that `account` can pay `minutes`; `donating` may use donate-only hours. Returns the donate-only change. */
  private debit(account: AccountRow, minutes: number, policy: TimeBankPolicy, donating: boolean): number {
    const floor = account.floor ?? -Infinity;
    const total = account.balance - floor;
    if (minutes > total) throw ledgerErrors.insufficient(Math.max(0, total));
    const restricted = policy.groupHoursDonateOnly && !donating ? account.donateOnly : 0;
    if (minutes > total - restricted) throw ledgerErrors.donateOnly(Math.max(0, total - restricted));
    const after = account.balance - minutes;
    const newDonateOnly = donating ? Math.max(0, account.donateOnly - minutes) : Math.min(account.donateOnly, Math.max(0, after));
    return newDonateOnly - account.donateOnly;
  }

  /**
   * 亲属转赠, at most four statements (BEGIN, `ledger_transfer()`, the result, COMMIT): the rules run inside the
   * database function under the two accounts' locks, and the caps read the accounts' O(1) counters.
   */
  async transfer(
    actor: Actor,
    input: { toPersonId: string; minutes: number; memo?: string | null } & Idempotent,
    outer?: EntityManager,
  ): Promise<TransactionRow> {
    if (!isUuid(input.toPersonId)) throw notFound('收款人');
    if (input.toPersonId === actor.personId) throw badInput('toPersonId', '不能转赠给自己');
    const { idempotencyKey, ...rest } = { ...input, memo: input.memo ?? null };
    const hash = requestHash('transfer', rest);
    const run = async (m: EntityManager): Promise<TransactionRow> => {
      const out = await this.ledger.transfer(m, {
        initiatorId: actor.personId,
        toPersonId: input.toPersonId,
        minutes: input.minutes,
        memo: rest.memo,
        idempotencyKey,
        requestHash: hash,
        at: new Date(),
      });
      if ('replay' in out) {
        if (out.requestHash !== hash) throw ledgerErrors.keyReused();
        return (await this.ledger.transactionsByIds([out.replay], m))[0];
      }
      if ('error' in out) throw transferRefusal(out);
      return (await this.ledger.transactionsByIds([out.id], m))[0];
    };
    return outer ? run(outer) : this.db.transaction(run);
  }

  async donate(actor: Actor, input: { minutes: number; memo?: string | null } & Idempotent, outer?: EntityManager): Promise<TransactionRow> {
    return this.idempotent(
      actor,
      'donate',
      { ...input, memo: input.memo ?? null },
      async ({ m, key, hash }) => {
        const fromId = await this.ownAccount(m, actor.personId);
        const [from] = await this.ledger.accountsByIds([fromId], m);
        const policy = await this.ledger.policyFor(m, from.regionId);
        const poolId = await this.ledger.systemAccountId(m, 'COMMUNITY_POOL', from.regionId);
        const locked = await this.ledger.lockAccounts(m, [fromId, poolId]);
        const donate = this.debit(locked.get(fromId)!, input.minutes, policy, true);
        return this.ledger.append(
          m,
          {
            kind: 'DONATE',
            regionId: from.regionId,
            memo: input.memo ?? '捐赠至社区爱心池',
            initiatorId: actor.personId,
            idempotencyKey: key,
            requestHash: hash,
            legs: legs([fromId, -input.minutes], [poolId, input.minutes]),
            donateOnly: new Map([[fromId, donate]]),
          },
          locked,
        );
      },
      outer,
    );
  }

  /**
   * GRANT: a community worker pays a needy resident's service from their community's pool 爱心池. Never to
   * oneself; the receiver lives in the worker's scope and either carries a special-group flag (recorded with
   * consent) or the grant names a live need of the receiver — then at most its minutes, once per need.
   */
  async grant(
    actor: Actor,
    input: { toPersonId: string; minutes: number; memo?: string | null; needId?: string | null } & Idempotent,
    outer?: EntityManager,
  ): Promise<TransactionRow> {
    if (!isUuid(input.toPersonId)) throw notFound('受助人');
    if (input.needId && !isUuid(input.needId)) throw notFound('需求');
    if (input.toPersonId === actor.personId) throw ledgerErrors.selfGrant();
    return this.idempotent(
      actor,
      'grant',
      { ...input, memo: input.memo ?? null, needId: input.needId ?? null },
      async ({ m, key, hash }) => {
        if (!(await this.ledger.personExists(m, input.toPersonId))) throw notFound('受助人');
        const toId = await this.ledger.personAccountId(m, input.toPersonId);
        if (!toId) throw ledgerErrors.noCommunity();
        const [to] = await this.ledger.accountsByIds([toId], m);
        if (!actor.can(Permission.POOL_GRANT, { regionPath: to.regionPath })) throw ledgerErrors.grantOutOfScope();
        if (input.needId) {
          const need = await this.serviceOfNeed(m, input.needId);
          if (!need) throw notFound('需求');
          if (need.beneficiaryId !== input.toPersonId || ['CANCELLED', 'REJECTED', 'EXPIRED'].includes(need.status)) throw ledgerErrors.notEligibleForGrant();
          // At most what the service takes (as served once confirmed, else as estimated).
          const cap = need.minutes ?? need.estimatedMinutes;
          if (input.minutes > cap) throw ledgerErrors.grantExceedsNeed(cap);
        } else if (!(await this.ledger.hasSpecialGroupFlag(m, input.toPersonId))) {
          throw ledgerErrors.notEligibleForGrant();
        }
        const policy = await this.ledger.policyFor(m, to.regionId);
        const poolId = await this.ledger.systemAccountId(m, 'COMMUNITY_POOL', to.regionId);
        const locked = await this.ledger.lockAccounts(m, [poolId, toId]);
        // Under the pool's lock: one standing grant per need.
        if (input.needId && (await this.ledger.standingPaymentFor(m, 'GRANT', input.needId))) throw ledgerErrors.needAlreadyGranted();
        const pool = locked.get(poolId)!;
        if (input.minutes > pool.balance) throw ledgerErrors.poolInsufficient(pool.balance);
        // The pool is the overflow's destination too, so only what fits under the cap leaves it.
        const { kept } = splitAtCap(locked.get(toId)!.balance, input.minutes, policy.balanceCapMinutes);
        if (kept === 0) throw ledgerErrors.atCap();
        return this.ledger.append(
          m,
          {
            kind: 'GRANT',
            regionId: to.regionId,
            memo: input.memo ?? null,
            initiatorId: actor.personId,
            idempotencyKey: key,
            requestHash: hash,
            sourceType: input.needId ? 'NEED' : null,
            sourceId: input.needId ?? null,
            legs: legs([poolId, -kept], [toId, kept]),
          },
          locked,
        );
      },
      outer,
    );
  }

  /**
   * SPEND: the caller pays for a service they received. With `needId` (a CONFIRMED or CLOSED need whose beneficiary
   * is the caller), its volunteer is paid, at most the service's minutes, once per need; without it, the minutes go
   * to the street's redemption account. Minutes never go to anybody else.
   */
  async spend(
    actor: Actor,
    input: { minutes: number; providerPersonId?: string | null; needId?: string | null; memo?: string | null } & Idempotent,
    outer?: EntityManager,
  ): Promise<TransactionRow> {
    if (input.providerPersonId && !isUuid(input.providerPersonId)) throw notFound('服务提供者');
    if (input.needId && !isUuid(input.needId)) throw notFound('服务');
    if (input.providerPersonId === actor.personId) throw badInput('providerPersonId', '不能向自己支付');
    if (input.providerPersonId && !input.needId) throw ledgerErrors.serviceRequired();
    const normalized = { ...input, providerPersonId: input.providerPersonId ?? null, needId: input.needId ?? null, memo: input.memo ?? null };
    return this.idempotent(
      actor,
      'spend',
      normalized,
      async ({ m, key, hash }) => {
        const fromId = await this.ownAccount(m, actor.personId);
        const [from] = await this.ledger.accountsByIds([fromId], m);
        const policy = await this.ledger.policyFor(m, from.regionId);
        const facts = await this.ledger.personFacts(m, actor.personId);
        const redeem = mayRedeem(policy, facts?.birthDate ?? null, facts?.hardship ?? false, new Date());
        if (redeem === 'BIRTH_DATE_UNKNOWN') throw ledgerErrors.birthDateUnknown(policy.redemptionAge);
        if (!redeem) throw ledgerErrors.redemptionAge(policy.redemptionAge);
        let toId: string;
        let toCap = Infinity;
        if (input.needId) {
          const service = await this.serviceOfNeed(m, input.needId);
          if (!service) throw notFound('服务');
          if (service.beneficiaryId !== actor.personId) throw ledgerErrors.notServiceReceiver();
          // A service whose earning a street admin reversed (e.g. it never happened) is not paid for either.
          if (!['CONFIRMED', 'CLOSED'].includes(service.status) || !service.volunteerPersonId || !service.minutes || service.earnReversed)
            throw ledgerErrors.serviceNotConfirmed();
          if (input.providerPersonId && input.providerPersonId !== service.volunteerPersonId) throw ledgerErrors.providerMismatch();
          if (service.volunteerPersonId === actor.personId) throw badInput('needId', '不能向自己支付');
          if (input.minutes > service.minutes) throw ledgerErrors.spendExceedsService(service.minutes);
          const id = await this.ledger.personAccountId(m, service.volunteerPersonId);
          if (!id) throw ledgerErrors.noCommunity();
          toId = id;
          const [to] = await this.ledger.accountsByIds([toId], m);
          toCap = (await this.ledger.policyFor(m, to.regionId)).balanceCapMinutes;
        } else {
          const street = (await this.ledger.ancestorAt(m, from.regionId, 'STREET')) ?? from.regionId;
          toId = await this.ledger.systemAccountId(m, 'REDEMPTION_SINK', street);
        }
        const locked = await this.ledger.lockAccounts(m, [fromId, toId]);
        // Under the payer's lock: a concurrent payment for the same service has committed or not started.
        if (input.needId && (await this.ledger.standingPaymentFor(m, 'SPEND', input.needId))) throw ledgerErrors.serviceAlreadyPaid();
        const donate = this.debit(locked.get(fromId)!, input.minutes, policy, false);
        const { kept, overflow } = splitAtCap(locked.get(toId)!.balance, input.minutes, toCap);
        if (overflow > 0) throw ledgerErrors.atCap(kept);
        return this.ledger.append(
          m,
          {
            kind: 'SPEND',
            regionId: from.regionId,
            memo: input.memo ?? null,
            initiatorId: actor.personId,
            idempotencyKey: key,
            requestHash: hash,
            sourceType: input.needId ? 'NEED' : null,
            sourceId: input.needId ?? null,
            legs: legs([fromId, -input.minutes], [toId, input.minutes]),
            donateOnly: new Map([[fromId, donate]]),
          },
          locked,
        );
      },
      outer,
    );
  }

  /** REVERSAL: the mirror of one earlier transaction, by a street admin with a reason; the original stays. */
  async reverse(actor: Actor, input: { transactionId: string; reason: string } & Idempotent, outer?: EntityManager): Promise<TransactionRow> {
    if (!isUuid(input.transactionId)) throw notFound('交易');
    if (typeof input.reason !== 'string' || input.reason.trim().length < 2) throw badInput('reason', '请填写冲正原因');
    return this.idempotent(
      actor,
      'reverse',
      input,
      async ({ m, key, hash }) => {
        const [original] = await this.ledger.transactionsByIds([input.transactionId], m);
        if (!original) throw notFound('交易');
        if (!actor.can(Permission.LEDGER_REVERSE, { regionPath: original.regionPath })) throw ledgerErrors.reversalOutOfScope();
        if (original.kind === 'REVERSAL') throw ledgerErrors.reversalOfReversal();
        const record = original.kind === 'EARN' && original.sourceType === 'SERVICE_RECORD' ? await this.records.earnFacts(m, original.sourceId!) : null;
        if (record) {
          // Volunteer statistics before the ledger's locks, in the same order as EARN (rolled back if refused below).
          await this.records.addVerifiedMinutes(m, record.volunteerId, -record.minutes);
        }
        const locked = await this.ledger.lockAccounts(
          m,
          original.postings.map((p) => p.accountId),
        );
        // Checked under the account locks: a concurrent reversal of the same transaction has committed or not started.
        const [fresh] = await this.ledger.transactionsByIds([original.id], m);
        if (fresh.reversedById) throw ledgerErrors.alreadyReversed();
        const mirror = new Map<string, number>();
        const donateOnly = new Map<string, number>();
        for (const p of original.postings) {
          const acc = locked.get(p.accountId)!;
          const after = acc.balance - p.amount;
          if (acc.floor !== null && after < acc.floor) throw ledgerErrors.reversalInsufficient();
          mirror.set(p.accountId, -p.amount);
          if (original.format >= 2) {
            // The mirror of the recorded donate-only change: reversing a donation of group hours gives them back donate-only.
            const wanted = Math.min(Math.max(0, acc.donateOnly - p.donateOnlyDelta), Math.max(0, after));
            donateOnly.set(p.accountId, wanted - acc.donateOnly);
          } else if (p.amount > 0) {
            // Group hours earned by this EARN leave the donate-only part first.
            const wanted = record?.groupActivity ? Math.max(0, acc.donateOnly - p.amount) : acc.donateOnly;
            donateOnly.set(p.accountId, Math.min(wanted, Math.max(0, after)) - acc.donateOnly);
          }
        }
        return this.ledger.append(
          m,
          {
            kind: 'REVERSAL',
            regionId: original.regionId,
            reversesId: original.id,
            reason: input.reason.trim(),
            memo: `冲正 ${original.kind}`,
            initiatorId: actor.personId,
            idempotencyKey: key,
            requestHash: hash,
            legs: mirror,
            donateOnly,
          },
          locked,
        );
      },
      outer,
    );
  }

  async transaction(actor: Actor, id: string): Promise<TransactionRow | null> {
    if (!isUuid(id)) return null;
    const [tx] = await this.ledger.transactionsByIds([id]);
    if (!tx) return null;
    const own = tx.postings.some((p) => p.personId === actor.personId);
    if (!own && !actor.can(Permission.ACCOUNT_READ, { regionPath: tx.regionPath })) throw ledgerErrors.transactionOutOfScope();
    return tx;
  }

  async myAccount(actor: Actor): Promise<AccountRow> {
    const id = await this.db.transaction((m) => this.ownAccount(m, actor.personId));
    return (await this.ledger.accountsByIds([id]))[0];
  }

  async account(actor: Actor, id: string): Promise<AccountRow | null> {
    if (!isUuid(id)) return null;
    const [acc] = await this.ledger.accountsByIds([id]);
    if (!acc) return null;
    if (acc.personId !== actor.personId && !actor.can(Permission.ACCOUNT_READ, { regionPath: acc.regionPath })) throw ledgerErrors.accountOutOfScope();
    return acc;
  }

  /** A person's or a community pool's account, for its holder and staff in scope; null if none was opened yet. */
  async accountOf(actor: Actor, kind: 'PERSON' | 'COMMUNITY_POOL', key: string): Promise<AccountRow | null> {
    if (!isUuid(key)) return null;
    const id = await this.ledger.findAccountId(kind, key);
    return id ? this.account(actor, id) : null;
  }

  async policy(actor: Actor, regionId: string): Promise<TimeBankPolicy> {
    if (!isUuid(regionId)) throw notFound('区域');
    const path = await this.ledger.regionPath(this.db.manager, regionId);
    if (!path) throw notFound('区域');
    return this.ledger.policyFor(this.db.manager, regionId);
  }

  async setPolicy(actor: Actor, regionId: string, values: Partial<TimeBankPolicy>): Promise<TimeBankPolicy> {
    if (!isUuid(regionId)) throw notFound('区域');
    return this.db.transaction(async (m) => {
      const path = await this.ledger.regionPath(m, regionId);
      if (!path) throw notFound('区域');
      if (!actor.can(Permission.TIME_BANK_POLICY_SET, { regionPath: path })) throw ledgerErrors.policyOutOfScope();
      await this.ledger.upsertPolicy(m, regionId, values, actor.personId);
      return this.ledger.policyFor(m, regionId);
    });
  }
}

/** Legs as a map, merging repeated accounts and dropping zero amounts. */
export function legs(...items: [string, number][]): Map<string, number> {
  const out = new Map<string, number>();
  for (const [id, amount] of items) out.set(id, (out.get(id) ?? 0) + amount);
  for (const [id, amount] of out) if (amount === 0) out.delete(id);
  return out;
}

/** The catalog error for a refusal `ledger_transfer()` returned. */
function transferRefusal(out: Extract<TransferOutcome, { error: string }>): Error {
  switch (out.error) {
    case 'RECEIVER_NOT_FOUND':
      return notFound('收款人');
    case 'NO_COMMUNITY':
      return ledgerErrors.noCommunity();
    case 'NOT_A_RELATIVE':
      return ledgerErrors.notRelative();
    case 'DAILY_TRANSFER_CAP':
      return ledgerErrors.dailyCap(out.cap, out.used);
    case 'YEARLY_TRANSFER_CAP':
      return ledgerErrors.yearlyCap(out.cap, out.used);
    case 'INSUFFICIENT_BALANCE':
      return ledgerErrors.insufficient(out.available);
    case 'GROUP_HOURS_DONATE_ONLY':
      return ledgerErrors.donateOnly(out.available);
    case 'BALANCE_CAP_REACHED':
      return ledgerErrors.atCap(out.room);
  }
}
