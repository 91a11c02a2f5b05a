var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { byKeys, groupByKeys, loader, LoaderKey } from '../common/graphql/context.js';
import { ConnectionType, PageArgs } from '../common/graphql/connection.js';
import { Region } from '../regions/region.model.js';
import { RegionLoaders } from '../regions/regions.loaders.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import { FenScalar } from '../common/graphql/fen.scalar.js';
import { CharitiesArgs, Charity, CharityEntry, CreateCharityInput, GoodsStock, RecordGoodsDonationInput, RecordMoneyDonationInput } from './charity.model.js';
import { CharityRepository } from './charity.repository.js';
import { CharityService } from './charity.service.js';
export const CharityConnection = ConnectionType(Charity, 'Charity');
export const CharityEntryConnection = ConnectionType(CharityEntry, 'CharityEntry');
const BALANCE = new LoaderKey('charityBalance');
const STOCK = new LoaderKey('charityStock');
let CharityResolver = class CharityResolver {
    service;
    repo;
    regions;
    constructor(service, repo, regions) {
        this.service = service;
        this.repo = repo;
        this.regions = regions;
    }
    /** LOGGED_IN: the charities themselves are public within the platform; their entries need CHARITY_READ. */
    charity(id) {
        return this.service.get(id);
    }
    charities(args) {
        return this.service.list(args.regionId, args.kind, args);
    }
    createCharity(actor, input) {
        return this.service.create(actor, input);
    }
    recordMoneyDonation(actor, input) {
        return this.service.recordMoney(actor, input);
    }
    recordGoodsDonation(actor, input) {
        return this.service.recordGoods(actor, input);
    }
    reverseCharityEntry(actor, entryId, reason) {
        return this.service.reverse(actor, entryId, reason);
    }
    region(c, ctx) {
        return this.regions.region(ctx).load(c.regionId);
    }
    async balanceFen(c, ctx) {
        const row = await loader(ctx, BALANCE, async (ids) => byKeys(ids, await this.repo.balances(ids), (b) => b.charityId)).load(c.id);
        return row?.balanceFen ?? 0n;
    }
    async availableFen(c, ctx) {
        return (await this.fund(c, ctx))?.availableFen ?? 0n;
    }
    async reservedFen(c, ctx) {
        return (await this.fund(c, ctx))?.reservedFen ?? 0n;
    }
    async paidOutFen(c, ctx) {
        return (await this.fund(c, ctx))?.paidOutFen ?? 0n;
    }
    booksBalanced(c) {
        return this.service.booksBalanced(c.id);
    }
    fund(c, ctx) {
        return loader(ctx, 'charityFund', async (ids) => byKeys(ids, await this.service.fundBooks(ids), (b) => b.charityId)).load(c.id);
    }
    goods(c, ctx) {
        return loader(ctx, STOCK, async (ids) => groupByKeys(ids, await this.repo.stock(ids), (s) => s.charityId)).load(c.id);
    }
    entries(c, ctx, page) {
        return this.service.entries(ctx.actor, c, page);
    }
};
__decorate([
    Authorize(Permission.LOGGED_IN),
    Query(() => Charity, { nullable: true, description: '慈善基金 or 慈善超市' }),
    __param(0, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], CharityResolver.prototype, "charity", null);
__decorate([
    Authorize(Permission.LOGGED_IN),
    Query(() => CharityConnection, { description: 'Charity funds and supermarkets, optionally under a region' }),
    __param(0, Args()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [CharitiesArgs]),
    __metadata("design:returntype", void 0)
], CharityResolver.prototype, "charities", null);
__decorate([
    Authorize(Permission.CHARITY_MANAGE),
    Mutation(() => Charity, { description: '设立慈善基金 / 慈善超市 in a street or community of the caller\'s scope' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, CreateCharityInput]),
    __metadata("design:returntype", Promise)
], CharityResolver.prototype, "createCharity", null);
__decorate([
    Authorize(Permission.CHARITY_MANAGE),
    Mutation(() => CharityEntry, { description: '登记资金捐赠 (fen); the receipt number is unique per charity' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, RecordMoneyDonationInput]),
    __metadata("design:returntype", Promise)
], CharityResolver.prototype, "recordMoneyDonation", null);
__decorate([
    Authorize(Permission.CHARITY_MANAGE),
    Mutation(() => CharityEntry, { description: '登记物资捐赠' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, RecordGoodsDonationInput]),
    __metadata("design:returntype", Promise)
], CharityResolver.prototype, "recordGoodsDonation", null);
__decorate([
    Authorize(Permission.CHARITY_MANAGE),
    Mutation(() => CharityEntry, { description: '冲正: records the mirror entry of an earlier one (entries are never edited)' }),
    __param(0, CurrentActor()),
    __param(1, Args('entryId', { type: () => ID })),
    __param(2, Args('reason')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String]),
    __metadata("design:returntype", Promise)
], CharityResolver.prototype, "reverseCharityEntry", null);
__decorate([
    ResolveField(() => Region),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Charity, Object]),
    __metadata("design:returntype", Promise)
], CharityResolver.prototype, "region", null);
__decorate([
    ResolveField(() => FenScalar, { description: 'Money on hand in fen: AVAILABLE + RESERVED (exact, as a decimal string)' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Charity, Object]),
    __metadata("design:returntype", Promise)
], CharityResolver.prototype, "balanceFen", null);
__decorate([
    ResolveField(() => FenScalar, { description: 'Money that may be granted or reserved (AVAILABLE account), fen' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Charity, Object]),
    __metadata("design:returntype", Promise)
], CharityResolver.prototype, "availableFen", null);
__decorate([
    ResolveField(() => FenScalar, { description: 'Money reserved for approved projects and not yet paid out (RESERVED account), fen' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Charity, Object]),
    __metadata("design:returntype", Promise)
], CharityResolver.prototype, "reservedFen", null);
__decorate([
    ResolveField(() => FenScalar, { description: 'Money paid out to undertaking organizations of projects (PAID_OUT account), fen' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Charity, Object]),
    __metadata("design:returntype", Promise)
], CharityResolver.prototype, "paidOutFen", null);
__decorate([
    ResolveField(() => Boolean, { description: 'The fund\'s books balance: every project transfer sums to zero and no account is below zero' }),
    __param(0, Parent()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Charity]),
    __metadata("design:returntype", Promise)
], CharityResolver.prototype, "booksBalanced", null);
__decorate([
    ResolveField(() => [GoodsStock], { description: 'Goods on hand by item' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Charity, Object]),
    __metadata("design:returntype", Promise)
], CharityResolver.prototype, "goods", null);
__decorate([
    ResolveField(() => CharityEntryConnection, { description: 'Ledger entries, newest first (charity, social and community staff in scope)' }),
    __param(0, Parent()),
    __param(1, Context()),
    __param(2, Args()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Charity, Object, PageArgs]),
    __metadata("design:returntype", void 0)
], CharityResolver.prototype, "entries", null);
CharityResolver = __decorate([
    Resolver(() => Charity),
    __metadata("design:paramtypes", [CharityService,
        CharityRepository,
        RegionLoaders])
], CharityResolver);
export { CharityResolver };
//# sourceMappingURL=charity.resolver.js.map