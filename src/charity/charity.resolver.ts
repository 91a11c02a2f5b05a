import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { byKeys, groupByKeys, loader, LoaderKey } from '../common/graphql/context.js';
import type { GqlContext } from '../common/graphql/context.js';
import { ConnectionType, PageArgs } from '../common/graphql/connection.js';
import { Person } from '../people/person.model.js';
import { Region } from '../regions/region.model.js';
import { RegionLoaders } from '../regions/regions.loaders.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import { FenScalar } from '../common/graphql/fen.scalar.js';
import {
  CharitiesArgs,
  Charity,
  CharityEntry,
  CreateCharityInput,
  GoodsStock,
  HandOutGoodsInput,
  RecordGoodsDonationInput,
  RecordMoneyDonationInput,
} from './charity.model.js';
import { CharityRepository, FundBalances } from './charity.repository.js';
import { CharityService } from './charity.service.js';

export const CharityConnection = ConnectionType(Charity, 'Charity');
export const CharityEntryConnection = ConnectionType(CharityEntry, 'CharityEntry');

const BALANCE = new LoaderKey<string, { balanceFen: bigint } | null>('charityBalance');
const STOCK = new LoaderKey<string, GoodsStock[]>('charityStock');

@Resolver(() => Charity)
export class CharityResolver {
  constructor(
    private readonly service: CharityService,
    private readonly repo: CharityRepository,
    private readonly regions: RegionLoaders,
  ) {}

  /** LOGGED_IN: the charities themselves are public within the platform; their entries need CHARITY_READ. */
  @Authorize(Permission.LOGGED_IN)
  @Query(() => Charity, { nullable: true, description: '慈善基金 or 慈善超市' })
  charity(@Args('id', { type: () => ID }) id: string): Promise<Charity | null> {
    return this.service.get(id);
  }

  @Authorize(Permission.LOGGED_IN)
  @Query(() => CharityConnection, { description: 'Charity funds and supermarkets, optionally under a region' })
  charities(@Args() args: CharitiesArgs) {
    return this.service.list(args.regionId, args.kind, args);
  }

  @Authorize(Permission.CHARITY_MANAGE)
  @Mutation(() => Charity, { description: "设立慈善基金 / 慈善超市 in a street or community of the caller's scope" })
  createCharity(@CurrentActor() actor: Actor, @Args('input') input: CreateCharityInput): Promise<Charity> {
    return this.service.create(actor, input);
  }

  @Authorize(Permission.CHARITY_MANAGE)
  @Mutation(() => CharityEntry, { description: '登记资金捐赠 (fen); the receipt number is unique per charity' })
  recordMoneyDonation(@CurrentActor() actor: Actor, @Args('input') input: RecordMoneyDonationInput): Promise<CharityEntry> {
    return this.service.recordMoney(actor, input);
  }

  @Authorize(Permission.CHARITY_MANAGE)
  @Mutation(() => CharityEntry, { description: '登记物资捐赠' })
  recordGoodsDonation(@CurrentActor() actor: Actor, @Args('input') input: RecordGoodsDonationInput): Promise<CharityEntry> {
    return this.service.recordGoods(actor, input);
  }

  @Authorize(Permission.CHARITY_MANAGE)
  @Mutation(() => CharityEntry, { description: '冲正: records the mirror entry of an earlier one (entries are never edited)' })
  reverseCharityEntry(
    @CurrentActor() actor: Actor,
    @Args('entryId', { type: () => ID }) entryId: string,
    @Args('reason') reason: string,
  ): Promise<CharityEntry> {
    return this.service.reverse(actor, entryId, reason);
  }

  @Authorize(Permission.CHARITY_MANAGE)
  @Mutation(() => CharityEntry, {
    description: '物资发放: goods to a resident in scope (for a need or by staff decision); never below zero; idempotent per key',
  })
  handOutGoods(@CurrentActor() actor: Actor, @Args('input') input: HandOutGoodsInput): Promise<CharityEntry> {
    return this.service.handOut(actor, input);
  }

  @ResolveField(() => Region)
  region(@Parent() c: Charity, @Context() ctx: GqlContext): Promise<Region | null> {
    return this.regions.region(ctx).load(c.regionId);
  }

  @ResolveField(() => FenScalar, { description: 'Money on hand in fen: AVAILABLE + RESERVED (exact, as a decimal string)' })
  async balanceFen(@Parent() c: Charity, @Context() ctx: GqlContext): Promise<bigint> {
    const row = await loader(ctx, BALANCE, async (ids) => byKeys(ids, await this.repo.balances(ids), (b) => b.charityId)).load(c.id);
    return row?.balanceFen ?? 0n;
  }

  @ResolveField(() => FenScalar, { description: 'Money that may be granted or reserved (AVAILABLE account), fen' })
  async availableFen(@Parent() c: Charity, @Context() ctx: GqlContext): Promise<bigint> {
    return (await this.fund(c, ctx))?.availableFen ?? 0n;
  }

  @ResolveField(() => FenScalar, { description: 'Money reserved for approved projects and not yet paid out (RESERVED account), fen' })
  async reservedFen(@Parent() c: Charity, @Context() ctx: GqlContext): Promise<bigint> {
    return (await this.fund(c, ctx))?.reservedFen ?? 0n;
  }

  @ResolveField(() => FenScalar, { description: 'Money paid out to undertaking organizations of projects (PAID_OUT account), fen' })
  async paidOutFen(@Parent() c: Charity, @Context() ctx: GqlContext): Promise<bigint> {
    return (await this.fund(c, ctx))?.paidOutFen ?? 0n;
  }

  @ResolveField(() => Boolean, { description: "The fund's books balance: every project transfer sums to zero and no account is below zero" })
  booksBalanced(@Parent() c: Charity): Promise<boolean> {
    return this.service.booksBalanced(c.id);
  }

  private fund(c: Charity, ctx: GqlContext) {
    return loader<string, FundBalances | null>(ctx, 'charityFund', async (ids) => byKeys(ids, await this.service.fundBooks(ids), (b) => b.charityId)).load(
      c.id,
    );
  }

  @ResolveField(() => [GoodsStock], { description: 'Goods on hand by item' })
  goods(@Parent() c: Charity, @Context() ctx: GqlContext): Promise<GoodsStock[]> {
    return loader(ctx, STOCK, async (ids) => groupByKeys(ids, await this.repo.stock(ids), (s) => s.charityId)).load(c.id);
  }

  @ResolveField(() => CharityEntryConnection, { description: 'Ledger entries, newest first (charity, social and community staff in scope)' })
  entries(@Parent() c: Charity, @Context() ctx: GqlContext, @Args() page: PageArgs) {
    return this.service.entries(ctx.actor!, c, page);
  }
}

/** 物资领取 on the resident's record (docs/everyday.md). */
@Resolver(() => Person)
export class PersonGoodsResolver {
  constructor(private readonly service: CharityService) {}

  @ResolveField(() => [CharityEntry], { description: '物资领取: goods handed out to this person (the person, staff who see them in full, charity managers)' })
  goodsReceived(@Parent() p: Person, @Context() ctx: GqlContext): Promise<CharityEntry[]> {
    return ctx.actor ? this.service.handOutsOf(ctx.actor, p) : Promise.resolve([]);
  }
}
