import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { badInput } from '../common/errors.js';
import { BidirectionalPageArgs, PageArgs, toConnection, windowConnection } from '../common/graphql/connection.js';
import { KeysetOrder, pageRequest, windowRequest } from '../common/keyset-page.js';
import type { Connection } from '../common/graphql/connection.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor, Public } from '../scope/scope.decorators.js';
import { CertificatesService } from './certificates.service.js';
import { ENTRY_ORDER, LedgerRepository } from './ledger.repository.js';
import { ServiceRecordsRepository } from './service-records.repository.js';
import {
  DonateMinutesInput,
  GrantMinutesInput,
  ReverseTransactionInput,
  SpendMinutesInput,
  TimeBankPolicyInput,
  TransferMinutesInput,
} from './time-bank.input.js';
import {
  Certificate,
  ExpiryNotice,
  LedgerEntry,
  ServiceRecord,
  ServiceRecordConnection,
  LedgerEntryConnection,
  LedgerTransaction,
  LedgerVerification,
  MonthlyStatement,
  TimeAccount,
  TimeBankPolicyModel,
} from './time-bank.model.js';
import { TimeBankService } from './time-bank.service.js';
import { buildStatement, monthRange, toAccount, toCertificate, toEntry, toPublicCertificate, toServiceRecord, toTransaction } from './time-bank.view.js';
import { VerifyLedgerService } from './verify-ledger.service.js';

/** The cursor of myServiceRecords (served at, id), as the keyset helper checks it. */
const SERVICE_RECORD_CURSOR: KeysetOrder = {
  keys: [
    { sql: 'served_at', type: 'timestamptz' },
    { sql: 'id', type: 'uuid' },
  ],
  direction: 'DESC',
};

@Resolver(() => TimeAccount)
export class TimeBankResolver {
  constructor(
    private readonly bank: TimeBankService,
    private readonly verifier: VerifyLedgerService,
    private readonly certificates: CertificatesService,
    private readonly ledger: LedgerRepository,
    private readonly records: ServiceRecordsRepository,
  ) {}

  @Authorize(Permission.SELF)
  @Query(() => TimeAccount, { description: '我的时间账户 my time account (opened on first use)' })
  async myAccount(@CurrentActor() actor: Actor): Promise<TimeAccount> {
    return toAccount(await this.bank.myAccount(actor), actor.personId);
  }

  @Authorize(Permission.SELF, Permission.ACCOUNT_READ)
  @Query(() => TimeAccount, {
    nullable: true,
    description: '时间账户 an account by id: for its holder, or staff (社区工作者 and up) whose scope holds its community; null if none',
  })
  async account(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '账户 ID' }) id: string): Promise<TimeAccount | null> {
    const a = await this.bank.account(actor, id);
    return a ? toAccount(a, actor.personId) : null;
  }

  @Authorize(Permission.SELF, Permission.ACCOUNT_READ)
  @Query(() => TimeAccount, { nullable: true, description: "个人时间账户 a person's account (themselves, or staff in scope); null if none has been opened" })
  async personAccount(
    @CurrentActor() actor: Actor,
    @Args('personId', { type: () => ID, description: '居民 ID of the holder' }) personId: string,
  ): Promise<TimeAccount | null> {
    const a = await this.bank.accountOf(actor, 'PERSON', personId);
    return a ? toAccount(a, actor.personId) : null;
  }

  @Authorize(Permission.ACCOUNT_READ)
  @Query(() => TimeAccount, { nullable: true, description: '社区爱心池 the community pool of a community (staff in scope); null if none has been opened' })
  async communityPool(
    @CurrentActor() actor: Actor,
    @Args('communityId', { type: () => ID, description: '社区 ID (a COMMUNITY region)' }) communityId: string,
  ): Promise<TimeAccount | null> {
    const a = await this.bank.accountOf(actor, 'COMMUNITY_POOL', communityId);
    return a ? toAccount(a, actor.personId) : null;
  }

  @Authorize(Permission.SELF, Permission.ACCOUNT_READ)
  @Query(() => LedgerTransaction, {
    nullable: true,
    description: '记账交易 a transaction: to its parties and to staff (社区工作者 and up) of its region; null if none',
  })
  async ledgerTransaction(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '交易 ID' }) id: string): Promise<LedgerTransaction | null> {
    const t = await this.bank.transaction(actor, id);
    return t ? toTransaction(t, actor.personId) : null;
  }

  @ResolveField(() => LedgerEntryConnection, {
    description: '账户流水 entries of the account，最新在前，带余额 running balance（分钟）；可双向分页：first/after 向更早，last/before 向更新',
  })
  async entries(@Parent() account: TimeAccount, @Args() page: BidirectionalPageArgs): Promise<Connection<LedgerEntry>> {
    return windowConnection(await this.ledger.entries(account.id, windowRequest(page, ENTRY_ORDER)), (r) => [r.postingId], toEntry);
  }

  @ResolveField(() => [ExpiryNotice], { description: '到期提醒 notices of minutes about to expire (only where the region has an expiry policy)' })
  expiryNotices(@Parent() account: TimeAccount): Promise<ExpiryNotice[]> {
    return this.ledger.expiryNotices(account.id);
  }

  @ResolveField(() => MonthlyStatement, { description: '月度对账单 monthly statement, with CSV export' })
  async statement(
    @Parent() account: TimeAccount,
    @Args('month', { description: '月份 month, YYYY-MM (Asia/Shanghai)' }) month: string,
  ): Promise<MonthlyStatement> {
    const range = monthRange(month);
    if (!range) throw badInput('month', '月份格式应为 YYYY-MM');
    const [opening, rows] = await Promise.all([
      this.ledger.balanceBefore(account.id, range.from),
      this.ledger.entriesBetween(account.id, range.from, range.to),
    ]);
    return buildStatement(month, opening, rows);
  }

  @Authorize(Permission.SELF)
  @Mutation(() => LedgerTransaction, { description: '亲属转赠 transfer minutes to a registered relative, within the daily/yearly caps' })
  async transferMinutes(
    @CurrentActor() actor: Actor,
    @Args('input', { description: '转赠内容 receiver, minutes, memo, idempotency key' }) input: TransferMinutesInput,
  ): Promise<LedgerTransaction> {
    return toTransaction(await this.bank.transfer(actor, input), actor.personId);
  }

  @Authorize(Permission.SELF)
  @Mutation(() => LedgerTransaction, { description: "捐赠 donate minutes to the pool 爱心池 of the caller's community" })
  async donateMinutes(
    @CurrentActor() actor: Actor,
    @Args('input', { description: '捐赠内容 minutes, memo, idempotency key' }) input: DonateMinutesInput,
  ): Promise<LedgerTransaction> {
    return toTransaction(await this.bank.donate(actor, input), actor.personId);
  }

  @Authorize(Permission.POOL_GRANT)
  @Mutation(() => LedgerTransaction, { description: '爱心池发放 grant: a community worker pays a resident in need from the community pool' })
  async grantMinutes(
    @CurrentActor() actor: Actor,
    @Args('input', { description: '发放内容 receiver, minutes, need, idempotency key' }) input: GrantMinutesInput,
  ): Promise<LedgerTransaction> {
    return toTransaction(await this.bank.grant(actor, input), actor.personId);
  }

  @Authorize(Permission.SELF)
  @Mutation(() => LedgerTransaction, { description: '兑换服务 spend: pay minutes for a service received (from the redemption age)' })
  async spendMinutes(
    @CurrentActor() actor: Actor,
    @Args('input', { description: '兑换内容 minutes, the need served and its provider, idempotency key' }) input: SpendMinutesInput,
  ): Promise<LedgerTransaction> {
    return toTransaction(await this.bank.spend(actor, input), actor.personId);
  }

  @Authorize(Permission.LEDGER_REVERSE)
  @Mutation(() => LedgerTransaction, {
    description: '冲正 reverse: post the mirror of an earlier transaction, with a reason; the original stays (street admins in scope)',
  })
  async reverseTransaction(
    @CurrentActor() actor: Actor,
    @Args('input', { description: '冲正内容 the transaction and the reason' }) input: ReverseTransactionInput,
  ): Promise<LedgerTransaction> {
    return toTransaction(await this.bank.reverse(actor, input), actor.personId);
  }

  @Authorize(Permission.LEDGER_VERIFY)
  @Query(() => LedgerVerification, { description: '核验账本 verify the ledger: hash chain, double entry, balances (社工 and admins in scope)' })
  verifyLedger(
    @CurrentActor() actor: Actor,
    @Args('regionId', { type: () => ID, nullable: true, description: '区域 ID: check the accounts of this region; null = whole ledger (system admin only)' })
    regionId?: string | null,
  ): Promise<LedgerVerification> {
    return this.verifier.verify(actor, regionId);
  }

  @Authorize(Permission.LOGGED_IN)
  @Query(() => TimeBankPolicyModel, { description: '时间银行规则 the time bank rules in force in a region (any logged-in user)' })
  timeBankPolicy(@CurrentActor() actor: Actor, @Args('regionId', { type: () => ID, description: '区域 ID' }) regionId: string): Promise<TimeBankPolicyModel> {
    return this.bank.policy(actor, regionId);
  }

  @Authorize(Permission.TIME_BANK_POLICY_SET)
  @Mutation(() => TimeBankPolicyModel, {
    description: '设置时间银行规则 set rules for a region and everything under it (unset fields inherit; street admins in scope)',
  })
  setTimeBankPolicy(
    @CurrentActor() actor: Actor,
    @Args('regionId', { type: () => ID, description: '区域 ID whose policy is set' }) regionId: string,
    @Args('input', { description: '规则 the values to set' }) input: TimeBankPolicyInput,
  ): Promise<TimeBankPolicyModel> {
    return this.bank.setPolicy(actor, regionId, input);
  }

  @Authorize(Permission.SELF)
  @Query(() => ServiceRecordConnection, { description: '我的志愿服务记录 my service records, newest first' })
  async myServiceRecords(@CurrentActor() actor: Actor, @Args() page: PageArgs): Promise<Connection<ServiceRecord>> {
    let before: [string, string] | null = null;
    if (page.after) {
      before = pageRequest(page, SERVICE_RECORD_CURSOR).after as [string, string];
    }
    const [rows, total] = await Promise.all([this.records.recordsOf(actor.personId, page.first + 1, before), this.records.recordCount(actor.personId)]);
    return toConnection(rows, page.first, total, (r) => [r.cursorAt, r.id], toServiceRecord);
  }

  @Authorize(Permission.SELF)
  @Mutation(() => Certificate, { description: "开具志愿服务证明 issue a certificate for the caller's confirmed services in [from, to)" })
  async issueCertificate(
    @CurrentActor() actor: Actor,
    @Args('from', { description: '期间起 period start (inclusive), DateTime ISO 8601 with time zone' }) from: Date,
    @Args('to', { description: '期间止 period end (exclusive), DateTime ISO 8601 with time zone' }) to: Date,
  ): Promise<Certificate> {
    return toCertificate(await this.certificates.issue(actor, from, to));
  }

  @Public()
  @Query(() => Certificate, {
    nullable: true,
    description: '核验志愿服务证明 verify a certificate (no login): masked name, totals by category, issuer and status; null if the code is unknown',
  })
  async verifyCertificate(@Args('code', { description: '验证码 the code printed on the certificate' }) code: string): Promise<Certificate | null> {
    const c = await this.certificates.verify(code);
    return c ? toPublicCertificate(c) : null;
  }
}
