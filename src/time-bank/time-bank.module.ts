import { Module } from '@nestjs/common';
import { CertificatesService } from './certificates.service.js';
import { EarnOnConfirmation } from './earn.listener.js';
import { ExpiryService } from './expiry.service.js';
import { LedgerRepository } from './ledger.repository.js';
import { ServiceRecordsRepository } from './service-records.repository.js';
import { TimeBankResolver } from './time-bank.resolver.js';
import { TimeBankService } from './time-bank.service.js';
import { VerifyLedgerService } from './verify-ledger.service.js';

/** 时间银行 (docs/design.md §6): ledger, member operations, EARN on confirmation, records and certificates. */
@Module({
  providers: [LedgerRepository, ServiceRecordsRepository, TimeBankService, VerifyLedgerService, CertificatesService, EarnOnConfirmation, ExpiryService, TimeBankResolver],
  exports: [TimeBankService, VerifyLedgerService, ExpiryService, LedgerRepository],
})
export class TimeBankModule {}
