var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.js';
import { PiiCipher } from './pii-cipher.js';
let PrivacyModule = class PrivacyModule {
};
PrivacyModule = __decorate([
    Global(),
    Module({
        providers: [{ provide: PiiCipher, inject: [APP_CONFIG], useFactory: (config) => new PiiCipher(config.piiKey) }],
        exports: [PiiCipher],
    })
], PrivacyModule);
export { PrivacyModule };
//# sourceMappingURL=privacy.module.js.map