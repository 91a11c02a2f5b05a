import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../common/graphql/connection.js';

export enum LedgerKindEnum {
  EARN = 'EARN',
  SPEND = 'SPEND',
  TRANSFER = 'TRANSFER',
  DONATE = 'DONATE',
  GRANT = 'GRANT',
  EXPIRE = 'EXPIRE',
  REVERSAL = 'REVERSAL',
}
registerEnumType(LedgerKindEnum, {
  name: 'LedgerKind',
  description: '交易类型 ledger transaction kind: what moved the minutes',
  valuesMap: {
    EARN: { description: '服务获得 earn: minutes credited to the volunteer for a confirmed service (from the issuance account)' },
    SPEND: { description: '兑换服务 spend: minutes paid for a service received' },
    TRANSFER: { description: '亲属转赠 transfer: minutes given to a registered relative' },
    DONATE: { description: '捐赠爱心池 donate: minutes given to the community pool' },
    GRANT: { description: '爱心池发放 grant: a community worker pays a resident in need from the pool' },
    EXPIRE: { description: '过期 expire: earned minutes older than the policy allows, moved to the expiry sink' },
    REVERSAL: { description: '冲正 reversal: the mirror of an earlier transaction, with a reason' },
  },
});

export enum AccountKindEnum {
  PERSON = 'PERSON',
  ORGANIZATION = 'ORGANIZATION',
  COMMUNITY_POOL = 'COMMUNITY_POOL',
  ISSUANCE = 'ISSUANCE',
  EXPIRY_SINK = 'EXPIRY_SINK',
  REDEMPTION_SINK = 'REDEMPTION_SINK',
}
registerEnumType(AccountKindEnum, {
  name: 'TimeAccountKind',
  description: '时间账户类型 time account kind',
  valuesMap: {
    PERSON: { description: '个人账户 personal account of a resident or volunteer' },
    ORGANIZATION: { description: '组织账户 organization account' },
    COMMUNITY_POOL: { description: '社区爱心池 community pool: donations and overflow above the balance cap; grants are paid from it' },
    ISSUANCE: { description: '街道发行账户 issuance account; its negative balance = minutes ever earned (minted) in the street' },
    EXPIRY_SINK: { description: '过期回收账户 expiry sink: receives expired minutes' },
    REDEMPTION_SINK: { description: '兑换账户 redemption sink: receives minutes spent on services paid to the street time bank' },
  },
});

@ObjectType('LedgerEntry', { description: '账户流水 ledger entry: one posting of a transaction on this account (seen by whoever may see the account)' })
export class LedgerEntry {
  @Field(() => ID, { description: '流水 ID (the posting id); also its cursor key' }) id: string;
  @Field(() => ID, { description: '所属交易 ID; read it with `ledgerTransaction`' }) transactionId: string;
  @Field(() => LedgerKindEnum, { description: '交易类型 kind of the transaction' }) kind: LedgerKindEnum;
  @Field(() => Int, { description: '变动分钟数 minutes: + credit 收入 / − debit 支出' }) amountMinutes: number;
  @Field(() => Int, { description: '本笔后余额 running balance after this entry, minutes' }) balanceAfterMinutes: number;
  @Field(() => String, { nullable: true, description: '摘要 memo given with the transaction; for a reversal 冲正 also its reason; null = none' }) memo:
    string | null;
  @Field(() => String, {
    nullable: true,
    description: '对方 the other side: a person always masked (王*), or a community account name (e.g. “…爱心池”); null = none',
  })
  counterparty: string | null;
  @Field({ description: '记账时间 DateTime (ISO 8601, UTC)' }) at: Date;
}

export const LedgerEntryConnection = ConnectionType(LedgerEntry, 'LedgerEntry');

@ObjectType('MonthlyStatement', { description: '月度对账单 monthly statement of one account; the month runs in Asia/Shanghai (China Standard Time)' })
export class MonthlyStatement {
  @Field({ description: '月份 month, YYYY-MM (Asia/Shanghai)' }) month: string;
  @Field(() => Int, { description: '期初余额 opening balance at the start of the month, minutes' }) openingBalanceMinutes: number;
  @Field(() => Int, { description: '本月收入 sum of credits in the month, minutes (≥ 0)' }) creditMinutes: number;
  @Field(() => Int, { description: '本月支出 sum of debits in the month, minutes (≥ 0)' }) debitMinutes: number;
  @Field(() => Int, { description: '期末余额 closing balance at the end of the month, minutes' }) closingBalanceMinutes: number;
  @Field(() => [LedgerEntry], { description: '本月流水 entries of the month, oldest first' }) entries: LedgerEntry[];
  @Field({ description: '对账单 CSV: the statement as CSV (UTF-8 with BOM, CRLF, for spreadsheets; times in Asia/Shanghai)' }) csv: string;
}

@ObjectType('TimeAccount', {
  description:
    '时间账户 time account (integer minutes; 60 minutes = 1 时间币). Seen by its holder and by staff (社区工作者 and up) whose scope holds its community',
})
export class TimeAccount {
  @Field(() => ID, { description: '账户 ID' }) id: string;
  @Field(() => AccountKindEnum, { description: '账户类型 account kind' }) kind: AccountKindEnum;
  @Field(() => Int, { description: '余额 balance, minutes (includes donateOnlyMinutes)' }) balanceMinutes: number;
  @Field(() => Int, { description: '仅可捐赠部分 donate-only minutes: part of the balance earned in group activities, which may only be donated to the pool' })
  donateOnlyMinutes: number;
  @Field(() => Int, {
    nullable: true,
    description: '余额下限 floor: lowest allowed balance, minutes (0 by default: no overdraft); null = no floor (the issuance account)',
  })
  floorMinutes: number | null;
  @Field({ description: '持有人 holder: the owner’s name, masked (王*) unless the viewer is the owner; for a community account its name (e.g. “…爱心池”)' })
  holder: string;
  @Field(() => ID, { description: '所属社区 ID: the community (region) the account belongs to' }) regionId: string;
  @Field({ description: '所属社区名称 community name' }) regionName: string;
}

@ObjectType('ExpiryNotice', {
  description: '时长到期提醒 expiry notice: earned minutes about to expire (only where the region sets expiryMonths); seen with the account',
})
export class ExpiryNotice {
  @Field(() => Int, { description: '将到期分钟数 minutes the notice announced' }) minutes: number;
  @Field(() => Int, { description: '已结清 of these, minutes already expired or no longer due (used in time)' }) settledMinutes: number;
  @Field({ description: '到期日 date YYYY-MM-DD (Asia/Shanghai): they expire not before this day, and not before expiryNoticeDays after the notice' })
  expiresOn: string;
  @Field({ description: '提醒时间 when the notice was given, DateTime (ISO 8601, UTC)' }) createdAt: Date;
}

@ObjectType('LedgerPosting', { description: '记账分录 posting: one account’s side of a transaction' })
export class LedgerPosting {
  @Field(() => ID, { description: '账户 ID' }) accountId: string;
  @Field(() => AccountKindEnum, { description: '账户类型 account kind' }) accountKind: AccountKindEnum;
  @Field(() => Int, { description: '变动分钟数 minutes: + credit / − debit' }) amountMinutes: number;
  @Field({ description: '持有人 holder: a person masked (王*) unless it is the viewer, or the community account name' }) holder: string;
}

@ObjectType('LedgerTransaction', {
  description: '记账交易 ledger transaction: ≥ 2 postings summing to zero. Seen by its parties and by staff (社区工作者 and up) of its region',
})
export class LedgerTransaction {
  @Field(() => ID, { description: '交易 ID' }) id: string;
  @Field(() => Int, { description: '序号 position in the ledger’s hash chain' }) sequence: number;
  @Field(() => LedgerKindEnum, { description: '交易类型 kind' }) kind: LedgerKindEnum;
  @Field(() => String, { nullable: true, description: '摘要 memo given by the caller or the system; null = none' }) memo: string | null;
  @Field(() => String, { nullable: true, description: '冲正原因 reason of a reversal; null for other kinds' }) reason: string | null;
  @Field(() => ID, { nullable: true, description: '被冲正交易 ID: the transaction this reversal mirrors; null unless kind = REVERSAL' }) reversesId:
    string | null;
  @Field(() => ID, { nullable: true, description: '冲正交易 ID: the reversal of this transaction; null if it stands' }) reversedById: string | null;
  @Field(() => [LedgerPosting], { description: '分录 the postings (sum 0)' }) postings: LedgerPosting[];
  @Field(() => Int, {
    description: '溢出分钟数 minutes that went to the community pool 爱心池 because the receiver reached the balance cap (0 for a donation or reversal)',
  })
  overflowMinutes: number;
  @Field({ description: '记账时间 DateTime (ISO 8601, UTC)' }) createdAt: Date;
  @Field({ description: '哈希 hash of this transaction in the chain (hex), checked by verifyLedger' }) hash: string;
}

@ObjectType('LedgerVerification', { description: '账本核验结果 ledger verification: hash chain, double entry and balances recomputed' })
export class LedgerVerification {
  @Field({ description: '是否通过 true when no problem was found' }) ok: boolean;
  @Field(() => Int, { description: '已核验流水数 number of entries (postings) checked' }) checkedEntries: number;
  @Field(() => Int, { description: '已核验账户数 number of accounts checked' }) checkedAccounts: number;
  @Field(() => ID, { nullable: true, description: '首个异常流水 ID: the first entry that fails; null when ok' }) firstBadEntryId: string | null;
  @Field(() => Int, { description: '余额合计 sum of all balances checked, minutes (must be 0 for the whole ledger)' }) sumOfBalances: number;
  @Field(() => [String], { description: '问题列表 problems found, in Chinese (e.g. `<account>: 账户身份…被改动`); empty when ok' }) problems: string[];
}

@ObjectType('TimeBankPolicy', {
  description:
    '时间银行区域规则 time bank policy of a region: each value inherited from the nearest ancestor that sets it, then the default. Any logged-in user may read it',
})
export class TimeBankPolicyModel {
  @Field(() => Int, { description: '个人余额上限 balance cap, minutes (default 90000 = 1500 h); credits beyond it go to the community pool' })
  balanceCapMinutes: number;
  @Field(() => Int, { description: '兑换年龄 age in full years from which a member may spend hours on their own service (default 60)' }) redemptionAge: number;
  @Field(() => Int, { description: '特殊困难兑换年龄 the same for people with a hardship flag (失能, 残疾, 低保, 特困); default 0 = any age' })
  hardshipRedemptionAge: number;
  @Field({ description: '仅限亲属转赠 transfers only to registered relatives 亲属 (default true)' }) relativesOnly: boolean;
  @Field({ description: '集体活动时长仅可捐赠 hours earned in group activities may only be donated (default true)' }) groupHoursDonateOnly: boolean;
  @Field(() => Int, { description: '每日转赠上限 daily transfer cap per person, minutes (default 1200), Asia/Shanghai days' }) dailyTransferCapMinutes: number;
  @Field(() => Int, { description: '每年转赠上限 yearly transfer cap per person, minutes (default 12000), Asia/Shanghai years' })
  yearlyTransferCapMinutes: number;
  @Field(() => Int, { nullable: true, description: '有效期 months after which earned minutes expire; null = never (default)' }) expiryMonths: number | null;
  @Field(() => Int, { description: '到期提醒提前天数 days before expiry that a notice is recorded for the holder (default 30)' }) expiryNoticeDays: number;
  @Field(() => String, { nullable: true, description: '证明负责人 person in charge named on certificates issued in the region; null = none' })
  certificateSignatory: string | null;
}

export enum CertificateStatus {
  VALID = 'VALID',
  PARTIALLY_REVOKED = 'PARTIALLY_REVOKED',
  REVOKED = 'REVOKED',
}
registerEnumType(CertificateStatus, {
  name: 'CertificateStatus',
  description: '证明状态 certificate status, derived when read from the reversals since issue',
  valuesMap: {
    VALID: { description: '有效: every service stated still stands' },
    PARTIALLY_REVOKED: { description: '部分撤销: the hours of some stated services were reversed (冲正) since issue' },
    REVOKED: { description: '已撤销: the hours of every stated service were reversed since issue' },
  },
});

@ObjectType('CertificateRecord', { description: '证明所载服务 one service stated on a certificate (only the holder sees these)' })
export class CertificateRecord {
  @Field({ description: '服务记录编号 service record number' }) recordNo: string;
  @Field({ description: '服务日期 date YYYY-MM-DD (Asia/Shanghai)' }) date: string;
  @Field({ description: '服务内容 content (the need or activity title)' }) content: string;
  @Field({ description: '服务类别 service category' }) category: string;
  @Field({ description: '服务地点 the community where it took place' }) place: string;
  @Field(() => Int, { description: '服务时长 minutes' }) minutes: number;
  @Field({ description: '已撤销 its hours were reversed (冲正) after the certificate was issued' }) revoked: boolean;
}

@ObjectType('CertificateCategoryTotal', {
  description: '分类合计 minutes of the certificate by service category (the public verification shows these, not the records)',
})
export class CertificateCategoryTotal {
  @Field({ description: '服务类别 service category' }) category: string;
  @Field(() => Int, { description: '服务次数 number of stated services of this category' }) services: number;
  @Field(() => Int, { description: '服务时长 minutes stated for this category' }) minutes: number;
  @Field(() => Int, { description: '已撤销分钟数 minutes of this category reversed since issue' }) revokedMinutes: number;
}

@ObjectType('Certificate', {
  description:
    '志愿服务证明 volunteer service certificate: only what it states. The holder sees it in full; anyone with the code sees the public verification (masked name, no records, no ID number)',
})
export class Certificate {
  @Field({ description: '证明编号 certificate number' }) certificateNo: string;
  @Field({ description: '验证码 verification code: pass it to `verifyCertificate` (no login)' }) code: string;
  @Field({ description: '开具时间 issued at, DateTime (ISO 8601, UTC)' }) issuedAt: Date;
  @Field({ description: '服务期间起 period start (inclusive), DateTime (ISO 8601, UTC)' }) periodFrom: Date;
  @Field({ description: '服务期间止 period end (exclusive), DateTime (ISO 8601, UTC)' }) periodTo: Date;
  @Field(() => Int, { description: '总时长 total minutes as stated at issue' }) totalMinutes: number;
  @Field(() => CertificateStatus, { description: '状态 derived when read: whether the stated services still stand' }) status: CertificateStatus;
  @Field(() => Int, { description: '已撤销分钟数 minutes of stated services reversed since issue' }) revokedMinutes: number;
  @Field(() => Int, { description: '有效分钟数 totalMinutes − revokedMinutes' }) validMinutes: number;
  @Field({ description: '志愿者姓名 full name for the holder; masked (张*) on the public verification' }) volunteerName: string;
  @Field(() => String, { nullable: true, description: '身份证号 ID number, masked; null on the public verification' }) idNumberMasked: string | null;
  @Field(() => String, { nullable: true, description: '志愿者编号 volunteer number; null if the holder has none' }) volunteerNo: string | null;
  @Field(() => [CertificateRecord], {
    description: '所载服务 each stated service; empty on the public verification (verifyCertificate), which shows totalsByCategory instead',
  })
  records: CertificateRecord[];
  @Field(() => [CertificateCategoryTotal], { description: '分类合计 totals by service category' }) totalsByCategory: CertificateCategoryTotal[];
  @Field({ description: '出具单位 issuer (the street time bank)' }) issuerName: string;
  @Field(() => String, { nullable: true, description: '负责人 person in charge (the policy’s certificateSignatory); null = none' }) personInCharge:
    string | null;
  @Field({ description: '经办人 handler named on the certificate' }) handler: string;
  @Field({ description: '备注 notes printed on the certificate' }) notes: string;
}

export enum ServiceSource {
  NEED = 'NEED',
  ACTIVITY = 'ACTIVITY',
  VISIT = 'VISIT',
}
registerEnumType(ServiceSource, {
  name: 'ServiceSource',
  description: '服务记录来源 service source',
  valuesMap: {
    NEED: { description: '居民需求 a resident’s need' },
    ACTIVITY: { description: '项目活动 a project activity' },
    VISIT: { description: '探访关爱 a care visit' },
  },
});

@ObjectType('ServiceRecord', { description: '志愿服务记录 service record, written when a service is confirmed; seen by the volunteer who served' })
export class ServiceRecord {
  @Field(() => ID, { description: '服务记录 ID' }) id: string;
  @Field({ description: '服务记录编号 record number (stated on certificates)' }) recordNo: string;
  @Field(() => ID, { nullable: true, description: '需求 ID of the need served; null for a project activity or a care visit' }) needId: string | null;
  @Field(() => ServiceSource, { description: '来源 what the service was: a need, a project activity or a care visit' }) source: ServiceSource;
  @Field({ description: '服务内容 content (the need, activity or visit title)' }) content: string;
  @Field({ description: '服务类别 service category' }) category: string;
  @Field({ description: '服务地点 community where the service took place' }) place: string;
  @Field({ description: '开始时间 started at, DateTime (ISO 8601, UTC)' }) startedAt: Date;
  @Field({ description: '结束时间 ended at, DateTime (ISO 8601, UTC)' }) endedAt: Date;
  @Field(() => Int, { description: '服务时长 minutes credited' }) minutes: number;
  @Field({ description: '集体活动 part of a group activity (its hours may only be donated where the policy says so)' }) groupActivity: boolean;
  @Field({ description: '已冲正 its EARN was reversed (冲正): it no longer counts toward hours or certificates' }) reversed: boolean;
  @Field({ description: '确认时间 confirmed at, DateTime (ISO 8601, UTC)' }) confirmedAt: Date;
  @Field(() => String, { nullable: true, description: '服务对象 beneficiary, always masked (王*); null for a project activity (it serves many)' }) beneficiary:
    string | null;
}

export const ServiceRecordConnection = ConnectionType(ServiceRecord, 'ServiceRecord');
