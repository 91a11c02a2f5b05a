var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module.js';
import { ScopeModule } from '../scope/scope.module.js';
import { StatisticsController } from './statistics.controller.js';
import { StatisticsRepository } from './statistics.repository.js';
import { StatisticsResolver } from './statistics.resolver.js';
import { StatisticsScheduler } from './statistics.scheduler.js';
import { StatisticsService } from './statistics.service.js';
/** Statistics 统计 (docs/statistics.md): regionStats, public figures, CSV export, region attributes, the daily rollup. */
let StatisticsModule = class StatisticsModule {
};
StatisticsModule = __decorate([
    Module({
        imports: [RegionsModule, ScopeModule],
        controllers: [StatisticsController],
        providers: [StatisticsRepository, StatisticsService, StatisticsResolver, StatisticsScheduler],
        exports: [StatisticsService, StatisticsRepository],
    })
], StatisticsModule);
export { StatisticsModule };
//# sourceMappingURL=statistics.module.js.map