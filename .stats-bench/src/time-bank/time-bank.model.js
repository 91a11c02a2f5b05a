var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../common/graphql/connection.js';
export var LedgerKindEnum;
(function (LedgerKindEnum) {
    LedgerKindEnum["EARN"] = "EARN";
    LedgerKindEnum["SPEND"] = "SPEND";
    LedgerKindEnum["TRANSFER"] = "TRANSFER";
    LedgerKindEnum["DONATE"] = "DONATE";
    LedgerKindEnum["GRANT"] = "GRANT";
    LedgerKindEnum["EXPIRE"] = "EXPIRE";
    LedgerKindEnum["REVERSAL"] = "REVERSAL";
})(LedgerKindEnum || (LedgerKindEnum = {}));
registerEnumType(LedgerKindEnum, {
    name: 'LedgerKind',
    valuesMap: {
        EARN: { description: '服务获得' }, SPEND: { description: '兑换服务' }, TRANSFER: { description: '亲属转赠' }, DONATE: { description: '捐赠爱心池' },
        GRANT: { description: '爱心池发放' }, EXPIRE: { description: '过期' }, REVERSAL: { description: '冲正' },
    },
});
export var AccountKindEnum;
(function (AccountKindEnum) {
    AccountKindEnum["PERSON"] = "PERSON";
    AccountKindEnum["ORGANIZATION"] = "ORGANIZATION";
    AccountKindEnum["COMMUNITY_POOL"] = "COMMUNITY_POOL";
    AccountKindEnum["ISSUANCE"] = "ISSUANCE";
    AccountKindEnum["EXPIRY_SINK"] = "EXPIRY_SINK";
    AccountKindEnum["REDEMPTION_SINK"] = "REDEMPTION_SINK";
})(AccountKindEnum || (AccountKindEnum = {}));
registerEnumType(AccountKindEnum, {
    name: 'TimeAccountKind',
    valuesMap: {
        PERSON: { description: '个人账户' }, ORGANIZATION: { description: '组织账户' }, COMMUNITY_POOL: { description: '社区爱心池' },
        ISSUANCE: { description: '街道发行账户 (negative balance = hours ever minted)' }, EXPIRY_SINK: { description: '过期回收账户' }, REDEMPTION_SINK: { description: '兑换账户' },
    },
});
let LedgerEntry = class LedgerEntry {
    id;
    transactionId;
    kind;
    amountMinutes;
    balanceAfterMinutes;
    memo;
    counterparty;
    at;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], LedgerEntry.prototype, "id", void 0);
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], LedgerEntry.prototype, "transactionId", void 0);
__decorate([
    Field(() => LedgerKindEnum),
    __metadata("design:type", String)
], LedgerEntry.prototype, "kind", void 0);
__decorate([
    Field(() => Int, { description: '+ credit / − debit, minutes' }),
    __metadata("design:type", Number)
], LedgerEntry.prototype, "amountMinutes", void 0);
__decorate([
    Field(() => Int, { description: 'Balance after this entry (running balance)' }),
    __metadata("design:type", Number)
], LedgerEntry.prototype, "balanceAfterMinutes", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], LedgerEntry.prototype, "memo", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'The other side: a masked name (王*) or a community account' }),
    __metadata("design:type", Object)
], LedgerEntry.prototype, "counterparty", void 0);
__decorate([
    Field(),
    __metadata("design:type", Date)
], LedgerEntry.prototype, "at", void 0);
LedgerEntry = __decorate([
    ObjectType('LedgerEntry', { description: '账户流水: one posting of a transaction on this account' })
], LedgerEntry);
export { LedgerEntry };
export const LedgerEntryConnection = ConnectionType(LedgerEntry, 'LedgerEntry');
let MonthlyStatement = class MonthlyStatement {
    month;
    openingBalanceMinutes;
    creditMinutes;
    debitMinutes;
    closingBalanceMinutes;
    entries;
    csv;
};
__decorate([
    Field({ description: 'YYYY-MM' }),
    __metadata("design:type", String)
], MonthlyStatement.prototype, "month", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], MonthlyStatement.prototype, "openingBalanceMinutes", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], MonthlyStatement.prototype, "creditMinutes", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], MonthlyStatement.prototype, "debitMinutes", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], MonthlyStatement.prototype, "closingBalanceMinutes", void 0);
__decorate([
    Field(() => [LedgerEntry], { description: 'Oldest first' }),
    __metadata("design:type", Array)
], MonthlyStatement.prototype, "entries", void 0);
__decorate([
    Field({ description: 'The statement as CSV (UTF-8 with BOM, for spreadsheets)' }),
    __metadata("design:type", String)
], MonthlyStatement.prototype, "csv", void 0);
MonthlyStatement = __decorate([
    ObjectType('MonthlyStatement', { description: '月度对账单 (month in China Standard Time)' })
], MonthlyStatement);
export { MonthlyStatement };
let TimeAccount = class TimeAccount {
    id;
    kind;
    balanceMinutes;
    donateOnlyMinutes;
    floorMinutes;
    holder;
    regionId;
    regionName;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], TimeAccount.prototype, "id", void 0);
__decorate([
    Field(() => AccountKindEnum),
    __metadata("design:type", String)
], TimeAccount.prototype, "kind", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], TimeAccount.prototype, "balanceMinutes", void 0);
__decorate([
    Field(() => Int, { description: 'Part of the balance from group activities: may only be donated' }),
    __metadata("design:type", Number)
], TimeAccount.prototype, "donateOnlyMinutes", void 0);
__decorate([
    Field(() => Int, { nullable: true, description: 'Lowest allowed balance; null = none (issuance)' }),
    __metadata("design:type", Object)
], TimeAccount.prototype, "floorMinutes", void 0);
__decorate([
    Field({ description: 'Owner (masked unless it is the viewer) or the community account name' }),
    __metadata("design:type", String)
], TimeAccount.prototype, "holder", void 0);
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], TimeAccount.prototype, "regionId", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], TimeAccount.prototype, "regionName", void 0);
TimeAccount = __decorate([
    ObjectType('TimeAccount', { description: '时间账户 (integer minutes; 60 minutes = 1 时间币)' })
], TimeAccount);
export { TimeAccount };
let ExpiryNotice = class ExpiryNotice {
    minutes;
    settledMinutes;
    expiresOn;
    createdAt;
};
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ExpiryNotice.prototype, "minutes", void 0);
__decorate([
    Field(() => Int, { description: 'Of these, minutes already expired or no longer due (used in time)' }),
    __metadata("design:type", Number)
], ExpiryNotice.prototype, "settledMinutes", void 0);
__decorate([
    Field({ description: 'YYYY-MM-DD: not before this day, and not before expiryNoticeDays after the notice' }),
    __metadata("design:type", String)
], ExpiryNotice.prototype, "expiresOn", void 0);
__decorate([
    Field({ description: 'When the notice was given' }),
    __metadata("design:type", Date)
], ExpiryNotice.prototype, "createdAt", void 0);
ExpiryNotice = __decorate([
    ObjectType('ExpiryNotice', { description: '时长到期提醒' })
], ExpiryNotice);
export { ExpiryNotice };
let LedgerPosting = class LedgerPosting {
    accountId;
    accountKind;
    amountMinutes;
    holder;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], LedgerPosting.prototype, "accountId", void 0);
__decorate([
    Field(() => AccountKindEnum),
    __metadata("design:type", String)
], LedgerPosting.prototype, "accountKind", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], LedgerPosting.prototype, "amountMinutes", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], LedgerPosting.prototype, "holder", void 0);
LedgerPosting = __decorate([
    ObjectType('LedgerPosting')
], LedgerPosting);
export { LedgerPosting };
let LedgerTransaction = class LedgerTransaction {
    id;
    sequence;
    kind;
    memo;
    reason;
    reversesId;
    reversedById;
    postings;
    overflowMinutes;
    createdAt;
    hash;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], LedgerTransaction.prototype, "id", void 0);
__decorate([
    Field(() => Int, { description: 'Position in the hash chain' }),
    __metadata("design:type", Number)
], LedgerTransaction.prototype, "sequence", void 0);
__decorate([
    Field(() => LedgerKindEnum),
    __metadata("design:type", String)
], LedgerTransaction.prototype, "kind", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], LedgerTransaction.prototype, "memo", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'Reason of a reversal' }),
    __metadata("design:type", Object)
], LedgerTransaction.prototype, "reason", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'The transaction this one reverses' }),
    __metadata("design:type", Object)
], LedgerTransaction.prototype, "reversesId", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'The reversal of this transaction, if any' }),
    __metadata("design:type", Object)
], LedgerTransaction.prototype, "reversedById", void 0);
__decorate([
    Field(() => [LedgerPosting]),
    __metadata("design:type", Array)
], LedgerTransaction.prototype, "postings", void 0);
__decorate([
    Field(() => Int, { description: 'Minutes that went to the community pool because the receiver reached the balance cap' }),
    __metadata("design:type", Number)
], LedgerTransaction.prototype, "overflowMinutes", void 0);
__decorate([
    Field(),
    __metadata("design:type", Date)
], LedgerTransaction.prototype, "createdAt", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], LedgerTransaction.prototype, "hash", void 0);
LedgerTransaction = __decorate([
    ObjectType('LedgerTransaction', { description: '记账交易: ≥ 2 postings summing to zero' })
], LedgerTransaction);
export { LedgerTransaction };
let LedgerVerification = class LedgerVerification {
    ok;
    checkedEntries;
    checkedAccounts;
    firstBadEntryId;
    sumOfBalances;
    problems;
};
__decorate([
    Field(),
    __metadata("design:type", Boolean)
], LedgerVerification.prototype, "ok", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], LedgerVerification.prototype, "checkedEntries", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], LedgerVerification.prototype, "checkedAccounts", void 0);
__decorate([
    Field(() => ID, { nullable: true }),
    __metadata("design:type", Object)
], LedgerVerification.prototype, "firstBadEntryId", void 0);
__decorate([
    Field(() => Int, { description: 'Sum of all balances (must be 0)' }),
    __metadata("design:type", Number)
], LedgerVerification.prototype, "sumOfBalances", void 0);
__decorate([
    Field(() => [String]),
    __metadata("design:type", Array)
], LedgerVerification.prototype, "problems", void 0);
LedgerVerification = __decorate([
    ObjectType('LedgerVerification', { description: '账本核验结果' })
], LedgerVerification);
export { LedgerVerification };
let TimeBankPolicyModel = class TimeBankPolicyModel {
    balanceCapMinutes;
    redemptionAge;
    hardshipRedemptionAge;
    relativesOnly;
    groupHoursDonateOnly;
    dailyTransferCapMinutes;
    yearlyTransferCapMinutes;
    expiryMonths;
    expiryNoticeDays;
    certificateSignatory;
};
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], TimeBankPolicyModel.prototype, "balanceCapMinutes", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], TimeBankPolicyModel.prototype, "redemptionAge", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], TimeBankPolicyModel.prototype, "hardshipRedemptionAge", void 0);
__decorate([
    Field(),
    __metadata("design:type", Boolean)
], TimeBankPolicyModel.prototype, "relativesOnly", void 0);
__decorate([
    Field(),
    __metadata("design:type", Boolean)
], TimeBankPolicyModel.prototype, "groupHoursDonateOnly", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], TimeBankPolicyModel.prototype, "dailyTransferCapMinutes", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], TimeBankPolicyModel.prototype, "yearlyTransferCapMinutes", void 0);
__decorate([
    Field(() => Int, { nullable: true, description: 'null = minutes never expire (default)' }),
    __metadata("design:type", Object)
], TimeBankPolicyModel.prototype, "expiryMonths", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], TimeBankPolicyModel.prototype, "expiryNoticeDays", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], TimeBankPolicyModel.prototype, "certificateSignatory", void 0);
TimeBankPolicyModel = __decorate([
    ObjectType('TimeBankPolicy', { description: '时间银行区域规则 (inherited from the nearest ancestor, then defaults)' })
], TimeBankPolicyModel);
export { TimeBankPolicyModel };
export var CertificateStatus;
(function (CertificateStatus) {
    CertificateStatus["VALID"] = "VALID";
    CertificateStatus["PARTIALLY_REVOKED"] = "PARTIALLY_REVOKED";
    CertificateStatus["REVOKED"] = "REVOKED";
})(CertificateStatus || (CertificateStatus = {}));
registerEnumType(CertificateStatus, {
    name: 'CertificateStatus',
    valuesMap: {
        VALID: { description: '有效: every service stated still stands' },
        PARTIALLY_REVOKED: { description: '部分撤销: the hours of some stated services were reversed (冲正) since issue' },
        REVOKED: { description: '已撤销: the hours of every stated service were reversed since issue' },
    },
});
let CertificateRecord = class CertificateRecord {
    recordNo;
    date;
    content;
    category;
    place;
    minutes;
    revoked;
};
__decorate([
    Field(),
    __metadata("design:type", String)
], CertificateRecord.prototype, "recordNo", void 0);
__decorate([
    Field({ description: 'YYYY-MM-DD' }),
    __metadata("design:type", String)
], CertificateRecord.prototype, "date", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], CertificateRecord.prototype, "content", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], CertificateRecord.prototype, "category", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], CertificateRecord.prototype, "place", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], CertificateRecord.prototype, "minutes", void 0);
__decorate([
    Field({ description: 'Its hours were reversed (冲正) after the certificate was issued' }),
    __metadata("design:type", Boolean)
], CertificateRecord.prototype, "revoked", void 0);
CertificateRecord = __decorate([
    ObjectType('CertificateRecord')
], CertificateRecord);
export { CertificateRecord };
let Certificate = class Certificate {
    certificateNo;
    code;
    issuedAt;
    periodFrom;
    periodTo;
    totalMinutes;
    status;
    revokedMinutes;
    validMinutes;
    volunteerName;
    idNumberMasked;
    volunteerNo;
    records;
    issuerName;
    personInCharge;
    handler;
    notes;
};
__decorate([
    Field(),
    __metadata("design:type", String)
], Certificate.prototype, "certificateNo", void 0);
__decorate([
    Field({ description: '验证码' }),
    __metadata("design:type", String)
], Certificate.prototype, "code", void 0);
__decorate([
    Field(),
    __metadata("design:type", Date)
], Certificate.prototype, "issuedAt", void 0);
__decorate([
    Field(),
    __metadata("design:type", Date)
], Certificate.prototype, "periodFrom", void 0);
__decorate([
    Field(),
    __metadata("design:type", Date)
], Certificate.prototype, "periodTo", void 0);
__decorate([
    Field(() => Int, { description: 'As stated at issue' }),
    __metadata("design:type", Number)
], Certificate.prototype, "totalMinutes", void 0);
__decorate([
    Field(() => CertificateStatus, { description: 'Derived when read: whether the stated services still stand' }),
    __metadata("design:type", String)
], Certificate.prototype, "status", void 0);
__decorate([
    Field(() => Int, { description: 'Minutes of stated services reversed since issue' }),
    __metadata("design:type", Number)
], Certificate.prototype, "revokedMinutes", void 0);
__decorate([
    Field(() => Int, { description: 'totalMinutes − revokedMinutes' }),
    __metadata("design:type", Number)
], Certificate.prototype, "validMinutes", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], Certificate.prototype, "volunteerName", void 0);
__decorate([
    Field(() => String, { nullable: true, description: '身份证号 (masked)' }),
    __metadata("design:type", Object)
], Certificate.prototype, "idNumberMasked", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Certificate.prototype, "volunteerNo", void 0);
__decorate([
    Field(() => [CertificateRecord]),
    __metadata("design:type", Array)
], Certificate.prototype, "records", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], Certificate.prototype, "issuerName", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Certificate.prototype, "personInCharge", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], Certificate.prototype, "handler", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], Certificate.prototype, "notes", void 0);
Certificate = __decorate([
    ObjectType('Certificate', { description: '志愿服务证明: only what the certificate states' })
], Certificate);
export { Certificate };
export var ServiceSource;
(function (ServiceSource) {
    ServiceSource["NEED"] = "NEED";
    ServiceSource["ACTIVITY"] = "ACTIVITY";
    ServiceSource["VISIT"] = "VISIT";
})(ServiceSource || (ServiceSource = {}));
registerEnumType(ServiceSource, {
    name: 'ServiceSource',
    description: '服务记录来源',
    valuesMap: { NEED: { description: '居民需求' }, ACTIVITY: { description: '项目活动' }, VISIT: { description: '探访关爱' } },
});
let ServiceRecord = class ServiceRecord {
    id;
    recordNo;
    needId;
    source;
    content;
    category;
    place;
    startedAt;
    endedAt;
    minutes;
    groupActivity;
    reversed;
    confirmedAt;
    beneficiary;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], ServiceRecord.prototype, "id", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], ServiceRecord.prototype, "recordNo", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'The need served; null for a project activity or a care visit' }),
    __metadata("design:type", Object)
], ServiceRecord.prototype, "needId", void 0);
__decorate([
    Field(() => ServiceSource, { description: 'What the service was: a need, a project activity or a care visit' }),
    __metadata("design:type", String)
], ServiceRecord.prototype, "source", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], ServiceRecord.prototype, "content", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], ServiceRecord.prototype, "category", void 0);
__decorate([
    Field({ description: 'Community where the service took place' }),
    __metadata("design:type", String)
], ServiceRecord.prototype, "place", void 0);
__decorate([
    Field(),
    __metadata("design:type", Date)
], ServiceRecord.prototype, "startedAt", void 0);
__decorate([
    Field(),
    __metadata("design:type", Date)
], ServiceRecord.prototype, "endedAt", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ServiceRecord.prototype, "minutes", void 0);
__decorate([
    Field({ description: 'Part of a group activity (hours donate-only)' }),
    __metadata("design:type", Boolean)
], ServiceRecord.prototype, "groupActivity", void 0);
__decorate([
    Field({ description: 'Its EARN was reversed (冲正): it no longer counts toward hours or certificates' }),
    __metadata("design:type", Boolean)
], ServiceRecord.prototype, "reversed", void 0);
__decorate([
    Field(),
    __metadata("design:type", Date)
], ServiceRecord.prototype, "confirmedAt", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'Beneficiary, masked (王*); null for a project activity (it serves many)' }),
    __metadata("design:type", Object)
], ServiceRecord.prototype, "beneficiary", void 0);
ServiceRecord = __decorate([
    ObjectType('ServiceRecord', { description: '志愿服务记录 (DESIGN.md §6.2), written when a service is confirmed' })
], ServiceRecord);
export { ServiceRecord };
export const ServiceRecordConnection = ConnectionType(ServiceRecord, 'ServiceRecord');
//# sourceMappingURL=time-bank.model.js.map