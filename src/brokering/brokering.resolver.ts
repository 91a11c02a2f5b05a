import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { groupByKeys, loader } from '../common/graphql/context.js';
import type { GqlContext } from '../common/graphql/context.js';
import { Connection, decodeCursor, PageArgs, toConnection } from '../common/graphql/connection.js';
import { Need, NeedConnection } from '../needs/need.model.js';
import type { NeedRecord } from '../needs/need.record.js';
import { NeedsService } from '../needs/needs.service.js';
import { Project } from '../projects/project.model.js';
import { ProjectsService } from '../projects/projects.service.js';
import { Region } from '../regions/region.model.js';
import { RegionLoaders } from '../regions/regions.loaders.js';
import { Resource } from '../resources/resource.model.js';
import { ResourcesRepository } from '../resources/resources.repository.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import { BookResourceInput, DemandGroup, ResourceBooking, ResourceDay, ResourceGap, ResourceMatch } from './brokering.model.js';
import { BrokeringService } from './brokering.service.js';
import { brokeringErrors } from './brokering.errors.js';

const resourceLoader = (ctx: GqlContext, repo: ResourcesRepository) =>
  loader<string, Resource | null>(ctx, 'brokeringResource', async (ids) => {
    const rows = new Map((await repo.byIds(ids)).map((r) => [r.id, r]));
    return ids.map((id) => rows.get(id) ?? null);
  });

/** Three-list brokering 三项清单对接 (docs/brokering.md). */
@Resolver()
export class BrokeringResolver {
  constructor(private readonly service: BrokeringService) {}

  @Authorize(Permission.RESOURCE_BOOK)
  @Query(() => [ResourceMatch], {
    description: '资源匹配 match resources：为需求排序资源（类别、区域、开放时间、当天剩余容量、提供方状态），带理由；需求须在辖区内（RESOURCE_BOOK）',
  })
  matchResources(
    @CurrentActor() actor: Actor,
    @Args('needId', { type: () => ID, description: '需求 id' }) needId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 10, description: '最多返回几个 how many（1–50，默认 10）' }) first: number,
  ): Promise<ResourceMatch[]> {
    return this.service.matchResources(actor, needId, Math.min(Math.max(first, 1), 50));
  }

  @Authorize(Permission.RESOURCE_BOOK)
  @Mutation(() => ResourceBooking, { description: '预订资源 book：按需求的服务日期占用资源容量（慈善超市物资同时出库）；超出容量为 LIMIT_EXCEEDED' })
  bookResource(@CurrentActor() actor: Actor, @Args('input', { description: '预订内容 the booking' }) input: BookResourceInput): Promise<ResourceBooking> {
    return this.service.book(actor, input);
  }

  @Authorize(Permission.RESOURCE_BOOK)
  @Mutation(() => ResourceBooking, { description: '取消预订 cancel a booking：退回容量（和物资）' })
  cancelResourceBooking(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '预订 booking 的 id' }) id: string): Promise<ResourceBooking> {
    return this.service.cancelBooking(actor, id);
  }

  @Authorize(Permission.DEMAND_READ)
  @Query(() => [DemandGroup], {
    description: '需求梳理看板 unmet-demand board：统计期内按社区 × 类别的需求，社区自身无法满足的部分；只计调用者辖区内的需求（DEMAND_READ）',
  })
  unmetDemand(
    @CurrentActor() actor: Actor,
    @Args('regionId', { type: () => ID, description: '区域 region 的 id' }) regionId: string,
    @Args('from', { description: '服务时段开始于 [from, to) 的需求；from 为 DateTime（ISO 8601，带时区）' }) from: Date,
    @Args('to', { description: '统计期结束 to（不含），DateTime（ISO 8601，带时区）；统计期最长 366 天' }) to: Date,
  ): Promise<DemandGroup[]> {
    return this.service.unmetDemand(actor, regionId, from, to);
  }

  @Authorize(Permission.DEMAND_READ)
  @Query(() => [ResourceGap], { description: '资源缺口 resource gaps：按社区和类别，需求与可服务资源容量的对比（DEMAND_READ）' })
  resourceGaps(
    @CurrentActor() actor: Actor,
    @Args('regionId', { type: () => ID, description: '区域 region 的 id' }) regionId: string,
    @Args('from', { description: '统计期开始 from，DateTime（ISO 8601，带时区）' }) from: Date,
    @Args('to', { description: '统计期结束 to（不含），DateTime（ISO 8601，带时区）；统计期最长 366 天' }) to: Date,
  ): Promise<ResourceGap[]> {
    return this.service.resourceGaps(actor, regionId, from, to);
  }
}

@Resolver(() => DemandGroup)
export class DemandGroupResolver {
  constructor(
    private readonly regions: RegionLoaders,
    private readonly resourceRepo: ResourcesRepository,
    private readonly needService: NeedsService,
    private readonly projects: ProjectsService,
  ) {}

  @ResolveField(() => Region, { description: '社区 community' })
  community(@Parent() g: DemandGroup, @Context() ctx: GqlContext): Promise<Region | null> {
    return this.regions.region(ctx).load(g.communityId);
  }

  @ResolveField(() => NeedConnection, { description: '本组的需求 needs，从新到旧（调用者不可见的需求不列出）' })
  async needs(@Parent() g: DemandGroup, @CurrentActor() actor: Actor, @Args() page: PageArgs): Promise<Connection<NeedRecord>> {
    const start = page.after ? g.allNeedIds.indexOf(String(decodeCursor(page.after, 1)[0])) + 1 : 0;
    if (page.after && start === 0) throw brokeringErrors.cursor();
    const ids = g.allNeedIds.slice(start, start + page.first + 1);
    // The board counts needs in the reader's DEMAND_READ scope; a need the reader may not open is left out of the page.
    const found = new Map(
      (await Promise.all(ids.map((id) => this.needService.find(actor, id).catch(() => null)))).filter((n): n is NeedRecord => !!n).map((n) => [n.id, n]),
    );
    const rows = ids.map((id) => found.get(id)).filter((n): n is NeedRecord => !!n);
    return toConnection(
      rows,
      page.first,
      g.allNeedIds.length,
      (n) => [n.id],
      (n) => n,
    );
  }

  @ResolveField(() => [Resource], { description: '该类别、服务区域与社区重叠的有效资源 active resources' })
  async resources(@Parent() g: DemandGroup & { resourceIds: string[] }, @Context() ctx: GqlContext): Promise<Resource[]> {
    const rows = await Promise.all(g.resourceIds.map((id) => resourceLoader(ctx, this.resourceRepo).load(id)));
    return rows.filter((r): r is Resource => !!r);
  }

  @ResolveField(() => Project, { nullable: true, description: '已服务本组需求的民生项目 project（projectIds 的第一个）；无则为 null' })
  async project(@Parent() g: DemandGroup, @CurrentActor() actor: Actor): Promise<Project | null> {
    if (g.projectIds.length === 0) return null;
    return this.projects.find(actor, g.projectIds[0]);
  }
}

@Resolver(() => ResourceGap)
export class ResourceGapResolver {
  constructor(private readonly regions: RegionLoaders) {}

  @ResolveField(() => Region, { description: '社区 community' })
  community(@Parent() g: ResourceGap, @Context() ctx: GqlContext): Promise<Region | null> {
    return this.regions.region(ctx).load(g.communityId);
  }
}

@Resolver(() => ResourceBooking)
export class ResourceBookingResolver {
  constructor(private readonly resources: ResourcesRepository) {}

  @ResolveField(() => Resource, { description: '预订的资源 resource' })
  resource(@Parent() b: ResourceBooking, @Context() ctx: GqlContext): Promise<Resource | null> {
    return resourceLoader(ctx, this.resources).load(b.resourceId);
  }
}

@Resolver(() => Need)
export class NeedBookingsResolver {
  constructor(private readonly service: BrokeringService) {}

  @ResolveField(() => [ResourceBooking], { description: '为此需求预订的资源 resource bookings (docs/brokering.md)' })
  bookings(@Parent() n: NeedRecord, @Context() ctx: GqlContext): Promise<ResourceBooking[]> {
    return loader<string, ResourceBooking[]>(ctx, 'needBookings', async (ids) => groupByKeys(ids, await this.service.bookingsOf(ids), (b) => b.needId)).load(
      n.id,
    );
  }
}

@Resolver(() => Resource)
export class ResourceCalendarResolver {
  constructor(private readonly service: BrokeringService) {}

  @ResolveField(() => [ResourceDay], { description: '资源日历 calendar：每天（Asia/Shanghai）的容量、已预订和剩余，from … to 含两端，最多 92 天' })
  calendar(
    @Parent() r: Resource,
    @Args('from', { description: '开始日 from，DateTime（ISO 8601，带时区）（取其 Asia/Shanghai 日期）' }) from: Date,
    @Args('to', { description: '结束日 to（含），DateTime（ISO 8601，带时区）（取其 Asia/Shanghai 日期）' }) to: Date,
  ): Promise<ResourceDay[]> {
    return this.service.calendar(r, from, to);
  }
}
