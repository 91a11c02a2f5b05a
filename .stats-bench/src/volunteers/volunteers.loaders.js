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
import { byKeys, loader, LoaderKey } from '../common/graphql/context.js';
import { canSeeTeam } from './volunteer-teams.service.js';
import { VolunteersRepository } from './volunteers.repository.js';
import { canSeeVolunteer } from './volunteers.service.js';
const VOLUNTEER = new LoaderKey('volunteer');
const VOLUNTEER_BY_PERSON = new LoaderKey('volunteerByPerson');
const TEAM = new LoaderKey('volunteerTeam');
/** Volunteers and teams of a request, for every field that leads to one (needs, matches, resources, rosters). */
let VolunteerLoaders = class VolunteerLoaders {
    repo;
    constructor(repo) {
        this.repo = repo;
    }
    volunteer(ctx) {
        return loader(ctx, VOLUNTEER, async (ids) => byKeys(ids, await this.repo.byIds(ids), (v) => v.id));
    }
    byPerson(ctx) {
        return loader(ctx, VOLUNTEER_BY_PERSON, async (ids) => byKeys(ids, await this.repo.byPersonIds(ids), (v) => v.personId));
    }
    team(ctx) {
        return loader(ctx, TEAM, async (ids) => byKeys(ids, await this.repo.teamsByIds(ids), (t) => t.id));
    }
    /** The volunteer if the viewer may see them (the rule of `volunteer(id)`), else null. */
    async visibleVolunteer(ctx, id) {
        const v = await this.volunteer(ctx).load(id);
        return v && ctx.actor && canSeeVolunteer(ctx.actor, v) ? v : null;
    }
    /** The team if the viewer may see it (the rule of `volunteerTeam(id)`), else null. */
    async visibleTeam(ctx, id) {
        const t = await this.team(ctx).load(id);
        return t && ctx.actor && canSeeTeam(ctx.actor, t) ? t : null;
    }
};
VolunteerLoaders = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [VolunteersRepository])
], VolunteerLoaders);
export { VolunteerLoaders };
//# sourceMappingURL=volunteers.loaders.js.map