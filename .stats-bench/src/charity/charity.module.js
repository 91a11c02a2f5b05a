var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module.js';
import { CharityRepository } from './charity.repository.js';
import { CharityResolver } from './charity.resolver.js';
import { CharityService } from './charity.service.js';
let CharityModule = class CharityModule {
};
CharityModule = __decorate([
    Module({
        imports: [RegionsModule],
        providers: [CharityRepository, CharityService, CharityResolver],
        exports: [CharityRepository, CharityService],
    })
], CharityModule);
export { CharityModule };
//# sourceMappingURL=charity.module.js.map