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
import { badInput, notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { RegionsRepository } from './regions.repository.js';
let RegionsService = class RegionsService {
    repo;
    constructor(repo) {
        this.repo = repo;
    }
    /** The regions of `ids` that exist (callers compare lengths to find unknown ones). */
    byIds(ids, manager) {
        return this.repo.byIds(ids, manager);
    }
    async find(id, manager) {
        if (!isUuid(id))
            return null;
        const [region] = await this.repo.byIds([id], manager);
        return region ?? null;
    }
    /** The region `id`, which must exist and (when given) be of `level`; otherwise BAD_USER_INPUT on `field`. */
    async require(id, field, level, manager) {
        const region = await this.find(id, manager);
        if (!region)
            throw badInput(field, '区划不存在');
        if (level && region.level !== level)
            throw badInput(field, `应为${LEVEL_NAMES[level]}级区划`);
        return region;
    }
    async get(id) {
        const region = await this.find(id);
        if (!region)
            throw notFound('区划');
        return region;
    }
    list(parentId) {
        if (!parentId)
            return this.repo.roots();
        if (!isUuid(parentId))
            throw badInput('parentId', '区划不存在');
        return this.repo.childrenOf([parentId]);
    }
};
RegionsService = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [RegionsRepository])
], RegionsService);
export { RegionsService };
export const LEVEL_NAMES = {
    PROVINCE: '省',
    CITY: '市',
    DISTRICT: '区县',
    STREET: '街道乡镇',
    COMMUNITY: '社区村',
    GRID: '网格',
};
//# sourceMappingURL=regions.service.js.map