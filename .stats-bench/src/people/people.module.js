var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { PeopleLoaders } from './people.loaders.js';
import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module.js';
import { PeopleRepository } from './people.repository.js';
import { PeopleResolver } from './people.resolver.js';
import { PeopleService } from './people.service.js';
import { PersonalDataRepository } from './personal-data.repository.js';
import { PersonalDataResolver, PiiAccessEntryResolver, RelativeResolver } from './personal-data.resolver.js';
import { PersonalDataService } from './personal-data.service.js';
let PeopleModule = class PeopleModule {
};
PeopleModule = __decorate([
    Module({
        imports: [RegionsModule],
        providers: [PeopleRepository, PeopleService, PeopleResolver, PersonalDataRepository, PersonalDataService, PersonalDataResolver, RelativeResolver, PiiAccessEntryResolver, PeopleLoaders],
        exports: [PeopleRepository, PeopleService, PersonalDataRepository, PersonalDataService, PeopleLoaders],
    })
], PeopleModule);
export { PeopleModule };
//# sourceMappingURL=people.module.js.map