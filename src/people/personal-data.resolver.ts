import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { groupByKeys, loader } from '../common/graphql/context.js';
import type { GqlContext } from '../common/graphql/context.js';
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
@Resolver(() => Person)
export class PersonalDataResolver {
  constructor(
    private readonly service: PersonalDataService,
    private readonly repo: PersonalDataRepository,
    private readonly people: PeopleRepository,
  ) {}

  /** docs/design.md §11: every read of sensitive fields by staff is logged, like ID numbers (not the person's own reads). */
  private async logStaffRead(ctx: GqlContext, person: Person, field: string, shown: number): Promise<void> {
    if (shown > 0 && ctx.actor && ctx.actor.personId !== person.id)
      await this.people.logPiiAccess(ctx.actor.personId, person.id, field, `graphql:Person.${field === 'person_flags' ? 'flags' : 'flagConsentHistory'}`);
  }

  @ResolveField(() => [Relative], { description: '亲属 relatives: for the person and case staff in scope (empty for others)' })
  relatives(@Parent() person: Person, @Context() ctx: GqlContext): Promise<Relative[]> | Relative[] {
    if (person.masked) return [];
    return loader<string, Relative[]>(ctx, 'relatives', async (ids) => groupByKeys(ids, await this.repo.relativesOf(ids), (r) => r.personId)).load(person.id);
  }

  @ResolveField(() => [PersonFlagRecord], { description: '敏感标识 sensitive flags with consent: for the person and case staff in scope (empty for others)' })
  async flags(@Parent() person: Person, @Context() ctx: GqlContext): Promise<PersonFlagRecord[]> {
    if (person.masked) return [];
    const flags = await loader<string, PersonFlagRecord[]>(ctx, 'personFlags', async (ids) =>
      groupByKeys(ids, await this.repo.flagsOf(ids), (f) => f.personId),
    ).load(person.id);
    await this.logStaffRead(ctx, person, 'person_flags', flags.length);
    return flags;
  }

  @ResolveField(() => [FlagConsentRecord], {
    description: '同意记录 consent history: the append-only history of consents given and withdrawn, for the person and case staff in scope (empty for others)',
  })
  async flagConsentHistory(@Parent() person: Person, @Context() ctx: GqlContext): Promise<FlagConsentRecord[]> {
    if (person.masked) return [];
    const history = await loader<string, FlagConsentRecord[]>(ctx, 'flagConsents', async (ids) =>
      groupByKeys(ids, await this.repo.consentsOf(ids), (c) => c.personId),
    ).load(person.id);
    await this.logStaffRead(ctx, person, 'person_flag_consents', history.length);
    return history;
  }

  @Authorize(Permission.RELATIVE_RECORD)
  @Mutation(() => Relative, {
    description: "登记亲属关系 record a relative (community worker of the person's scope); reverseRelation records the other direction",
  })
  recordRelative(
    @CurrentActor() actor: Actor,
    @Args('personId', { type: () => ID, description: '居民 ID' }) personId: string,
    @Args('relativeId', { type: () => ID, description: '亲属 ID: the relative (a registered person)' }) relativeId: string,
    @Args('relation', { description: '关系 what the relative is to the person (e.g. 女儿), ≤ 20 characters' }) relation: string,
    @Args('reverseRelation', {
      type: () => String,
      nullable: true,
      description: '反向关系 what the person is to the relative (e.g. 母亲); records the reverse link too',
    })
    reverseRelation?: string,
  ): Promise<Relative> {
    const input = Object.assign(new RecordRelativeInput(), { personId, relativeId, relation, reverseRelation });
    return this.service.recordRelative(actor, input);
  }

  @Authorize(Permission.RELATIVE_RECORD)
  @Mutation(() => Relative, { description: '解除亲属关系 revoke a relative link (both directions)' })
  revokeRelative(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '亲属关系 ID' }) id: string): Promise<Relative> {
    return this.service.revokeRelative(actor, id);
  }

  @Authorize(Permission.FLAG_RECORD)
  @Mutation(() => PersonFlagRecord, {
    description: "登记敏感标识 set a sensitive flag with consent: an adult's own; for a minor a guardian (an adult recorded relative), required under 14",
  })
  setPersonFlag(@CurrentActor() actor: Actor, @Args('input', { description: '标识与同意人' }) input: SetPersonFlagInput): Promise<PersonFlagRecord> {
    return this.service.setFlag(actor, input);
  }

  @Authorize(Permission.SELF, Permission.FLAG_RECORD)
  @Mutation(() => Boolean, {
    description: '撤回敏感标识 withdraw a flag (by the person or staff in scope): the flag is deleted, the withdrawal appended to the consent history',
  })
  clearPersonFlag(
    @CurrentActor() actor: Actor,
    @Args('personId', { type: () => ID, description: '居民 ID' }) personId: string,
    @Args('flag', { type: () => PersonFlag, description: '要撤回的标识 the flag to withdraw' }) flag: PersonFlag,
  ): Promise<boolean> {
    return this.service.clearFlag(actor, personId, flag);
  }

  @Authorize(Permission.ACCESS_LOG_READ)
  @Query(() => PiiAccessEntryConnection, {
    description:
      "个人信息访问记录 PII access log: staff reads of sensitive fields (ID numbers, sensitive flags and their consent history) of people in the caller's scope, newest first",
  })
  piiAccessLog(@CurrentActor() actor: Actor, @Args() args: PiiAccessLogArgs) {
    return this.service.accessLog(actor, args.subjectId, args);
  }

  @Authorize(Permission.SELF)
  @Query(() => String, { description: '导出我的数据 all data held about the caller, as a JSON document (个人信息查阅、复制)' })
  exportMyData(@CurrentActor() actor: Actor): Promise<string> {
    return this.service.exportMine(actor);
  }

  @Authorize(Permission.SELF)
  @Mutation(() => Person, { description: "更新个人资料 updates the caller's address, or records their ID number when none is on record" })
  updateMyProfile(@CurrentActor() actor: Actor, @Args('input', { description: '要更新的资料' }) input: UpdateMyProfileInput): Promise<Person> {
    return this.service.updateMine(actor, input);
  }
}

@Resolver(() => Relative)
export class RelativeResolver {
  constructor(private readonly people: PeopleLoaders) {}

  @ResolveField(() => Person, { nullable: true, description: '亲属 the relative, masked unless the viewer may see them' })
  relative(@Parent() r: Relative, @Context() ctx: GqlContext): Promise<Person | null> {
    return this.people.shown(ctx, r.relativeId);
  }

  @ResolveField(() => Person, { nullable: true, description: '居民 the person the link was recorded for, masked unless the viewer may see them' })
  person(@Parent() r: Relative, @Context() ctx: GqlContext): Promise<Person | null> {
    return this.people.shown(ctx, r.personId);
  }
}

@Resolver(() => PiiAccessEntry)
export class PiiAccessEntryResolver {
  constructor(private readonly people: PeopleLoaders) {}

  @ResolveField(() => Person, { nullable: true, description: '访问人 the staff member who read the field' })
  viewer(@Parent() e: PiiAccessEntry, @Context() ctx: GqlContext): Promise<Person | null> {
    return this.people.shown(ctx, e.viewerId);
  }

  @ResolveField(() => Person, { nullable: true, description: '被访问人 whose data was read' })
  subject(@Parent() e: PiiAccessEntry, @Context() ctx: GqlContext): Promise<Person | null> {
    return this.people.shown(ctx, e.subjectId);
  }
}
