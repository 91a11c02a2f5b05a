import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module.js';
import { VolunteersRepository } from './volunteers.repository.js';
import { PersonVolunteerResolver, VolunteersResolver } from './volunteers.resolver.js';
import { VolunteersService } from './volunteers.service.js';

@Module({
  imports: [PeopleModule],
  providers: [VolunteersRepository, VolunteersService, VolunteersResolver, PersonVolunteerResolver],
  exports: [VolunteersRepository, VolunteersService],
})
export class VolunteersModule {}
