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
import { groupByKeys, loader } from '../common/graphql/context.js';
import { ConnectionType } from '../common/graphql/connection.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import { PeopleLoaders } from './people.loaders.js';
import { PeopleRepository } from './people.repository.js';
import { Person } from './person.model.js';
import { PiiAccessLogArgs, RecordRelativeInput, SetPersonFlagInput, UpdateMyProfileInput } from './personal-data.input.js';
import { FlagConsentRecord, PersonFlag, PersonFlagRecord, PiiAccessEntry, Relative } from './personal-data.model.js';
import { PersonalDataRepository } from './personal-data.repository.js';
import { PersonalDataService } from './personal-data.service.js';
export const PiiAccessEntryConnection = ConnectionType(PiiAccessEntry, 'PiiAccessEntry');
/** Personal data on `Person` (relatives, flags) and the operations on it. */
let PersonalDataResolver = class PersonalDataResolver {
    service;
    repo;
    people;
    constructor(service, repo, people) {
        this.service = service;
        this.repo = repo;
        this.people = people;
    }
    /** DESIGN.md §11: every read of sensitive fields by staff is logged, like ID numbers (not the person's own reads). */
    async logStaffRead(ctx, person, field, shown) {
        if (shown > 0 && ctx.actor && ctx.actor.personId !== person.id)
            await this.people.logPiiAccess(ctx.actor.personId, person.id, field, `graphql:Person.${field === 'person_flags' ? 'flags' : 'flagConsentHistory'}`);
    }
    relatives(person, ctx) {
        if (person.masked)
            return [];
        return loader(ctx, 'relatives', async (ids) => groupByKeys(ids, await this.repo.relativesOf(ids), (r) => r.personId)).load(person.id);
    }
    async flags(person, ctx) {
        if (person.masked)
            return [];
        const flags = await loader(ctx, 'personFlags', async (ids) => groupByKeys(ids, await this.repo.flagsOf(ids), (f) => f.personId)).load(person.id);
        await this.logStaffRead(ctx, person, 'person_flags', flags.length);
        return flags;
    }
    async flagConsentHistory(person, ctx) {
        if (person.masked)
            return [];
        const history = await loader(ctx, 'flagConsents', async (ids) => groupByKeys(ids, await this.repo.consentsOf(ids), (c) => c.personId)).load(person.id);
        await this.logStaffRead(ctx, person, 'person_flag_consents', history.length);
        return history;
    }
    recordRelative(actor, personId, relativeId, relation, reverseRelation) {
        const input = Object.assign(new RecordRelativeInput(), { personId, relativeId, relation, reverseRelation });
        return this.service.recordRelative(actor, input);
    }
    revokeRelative(actor, id) {
        return this.service.revokeRelative(actor, id);
    }
    setPersonFlag(actor, input) {
        return this.service.setFlag(actor, input);
    }
    clearPersonFlag(actor, personId, flag) {
        return this.service.clearFlag(actor, personId, flag);
    }
    piiAccessLog(actor, args) {
        return this.service.accessLog(actor, args.subjectId, args);
    }
    exportMyData(actor) {
        return this.service.exportMine(actor);
    }
    updateMyProfile(actor, input) {
        return this.service.updateMine(actor, input);
    }
};
__decorate([
    ResolveField(() => [Relative], { description: '亲属: for the person and case staff in scope (empty for others)' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Person, Object]),
    __metadata("design:returntype", Object)
], PersonalDataResolver.prototype, "relatives", null);
__decorate([
    ResolveField(() => [PersonFlagRecord], { description: '敏感标识 with consent: for the person and case staff in scope (empty for others)' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Person, Object]),
    __metadata("design:returntype", Promise)
], PersonalDataResolver.prototype, "flags", null);
__decorate([
    ResolveField(() => [FlagConsentRecord], { description: '同意记录: the append-only history of consents given and withdrawn, for the person and case staff in scope (empty for others)' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Person, Object]),
    __metadata("design:returntype", Promise)
], PersonalDataResolver.prototype, "flagConsentHistory", null);
__decorate([
    Authorize(Permission.RELATIVE_RECORD),
    Mutation(() => Relative, { description: '登记亲属关系 (community worker of the person\'s scope); reverseRelation records the other direction' }),
    __param(0, CurrentActor()),
    __param(1, Args('personId', { type: () => ID })),
    __param(2, Args('relativeId', { type: () => ID })),
    __param(3, Args('relation')),
    __param(4, Args('reverseRelation', { type: () => String, nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String, String, String]),
    __metadata("design:returntype", Promise)
], PersonalDataResolver.prototype, "recordRelative", null);
__decorate([
    Authorize(Permission.RELATIVE_RECORD),
    Mutation(() => Relative, { description: '解除亲属关系 (both directions)' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], PersonalDataResolver.prototype, "revokeRelative", null);
__decorate([
    Authorize(Permission.FLAG_RECORD),
    Mutation(() => PersonFlagRecord, { description: '登记敏感标识 with consent: an adult\'s own; for a minor a guardian (an adult recorded relative), required under 14' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, SetPersonFlagInput]),
    __metadata("design:returntype", Promise)
], PersonalDataResolver.prototype, "setPersonFlag", null);
__decorate([
    Authorize(Permission.SELF, Permission.FLAG_RECORD),
    Mutation(() => Boolean, { description: 'Withdraws a flag (by the person or staff in scope): the flag is deleted, the withdrawal appended to the consent history' }),
    __param(0, CurrentActor()),
    __param(1, Args('personId', { type: () => ID })),
    __param(2, Args('flag', { type: () => PersonFlag })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String]),
    __metadata("design:returntype", Promise)
], PersonalDataResolver.prototype, "clearPersonFlag", null);
__decorate([
    Authorize(Permission.ACCESS_LOG_READ),
    Query(() => PiiAccessEntryConnection, { description: '个人信息访问记录: staff reads of sensitive fields (ID numbers, sensitive flags and their consent history) of people in the caller\'s scope, newest first' }),
    __param(0, CurrentActor()),
    __param(1, Args()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, PiiAccessLogArgs]),
    __metadata("design:returntype", void 0)
], PersonalDataResolver.prototype, "piiAccessLog", null);
__decorate([
    Authorize(Permission.SELF),
    Query(() => String, { description: 'All data held about the caller, as a JSON document (个人信息查阅、复制)' }),
    __param(0, CurrentActor()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor]),
    __metadata("design:returntype", Promise)
], PersonalDataResolver.prototype, "exportMyData", null);
__decorate([
    Authorize(Permission.SELF),
    Mutation(() => Person, { description: 'Updates the caller\'s address, or records their ID number when none is on record' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, UpdateMyProfileInput]),
    __metadata("design:returntype", Promise)
], PersonalDataResolver.prototype, "updateMyProfile", null);
PersonalDataResolver = __decorate([
    Resolver(() => Person),
    __metadata("design:paramtypes", [PersonalDataService,
        PersonalDataRepository,
        PeopleRepository])
], PersonalDataResolver);
export { PersonalDataResolver };
let RelativeResolver = class RelativeResolver {
    people;
    constructor(people) {
        this.people = people;
    }
    relative(r, ctx) {
        return this.people.shown(ctx, r.relativeId);
    }
    person(r, ctx) {
        return this.people.shown(ctx, r.personId);
    }
};
__decorate([
    ResolveField(() => Person, { nullable: true, description: 'The relative, masked unless the viewer may see them' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Relative, Object]),
    __metadata("design:returntype", Promise)
], RelativeResolver.prototype, "relative", null);
__decorate([
    ResolveField(() => Person, { nullable: true }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Relative, Object]),
    __metadata("design:returntype", Promise)
], RelativeResolver.prototype, "person", null);
RelativeResolver = __decorate([
    Resolver(() => Relative),
    __metadata("design:paramtypes", [PeopleLoaders])
], RelativeResolver);
export { RelativeResolver };
let PiiAccessEntryResolver = class PiiAccessEntryResolver {
    people;
    constructor(people) {
        this.people = people;
    }
    viewer(e, ctx) {
        return this.people.shown(ctx, e.viewerId);
    }
    subject(e, ctx) {
        return this.people.shown(ctx, e.subjectId);
    }
};
__decorate([
    ResolveField(() => Person, { nullable: true, description: 'The staff member who read the field' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [PiiAccessEntry, Object]),
    __metadata("design:returntype", Promise)
], PiiAccessEntryResolver.prototype, "viewer", null);
__decorate([
    ResolveField(() => Person, { nullable: true, description: 'Whose data was read' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [PiiAccessEntry, Object]),
    __metadata("design:returntype", Promise)
], PiiAccessEntryResolver.prototype, "subject", null);
PiiAccessEntryResolver = __decorate([
    Resolver(() => PiiAccessEntry),
    __metadata("design:paramtypes", [PeopleLoaders])
], PiiAccessEntryResolver);
export { PiiAccessEntryResolver };
//# sourceMappingURL=personal-data.resolver.js.map