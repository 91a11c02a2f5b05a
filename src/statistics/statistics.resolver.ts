import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor, Public } from '../scope/scope.decorators.js';
import { RegionAttributes, RegionStats, SetRegionAttributesInput } from './statistics.model.js';
import { StatisticsService } from './statistics.service.js';

@Resolver(() => RegionStats)
export class StatisticsResolver {
  constructor(private readonly service: StatisticsService) {}

  @Authorize(Permission.STATS_READ)
  @Query(() => RegionStats, {
    description: '区域统计: operations and seed indicators over [from, to), with children (drill-down) and a monthly series; staff in scope',
  })
  regionStats(
    @CurrentActor() actor: Actor,
    @Args('regionId', { type: () => ID }) regionId: string,
    @Args('from') from: Date,
    @Args('to') to: Date,
  ): Promise<RegionStats> {
    return this.service.regionStats(actor, regionId, from, to);
  }

  @Public()
  @Query(() => RegionStats, {
    description: '公开统计 (no login): the same figures without personal data; counts of fewer than 5 persons are null and flagged suppressed',
  })
  publicRegionStats(@Args('regionId', { type: () => ID }) regionId: string, @Args('from') from: Date, @Args('to') to: Date): Promise<RegionStats> {
    return this.service.regionStats(null, regionId, from, to, true);
  }

  @Authorize(Permission.STATS_READ)
  @Query(() => RegionAttributes, { description: '统计用区域属性 of a region in scope' })
  regionAttributes(@CurrentActor() actor: Actor, @Args('regionId', { type: () => ID }) regionId: string): Promise<RegionAttributes> {
    return this.service.attributes(actor, regionId);
  }

  @Authorize(Permission.STATS_ATTRIBUTES_SET)
  @Mutation(() => RegionAttributes, {
    description: '设置统计用区域属性: population, urban/rural, volunteer station, one-window categories, targets (admins in scope)',
  })
  setRegionAttributes(@CurrentActor() actor: Actor, @Args('input') input: SetRegionAttributesInput): Promise<RegionAttributes> {
    return this.service.setAttributes(actor, input);
  }

  @Authorize(Permission.STATS_ATTRIBUTES_SET)
  @Mutation(() => Boolean, { description: '登记社区工作者的社会工作职业资格 (持证): returns the recorded value' })
  setWorkerQualification(
    @CurrentActor() actor: Actor,
    @Args('personId', { type: () => ID }) personId: string,
    @Args('qualified') qualified: boolean,
    @Args('certificateNo', { type: () => String, nullable: true }) certificateNo: string | null,
  ): Promise<boolean> {
    return this.service.setQualification(actor, personId, qualified, certificateNo ?? null);
  }
}
