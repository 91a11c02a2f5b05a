var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { RegionLoaders } from './regions.loaders.js';
import { Module } from '@nestjs/common';
import { RegionsRepository } from './regions.repository.js';
import { RegionsResolver } from './regions.resolver.js';
import { RegionsService } from './regions.service.js';
let RegionsModule = class RegionsModule {
};
RegionsModule = __decorate([
    Module({
        providers: [RegionsRepository, RegionsService, RegionsResolver, RegionLoaders],
        exports: [RegionsRepository, RegionsService, RegionLoaders],
    })
], RegionsModule);
export { RegionsModule };
//# sourceMappingURL=regions.module.js.map