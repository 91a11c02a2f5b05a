var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Module } from '@nestjs/common';
import { CharityModule } from '../charity/charity.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { ResourcesRepository } from './resources.repository.js';
import { ResourcesResolver } from './resources.resolver.js';
import { ResourcesService } from './resources.service.js';
let ResourcesModule = class ResourcesModule {
};
ResourcesModule = __decorate([
    Module({
        imports: [RegionsModule, VolunteersModule, OrganizationsModule, CharityModule],
        providers: [ResourcesRepository, ResourcesService, ResourcesResolver],
        exports: [ResourcesRepository],
    })
], ResourcesModule);
export { ResourcesModule };
//# sourceMappingURL=resources.module.js.map