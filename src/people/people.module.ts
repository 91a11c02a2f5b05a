import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module.js';
import { PeopleRepository } from './people.repository.js';
import { PeopleResolver } from './people.resolver.js';
import { PeopleService } from './people.service.js';

@Module({
  imports: [RegionsModule],
  providers: [PeopleRepository, PeopleService, PeopleResolver],
  exports: [PeopleRepository, PeopleService],
})
export class PeopleModule {}
