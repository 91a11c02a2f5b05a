var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Injectable } from '@nestjs/common';
import { badInput } from '../common/errors.js';
import { ServiceConfirmationHooks } from '../common/service-confirmed.js';
import { LedgerRepository } from './ledger.repository.js';
import { ServiceRecordsRepository } from './service-records.repository.js';
import { ledgerErrors } from './time-bank.errors.js';
import { splitAtCap } from './time-bank-policy.js';
import { legs } from './time-bank.service.js';
import { CATEGORY_LABEL } from '../needs/need.model.js';
/** A service record is a document people read: it keeps the category's Chinese name (养老助老), not its code. */
export const categoryLabel = (category) => CATEGORY_LABEL[category] ?? category;
/** Longest service one confirmation may credit (a day). */
export const MAX_SERVICE_MINUTES = 24 * 60;
/**
 * EARN on confirmation (DESIGN.md §6.1–6.2): inside the confirming transaction, the service record is written
 * and the confirmed minutes are posted from the street's issuance account to the volunteer. Any failure here
 * fails the confirmation.
 */
let EarnOnConfirmation = class EarnOnConfirmation {
    hooks;
    ledger;
    records;
    constructor(hooks, ledger, records) {
        this.hooks = hooks;
        this.ledger = ledger;
        this.records = records;
    }
    onModuleInit() {
        this.hooks.register(this);
    }
    async onServiceConfirmed(m, s) {
        await earn(m, this.ledger, this.records, s);
    }
};
EarnOnConfirmation = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [ServiceConfirmationHooks,
        LedgerRepository,
        ServiceRecordsRepository])
], EarnOnConfirmation);
export { EarnOnConfirmation };
/** Also used by the demo seed, which runs without Nest. Returns the EARN transaction id. */
export async function earn(m, ledger, records, s) {
    if (!Number.isInteger(s.minutes) || s.minutes < 1 || s.minutes > MAX_SERVICE_MINUTES)
        throw badInput('minutes', `服务时长须为 1–${MAX_SERVICE_MINUTES} 的整数分钟`);
    const source = s.source ?? 'NEED';
    const sourceId = s.sourceId ?? s.needId;
    if (!sourceId)
        throw new Error('a confirmed service names its source');
    if (await records.recordOfSource(m, source, sourceId, s.volunteerId))
        throw ledgerErrors.alreadyEarned();
    const community = await ledger.ancestorAt(m, s.gridId, 'COMMUNITY');
    const street = await ledger.ancestorAt(m, s.gridId, 'STREET');
    if (!community || !street)
        throw badInput('gridId', '服务所在网格不在社区之下');
    // Volunteer statistics first: the ledger's own locks come last in this transaction.
    await records.addVerifiedMinutes(m, s.volunteerId, s.minutes);
    const recordId = await records.insertRecord(m, {
        source, sourceId, needId: source === 'NEED' ? sourceId : null, volunteerId: s.volunteerId, volunteerPersonId: s.volunteerPersonId, beneficiaryPersonId: s.beneficiaryPersonId,
        gridId: s.gridId, communityId: community, title: s.title, category: categoryLabel(s.category), startedAt: s.startedAt, endedAt: s.endedAt,
        minutes: s.minutes, groupActivity: s.groupActivity ?? false, verifierId: s.confirmedBy, confirmedAt: s.confirmedAt,
    });
    const issuanceId = await ledger.systemAccountId(m, 'ISSUANCE', street);
    const volunteerAccountId = await ledger.personAccountId(m, s.volunteerPersonId, community);
    const [account] = await ledger.accountsByIds([volunteerAccountId], m);
    const policy = await ledger.policyFor(m, account.regionId);
    const poolId = await ledger.systemAccountId(m, 'COMMUNITY_POOL', account.regionId);
    const locked = await ledger.lockAccounts(m, [issuanceId, volunteerAccountId, poolId]);
    const { kept, overflow } = splitAtCap(locked.get(volunteerAccountId).balance, s.minutes, policy.balanceCapMinutes);
    const donateOnly = s.groupActivity && policy.groupHoursDonateOnly ? kept : 0;
    return ledger.append(m, {
        kind: 'EARN', regionId: community, memo: s.title.slice(0, 200), sourceType: 'SERVICE_RECORD', sourceId: recordId, initiatorId: s.confirmedBy,
        legs: legs([issuanceId, -s.minutes], [volunteerAccountId, kept], [poolId, overflow]),
        donateOnly: new Map([[volunteerAccountId, donateOnly]]),
    }, locked);
}
//# sourceMappingURL=earn.listener.js.map