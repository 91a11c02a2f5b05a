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
import { PeopleRepository } from './people.repository.js';
import { PeopleService } from './people.service.js';
const PERSON_ROW = new LoaderKey('personRow');
const PERSON_GRANTS = new LoaderKey('personGrants');
/** The one person loader of a request: every field that shows a person (volunteer, member, relative …) uses it. */
let PeopleLoaders = class PeopleLoaders {
    repo;
    people;
    constructor(repo, people) {
        this.repo = repo;
        this.people = people;
    }
    /** Person rows with their scope paths, by id. */
    rows(ctx) {
        return loader(ctx, PERSON_ROW, async (ids) => byKeys(ids, await this.repo.byIds(ids), (p) => p.id));
    }
    /**
     * The person as the viewer may see them, at least masked: for people shown next to a record the viewer may
     * see (a volunteer they may see, a relative, a member, the actor of a need event). Null without a viewer.
     */
    async shown(ctx, id) {
        const row = await this.rows(ctx).load(id);
        if (!row || !ctx.actor)
            return null;
        return this.people.view(ctx.actor, row) ?? this.people.maskedView(row);
    }
    grants(ctx) {
        return loader(ctx, PERSON_GRANTS, async (ids) => groupByKeys(ids, await this.repo.grantsOf(ids), (r) => r.person_id));
    }
};
PeopleLoaders = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [PeopleRepository,
        PeopleService])
], PeopleLoaders);
export { PeopleLoaders };
//# sourceMappingURL=people.loaders.js.map