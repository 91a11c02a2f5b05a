import { OrganizationsModule } from '../organizations/organizations.module.js';
import { VolunteerHooks } from './volunteer-hooks.js';
import { VolunteerLoaders } from './volunteers.loaders.js';
import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { VolunteerTeamsService } from './volunteer-teams.service.js';
import { VolunteerVettingRepository } from './volunteer-vetting.repository.js';
import { VolunteerVettingResolver } from './volunteer-vetting.resolver.js';
import { VolunteerVettingService } from './volunteer-vetting.service.js';
import { VolunteersRepository } from './volunteers.repository.js';
import { PersonVolunteerResolver, VolunteersResolver, VolunteerTeamMemberResolver, VolunteerTeamsResolver } from './volunteers.resolver.js';
import { VolunteersService } from './volunteers.service.js';

@Module({
  imports: [PeopleModule, RegionsModule, OrganizationsModule],
  providers: [
    VolunteersRepository,
    VolunteersService,
    VolunteerTeamsService,
    VolunteersResolver,
    VolunteerTeamsResolver,
    VolunteerTeamMemberResolver,
    PersonVolunteerResolver,
    VolunteerVettingRepository,
    VolunteerVettingService,
    VolunteerVettingResolver,
    VolunteerLoaders,
    VolunteerHooks,
  ],
  exports: [VolunteersRepository, VolunteersService, VolunteerLoaders, VolunteerHooks],
})
export class VolunteersModule {}
