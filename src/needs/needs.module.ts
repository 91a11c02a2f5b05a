import { Module } from '@nestjs/common';
import { MatchingModule } from '../matching/matching.module.js';
import { NotificationBusModule } from '../notifications/notification-bus.module.js';
import { PeopleModule } from '../people/people.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { CallRelay, ConsoleCallRelay } from './call-relay.js';
import { NeedEffects } from './need-effects.js';
import { NeedEverydayResolver, NeedMessageResolver, NeedSeriesResolver } from './need-everyday.resolver.js';
import { NeedMessagesRepository } from './need-messages.repository.js';
import { NeedMessagesService } from './need-messages.service.js';
import { NeedSeriesRepository } from './need-series.repository.js';
import { NeedSeriesService } from './need-series.service.js';
import { NeedEventResolver, NeedsResolver } from './needs.resolver.js';
import { NeedsRepository } from './needs.repository.js';
import { NeedsScheduler } from './needs.scheduler.js';
import { NeedsService } from './needs.service.js';

@Module({
  imports: [PeopleModule, RegionsModule, VolunteersModule, MatchingModule, NotificationBusModule],
  providers: [
    NeedsRepository,
    NeedEffects,
    NeedsService,
    NeedsScheduler,
    NeedsResolver,
    NeedEventResolver,
    NeedSeriesRepository,
    NeedSeriesService,
    NeedSeriesResolver,
    NeedMessagesRepository,
    NeedMessagesService,
    NeedEverydayResolver,
    NeedMessageResolver,
    // Development and tests: the console relay; a deployment binds its carrier's virtual-number service here.
    { provide: CallRelay, useClass: ConsoleCallRelay },
  ],
  exports: [NeedsService, NeedsRepository, NeedsScheduler, NeedSeriesService],
})
export class NeedsModule {}
