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
import { OrganizationsRepository } from './organizations.repository.js';
import { canSeeOrganization } from './organizations.service.js';
const ORGANIZATION = new LoaderKey('organization');
const MEMBERS = new LoaderKey('organizationMembers');
/** Organizations of a request by id (and their members), for every field that leads to one. */
let OrganizationLoaders = class OrganizationLoaders {
    repo;
    constructor(repo) {
        this.repo = repo;
    }
    organization(ctx) {
        return loader(ctx, ORGANIZATION, async (ids) => byKeys(ids, await this.repo.byIds(ids), (o) => o.id));
    }
    members(ctx) {
        return loader(ctx, MEMBERS, async (ids) => groupByKeys(ids, await this.repo.membersOf(ids), (m) => m.organizationId));
    }
    /** The organization if the viewer may see it (the rule of `organization(id)`), else null. */
    async visible(ctx, id) {
        const org = await this.organization(ctx).load(id);
        return org && ctx.actor && canSeeOrganization(ctx.actor, org) ? org : null;
    }
};
OrganizationLoaders = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [OrganizationsRepository])
], OrganizationLoaders);
export { OrganizationLoaders };
//# sourceMappingURL=organizations.loaders.js.map