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
import { Args, Float, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Actor } from '../scope/actor.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import { Volunteer } from './volunteer.model.js';
import { Permission } from '../scope/permission.js';
import { VolunteerVettingService } from './volunteer-vetting.service.js';
let VolunteerVettingResolver = class VolunteerVettingResolver {
    service;
    constructor(service) {
        this.service = service;
    }
    vetVolunteer(actor, id, note, vetted) {
        return this.service.vet(actor, id, note, vetted);
    }
    updateMyVolunteerLocation(actor, latitude, longitude) {
        return this.service.setMyLocation(actor, latitude ?? null, longitude ?? null);
    }
};
__decorate([
    Authorize(Permission.VOLUNTEER_VET),
    Mutation(() => Volunteer, { description: '背景审核: record that the volunteer was vetted for children and home-entry needs (or withdraw it with vetted: false); who and when are kept' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __param(2, Args('note')),
    __param(3, Args('vetted', { defaultValue: true, description: 'false withdraws the vetting' })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String, Boolean]),
    __metadata("design:returntype", Promise)
], VolunteerVettingResolver.prototype, "vetVolunteer", null);
__decorate([
    Authorize(Permission.SELF),
    Mutation(() => Volunteer, { description: 'The caller’s base location for matching distance (both null clears it)' }),
    __param(0, CurrentActor()),
    __param(1, Args('latitude', { type: () => Float, nullable: true })),
    __param(2, Args('longitude', { type: () => Float, nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, Object, Object]),
    __metadata("design:returntype", Promise)
], VolunteerVettingResolver.prototype, "updateMyVolunteerLocation", null);
VolunteerVettingResolver = __decorate([
    Resolver(() => Volunteer),
    __metadata("design:paramtypes", [VolunteerVettingService])
], VolunteerVettingResolver);
export { VolunteerVettingResolver };
//# sourceMappingURL=volunteer-vetting.resolver.js.map