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
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { byKeys, loader, LoaderKey } from '../common/graphql/context.js';
import { ConnectionType } from '../common/graphql/connection.js';
import { RegionPageArgs } from '../volunteers/volunteer.input.js';
import { PeopleLoaders } from '../people/people.loaders.js';
import { Person } from '../people/person.model.js';
import { Station } from '../regions/station.model.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import { CreateStationInput, RegisterSocialWorkerInput, SocialWorker, SocialWorkerCount } from './social-worker.model.js';
import { SocialWorkersRepository } from './social-workers.repository.js';
import { canSeeSocialWorker, SocialWorkersService } from './social-workers.service.js';
export const SocialWorkerConnection = ConnectionType(SocialWorker, 'SocialWorker');
const STATION = new LoaderKey('station');
const SOCIAL_WORKER_BY_PERSON = new LoaderKey('socialWorkerByPerson');
let SocialWorkersResolver = class SocialWorkersResolver {
    service;
    repo;
    people;
    constructor(service, repo, people) {
        this.service = service;
        this.repo = repo;
        this.people = people;
    }
    socialWorker(actor, id) {
        return this.service.get(actor, id);
    }
    socialWorkers(actor, args) {
        return this.service.list(actor, args.regionId, args);
    }
    socialWorkerCounts(regionId) {
        return this.service.countsPerCommunity(regionId);
    }
    registerSocialWorker(actor, input) {
        return this.service.register(actor, input);
    }
    createStation(actor, input) {
        return this.service.createStation(actor, input);
    }
    station(w, ctx) {
        return loader(ctx, STATION, async (ids) => byKeys(ids, await this.repo.stationsByIds(ids), (s) => s.id)).load(w.stationId);
    }
    person(w, ctx) {
        return this.people.shown(ctx, w.personId);
    }
};
__decorate([
    Authorize(Permission.SELF, Permission.SOCIAL_WORKER_READ),
    Query(() => SocialWorker, { nullable: true, description: '社工档案' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], SocialWorkersResolver.prototype, "socialWorker", null);
__decorate([
    Authorize(Permission.SELF, Permission.SOCIAL_WORKER_READ),
    Query(() => SocialWorkerConnection, { description: 'Social workers attached to stations in the caller\'s scope' }),
    __param(0, CurrentActor()),
    __param(1, Args()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, RegionPageArgs]),
    __metadata("design:returntype", void 0)
], SocialWorkersResolver.prototype, "socialWorkers", null);
__decorate([
    Authorize(Permission.LOGGED_IN),
    Query(() => [SocialWorkerCount], { description: 'Social workers by qualification under a region: one row per street (its 社工站) and per community (its 社工室), ordered by code (statistics)' }),
    __param(0, Args('regionId', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], SocialWorkersResolver.prototype, "socialWorkerCounts", null);
__decorate([
    Authorize(Permission.STATION_MANAGE),
    Mutation(() => SocialWorker, { description: '登记社工 at a station of the caller\'s street; grants SOCIAL_WORKER there' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, RegisterSocialWorkerInput]),
    __metadata("design:returntype", Promise)
], SocialWorkersResolver.prototype, "registerSocialWorker", null);
__decorate([
    Authorize(Permission.STATION_MANAGE),
    Mutation(() => Station, { description: '设立站点: 社工站 at a street, 社工室 or 志愿服务站点 at a community' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, CreateStationInput]),
    __metadata("design:returntype", Promise)
], SocialWorkersResolver.prototype, "createStation", null);
__decorate([
    ResolveField(() => Station),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [SocialWorker, Object]),
    __metadata("design:returntype", Promise)
], SocialWorkersResolver.prototype, "station", null);
__decorate([
    ResolveField(() => Person, { nullable: true }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [SocialWorker, Object]),
    __metadata("design:returntype", Promise)
], SocialWorkersResolver.prototype, "person", null);
SocialWorkersResolver = __decorate([
    Resolver(() => SocialWorker),
    __metadata("design:paramtypes", [SocialWorkersService,
        SocialWorkersRepository,
        PeopleLoaders])
], SocialWorkersResolver);
export { SocialWorkersResolver };
/** `Person.socialWorker`. */
let PersonSocialWorkerResolver = class PersonSocialWorkerResolver {
    repo;
    constructor(repo) {
        this.repo = repo;
    }
    async socialWorker(person, ctx) {
        const w = await loader(ctx, SOCIAL_WORKER_BY_PERSON, async (ids) => byKeys(ids, await this.repo.byPersonIds(ids), (x) => x.personId)).load(person.id);
        return w && ctx.actor && canSeeSocialWorker(ctx.actor, w) ? w : null;
    }
};
__decorate([
    ResolveField(() => SocialWorker, { nullable: true, description: '社工档案, if any and if the viewer may see it (same rule as socialWorker(id))' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Person, Object]),
    __metadata("design:returntype", Promise)
], PersonSocialWorkerResolver.prototype, "socialWorker", null);
PersonSocialWorkerResolver = __decorate([
    Resolver(() => Person),
    __metadata("design:paramtypes", [SocialWorkersRepository])
], PersonSocialWorkerResolver);
export { PersonSocialWorkerResolver };
//# sourceMappingURL=social-workers.resolver.js.map