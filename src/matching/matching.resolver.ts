import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { badInput, forbidden, notFound } from '../common/errors.js';
import type { GqlContext } from '../common/graphql/context.js';
import { isUuid } from '../common/ids.js';
import { NEED_STAFF } from '../needs/need-transitions.js';
import { Actor } from '../scope/actor.js';
import { Role } from '../scope/role.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import { Volunteer } from '../volunteers/volunteer.model.js';
import { volunteerLoader } from '../volunteers/volunteers.resolver.js';
import { canSeeVolunteer } from '../volunteers/volunteers.service.js';
import { VolunteersRepository } from '../volunteers/volunteers.repository.js';
import { BatchAssignment, BatchAssignmentPair, MatchCandidate } from './match-candidate.model.js';
import { MatchingService } from './matching.service.js';

/** Who may plan a station's batch dispatch: the street station's social workers and community staff above the grid. */
export const BATCH_DISPATCHERS: readonly Role[] = [Role.COMMUNITY_WORKER, Role.SOCIAL_WORKER, Role.STREET_ADMIN, Role.SYSTEM_ADMIN];

@Resolver(() => MatchCandidate)
export class MatchingResolver {
  constructor(
    private readonly matching: MatchingService,
    private readonly volunteers: VolunteersRepository,
  ) {}

  @Authorize(...NEED_STAFF)
  @Query(() => [MatchCandidate], { description: '匹配: eligible volunteers for a need, best first, each with its score and reasons' })
  async matchCandidates(
    @CurrentActor() actor: Actor,
    @Args('needId', { type: () => ID }) needId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 10 }) first: number,
  ): Promise<MatchCandidate[]> {
    first ??= 10;
    if (!Number.isInteger(first) || first < 1 || first > 50) throw badInput('first', 'first 须在 1–50 之间');
    const path = isUuid(needId) ? await this.matching.needPath(needId) : null;
    if (!path) throw notFound('需求');
    if (!actor.covers(path, ...NEED_STAFF)) throw forbidden('无权查看该需求的匹配结果');
    const ranked = await this.matching.candidates(needId, first);
    return ranked.map((r, i) => ({ volunteerId: r.volunteerId, volunteer: null as unknown as Volunteer, rank: i + 1, score: r.score, reasons: r.reasons, components: r.components, distanceKm: r.distanceKm }));
  }

  @Authorize(...BATCH_DISPATCHERS)
  @Query(() => BatchAssignment, { description: '批量派单方案: the optimal assignment of the open needs under a region (e.g. a street station) to eligible volunteers' })
  async batchAssignment(
    @CurrentActor() actor: Actor,
    @Args('regionId', { type: () => ID }) regionId: string,
    @Args('capacity', { type: () => Int, nullable: true, defaultValue: 1, description: 'Needs per volunteer, 1–5' }) capacity: number,
  ): Promise<BatchAssignment> {
    return toBatch(await this.plan(actor, regionId, capacity));
  }

  async plan(actor: Actor, regionId: string, capacity: number | null) {
    capacity ??= 1;
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 5) throw badInput('capacity', 'capacity 须在 1–5 之间');
    const path = isUuid(regionId) ? await this.matching.regionPath(regionId) : null;
    if (!path) throw notFound('区域');
    if (!actor.covers(path, ...BATCH_DISPATCHERS)) throw forbidden('无权对该区域批量派单');
    return this.matching.batchPlan(path, capacity);
  }

  /**
   * A candidate the viewer may not see through volunteer(id) (e.g. a grid worker and a volunteer of the wider
   * community) is shown restricted: what dispatch needs (id, skills, score inputs), no volunteer number, a masked
   * person without roles, no teams — never more than volunteer(id) would show (issue 10 §8).
   */
  @ResolveField(() => Volunteer)
  async volunteer(@Parent() c: MatchCandidate, @Context() ctx: GqlContext): Promise<Volunteer | null> {
    const v = await volunteerLoader(ctx, this.volunteers).load(c.volunteerId);
    if (!v || !ctx.actor || canSeeVolunteer(ctx.actor, v)) return v;
    return { ...v, volunteerNo: null, emergencyContactName: null, emergencyContactPhone: null, restricted: true };
  }
}

export function toBatch(plan: Awaited<ReturnType<MatchingService['batchPlan']>>, outcome?: Map<string, string | null>): BatchAssignment {
  return {
    total: plan.total,
    optimal: plan.optimal,
    unassignedNeedIds: plan.unassigned,
    assignments: plan.pairs.map((p) => ({
      needId: p.needId,
      volunteerId: p.volunteerId,
      volunteer: null as unknown as Volunteer,
      score: p.score,
      reasons: p.reasons,
      dispatched: outcome ? outcome.get(p.needId) === null : false,
      error: outcome ? (outcome.get(p.needId) ?? null) : null,
    })),
  };
}

@Resolver(() => BatchAssignmentPair)
export class BatchAssignmentPairResolver {
  constructor(private readonly volunteers: VolunteersRepository) {}

  @ResolveField(() => Volunteer)
  volunteer(@Parent() p: BatchAssignmentPair, @Context() ctx: GqlContext): Promise<Volunteer | null> {
    return volunteerLoader(ctx, this.volunteers).load(p.volunteerId);
  }
}
