var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Module } from '@nestjs/common';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { MatchingRepository } from './matching.repository.js';
import { BatchAssignmentPairResolver, MatchingResolver } from './matching.resolver.js';
import { MatchingService } from './matching.service.js';
let MatchingModule = class MatchingModule {
};
MatchingModule = __decorate([
    Module({
        imports: [VolunteersModule],
        providers: [MatchingRepository, MatchingService, MatchingResolver, BatchAssignmentPairResolver],
        exports: [MatchingService],
    })
], MatchingModule);
export { MatchingModule };
//# sourceMappingURL=matching.module.js.map