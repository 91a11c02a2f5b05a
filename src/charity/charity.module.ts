import { PeopleModule } from '../people/people.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { Module } from '@nestjs/common';
import { NeedsModule } from '../needs/needs.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { CharityRepository } from './charity.repository.js';
import { CharityResolver, PersonGoodsResolver } from './charity.resolver.js';
import { CharityService } from './charity.service.js';

@Module({
  imports: [RegionsModule, PeopleModule, OrganizationsModule, NeedsModule],
  providers: [CharityRepository, CharityService, CharityResolver, PersonGoodsResolver],
  exports: [CharityRepository, CharityService],
})
export class CharityModule {}
