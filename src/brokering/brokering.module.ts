import { Module } from '@nestjs/common';
import { CharityModule } from '../charity/charity.module.js';
import { MatchingModule } from '../matching/matching.module.js';
import { NeedsModule } from '../needs/needs.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { ResourcesModule } from '../resources/resources.module.js';
import { BrokeringRepository } from './brokering.repository.js';
import {
  BrokeringResolver,
  DemandGroupResolver,
  NeedBookingsResolver,
  ResourceBookingResolver,
  ResourceCalendarResolver,
  ResourceGapResolver,
} from './brokering.resolver.js';
import { BrokeringService } from './brokering.service.js';

/** Three-list brokering 三项清单对接 (docs/brokering.md). */
@Module({
  imports: [NeedsModule, ResourcesModule, RegionsModule, MatchingModule, CharityModule, ProjectsModule],
  providers: [
    BrokeringRepository,
    BrokeringService,
    BrokeringResolver,
    DemandGroupResolver,
    ResourceGapResolver,
    ResourceBookingResolver,
    NeedBookingsResolver,
    ResourceCalendarResolver,
  ],
})
export class BrokeringModule {}
