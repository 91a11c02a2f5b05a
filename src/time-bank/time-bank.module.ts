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

/** 时间银行 (docs/design.md §6): ledger, member operations, EARN on confirmation, records and certificates. */
@Module({
  imports: [NeedsModule, VolunteersModule],
  providers: [
    LedgerRepository,
    ServiceRecordsRepository,
    TimeBankService,
    VerifyLedgerService,
    CertificatesService,
    EarnOnConfirmation,
    ExpiryService,
    LedgerDigestService,
    TimeBankResolver,
  ],
  exports: [TimeBankService, VerifyLedgerService, ExpiryService, LedgerDigestService, LedgerRepository],
})
export class TimeBankModule {}
