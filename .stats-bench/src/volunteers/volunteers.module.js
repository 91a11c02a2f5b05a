var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { VolunteerLoaders } from './volunteers.loaders.js';
import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { VolunteerTeamsService } from './volunteer-teams.service.js';
import { VolunteerVettingRepository } from './volunteer-vetting.repository.js';
import { VolunteerVettingResolver } from './volunteer-vetting.resolver.js';
import { VolunteerVettingService } from './volunteer-vetting.service.js';
import { VolunteersRepository } from './volunteers.repository.js';
import { PersonVolunteerResolver, VolunteersResolver, VolunteerTeamMemberResolver, VolunteerTeamsResolver } from './volunteers.resolver.js';
import { VolunteersService } from './volunteers.service.js';
let VolunteersModule = class VolunteersModule {
};
VolunteersModule = __decorate([
    Module({
        imports: [PeopleModule, RegionsModule],
        providers: [VolunteersRepository, VolunteersService, VolunteerTeamsService, VolunteersResolver, VolunteerTeamsResolver, VolunteerTeamMemberResolver, PersonVolunteerResolver,
            VolunteerVettingRepository, VolunteerVettingService, VolunteerVettingResolver, VolunteerLoaders],
        exports: [VolunteersRepository, VolunteersService, VolunteerLoaders],
    })
], VolunteersModule);
export { VolunteersModule };
//# sourceMappingURL=volunteers.module.js.map