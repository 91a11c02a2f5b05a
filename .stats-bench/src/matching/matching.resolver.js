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
import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import { Volunteer } from '../volunteers/volunteer.model.js';
import { VolunteerLoaders } from '../volunteers/volunteers.loaders.js';
import { BatchAssignment, BatchAssignmentPair, MatchCandidate, toBatch, toCandidates } from './match-candidate.model.js';
import { MatchingService } from './matching.service.js';
let MatchingResolver = class MatchingResolver {
    matching;
    volunteers;
    constructor(matching, volunteers) {
        this.matching = matching;
        this.volunteers = volunteers;
    }
    async matchCandidates(actor, needId, first) {
        return toCandidates(await this.matching.candidatesFor(actor, needId, first));
    }
    async batchAssignment(actor, regionId, capacity) {
        return toBatch(await this.matching.plan(actor, regionId, capacity));
    }
    volunteer(c, ctx) {
        return this.volunteers.volunteer(ctx).load(c.volunteerId);
    }
};
__decorate([
    Authorize(Permission.NEED_TRIAGE),
    Query(() => [MatchCandidate], { description: '匹配: eligible volunteers for a need, best first, each with its score and reasons' }),
    __param(0, CurrentActor()),
    __param(1, Args('needId', { type: () => ID })),
    __param(2, Args('first', { type: () => Int, nullable: true, defaultValue: 10 })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, Number]),
    __metadata("design:returntype", Promise)
], MatchingResolver.prototype, "matchCandidates", null);
__decorate([
    Authorize(Permission.NEED_BATCH_DISPATCH),
    Query(() => BatchAssignment, { description: '批量派单方案: the optimal assignment of the open needs under a region (e.g. a street station) to eligible volunteers' }),
    __param(0, CurrentActor()),
    __param(1, Args('regionId', { type: () => ID })),
    __param(2, Args('capacity', { type: () => Int, nullable: true, defaultValue: 1, description: 'Needs per volunteer, 1–5' })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, Number]),
    __metadata("design:returntype", Promise)
], MatchingResolver.prototype, "batchAssignment", null);
__decorate([
    ResolveField(() => Volunteer),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [MatchCandidate, Object]),
    __metadata("design:returntype", Promise)
], MatchingResolver.prototype, "volunteer", null);
MatchingResolver = __decorate([
    Resolver(() => MatchCandidate),
    __metadata("design:paramtypes", [MatchingService,
        VolunteerLoaders])
], MatchingResolver);
export { MatchingResolver };
let BatchAssignmentPairResolver = class BatchAssignmentPairResolver {
    volunteers;
    constructor(volunteers) {
        this.volunteers = volunteers;
    }
    volunteer(p, ctx) {
        return this.volunteers.volunteer(ctx).load(p.volunteerId);
    }
};
__decorate([
    ResolveField(() => Volunteer),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [BatchAssignmentPair, Object]),
    __metadata("design:returntype", Promise)
], BatchAssignmentPairResolver.prototype, "volunteer", null);
BatchAssignmentPairResolver = __decorate([
    Resolver(() => BatchAssignmentPair),
    __metadata("design:paramtypes", [VolunteerLoaders])
], BatchAssignmentPairResolver);
export { BatchAssignmentPairResolver };
//# sourceMappingURL=matching.resolver.js.map