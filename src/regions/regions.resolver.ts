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
  @Query(() => Region, { nullable: true, description: '一个区划节点 region（公开）；不存在为 null' })
  region(@Args('id', { type: () => ID, description: '区划 id' }) id: string): Promise<Region | null> {
    return this.service.find(id);
  }

  @Public()
  @Query(() => [Region], { description: '`parentId` 的下级区划 children（公开）；省略时为根节点 roots' })
  regions(@Args('parentId', { type: () => ID, nullable: true, description: '上级区划 parent 的 id；省略为根节点' }) parentId?: string): Promise<Region[]> {
    return this.service.list(parentId);
  }

  @ResolveField(() => String)
  code(@Parent() region: Region): string {
    return statisticalCode(region.code);
  }

  @ResolveField(() => Region, { nullable: true, description: '上级区划 parent；根节点为 null' })
  parent(@Parent() region: Region, @Context() ctx: GqlContext): Promise<Region | null> | null {
    if (!region.parentId) return null;
    return this.loaders.region(ctx).load(region.parentId);
  }

  @ResolveField(() => [Region], { description: '下级区划 children' })
  children(@Parent() region: Region, @Context() ctx: GqlContext): Promise<Region[]> {
    return this.loaders.children(ctx).load(region.id);
  }

  @ResolveField(() => [Station], { description: '位于此节点的服务站点 stations（街道的社工站、社区的社工室等）' })
  stations(@Parent() region: Region, @Context() ctx: GqlContext): Promise<Station[]> {
    return this.loaders.stations(ctx).load(region.id);
  }
}
