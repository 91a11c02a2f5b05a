import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageArgs } from '../common/graphql/connection.js';
import { FenScalar, MAX_FEN } from '../common/graphql/fen.scalar.js';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export enum CharityKind {
  FUND = 'FUND',
  SUPERMARKET = 'SUPERMARKET',
}

registerEnumType(CharityKind, {
  name: 'CharityKind',
  description: '慈善资源类型 charity kind',
  valuesMap: {
    FUND: { description: '社区慈善基金 community charity fund (money, fen)' },
    SUPERMARKET: { description: '慈善超市 / 慈善小屋 charity supermarket (goods)' },
  },
});

export enum CharityEntryKind {
  MONEY_DONATION = 'MONEY_DONATION',
  GOODS_DONATION = 'GOODS_DONATION',
  GRANT = 'GRANT',
  REVERSAL = 'REVERSAL',
  /** Project transfers (docs/projects.md "Money"): two entries each, one per account, summing to zero. */
  PROJECT_RESERVE = 'PROJECT_RESERVE',
  PROJECT_RELEASE = 'PROJECT_RELEASE',
  PROJECT_DISBURSE = 'PROJECT_DISBURSE',
}

/** The accounts of a fund: AVAILABLE + RESERVED is money on hand; PAID_OUT what went to undertaking organizations. */
export enum FundAccount {
  AVAILABLE = 'AVAILABLE',
  RESERVED = 'RESERVED',
  PAID_OUT = 'PAID_OUT',
}

registerEnumType(FundAccount, {
  name: 'FundAccount',
  description: '基金账户 fund account: AVAILABLE + RESERVED is money on hand; PAID_OUT what went to undertaking organizations',
  valuesMap: {
    AVAILABLE: { description: '可用 available: may be granted or reserved' },
    RESERVED: { description: '项目预留 reserved for approved projects, not yet paid out' },
    PAID_OUT: { description: '已拨付 paid out to undertaking organizations' },
  },
});

registerEnumType(CharityEntryKind, {
  name: 'CharityEntryKind',
  description: '慈善流水类型 charity entry kind',
  valuesMap: {
    MONEY_DONATION: { description: '资金捐赠 money donation (fen)' },
    GOODS_DONATION: { description: '物资捐赠 goods donation (units)' },
    GRANT: { description: '资助/发放 grant: money or goods to a need, a project or a person (物资发放)' },
    REVERSAL: { description: '冲正: mirror of an earlier entry' },
    PROJECT_RESERVE: { description: "项目预留: AVAILABLE → RESERVED at a project's approval" },
    PROJECT_RELEASE: { description: '预留释放: RESERVED → AVAILABLE when a project is cancelled' },
    PROJECT_DISBURSE: { description: '项目拨付: RESERVED → PAID_OUT to the undertaking organization' },
  },
});

@ObjectType('Charity', {
  description:
    '慈善资源 charity: a charity fund or supermarket in a region; holdings are derived from its entries. Any logged-in user sees it; its entries need charity/social/community staff in scope',
})
export class Charity {
  @Field(() => ID, { description: '慈善资源 ID' }) id: string;
  @Field(() => CharityKind, { description: '类型 kind' }) kind: CharityKind;
  @Field({ description: '名称 name' }) name: string;
  @Field(() => String, { nullable: true, description: '地址 address; null = none given' }) address: string | null;
  @Field(() => Date, { description: '设立时间 created at, DateTime (ISO 8601, UTC)' }) createdAt: Date;
  regionId: string;
  path: string;
}

@ObjectType('CharityEntry', {
  description: '慈善流水 one append-only ledger entry of a charity (money in fen, goods in units); charity, social and community staff in scope',
})
export class CharityEntry {
  @Field(() => ID, { description: '流水 ID' }) id: string;
  @Field(() => CharityEntryKind, { description: '类型 kind' }) kind: CharityEntryKind;
  @Field(() => FenScalar, { description: '金额 money in fen 分: + donation, − grant or reversal of a donation' }) amountFen: number;
  @Field(() => String, { nullable: true, description: '物资名称 item name; null for money' }) itemName: string | null;
  @Field(() => String, { nullable: true, description: '单位 item unit (袋, 箱, 件); null for money' }) itemUnit: string | null;
  @Field(() => Int, { description: '数量 goods units: + donation, − grant or reversal' }) quantity: number;
  @Field(() => FenScalar, { description: '估值 estimated value of goods, fen 分 (0 for money)' }) valueFen: number;
  @Field(() => String, {
    nullable: true,
    description: '捐赠人 donor name (匿名 for anonymous donors unless the viewer manages the charity); null when not a donation',
  })
  donorName: string | null;
  @Field({ description: '匿名 the donor asked to stay anonymous' }) anonymous: boolean;
  @Field(() => String, { nullable: true, description: '用途 purpose (e.g. 助老助餐); null = none' }) purpose: string | null;
  @Field(() => String, { nullable: true, description: '收据编号 receipt number (unique per charity); null when not a donation' }) receiptNo: string | null;
  @Field(() => ID, { nullable: true, description: '被冲正流水 ID: the entry this one reverses; null unless REVERSAL' }) reversesEntryId: string | null;
  @Field(() => String, { nullable: true, description: '原因 reason of a reversal; null otherwise' }) reason: string | null;
  @Field(() => Date, { description: '登记时间 recorded at, DateTime (ISO 8601, UTC)' }) recordedAt: Date;
  @Field(() => FundAccount, { description: '基金账户 the fund account this entry posts to' }) account: FundAccount;
  @Field(() => ID, { nullable: true, description: '划转 ID: the transfer a project movement belongs to (its two entries sum to zero); null otherwise' })
  transferId: string | null;
  @Field(() => ID, { nullable: true, description: '项目 ID of a project movement; null otherwise' }) projectId: string | null;
  @Field(() => String, { nullable: true, description: '资助对象类型 what a grant or hand-out went to: NEED, PROJECT or PERSON; null otherwise' }) targetType?:
    string | null;
  @Field(() => ID, { nullable: true, description: '资助对象 ID (a need, project or person, see targetType); null otherwise' }) targetId?: string | null;
  @Field(() => ID, { nullable: true, description: '领取人 ID: the resident who received a hand-out (物资发放); null otherwise' }) recipientPersonId?:
    string | null;
  charityId: string;
  seq: number;
}

@ObjectType('GoodsStock', { description: '物资库存 goods on hand of one item, derived from entries' })
export class GoodsStock {
  @Field({ description: '物资名称 item name' }) itemName: string;
  @Field({ description: '单位 unit' }) itemUnit: string;
  @Field(() => Int, { description: '库存数量 units on hand (≥ 0)' }) quantity: number;
}

@InputType({ description: '设立慈善资源 create a charity fund or supermarket (charity admins and street admins in scope)' })
export class CreateCharityInput {
  @Field(() => CharityKind, { description: '类型 kind' }) @IsIn(Object.values(CharityKind)) kind: CharityKind;
  @Field({ description: '名称 name, ≤ 100 characters' }) @IsString() @IsNotEmpty({ message: '请填写名称' }) @MaxLength(100) name: string;
  @Field(() => ID, { description: '所属区域 ID: a street or community in my scope' }) @IsString() regionId: string;
  @Field(() => String, { nullable: true, description: '地址 address, ≤ 200 characters' }) @IsOptional() @IsString() @MaxLength(200) address?: string | null;
}

@InputType({ isAbstract: true })
class DonationBase {
  @Field(() => ID, { description: '慈善资源 ID' }) @IsString() charityId: string;

  @Field({ description: '捐赠人 donor name (person, company or 匿名), ≤ 100 characters' })
  @IsString()
  @IsNotEmpty({ message: '请填写捐赠人' })
  @MaxLength(100)
  donorName: string;

  @Field(() => ID, { nullable: true, description: '捐赠人居民 ID, when the donor is a registered person' })
  @IsOptional()
  @IsString()
  donorPersonId?: string | null;

  @Field(() => ID, { nullable: true, description: '捐赠组织 ID, when the donor is a registered organization' })
  @IsOptional()
  @IsString()
  donorOrganizationId?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "匿名 hide the donor's name from non-managers (default false)" })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;

  @Field(() => String, { nullable: true, description: '用途 purpose (e.g. 助老助餐), ≤ 200 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  purpose?: string | null;

  @Field({ description: '收据编号 receipt number, unique per charity, ≤ 40 characters' })
  @IsString()
  @IsNotEmpty({ message: '请填写收据编号' })
  @MaxLength(40)
  receiptNo: string;
}

@InputType({ description: '资金捐赠 money donation to a charity fund' })
export class RecordMoneyDonationInput extends DonationBase {
  @Field(() => FenScalar, { description: '金额 amount in fen 分, 1 … 10^13' })
  @IsInt({ message: '金额应为整数（分）' })
  @Min(1, { message: '金额应大于0' })
  @Max(MAX_FEN, { message: '金额超出上限' })
  amountFen: number;
}

@InputType({ description: '物资捐赠 goods donation to a charity supermarket' })
export class RecordGoodsDonationInput extends DonationBase {
  @Field({ description: '物资名称 item name, ≤ 50 characters' }) @IsString() @IsNotEmpty({ message: '请填写物资名称' }) @MaxLength(50) itemName: string;
  @Field({ description: '单位 unit, e.g. 袋, 箱, 件 (≤ 10 characters)' }) @IsString() @IsNotEmpty({ message: '请填写单位' }) @MaxLength(10) itemUnit: string;

  @Field(() => Int, { description: '数量 units, 1–1000000' })
  @IsInt({ message: '数量应为整数' })
  @Min(1, { message: '数量应大于0' })
  @Max(1_000_000)
  quantity: number;

  @Field(() => FenScalar, { nullable: true, defaultValue: 0, description: '估值 estimated value in fen 分, 0 … 10^13 (default 0)' })
  @IsOptional()
  @IsInt({ message: '估值应为整数（分）' })
  @Min(0, { message: '估值不能为负' })
  @Max(MAX_FEN, { message: '估值超出上限' })
  valueFen?: number;
}

@ArgsType()
export class CharitiesArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: '区域 ID: only charities in this region and below' }) @IsOptional() @IsString() regionId?: string | null;
  @Field(() => CharityKind, { nullable: true, description: '类型 only this kind' }) @IsOptional() @IsIn(Object.values(CharityKind)) kind?: CharityKind | null;
}

@InputType({ description: '物资发放 hand-out input: goods from a charity supermarket to a resident (docs/everyday.md)' })
export class HandOutGoodsInput {
  @Field(() => ID, { description: '慈善超市 ID (the charity)' }) @IsString() charityId: string;
  @Field(() => ID, { description: '领取人 ID: a resident in my scope' }) @IsString() personId: string;
  @Field({ description: '物资名称 item name as in the stock, e.g. 大米' }) @IsString() @IsNotEmpty({ message: '请填写物资名称' }) @MaxLength(50) item: string;
  @Field(() => Int, { description: '数量 units, ≥ 1 and not more than the stock' }) @IsInt({ message: '数量应为整数' }) quantity: number;
  @Field(() => ID, { nullable: true, description: '需求 ID: the need the goods answer, if any' }) @IsOptional() @IsString() needId?: string | null;
  @Field({ description: '幂等键 idempotency key chosen by the client: the same key returns the same hand-out instead of a second one' })
  @IsString()
  idempotencyKey: string;
}
