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
import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public } from '../scope/scope.decorators.js';
import { Region } from './region.model.js';
import { RegionLoaders } from './regions.loaders.js';
import { RegionsService } from './regions.service.js';
import { Station } from './station.model.js';
import { statisticalCode } from './region-level.js';
/** The region tree is public: residents pick their grid before they have an account. */
let RegionsResolver = class RegionsResolver {
    service;
    loaders;
    constructor(service, loaders) {
        this.service = service;
        this.loaders = loaders;
    }
    region(id) {
        return this.service.find(id);
    }
    regions(parentId) {
        return this.service.list(parentId);
    }
    code(region) {
        return statisticalCode(region.code);
    }
    parent(region, ctx) {
        if (!region.parentId)
            return null;
        return this.loaders.region(ctx).load(region.parentId);
    }
    children(region, ctx) {
        return this.loaders.children(ctx).load(region.id);
    }
    stations(region, ctx) {
        return this.loaders.stations(ctx).load(region.id);
    }
};
__decorate([
    Public(),
    Query(() => Region, { nullable: true, description: '一个区划节点' }),
    __param(0, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], RegionsResolver.prototype, "region", null);
__decorate([
    Public(),
    Query(() => [Region], { description: 'Children of `parentId`, or the roots when it is omitted' }),
    __param(0, Args('parentId', { type: () => ID, nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], RegionsResolver.prototype, "regions", null);
__decorate([
    ResolveField(() => String),
    __param(0, Parent()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Region]),
    __metadata("design:returntype", String)
], RegionsResolver.prototype, "code", null);
__decorate([
    ResolveField(() => Region, { nullable: true }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Region, Object]),
    __metadata("design:returntype", Object)
], RegionsResolver.prototype, "parent", null);
__decorate([
    ResolveField(() => [Region]),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Region, Object]),
    __metadata("design:returntype", Promise)
], RegionsResolver.prototype, "children", null);
__decorate([
    ResolveField(() => [Station], { description: 'Stations located at this node (社工站 at a street, 社工室 at a community)' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Region, Object]),
    __metadata("design:returntype", Promise)
], RegionsResolver.prototype, "stations", null);
RegionsResolver = __decorate([
    Resolver(() => Region),
    __metadata("design:paramtypes", [RegionsService,
        RegionLoaders])
], RegionsResolver);
export { RegionsResolver };
//# sourceMappingURL=regions.resolver.js.map