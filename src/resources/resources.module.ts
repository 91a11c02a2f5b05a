import { Module } from '@nestjs/common';
import { CharityModule } from '../charity/charity.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { ResourcesRepository } from './resources.repository.js';
import { ResourcesResolver } from './resources.resolver.js';
import { ResourcesService } from './resources.service.js';

@Module({
  imports: [RegionsModule, VolunteersModule, OrganizationsModule, CharityModule],
  providers: [ResourcesRepository, ResourcesService, ResourcesResolver],
  exports: [ResourcesRepository],
})
export class ResourcesModule {}
