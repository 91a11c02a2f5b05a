var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Module } from '@nestjs/common';
import { CharityModule } from '../charity/charity.module.js';
import { MatchingModule } from '../matching/matching.module.js';
import { NeedsModule } from '../needs/needs.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { PeopleModule } from '../people/people.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { ResourcesModule } from '../resources/resources.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { NeedProjectResolver, ProjectActivityResolver, ProjectApplicationResolver, ProjectEventResolver, ProjectsResolver } from './projects.resolver.js';
import { ProjectsRepository } from './projects.repository.js';
import { ProjectsService } from './projects.service.js';
/** Projects 民生项目, the third list (docs/projects.md). */
let ProjectsModule = class ProjectsModule {
};
ProjectsModule = __decorate([
    Module({
        imports: [RegionsModule, OrganizationsModule, CharityModule, ResourcesModule, NeedsModule, VolunteersModule, MatchingModule, PeopleModule],
        providers: [ProjectsRepository, ProjectsService, ProjectsResolver, ProjectEventResolver, ProjectActivityResolver, ProjectApplicationResolver, NeedProjectResolver],
        exports: [ProjectsService],
    })
], ProjectsModule);
export { ProjectsModule };
//# sourceMappingURL=projects.module.js.map