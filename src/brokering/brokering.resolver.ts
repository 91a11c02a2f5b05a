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
    description: '资源匹配: resources ranked for a need (category, area, opening hours, capacity left that day, provider standing), with reasons',
  })
  matchResources(
    @CurrentActor() actor: Actor,
    @Args('needId', { type: () => ID }) needId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 10 }) first: number,
  ): Promise<ResourceMatch[]> {
    return this.service.matchResources(actor, needId, Math.min(Math.max(first, 1), 50));
  }

  @Authorize(Permission.RESOURCE_BOOK)
  @Mutation(() => ResourceBooking, { description: "预订资源: takes capacity of the resource for the need's date (charity-supermarket goods leave the stock)" })
  bookResource(@CurrentActor() actor: Actor, @Args('input') input: BookResourceInput): Promise<ResourceBooking> {
    return this.service.book(actor, input);
  }

  @Authorize(Permission.RESOURCE_BOOK)
  @Mutation(() => ResourceBooking, { description: '取消预订: gives the capacity (and goods) back' })
  cancelResourceBooking(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ResourceBooking> {
    return this.service.cancelBooking(actor, id);
  }

  @Authorize(Permission.DEMAND_READ)
  @Query(() => [DemandGroup], { description: '需求梳理看板: needs of the period by category × community, what the community cannot serve alone' })
  unmetDemand(
    @CurrentActor() actor: Actor,
    @Args('regionId', { type: () => ID }) regionId: string,
    @Args('from') from: Date,
    @Args('to') to: Date,
  ): Promise<DemandGroup[]> {
    return this.service.unmetDemand(actor, regionId, from, to);
  }

  @Authorize(Permission.DEMAND_READ)
  @Query(() => [ResourceGap], { description: '资源缺口: per community and category, demand against the capacity of the resources that can serve it' })
  resourceGaps(
    @CurrentActor() actor: Actor,
    @Args('regionId', { type: () => ID }) regionId: string,
    @Args('from') from: Date,
    @Args('to') to: Date,
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

  @ResolveField(() => Region, { description: '社区' })
  community(@Parent() g: DemandGroup, @Context() ctx: GqlContext): Promise<Region | null> {
    return this.regions.region(ctx).load(g.communityId);
  }

  @ResolveField(() => NeedConnection, { description: "The group's needs, newest first" })
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

  @ResolveField(() => [Resource], { description: 'Active resources of the category whose area overlaps the community' })
  async resources(@Parent() g: DemandGroup & { resourceIds: string[] }, @Context() ctx: GqlContext): Promise<Resource[]> {
    const rows = await Promise.all(g.resourceIds.map((id) => resourceLoader(ctx, this.resourceRepo).load(id)));
    return rows.filter((r): r is Resource => !!r);
  }

  @ResolveField(() => Project, { nullable: true, description: 'A project already serving needs of this group (the first of projectIds)' })
  async project(@Parent() g: DemandGroup, @CurrentActor() actor: Actor): Promise<Project | null> {
    if (g.projectIds.length === 0) return null;
    return this.projects.find(actor, g.projectIds[0]);
  }
}

@Resolver(() => ResourceGap)
export class ResourceGapResolver {
  constructor(private readonly regions: RegionLoaders) {}

  @ResolveField(() => Region)
  community(@Parent() g: ResourceGap, @Context() ctx: GqlContext): Promise<Region | null> {
    return this.regions.region(ctx).load(g.communityId);
  }
}

@Resolver(() => ResourceBooking)
export class ResourceBookingResolver {
  constructor(private readonly resources: ResourcesRepository) {}

  @ResolveField(() => Resource)
  resource(@Parent() b: ResourceBooking, @Context() ctx: GqlContext): Promise<Resource | null> {
    return resourceLoader(ctx, this.resources).load(b.resourceId);
  }
}

@Resolver(() => Need)
export class NeedBookingsResolver {
  constructor(private readonly service: BrokeringService) {}

  @ResolveField(() => [ResourceBooking], { description: 'Resources booked for the need (docs/brokering.md)' })
  bookings(@Parent() n: NeedRecord, @Context() ctx: GqlContext): Promise<ResourceBooking[]> {
    return loader<string, ResourceBooking[]>(ctx, 'needBookings', async (ids) => groupByKeys(ids, await this.service.bookingsOf(ids), (b) => b.needId)).load(
      n.id,
    );
  }
}

@Resolver(() => Resource)
export class ResourceCalendarResolver {
  constructor(private readonly service: BrokeringService) {}

  @ResolveField(() => [ResourceDay], { description: 'Capacity, booked and remaining per day (Asia/Shanghai), from … to inclusive, at most 92 days' })
  calendar(@Parent() r: Resource, @Args('from') from: Date, @Args('to') to: Date): Promise<ResourceDay[]> {
    return this.service.calendar(r, from, to);
  }
}
