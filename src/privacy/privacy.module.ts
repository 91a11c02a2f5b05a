import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config.js';
import { PiiCipher } from './pii-cipher.js';

@Global()
@Module({
  providers: [{ provide: PiiCipher, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new PiiCipher(config.piiKey) }],
  exports: [PiiCipher],
})
export class PrivacyModule {}
