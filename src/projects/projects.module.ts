import { Module } from '@nestjs/common';
import { CharityModule } from '../charity/charity.module.js';
import { MatchingModule } from '../matching/matching.module.js';
import { NeedsModule } from '../needs/needs.module.js';
import { NotificationBusModule } from '../notifications/notification-bus.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { PeopleModule } from '../people/people.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { ResourcesModule } from '../resources/resources.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { NeedProjectResolver, ProjectActivityResolver, ProjectApplicationResolver, ProjectEventResolver, ProjectsResolver } from './projects.resolver.js';
import { ProjectSignals } from './project-signals.js';
import { ProjectsRepository } from './projects.repository.js';
import { ProjectsService } from './projects.service.js';

/** Projects 民生项目, the third list (docs/projects.md). */
@Module({
  imports: [
    RegionsModule,
    OrganizationsModule,
    CharityModule,
    ResourcesModule,
    NeedsModule,
    VolunteersModule,
    MatchingModule,
    PeopleModule,
    NotificationBusModule,
  ],
  providers: [
    ProjectSignals,
    ProjectsRepository,
    ProjectsService,
    ProjectsResolver,
    ProjectEventResolver,
    ProjectActivityResolver,
    ProjectApplicationResolver,
    NeedProjectResolver,
  ],
  exports: [ProjectsService],
})
export class ProjectsModule {}
