var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Module } from '@nestjs/common';
import { NeedsModule } from '../needs/needs.module.js';
import { PeopleModule } from '../people/people.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { ScopeModule } from '../scope/scope.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { CareEnrollmentEventResolver, CareEnrollmentResolver, CareFollowUpResolver, CareVisitResolver, VisitorRateResolver, VisitRateResolver, VisitTaskResolver, } from './care-visits.resolver.js';
import { CareVisitsRepository } from './care-visits.repository.js';
import { CareVisitsScheduler } from './care-visits.scheduler.js';
import { CareVisitsService } from './care-visits.service.js';
import { VisitSignals } from './visit-signals.js';
/** Care visits 探访关爱 (docs/care-visits.md): rosters, visit rules, tasks, visits, follow-ups and the visit rate. */
let CareVisitsModule = class CareVisitsModule {
};
CareVisitsModule = __decorate([
    Module({
        imports: [PeopleModule, RegionsModule, ScopeModule, VolunteersModule, NeedsModule],
        providers: [
            CareVisitsRepository, CareVisitsService, CareVisitsScheduler, VisitSignals,
            CareEnrollmentResolver, CareEnrollmentEventResolver, VisitTaskResolver, CareVisitResolver, VisitRateResolver, VisitorRateResolver, CareFollowUpResolver,
        ],
        exports: [CareVisitsService, CareVisitsScheduler],
    })
], CareVisitsModule);
export { CareVisitsModule };
//# sourceMappingURL=care-visits.module.js.map