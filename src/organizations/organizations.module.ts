import { OrganizationLoaders } from './organizations.loaders.js';
import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { OrganizationsRepository } from './organizations.repository.js';
import { OrganizationMemberResolver, OrganizationsResolver } from './organizations.resolver.js';
import { OrganizationsService } from './organizations.service.js';

@Module({
  imports: [PeopleModule, RegionsModule],
  providers: [OrganizationsRepository, OrganizationsService, OrganizationsResolver, OrganizationMemberResolver, OrganizationLoaders],
  exports: [OrganizationsRepository, OrganizationsService, OrganizationLoaders],
})
export class OrganizationsModule {}
