import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module.js';
import { ScopeModule } from '../scope/scope.module.js';
import { StatisticsController } from './statistics.controller.js';
import { StatisticsRepository } from './statistics.repository.js';
import { StatisticsResolver } from './statistics.resolver.js';
import { StatisticsScheduler } from './statistics.scheduler.js';
import { StatisticsService } from './statistics.service.js';

/** Statistics 统计 (docs/statistics.md): regionStats, public figures, CSV export, region attributes, the daily rollup. */
@Module({
  imports: [RegionsModule, ScopeModule],
  controllers: [StatisticsController],
  providers: [StatisticsRepository, StatisticsService, StatisticsResolver, StatisticsScheduler],
  exports: [StatisticsService, StatisticsRepository],
})
export class StatisticsModule {}
