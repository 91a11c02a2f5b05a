var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Module } from '@nestjs/common';
import { MatchingModule } from '../matching/matching.module.js';
import { NotificationBusModule } from '../notifications/notification-bus.module.js';
import { PeopleModule } from '../people/people.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { NeedEffects } from './need-effects.js';
import { NeedEventResolver, NeedsResolver } from './needs.resolver.js';
import { NeedsRepository } from './needs.repository.js';
import { NeedsScheduler } from './needs.scheduler.js';
import { NeedsService } from './needs.service.js';
let NeedsModule = class NeedsModule {
};
NeedsModule = __decorate([
    Module({
        imports: [PeopleModule, RegionsModule, VolunteersModule, MatchingModule, NotificationBusModule],
        providers: [NeedsRepository, NeedEffects, NeedsService, NeedsScheduler, NeedsResolver, NeedEventResolver],
        exports: [NeedsService, NeedsRepository, NeedsScheduler],
    })
], NeedsModule);
export { NeedsModule };
//# sourceMappingURL=needs.module.js.map