import { RegionLoaders } from './regions.loaders.js';
import { Module } from '@nestjs/common';
import { RegionsRepository } from './regions.repository.js';
import { RegionsResolver } from './regions.resolver.js';
import { RegionsService } from './regions.service.js';

@Module({
  providers: [RegionsRepository, RegionsService, RegionsResolver, RegionLoaders],
  exports: [RegionsRepository, RegionsService, RegionLoaders],
})
export class RegionsModule {}
