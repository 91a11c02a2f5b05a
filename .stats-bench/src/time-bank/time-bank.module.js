var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Module } from '@nestjs/common';
import { NeedsModule } from '../needs/needs.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { CertificatesService } from './certificates.service.js';
import { EarnOnConfirmation } from './earn.listener.js';
import { ExpiryService } from './expiry.service.js';
import { LedgerDigestService } from './ledger-digest.service.js';
import { LedgerRepository } from './ledger.repository.js';
import { ServiceRecordsRepository } from './service-records.repository.js';
import { TimeBankResolver } from './time-bank.resolver.js';
import { TimeBankService } from './time-bank.service.js';
import { VerifyLedgerService } from './verify-ledger.service.js';
/** 时间银行 (DESIGN.md §6): ledger, member operations, EARN on confirmation, records and certificates. */
let TimeBankModule = class TimeBankModule {
};
TimeBankModule = __decorate([
    Module({
        imports: [NeedsModule, VolunteersModule],
        providers: [LedgerRepository, ServiceRecordsRepository, TimeBankService, VerifyLedgerService, CertificatesService, EarnOnConfirmation, ExpiryService, LedgerDigestService, TimeBankResolver],
        exports: [TimeBankService, VerifyLedgerService, ExpiryService, LedgerDigestService, LedgerRepository],
    })
], TimeBankModule);
export { TimeBankModule };
//# sourceMappingURL=time-bank.module.js.map