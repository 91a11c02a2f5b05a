import { PeopleModule } from '../people/people.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module.js';
import { CharityRepository } from './charity.repository.js';
import { CharityResolver } from './charity.resolver.js';
import { CharityService } from './charity.service.js';

@Module({
  imports: [RegionsModule, PeopleModule, OrganizationsModule],
  providers: [CharityRepository, CharityService, CharityResolver],
  exports: [CharityRepository, CharityService],
})
export class CharityModule {}
