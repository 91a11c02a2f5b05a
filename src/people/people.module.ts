import { PeopleLoaders } from './people.loaders.js';
import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module.js';
import { IdNumberClaims } from './id-number-claims.js';
import { PeopleRepository } from './people.repository.js';
import { PeopleResolver } from './people.resolver.js';
import { PeopleService } from './people.service.js';
import { PersonalDataRepository } from './personal-data.repository.js';
import { PersonalDataResolver, PiiAccessEntryResolver, RelativeResolver } from './personal-data.resolver.js';
import { PersonalDataService } from './personal-data.service.js';

@Module({
  imports: [RegionsModule],
  providers: [
    PeopleRepository,
    PeopleService,
    PeopleResolver,
    PersonalDataRepository,
    PersonalDataService,
    PersonalDataResolver,
    RelativeResolver,
    PiiAccessEntryResolver,
    PeopleLoaders,
    IdNumberClaims,
  ],
  exports: [PeopleRepository, PeopleService, PersonalDataRepository, PersonalDataService, PeopleLoaders, IdNumberClaims],
})
export class PeopleModule {}
