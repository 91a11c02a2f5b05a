var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Injectable } from '@nestjs/common';
import { byKeys, groupByKeys, loader, LoaderKey } from '../common/graphql/context.js';
import { RegionsRepository } from './regions.repository.js';
const REGION = new LoaderKey('region');
const CHILDREN = new LoaderKey('regionChildren');
const STATIONS = new LoaderKey('regionStations');
/** Regions of a request by id (and their children and stations), for every field that shows a region. */
let RegionLoaders = class RegionLoaders {
    repo;
    constructor(repo) {
        this.repo = repo;
    }
    region(ctx) {
        return loader(ctx, REGION, async (ids) => byKeys(ids, await this.repo.byIds(ids), (r) => r.id));
    }
    children(ctx) {
        return loader(ctx, CHILDREN, async (ids) => groupByKeys(ids, await this.repo.childrenOf(ids), (r) => r.parentId));
    }
    stations(ctx) {
        return loader(ctx, STATIONS, async (ids) => groupByKeys(ids, await this.repo.stationsOf(ids), (s) => s.regionId));
    }
};
RegionLoaders = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [RegionsRepository])
], RegionLoaders);
export { RegionLoaders };
//# sourceMappingURL=regions.loaders.js.map