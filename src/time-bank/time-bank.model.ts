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
  valuesMap: {
    EARN: { description: '服务获得' },
    SPEND: { description: '兑换服务' },
    TRANSFER: { description: '亲属转赠' },
    DONATE: { description: '捐赠爱心池' },
    GRANT: { description: '爱心池发放' },
    EXPIRE: { description: '过期' },
    REVERSAL: { description: '冲正' },
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
  valuesMap: {
    PERSON: { description: '个人账户' },
    ORGANIZATION: { description: '组织账户' },
    COMMUNITY_POOL: { description: '社区爱心池' },
    ISSUANCE: { description: '街道发行账户 (negative balance = hours ever minted)' },
    EXPIRY_SINK: { description: '过期回收账户' },
    REDEMPTION_SINK: { description: '兑换账户' },
  },
});

@ObjectType('LedgerEntry', { description: '账户流水: one posting of a transaction on this account' })
export class LedgerEntry {
  @Field(() => ID) id: string;
  @Field(() => ID) transactionId: string;
  @Field(() => LedgerKindEnum) kind: LedgerKindEnum;
  @Field(() => Int, { description: '+ credit / − debit, minutes' }) amountMinutes: number;
  @Field(() => Int, { description: 'Balance after this entry (running balance)' }) balanceAfterMinutes: number;
  @Field(() => String, { nullable: true }) memo: string | null;
  @Field(() => String, { nullable: true, description: 'The other side: a masked name (王*) or a community account' }) counterparty: string | null;
  @Field() at: Date;
}

export const LedgerEntryConnection = ConnectionType(LedgerEntry, 'LedgerEntry');

@ObjectType('MonthlyStatement', { description: '月度对账单 (month in China Standard Time)' })
export class MonthlyStatement {
  @Field({ description: 'YYYY-MM' }) month: string;
  @Field(() => Int) openingBalanceMinutes: number;
  @Field(() => Int) creditMinutes: number;
  @Field(() => Int) debitMinutes: number;
  @Field(() => Int) closingBalanceMinutes: number;
  @Field(() => [LedgerEntry], { description: 'Oldest first' }) entries: LedgerEntry[];
  @Field({ description: 'The statement as CSV (UTF-8 with BOM, for spreadsheets)' }) csv: string;
}

@ObjectType('TimeAccount', { description: '时间账户 (integer minutes; 60 minutes = 1 时间币)' })
export class TimeAccount {
  @Field(() => ID) id: string;
  @Field(() => AccountKindEnum) kind: AccountKindEnum;
  @Field(() => Int) balanceMinutes: number;
  @Field(() => Int, { description: 'Part of the balance from group activities: may only be donated' }) donateOnlyMinutes: number;
  @Field(() => Int, { nullable: true, description: 'Lowest allowed balance; null = none (issuance)' }) floorMinutes: number | null;
  @Field({ description: 'Owner (masked unless it is the viewer) or the community account name' }) holder: string;
  @Field(() => ID) regionId: string;
  @Field() regionName: string;
}

@ObjectType('ExpiryNotice', { description: '时长到期提醒' })
export class ExpiryNotice {
  @Field(() => Int) minutes: number;
  @Field(() => Int, { description: 'Of these, minutes already expired or no longer due (used in time)' }) settledMinutes: number;
  @Field({ description: 'YYYY-MM-DD: not before this day, and not before expiryNoticeDays after the notice' }) expiresOn: string;
  @Field({ description: 'When the notice was given' }) createdAt: Date;
}

@ObjectType('LedgerPosting')
export class LedgerPosting {
  @Field(() => ID) accountId: string;
  @Field(() => AccountKindEnum) accountKind: AccountKindEnum;
  @Field(() => Int) amountMinutes: number;
  @Field() holder: string;
}

@ObjectType('LedgerTransaction', { description: '记账交易: ≥ 2 postings summing to zero' })
export class LedgerTransaction {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'Position in the hash chain' }) sequence: number;
  @Field(() => LedgerKindEnum) kind: LedgerKindEnum;
  @Field(() => String, { nullable: true }) memo: string | null;
  @Field(() => String, { nullable: true, description: 'Reason of a reversal' }) reason: string | null;
  @Field(() => ID, { nullable: true, description: 'The transaction this one reverses' }) reversesId: string | null;
  @Field(() => ID, { nullable: true, description: 'The reversal of this transaction, if any' }) reversedById: string | null;
  @Field(() => [LedgerPosting]) postings: LedgerPosting[];
  @Field(() => Int, { description: 'Minutes that went to the community pool because the receiver reached the balance cap' }) overflowMinutes: number;
  @Field() createdAt: Date;
  @Field() hash: string;
}

@ObjectType('LedgerVerification', { description: '账本核验结果' })
export class LedgerVerification {
  @Field() ok: boolean;
  @Field(() => Int) checkedEntries: number;
  @Field(() => Int) checkedAccounts: number;
  @Field(() => ID, { nullable: true }) firstBadEntryId: string | null;
  @Field(() => Int, { description: 'Sum of all balances (must be 0)' }) sumOfBalances: number;
  @Field(() => [String]) problems: string[];
}

@ObjectType('TimeBankPolicy', { description: '时间银行区域规则 (inherited from the nearest ancestor, then defaults)' })
export class TimeBankPolicyModel {
  @Field(() => Int) balanceCapMinutes: number;
  @Field(() => Int) redemptionAge: number;
  @Field(() => Int) hardshipRedemptionAge: number;
  @Field() relativesOnly: boolean;
  @Field() groupHoursDonateOnly: boolean;
  @Field(() => Int) dailyTransferCapMinutes: number;
  @Field(() => Int) yearlyTransferCapMinutes: number;
  @Field(() => Int, { nullable: true, description: 'null = minutes never expire (default)' }) expiryMonths: number | null;
  @Field(() => Int) expiryNoticeDays: number;
  @Field(() => String, { nullable: true }) certificateSignatory: string | null;
}

export enum CertificateStatus {
  VALID = 'VALID',
  PARTIALLY_REVOKED = 'PARTIALLY_REVOKED',
  REVOKED = 'REVOKED',
}
registerEnumType(CertificateStatus, {
  name: 'CertificateStatus',
  valuesMap: {
    VALID: { description: '有效: every service stated still stands' },
    PARTIALLY_REVOKED: { description: '部分撤销: the hours of some stated services were reversed (冲正) since issue' },
    REVOKED: { description: '已撤销: the hours of every stated service were reversed since issue' },
  },
});

@ObjectType('CertificateRecord')
export class CertificateRecord {
  @Field() recordNo: string;
  @Field({ description: 'YYYY-MM-DD' }) date: string;
  @Field() content: string;
  @Field() category: string;
  @Field() place: string;
  @Field(() => Int) minutes: number;
  @Field({ description: 'Its hours were reversed (冲正) after the certificate was issued' }) revoked: boolean;
}

@ObjectType('CertificateCategoryTotal', {
  description: 'Minutes of the certificate by service category (the public verification shows these, not the records)',
})
export class CertificateCategoryTotal {
  @Field() category: string;
  @Field(() => Int) services: number;
  @Field(() => Int) minutes: number;
  @Field(() => Int, { description: 'Minutes of this category reversed since issue' }) revokedMinutes: number;
}

@ObjectType('Certificate', { description: '志愿服务证明: only what the certificate states' })
export class Certificate {
  @Field() certificateNo: string;
  @Field({ description: '验证码' }) code: string;
  @Field() issuedAt: Date;
  @Field() periodFrom: Date;
  @Field() periodTo: Date;
  @Field(() => Int, { description: 'As stated at issue' }) totalMinutes: number;
  @Field(() => CertificateStatus, { description: 'Derived when read: whether the stated services still stand' }) status: CertificateStatus;
  @Field(() => Int, { description: 'Minutes of stated services reversed since issue' }) revokedMinutes: number;
  @Field(() => Int, { description: 'totalMinutes − revokedMinutes' }) validMinutes: number;
  @Field({ description: 'Full name for the holder; masked (张*) on the public verification' }) volunteerName: string;
  @Field(() => String, { nullable: true, description: '身份证号 (masked); null on the public verification' }) idNumberMasked: string | null;
  @Field(() => String, { nullable: true }) volunteerNo: string | null;
  @Field(() => [CertificateRecord], {
    description: 'Each stated service; empty on the public verification (verifyCertificate), which shows totalsByCategory instead',
  })
  records: CertificateRecord[];
  @Field(() => [CertificateCategoryTotal]) totalsByCategory: CertificateCategoryTotal[];
  @Field() issuerName: string;
  @Field(() => String, { nullable: true }) personInCharge: string | null;
  @Field() handler: string;
  @Field() notes: string;
}

export enum ServiceSource {
  NEED = 'NEED',
  ACTIVITY = 'ACTIVITY',
  VISIT = 'VISIT',
}
registerEnumType(ServiceSource, {
  name: 'ServiceSource',
  description: '服务记录来源',
  valuesMap: { NEED: { description: '居民需求' }, ACTIVITY: { description: '项目活动' }, VISIT: { description: '探访关爱' } },
});

@ObjectType('ServiceRecord', { description: '志愿服务记录 (docs/design.md §6.2), written when a service is confirmed' })
export class ServiceRecord {
  @Field(() => ID) id: string;
  @Field() recordNo: string;
  @Field(() => ID, { nullable: true, description: 'The need served; null for a project activity or a care visit' }) needId: string | null;
  @Field(() => ServiceSource, { description: 'What the service was: a need, a project activity or a care visit' }) source: ServiceSource;
  @Field() content: string;
  @Field() category: string;
  @Field({ description: 'Community where the service took place' }) place: string;
  @Field() startedAt: Date;
  @Field() endedAt: Date;
  @Field(() => Int) minutes: number;
  @Field({ description: 'Part of a group activity (hours donate-only)' }) groupActivity: boolean;
  @Field({ description: 'Its EARN was reversed (冲正): it no longer counts toward hours or certificates' }) reversed: boolean;
  @Field() confirmedAt: Date;
  @Field(() => String, { nullable: true, description: 'Beneficiary, masked (王*); null for a project activity (it serves many)' }) beneficiary: string | null;
}

export const ServiceRecordConnection = ConnectionType(ServiceRecord, 'ServiceRecord');
