import { Module } from '@nestjs/common';
import { NeedsModule } from '../needs/needs.module.js';
import { NotificationBusModule } from '../notifications/notification-bus.module.js';
import { PeopleModule } from '../people/people.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { ScopeModule } from '../scope/scope.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import {
  CareEnrollmentEventResolver,
  CareEnrollmentResolver,
  CareFollowUpResolver,
  CareVisitResolver,
  VisitorRateResolver,
  VisitRateResolver,
  VisitTaskResolver,
} from './care-visits.resolver.js';
import { CareVisitsRepository } from './care-visits.repository.js';
import { CareVisitsScheduler } from './care-visits.scheduler.js';
import { CareVisitsService } from './care-visits.service.js';
import { VisitSignals } from './visit-signals.js';

/** Care visits 探访关爱 (docs/care-visits.md): rosters, visit rules, tasks, visits, follow-ups and the visit rate. */
@Module({
  imports: [PeopleModule, RegionsModule, ScopeModule, VolunteersModule, NeedsModule, NotificationBusModule],
  providers: [
    CareVisitsRepository,
    CareVisitsService,
    CareVisitsScheduler,
    VisitSignals,
    CareEnrollmentResolver,
    CareEnrollmentEventResolver,
    VisitTaskResolver,
    CareVisitResolver,
    VisitRateResolver,
    VisitorRateResolver,
    CareFollowUpResolver,
  ],
  exports: [CareVisitsService, CareVisitsScheduler],
})
export class CareVisitsModule {}
