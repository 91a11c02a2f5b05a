import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { SocialWorkersRepository } from './social-workers.repository.js';
import { PersonSocialWorkerResolver, SocialWorkersResolver } from './social-workers.resolver.js';
import { SocialWorkersService } from './social-workers.service.js';

@Module({
  imports: [PeopleModule, RegionsModule],
  providers: [SocialWorkersRepository, SocialWorkersService, SocialWorkersResolver, PersonSocialWorkerResolver],
  exports: [SocialWorkersRepository],
})
export class SocialWorkersModule {}
