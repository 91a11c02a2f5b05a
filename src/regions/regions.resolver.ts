import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/graphql/context.js';
import { Public } from '../scope/scope.decorators.js';
import { Region } from './region.model.js';
import { RegionLoaders } from './regions.loaders.js';
import { RegionsService } from './regions.service.js';
import { Station } from './station.model.js';
import { statisticalCode } from './region-level.js';

/** The region tree is public: residents pick their grid before they have an account. */
@Resolver(() => Region)
export class RegionsResolver {
  constructor(
    private readonly service: RegionsService,
    private readonly loaders: RegionLoaders,
  ) {}

  @Public()
  @Query(() => Region, { nullable: true, description: '一个区划节点' })
  region(@Args('id', { type: () => ID }) id: string): Promise<Region | null> {
    return this.service.find(id);
  }

  @Public()
  @Query(() => [Region], { description: 'Children of `parentId`, or the roots when it is omitted' })
  regions(@Args('parentId', { type: () => ID, nullable: true }) parentId?: string): Promise<Region[]> {
    return this.service.list(parentId);
  }

  @ResolveField(() => String)
  code(@Parent() region: Region): string {
    return statisticalCode(region.code);
  }

  @ResolveField(() => Region, { nullable: true })
  parent(@Parent() region: Region, @Context() ctx: GqlContext): Promise<Region | null> | null {
    if (!region.parentId) return null;
    return this.loaders.region(ctx).load(region.parentId);
  }

  @ResolveField(() => [Region])
  children(@Parent() region: Region, @Context() ctx: GqlContext): Promise<Region[]> {
    return this.loaders.children(ctx).load(region.id);
  }

  @ResolveField(() => [Station], { description: 'Stations located at this node (社工站 at a street, 社工室 at a community)' })
  stations(@Parent() region: Region, @Context() ctx: GqlContext): Promise<Station[]> {
    return this.loaders.stations(ctx).load(region.id);
  }
}
