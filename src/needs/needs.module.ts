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

@Module({
  imports: [PeopleModule, RegionsModule, VolunteersModule, MatchingModule, NotificationBusModule],
  providers: [NeedsRepository, NeedEffects, NeedsService, NeedsScheduler, NeedsResolver, NeedEventResolver],
  exports: [NeedsService, NeedsRepository, NeedsScheduler],
})
export class NeedsModule {}
