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
    description: '区域统计 region statistics：[from, to) 内的运营数据和指标，含下级区域（下钻）和按月序列；限辖区工作人员 staff in scope（STATS_READ）',
  })
  regionStats(
    @CurrentActor() actor: Actor,
    @Args('regionId', { type: () => ID, description: '区域 region 的 id（在调用者辖区内）' }) regionId: string,
    @Args('from', { description: '统计期开始 from，DateTime（ISO 8601，带时区）；按 Asia/Shanghai 自然日，最长三年' }) from: Date,
    @Args('to', { description: '统计期结束 to（不含），DateTime（ISO 8601，带时区），晚于 from' }) to: Date,
  ): Promise<RegionStats> {
    return this.service.regionStats(actor, regionId, from, to);
  }

  @Public()
  @Query(() => RegionStats, {
    description: '公开统计 public statistics（无需登录）：同样的数据，不含个人信息；少于 5 人的计数为 null 并标记 suppressed',
  })
  publicRegionStats(
    @Args('regionId', { type: () => ID, description: '区域 region 的 id' }) regionId: string,
    @Args('from', { description: '统计期开始 from，DateTime（ISO 8601，带时区）；按 Asia/Shanghai 自然日，最长三年' }) from: Date,
    @Args('to', { description: '统计期结束 to（不含），DateTime（ISO 8601，带时区），晚于 from' }) to: Date,
  ): Promise<RegionStats> {
    return this.service.regionStats(null, regionId, from, to, true);
  }

  @Authorize(Permission.STATS_READ)
  @Query(() => RegionAttributes, { description: '统计用区域属性 region attributes（辖区内区域，STATS_READ）' })
  regionAttributes(
    @CurrentActor() actor: Actor,
    @Args('regionId', { type: () => ID, description: '区域 region 的 id' }) regionId: string,
  ): Promise<RegionAttributes> {
    return this.service.attributes(actor, regionId);
  }

  @Authorize(Permission.STATS_ATTRIBUTES_SET)
  @Mutation(() => RegionAttributes, {
    description: '设置统计用区域属性 set region attributes：人口、城乡类别、志愿服务站点、全科服务类别、目标值（辖区内的街道/系统管理员）',
  })
  setRegionAttributes(
    @CurrentActor() actor: Actor,
    @Args('input', { description: '要设置的属性 the attributes' }) input: SetRegionAttributesInput,
  ): Promise<RegionAttributes> {
    return this.service.setAttributes(actor, input);
  }

  @Authorize(Permission.STATS_ATTRIBUTES_SET)
  @Mutation(() => Boolean, { description: "登记社区工作者的社会工作职业资格（持证）record a community worker's social-work qualification；返回登记后的值" })
  setWorkerQualification(
    @CurrentActor() actor: Actor,
    @Args('personId', { type: () => ID, description: '社区工作者 person 的 id（须在调用者辖区的社区担任社区工作者）' }) personId: string,
    @Args('qualified', { description: '是否持证 qualified' }) qualified: boolean,
    @Args('certificateNo', { type: () => String, nullable: true, description: '证书编号 certificate number（可选）' }) certificateNo: string | null,
  ): Promise<boolean> {
    return this.service.setQualification(actor, personId, qualified, certificateNo ?? null);
  }
}
