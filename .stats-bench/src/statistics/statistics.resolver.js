var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor, Public } from '../scope/scope.decorators.js';
import { RegionAttributes, RegionStats, SetRegionAttributesInput } from './statistics.model.js';
import { StatisticsService } from './statistics.service.js';
let StatisticsResolver = class StatisticsResolver {
    service;
    constructor(service) {
        this.service = service;
    }
    regionStats(actor, regionId, from, to) {
        return this.service.regionStats(actor, regionId, from, to);
    }
    publicRegionStats(regionId, from, to) {
        return this.service.regionStats(null, regionId, from, to, true);
    }
    regionAttributes(actor, regionId) {
        return this.service.attributes(actor, regionId);
    }
    setRegionAttributes(actor, input) {
        return this.service.setAttributes(actor, input);
    }
    setWorkerQualification(actor, personId, qualified, certificateNo) {
        return this.service.setQualification(actor, personId, qualified, certificateNo ?? null);
    }
};
__decorate([
    Authorize(Permission.STATS_READ),
    Query(() => RegionStats, { description: '区域统计: operations and seed indicators over [from, to), with children (drill-down) and a monthly series; staff in scope' }),
    __param(0, CurrentActor()),
    __param(1, Args('regionId', { type: () => ID })),
    __param(2, Args('from')),
    __param(3, Args('to')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, Date, Date]),
    __metadata("design:returntype", Promise)
], StatisticsResolver.prototype, "regionStats", null);
__decorate([
    Public(),
    Query(() => RegionStats, { description: '公开统计 (no login): the same figures without personal data; counts of fewer than 5 persons are null and flagged suppressed' }),
    __param(0, Args('regionId', { type: () => ID })),
    __param(1, Args('from')),
    __param(2, Args('to')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Date, Date]),
    __metadata("design:returntype", Promise)
], StatisticsResolver.prototype, "publicRegionStats", null);
__decorate([
    Authorize(Permission.STATS_READ),
    Query(() => RegionAttributes, { description: '统计用区域属性 of a region in scope' }),
    __param(0, CurrentActor()),
    __param(1, Args('regionId', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], StatisticsResolver.prototype, "regionAttributes", null);
__decorate([
    Authorize(Permission.STATS_ATTRIBUTES_SET),
    Mutation(() => RegionAttributes, { description: '设置统计用区域属性: population, urban/rural, volunteer station, one-window categories, targets (admins in scope)' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, SetRegionAttributesInput]),
    __metadata("design:returntype", Promise)
], StatisticsResolver.prototype, "setRegionAttributes", null);
__decorate([
    Authorize(Permission.STATS_ATTRIBUTES_SET),
    Mutation(() => Boolean, { description: '登记社区工作者的社会工作职业资格 (持证): returns the recorded value' }),
    __param(0, CurrentActor()),
    __param(1, Args('personId', { type: () => ID })),
    __param(2, Args('qualified')),
    __param(3, Args('certificateNo', { type: () => String, nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, Boolean, Object]),
    __metadata("design:returntype", Promise)
], StatisticsResolver.prototype, "setWorkerQualification", null);
StatisticsResolver = __decorate([
    Resolver(() => RegionStats),
    __metadata("design:paramtypes", [StatisticsService])
], StatisticsResolver);
export { StatisticsResolver };
//# sourceMappingURL=statistics.resolver.js.map