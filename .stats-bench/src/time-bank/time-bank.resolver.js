var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { badInput } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { decodeCursor, PageArgs, toConnection } from '../common/graphql/connection.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor, Public } from '../scope/scope.decorators.js';
import { CertificatesService } from './certificates.service.js';
import { LedgerRepository } from './ledger.repository.js';
import { ServiceRecordsRepository } from './service-records.repository.js';
import { DonateMinutesInput, GrantMinutesInput, ReverseTransactionInput, SpendMinutesInput, TimeBankPolicyInput, TransferMinutesInput } from './time-bank.input.js';
import { Certificate, ExpiryNotice, ServiceRecordConnection, LedgerEntryConnection, LedgerTransaction, LedgerVerification, MonthlyStatement, TimeAccount, TimeBankPolicyModel, } from './time-bank.model.js';
import { TimeBankService } from './time-bank.service.js';
import { buildStatement, monthRange, toAccount, toCertificate, toEntry, toServiceRecord, toTransaction } from './time-bank.view.js';
import { VerifyLedgerService } from './verify-ledger.service.js';
let TimeBankResolver = class TimeBankResolver {
    bank;
    verifier;
    certificates;
    ledger;
    records;
    constructor(bank, verifier, certificates, ledger, records) {
        this.bank = bank;
        this.verifier = verifier;
        this.certificates = certificates;
        this.ledger = ledger;
        this.records = records;
    }
    async myAccount(actor) {
        return toAccount(await this.bank.myAccount(actor), actor.personId);
    }
    async account(actor, id) {
        const a = await this.bank.account(actor, id);
        return a ? toAccount(a, actor.personId) : null;
    }
    async personAccount(actor, personId) {
        const a = await this.bank.accountOf(actor, 'PERSON', personId);
        return a ? toAccount(a, actor.personId) : null;
    }
    async communityPool(actor, communityId) {
        const a = await this.bank.accountOf(actor, 'COMMUNITY_POOL', communityId);
        return a ? toAccount(a, actor.personId) : null;
    }
    async ledgerTransaction(actor, id) {
        const t = await this.bank.transaction(actor, id);
        return t ? toTransaction(t, actor.personId) : null;
    }
    async entries(account, page) {
        const before = page.after ? Number(decodeCursor(page.after, 1)[0]) : null;
        if (before !== null && !Number.isSafeInteger(before))
            throw badInput('after', '分页游标无效');
        const [rows, total] = await Promise.all([this.ledger.entries(account.id, page.first + 1, before), this.ledger.entryCount(account.id)]);
        return toConnection(rows, page.first, total, (r) => [r.postingId], toEntry);
    }
    expiryNotices(account) {
        return this.ledger.expiryNotices(account.id);
    }
    async statement(account, month) {
        const range = monthRange(month);
        if (!range)
            throw badInput('month', '月份格式应为 YYYY-MM');
        const [opening, rows] = await Promise.all([this.ledger.balanceBefore(account.id, range.from), this.ledger.entriesBetween(account.id, range.from, range.to)]);
        return buildStatement(month, opening, rows);
    }
    async transferMinutes(actor, input) {
        return toTransaction(await this.bank.transfer(actor, input), actor.personId);
    }
    async donateMinutes(actor, input) {
        return toTransaction(await this.bank.donate(actor, input), actor.personId);
    }
    async grantMinutes(actor, input) {
        return toTransaction(await this.bank.grant(actor, input), actor.personId);
    }
    async spendMinutes(actor, input) {
        return toTransaction(await this.bank.spend(actor, input), actor.personId);
    }
    async reverseTransaction(actor, input) {
        return toTransaction(await this.bank.reverse(actor, input), actor.personId);
    }
    verifyLedger(actor, regionId) {
        return this.verifier.verify(actor, regionId);
    }
    timeBankPolicy(actor, regionId) {
        return this.bank.policy(actor, regionId);
    }
    setTimeBankPolicy(actor, regionId, input) {
        return this.bank.setPolicy(actor, regionId, input);
    }
    async myServiceRecords(actor, page) {
        let before = null;
        if (page.after) {
            const [at, id] = decodeCursor(page.after, 2);
            if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || !isUuid(id))
                throw badInput('after', '分页游标无效');
            before = [at, id];
        }
        const [rows, total] = await Promise.all([this.records.recordsOf(actor.personId, page.first + 1, before), this.records.recordCount(actor.personId)]);
        return toConnection(rows, page.first, total, (r) => [r.cursorAt, r.id], toServiceRecord);
    }
    async issueCertificate(actor, from, to) {
        return toCertificate(await this.certificates.issue(actor, from, to));
    }
    async verifyCertificate(code) {
        const c = await this.certificates.verify(code);
        return c ? toCertificate(c) : null;
    }
};
__decorate([
    Authorize(Permission.SELF),
    Query(() => TimeAccount, { description: '我的时间账户 (opened on first use)' }),
    __param(0, CurrentActor()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor]),
    __metadata("design:returntype", Promise)
], TimeBankResolver.prototype, "myAccount", null);
__decorate([
    Authorize(Permission.SELF, Permission.ACCOUNT_READ),
    Query(() => TimeAccount, { nullable: true, description: 'An account: its holder, or staff whose scope holds its community' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], TimeBankResolver.prototype, "account", null);
__decorate([
    Authorize(Permission.SELF, Permission.ACCOUNT_READ),
    Query(() => TimeAccount, { nullable: true, description: 'A person\'s account (themselves, or staff in scope); null if none has been opened' }),
    __param(0, CurrentActor()),
    __param(1, Args('personId', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], TimeBankResolver.prototype, "personAccount", null);
__decorate([
    Authorize(Permission.ACCOUNT_READ),
    Query(() => TimeAccount, { nullable: true, description: 'The pool 爱心池 of a community (staff in scope)' }),
    __param(0, CurrentActor()),
    __param(1, Args('communityId', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], TimeBankResolver.prototype, "communityPool", null);
__decorate([
    Authorize(Permission.SELF, Permission.ACCOUNT_READ),
    Query(() => LedgerTransaction, { nullable: true, description: 'A transaction: to its parties and to staff of its region' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], TimeBankResolver.prototype, "ledgerTransaction", null);
__decorate([
    ResolveField(() => LedgerEntryConnection, { description: 'Entries newest first, with running balance' }),
    __param(0, Parent()),
    __param(1, Args()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [TimeAccount, PageArgs]),
    __metadata("design:returntype", Promise)
], TimeBankResolver.prototype, "entries", null);
__decorate([
    ResolveField(() => [ExpiryNotice], { description: 'Notices of minutes about to expire (only where the region has an expiry policy)' }),
    __param(0, Parent()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [TimeAccount]),
    __metadata("design:returntype", Promise)
], TimeBankResolver.prototype, "expiryNotices", null);
__decorate([
    ResolveField(() => MonthlyStatement, { description: '月度对账单, with CSV export' }),
    __param(0, Parent()),
    __param(1, Args('month', { description: 'YYYY-MM' })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [TimeAccount, String]),
    __metadata("design:returntype", Promise)
], TimeBankResolver.prototype, "statement", null);
__decorate([
    Authorize(Permission.SELF),
    Mutation(() => LedgerTransaction, { description: '亲属转赠: to a registered relative, within the daily/yearly caps' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, TransferMinutesInput]),
    __metadata("design:returntype", Promise)
], TimeBankResolver.prototype, "transferMinutes", null);
__decorate([
    Authorize(Permission.SELF),
    Mutation(() => LedgerTransaction, { description: '捐赠: to the pool 爱心池 of the caller\'s community' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, DonateMinutesInput]),
    __metadata("design:returntype", Promise)
], TimeBankResolver.prototype, "donateMinutes", null);
__decorate([
    Authorize(Permission.POOL_GRANT),
    Mutation(() => LedgerTransaction, { description: '爱心池发放: a community worker pays a resident in need from the community pool' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, GrantMinutesInput]),
    __metadata("design:returntype", Promise)
], TimeBankResolver.prototype, "grantMinutes", null);
__decorate([
    Authorize(Permission.SELF),
    Mutation(() => LedgerTransaction, { description: '兑换服务: pay hours for a service received (from the redemption age)' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, SpendMinutesInput]),
    __metadata("design:returntype", Promise)
], TimeBankResolver.prototype, "spendMinutes", null);
__decorate([
    Authorize(Permission.LEDGER_REVERSE),
    Mutation(() => LedgerTransaction, { description: '冲正: the mirror of an earlier transaction, with a reason; the original stays' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, ReverseTransactionInput]),
    __metadata("design:returntype", Promise)
], TimeBankResolver.prototype, "reverseTransaction", null);
__decorate([
    Authorize(Permission.LEDGER_VERIFY),
    Query(() => LedgerVerification, { description: '核验账本: hash chain, double entry, balances; regionId null = whole ledger (system admin)' }),
    __param(0, CurrentActor()),
    __param(1, Args('regionId', { type: () => ID, nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, Object]),
    __metadata("design:returntype", Promise)
], TimeBankResolver.prototype, "verifyLedger", null);
__decorate([
    Authorize(Permission.LOGGED_IN),
    Query(() => TimeBankPolicyModel, { description: 'The time bank rules in force in a region' }),
    __param(0, CurrentActor()),
    __param(1, Args('regionId', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], TimeBankResolver.prototype, "timeBankPolicy", null);
__decorate([
    Authorize(Permission.TIME_BANK_POLICY_SET),
    Mutation(() => TimeBankPolicyModel, { description: 'Sets rules for a region and everything under it (unset fields inherit)' }),
    __param(0, CurrentActor()),
    __param(1, Args('regionId', { type: () => ID })),
    __param(2, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, TimeBankPolicyInput]),
    __metadata("design:returntype", Promise)
], TimeBankResolver.prototype, "setTimeBankPolicy", null);
__decorate([
    Authorize(Permission.SELF),
    Query(() => ServiceRecordConnection, { description: '我的志愿服务记录, newest first' }),
    __param(0, CurrentActor()),
    __param(1, Args()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, PageArgs]),
    __metadata("design:returntype", Promise)
], TimeBankResolver.prototype, "myServiceRecords", null);
__decorate([
    Authorize(Permission.SELF),
    Mutation(() => Certificate, { description: '开具志愿服务证明 for the caller\'s confirmed services in [from, to)' }),
    __param(0, CurrentActor()),
    __param(1, Args('from')),
    __param(2, Args('to')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, Date, Date]),
    __metadata("design:returntype", Promise)
], TimeBankResolver.prototype, "issueCertificate", null);
__decorate([
    Public(),
    Query(() => Certificate, { nullable: true, description: '核验志愿服务证明 (no login): shows only what the certificate states' }),
    __param(0, Args('code')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], TimeBankResolver.prototype, "verifyCertificate", null);
TimeBankResolver = __decorate([
    Resolver(() => TimeAccount),
    __metadata("design:paramtypes", [TimeBankService,
        VerifyLedgerService,
        CertificatesService,
        LedgerRepository,
        ServiceRecordsRepository])
], TimeBankResolver);
export { TimeBankResolver };
//# sourceMappingURL=time-bank.resolver.js.map