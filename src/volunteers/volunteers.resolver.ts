import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { groupByKeys, loader } from '../common/graphql/context.js';
import type { GqlContext } from '../common/graphql/context.js';
import { ConnectionType } from '../common/graphql/connection.js';
import { PeopleLoaders } from '../people/people.loaders.js';
import { Person } from '../people/person.model.js';
import { Region } from '../regions/region.model.js';
import { RegionLoaders } from '../regions/regions.loaders.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor, Public } from '../scope/scope.decorators.js';
import { AvailabilitySlot, toAvailabilitySlot } from './availability.model.js';
import { CreateVolunteerTeamInput, RegionPageArgs, RegisterVolunteerInput, UpdateMyVolunteerProfileInput, VolunteersArgs } from './volunteer.input.js';
import { EmergencyContact, Skill, Volunteer, VolunteerStatus, VolunteerTeam, VolunteerTeamMember } from './volunteer.model.js';
import { VolunteerTeamsService } from './volunteer-teams.service.js';
import { VolunteerLoaders } from './volunteers.loaders.js';
import { VolunteersRepository } from './volunteers.repository.js';
import { canSeeEmergencyContact, canSeeVolunteer, VolunteersService } from './volunteers.service.js';

export const VolunteerConnection = ConnectionType(Volunteer, 'Volunteer');
export const VolunteerTeamConnection = ConnectionType(VolunteerTeam, 'VolunteerTeam');

@Resolver(() => Volunteer)
export class VolunteersResolver {
  constructor(
    private readonly service: VolunteersService,
    private readonly people: PeopleLoaders,
    private readonly repo: VolunteersRepository,
    private readonly regions: RegionLoaders,
  ) {}

  @Authorize(Permission.SELF, Permission.VOLUNTEER_READ, Permission.VOLUNTEER_PEER_READ)
  @Query(() => Volunteer, {
    nullable: true,
    description: '志愿者 a volunteer; visible to themselves and to roles whose scope holds their community; null if none or not visible',
  })
  volunteer(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '志愿者 ID' }) id: string): Promise<Volunteer | null> {
    return this.service.get(actor, id);
  }

  @Authorize(Permission.SELF, Permission.VOLUNTEER_READ, Permission.VOLUNTEER_PEER_READ)
  @Query(() => VolunteerConnection, { description: "志愿者列表 volunteers whose community lies in the caller's scope, newest first" })
  volunteers(@CurrentActor() actor: Actor, @Args() args: VolunteersArgs) {
    return this.service.list(actor, args.filter, args);
  }

  @Public()
  @Query(() => [Skill], { description: '技能清单 skills: the seeded list registerVolunteer accepts' })
  skills(): Promise<Skill[]> {
    return this.service.skills();
  }

  @Authorize(Permission.SELF)
  @Mutation(() => Volunteer, { description: '志愿者注册 register the caller as a volunteer; PENDING until a community worker approves' })
  registerVolunteer(@CurrentActor() actor: Actor, @Args('input', { description: '注册内容' }) input: RegisterVolunteerInput): Promise<Volunteer> {
    return this.service.register(actor, input);
  }

  @Authorize(Permission.SELF)
  @Mutation(() => Volunteer, {
    description: '志愿者资料更新 update my volunteer profile: the caller updates their own skills, service regions, weekly availability or emergency contact',
  })
  updateMyVolunteerProfile(
    @CurrentActor() actor: Actor,
    @Args('input', { description: '要更新的资料 only what is given changes' }) input: UpdateMyVolunteerProfileInput,
  ): Promise<Volunteer> {
    return this.service.updateMine(actor, input);
  }

  @Authorize(Permission.VOLUNTEER_RECORD)
  @Mutation(() => Volunteer, {
    description: '审核通过 approve (or reinstate a suspended volunteer): assigns the volunteer number and grants VOLUNTEER in the community',
  })
  approveVolunteer(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '志愿者 ID' }) id: string): Promise<Volunteer> {
    return this.service.review(actor, id, 'approve', null);
  }

  @Authorize(Permission.VOLUNTEER_RECORD)
  @Mutation(() => Volunteer, { description: '驳回 reject a pending application, with the reason' })
  rejectVolunteer(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '志愿者 ID' }) id: string,
    @Args('reason', { description: '驳回原因 reason' }) reason: string,
  ): Promise<Volunteer> {
    return this.service.review(actor, id, 'reject', reason);
  }

  @Authorize(Permission.VOLUNTEER_RECORD)
  @Mutation(() => Volunteer, { description: '暂停 suspend an approved volunteer (revokes the VOLUNTEER role), with the reason' })
  suspendVolunteer(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '志愿者 ID' }) id: string,
    @Args('reason', { description: '暂停原因 reason' }) reason: string,
  ): Promise<Volunteer> {
    return this.service.review(actor, id, 'suspend', reason);
  }

  @ResolveField(() => Person, { description: '居民 the person, masked as the viewer may see them (docs/design.md §11)' })
  person(@Parent() v: Volunteer, @Context() ctx: GqlContext): Promise<Person | null> {
    // A restricted volunteer (a match candidate the viewer may not see) shows only the masked person, without roles.
    if (v.restricted) return this.people.restricted(ctx, v.personId);
    // A volunteer record is visible to whoever may see the volunteer; their person is at least masked.
    return this.people.shown(ctx, v.personId);
  }

  @ResolveField(() => Region, { description: '所属社区 the community the volunteer belongs to' })
  community(@Parent() v: Volunteer, @Context() ctx: GqlContext): Promise<Region | null> {
    return this.regions.region(ctx).load(v.communityId);
  }

  @ResolveField(() => [Region], { description: '服务区域 the streets, communities or grids the volunteer serves' })
  async serviceRegions(@Parent() v: Volunteer, @Context() ctx: GqlContext): Promise<Region[]> {
    const links = await loader<string, { region_id: string }[]>(ctx, 'volunteerRegions', async (ids) =>
      groupByKeys(ids, await this.repo.regionIdsOf(ids), (r) => r.volunteer_id),
    ).load(v.id);
    const regions = await this.regions.region(ctx).loadMany(links.map((l) => l.region_id));
    return regions.filter((r): r is Region => !!r && !(r instanceof Error));
  }

  @ResolveField(() => [AvailabilitySlot], { description: '每周可服务时间 weekly availability (Asia/Shanghai)' })
  async availability(@Parent() v: Volunteer, @Context() ctx: GqlContext): Promise<AvailabilitySlot[]> {
    const slots = await loader<string, Awaited<ReturnType<VolunteersRepository['availabilityOf']>>>(ctx, 'volunteerAvailability', async (ids) =>
      groupByKeys(ids, await this.repo.availabilityOf(ids), (s) => s.volunteerId),
    ).load(v.id);
    return slots.map(toAvailabilitySlot);
  }

  @ResolveField(() => [VolunteerTeamMember], { description: '所在志愿服务队 the volunteer’s team memberships' })
  teams(@Parent() v: Volunteer, @Context() ctx: GqlContext): Promise<VolunteerTeamMember[]> {
    if (v.restricted) return Promise.resolve([]);
    return loader<string, VolunteerTeamMember[]>(ctx, 'volunteerMemberships', async (ids) =>
      groupByKeys(ids, await this.repo.membershipsOf(ids), (x) => x.volunteerId),
    ).load(v.id);
  }

  @ResolveField(() => EmergencyContact, {
    nullable: true,
    description: '紧急联系人 emergency contact: only for the volunteer and case staff in scope; null for others or when none',
  })
  emergencyContact(@Parent() v: Volunteer, @Context() ctx: GqlContext): EmergencyContact | null {
    if (!v.emergencyContactName || !v.emergencyContactPhone || !ctx.actor) return null;
    if (!canSeeEmergencyContact(ctx.actor, v)) return null;
    return { name: v.emergencyContactName, phone: v.emergencyContactPhone };
  }
}

@Resolver(() => VolunteerTeam)
export class VolunteerTeamsResolver {
  constructor(
    private readonly teams: VolunteerTeamsService,
    private readonly repo: VolunteersRepository,
    private readonly regions: RegionLoaders,
  ) {}

  @Authorize(Permission.VOLUNTEER_TEAM_READ, Permission.VOLUNTEER_TEAM_ORG_MANAGE, Permission.LOGGED_IN)
  @Query(() => VolunteerTeam, { nullable: true, description: '志愿服务队 a team, if the caller may see it; null otherwise' })
  volunteerTeam(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '志愿服务队 ID' }) id: string): Promise<VolunteerTeam | null> {
    return this.teams.get(actor, id);
  }

  @Authorize(Permission.VOLUNTEER_TEAM_READ, Permission.LOGGED_IN)
  @Query(() => VolunteerTeamConnection, { description: "志愿服务队列表 teams in the caller's scope, optionally under a region" })
  volunteerTeams(@CurrentActor() actor: Actor, @Args() args: RegionPageArgs) {
    return this.teams.list(actor, args.regionId, args);
  }

  @Authorize(Permission.VOLUNTEER_TEAM_MANAGE, Permission.VOLUNTEER_TEAM_ORG_MANAGE)
  @Mutation(() => VolunteerTeam, { description: '组建志愿服务队 create a team with an approved adult leader' })
  createVolunteerTeam(@CurrentActor() actor: Actor, @Args('input', { description: '志愿服务队内容' }) input: CreateVolunteerTeamInput): Promise<VolunteerTeam> {
    return this.teams.create(actor, input);
  }

  /** LOGGED_IN: a team's leaders manage its members too (the team's own rule). */
  @Authorize(Permission.VOLUNTEER_TEAM_MANAGE, Permission.VOLUNTEER_TEAM_ORG_MANAGE, Permission.LOGGED_IN)
  @Mutation(() => VolunteerTeam, { description: '添加队员 add a volunteer to a team (community workers, the team’s organization admins or its leaders)' })
  addVolunteerTeamMember(
    @CurrentActor() actor: Actor,
    @Args('teamId', { type: () => ID, description: '志愿服务队 ID' }) teamId: string,
    @Args('volunteerId', { type: () => ID, description: '志愿者 ID' }) volunteerId: string,
    @Args('isLeader', { defaultValue: false, description: '设为领队 as leader 领队 (adults only; default false)' }) isLeader: boolean,
  ): Promise<VolunteerTeam> {
    return this.teams.addMember(actor, teamId, volunteerId, isLeader);
  }

  @Authorize(Permission.VOLUNTEER_TEAM_MANAGE, Permission.VOLUNTEER_TEAM_ORG_MANAGE, Permission.LOGGED_IN)
  @Mutation(() => VolunteerTeam, { description: '移除队员 remove a volunteer from a team (community workers, the team’s organization admins or its leaders)' })
  removeVolunteerTeamMember(
    @CurrentActor() actor: Actor,
    @Args('teamId', { type: () => ID, description: '志愿服务队 ID' }) teamId: string,
    @Args('volunteerId', { type: () => ID, description: '志愿者 ID' }) volunteerId: string,
  ): Promise<VolunteerTeam> {
    return this.teams.removeMember(actor, teamId, volunteerId);
  }

  @ResolveField(() => Region, { description: '所属社区 the community the team belongs to' })
  community(@Parent() t: VolunteerTeam, @Context() ctx: GqlContext): Promise<Region | null> {
    return this.regions.region(ctx).load(t.communityId);
  }

  @ResolveField(() => ID, { nullable: true, description: '社会组织 ID of the organization running the team; null = none' })
  organizationId(@Parent() t: VolunteerTeam): string | null {
    return t.organizationId;
  }

  @ResolveField(() => [VolunteerTeamMember], { description: '队员 members, leaders first' })
  members(@Parent() t: VolunteerTeam, @Context() ctx: GqlContext): Promise<VolunteerTeamMember[]> {
    return loader<string, VolunteerTeamMember[]>(ctx, 'teamMembers', async (ids) => groupByKeys(ids, await this.repo.membersOf(ids), (m) => m.teamId)).load(
      t.id,
    );
  }
}

@Resolver(() => VolunteerTeamMember)
export class VolunteerTeamMemberResolver {
  constructor(private readonly loaders: VolunteerLoaders) {}

  @ResolveField(() => Volunteer, {
    nullable: true,
    description: '志愿者 the member: shown to whoever may see the volunteer, or (approved members) the team, else null',
  })
  async volunteer(@Parent() m: VolunteerTeamMember, @Context() ctx: GqlContext): Promise<Volunteer | null> {
    const v = await this.loaders.volunteer(ctx).load(m.volunteerId);
    if (!v || !ctx.actor) return null;
    if (canSeeVolunteer(ctx.actor, v)) return v;
    // Through the roster, as everywhere for non-staff: approved members only (no applications or suspensions).
    return v.status === VolunteerStatus.APPROVED && (await this.loaders.visibleTeam(ctx, m.teamId)) ? v : null;
  }

  @ResolveField(() => VolunteerTeam, { nullable: true, description: '志愿服务队 the team, if the viewer may see it or is this member; null otherwise' })
  async team(@Parent() m: VolunteerTeamMember, @Context() ctx: GqlContext): Promise<VolunteerTeam | null> {
    const team = await this.loaders.visibleTeam(ctx, m.teamId);
    if (team || !ctx.actor) return team;
    // One's own membership (e.g. a pending applicant who registered into the team) always shows its team.
    const member = await this.loaders.volunteer(ctx).load(m.volunteerId);
    return member?.personId === ctx.actor.personId ? this.loaders.team(ctx).load(m.teamId) : null;
  }
}

/** `Person.volunteer`: the person's volunteer profile, if any, under the same rule as `volunteer(id)`. */
@Resolver(() => Person)
export class PersonVolunteerResolver {
  constructor(private readonly loaders: VolunteerLoaders) {}

  @ResolveField(() => Volunteer, {
    nullable: true,
    description: '志愿者档案 volunteer profile, if the person is a volunteer and the viewer may see it (same rule as volunteer(id))',
  })
  async volunteer(@Parent() person: Person, @Context() ctx: GqlContext): Promise<Volunteer | null> {
    const v = await this.loaders.byPerson(ctx).load(person.id);
    return v && ctx.actor && canSeeVolunteer(ctx.actor, v) ? v : null;
  }
}
