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
import { Region } from '../regions/region.model.js';
import { RegionLoaders } from '../regions/regions.loaders.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import { PeopleLoaders } from './people.loaders.js';
import { PeopleService } from './people.service.js';
import { Person, RoleGrant } from './person.model.js';
let PeopleResolver = class PeopleResolver {
    people;
    loaders;
    regions;
    constructor(people, loaders, regions) {
        this.people = people;
        this.loaders = loaders;
        this.regions = regions;
    }
    me(actor) {
        return this.people.get(actor, actor.personId);
    }
    person(actor, id) {
        return this.people.get(actor, id);
    }
    idNumber(person, ctx) {
        return this.people.idNumber(ctx.actor?.personId, person);
    }
    async roles(person, ctx) {
        const roles = (await this.loaders.grants(ctx).load(person.id)).map((g) => ({
            role: g.role,
            scopeId: g.organization_id ?? g.region_id,
            scopeName: g.scope_name,
            scopeType: g.organization_id ? 'ORGANIZATION' : g.region_id ? 'REGION' : 'GLOBAL',
        }));
        // The scope of a role says where the person lives or works: masked viewers do not get it.
        return person.masked ? roles.map((r) => ({ ...r, scopeId: null, scopeName: null })) : roles;
    }
    grid(person, ctx) {
        if (!person.gridId || person.masked)
            return null;
        return this.regions.region(ctx).load(person.gridId);
    }
};
__decorate([
    Authorize(Permission.SELF),
    Query(() => Person, { description: '当前登录人' }),
    __param(0, CurrentActor()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor]),
    __metadata("design:returntype", Promise)
], PeopleResolver.prototype, "me", null);
__decorate([
    Authorize(Permission.SELF, Permission.PERSON_READ, Permission.PERSON_READ_MASKED),
    Query(() => Person, { nullable: true, description: 'A person as the caller may see them (DESIGN.md §11); FORBIDDEN outside the caller\'s scope' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], PeopleResolver.prototype, "person", null);
__decorate([
    ResolveField(() => String, { nullable: true, description: '身份证号: full for the person and record-keeping staff (each staff read is logged), masked for other case staff' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Person, Object]),
    __metadata("design:returntype", Promise)
], PeopleResolver.prototype, "idNumber", null);
__decorate([
    ResolveField(() => [RoleGrant], { description: 'Roles; for masked viewers without their scope (scopeId and scopeName are null), as the grid is' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Person, Object]),
    __metadata("design:returntype", Promise)
], PeopleResolver.prototype, "roles", null);
__decorate([
    ResolveField(() => Region, { nullable: true, description: '所在网格' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Person, Object]),
    __metadata("design:returntype", Object)
], PeopleResolver.prototype, "grid", null);
PeopleResolver = __decorate([
    Resolver(() => Person),
    __metadata("design:paramtypes", [PeopleService,
        PeopleLoaders,
        RegionLoaders])
], PeopleResolver);
export { PeopleResolver };
//# sourceMappingURL=people.resolver.js.map