import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/graphql/context.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import { Volunteer } from '../volunteers/volunteer.model.js';
import { VolunteerLoaders } from '../volunteers/volunteers.loaders.js';
import { canSeeVolunteer } from '../volunteers/volunteers.service.js';
import { BatchAssignment, BatchAssignmentPair, MatchCandidate, toBatch, toCandidates } from './match-candidate.model.js';
import { MatchingService } from './matching.service.js';

@Resolver(() => MatchCandidate)
export class MatchingResolver {
  constructor(
    private readonly matching: MatchingService,
    private readonly volunteers: VolunteerLoaders,
  ) {}

  @Authorize(Permission.NEED_TRIAGE)
  @Query(() => [MatchCandidate], { description: '匹配 match candidates：需求的合格志愿者，从最佳开始，各带得分和理由（辖区工作人员）' })
  async matchCandidates(
    @CurrentActor() actor: Actor,
    @Args('needId', { type: () => ID, description: '需求 id' }) needId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 10, description: '最多返回几个 how many（1–50，默认 10）' }) first: number,
  ): Promise<MatchCandidate[]> {
    return toCandidates(await this.matching.candidatesFor(actor, needId, first));
  }

  @Authorize(Permission.NEED_BATCH_DISPATCH)
  @Query(() => BatchAssignment, {
    description: '批量派单方案 batch assignment plan：区域（如街道）下 OPEN 需求到合格志愿者的最优分配（只计算，不派单）',
  })
  async batchAssignment(
    @CurrentActor() actor: Actor,
    @Args('regionId', { type: () => ID, description: '区域 region 的 id（在调用者辖区内）' }) regionId: string,
    @Args('capacity', { type: () => Int, nullable: true, defaultValue: 1, description: '每位志愿者最多分配的需求数 needs per volunteer（1–5，默认 1）' })
    capacity: number,
  ): Promise<BatchAssignment> {
    return toBatch(await this.matching.plan(actor, regionId, capacity));
  }

  /**
   * A candidate the viewer may not see through volunteer(id) (e.g. a grid worker and a volunteer of the wider
   * community) is shown restricted: what dispatch needs (id, skills, score inputs), no volunteer number, a masked
   * person without roles, no teams — never more than volunteer(id) would show (issue 10 §8).
   */
  @ResolveField(() => Volunteer, {
    description: '候选志愿者 volunteer；调用者无权通过 volunteer(id) 查看时为受限信息（无编号、无紧急联系人、人员掩码、无角色）',
  })
  async volunteer(@Parent() c: MatchCandidate, @Context() ctx: GqlContext): Promise<Volunteer | null> {
    const v = await this.volunteers.volunteer(ctx).load(c.volunteerId);
    // A candidate the viewer may not see otherwise is restricted: no number, no emergency contact, masked person without roles.
    if (!v || !ctx.actor || canSeeVolunteer(ctx.actor, v)) return v;
    return { ...v, volunteerNo: null, emergencyContactName: null, emergencyContactPhone: null, restricted: true };
  }
}

@Resolver(() => BatchAssignmentPair)
export class BatchAssignmentPairResolver {
  constructor(private readonly volunteers: VolunteerLoaders) {}

  @ResolveField(() => Volunteer, { description: '分配的志愿者 volunteer' })
  volunteer(@Parent() p: BatchAssignmentPair, @Context() ctx: GqlContext): Promise<Volunteer | null> {
    return this.volunteers.volunteer(ctx).load(p.volunteerId);
  }
}
