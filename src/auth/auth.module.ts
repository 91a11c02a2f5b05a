import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { PhoneVerificationRepository } from './phone-verification.repository.js';
import { PhoneVerificationService } from './phone-verification.service.js';
import { SMS_SENDER, smsSenderFor } from './sms-sender.js';
import { RequestThrottlePurge } from '../common/request-throttle.js';

@Module({
  imports: [PeopleModule, RegionsModule],
  providers: [
    AuthService,
    AuthResolver,
    PhoneVerificationRepository,
    PhoneVerificationService,
    RequestThrottlePurge,
    { provide: SMS_SENDER, inject: [APP_CONFIG], useFactory: (config: AppConfig) => smsSenderFor(config) },
  ],
  exports: [AuthService],
})
export class AuthModule {}
