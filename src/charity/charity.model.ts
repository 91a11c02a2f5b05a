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
  valuesMap: { FUND: { description: '社区慈善基金' }, SUPERMARKET: { description: '慈善超市 / 慈善小屋' } },
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
  valuesMap: { AVAILABLE: { description: '可用' }, RESERVED: { description: '项目预留' }, PAID_OUT: { description: '已拨付' } },
});

registerEnumType(CharityEntryKind, {
  name: 'CharityEntryKind',
  valuesMap: {
    MONEY_DONATION: { description: '资金捐赠' },
    GOODS_DONATION: { description: '物资捐赠' },
    GRANT: { description: '资助 (to a need or project)' },
    REVERSAL: { description: '冲正: mirror of an earlier entry' },
    PROJECT_RESERVE: { description: "项目预留: AVAILABLE → RESERVED at a project's approval" },
    PROJECT_RELEASE: { description: '预留释放: RESERVED → AVAILABLE when a project is cancelled' },
    PROJECT_DISBURSE: { description: '项目拨付: RESERVED → PAID_OUT to the undertaking organization' },
  },
});

@ObjectType('Charity', { description: '慈善资源: a charity fund or supermarket in a region; holdings are derived from its entries' })
export class Charity {
  @Field(() => ID) id: string;
  @Field(() => CharityKind) kind: CharityKind;
  @Field() name: string;
  @Field(() => String, { nullable: true }) address: string | null;
  @Field(() => Date) createdAt: Date;
  regionId: string;
  path: string;
}

@ObjectType('CharityEntry', { description: 'One append-only ledger entry of a charity (money in fen, goods in units)' })
export class CharityEntry {
  @Field(() => ID) id: string;
  @Field(() => CharityEntryKind) kind: CharityEntryKind;
  @Field(() => FenScalar, { description: 'Money in fen: + donation, − grant or reversal of a donation' }) amountFen: number;
  @Field(() => String, { nullable: true }) itemName: string | null;
  @Field(() => String, { nullable: true }) itemUnit: string | null;
  @Field(() => Int, { description: 'Goods units: + donation, − grant or reversal' }) quantity: number;
  @Field(() => FenScalar, { description: 'Estimated value of goods, fen' }) valueFen: number;
  @Field(() => String, { nullable: true, description: '捐赠人 (匿名 for anonymous donors unless the viewer manages the charity)' }) donorName: string | null;
  @Field() anonymous: boolean;
  @Field(() => String, { nullable: true }) purpose: string | null;
  @Field(() => String, { nullable: true, description: '收据编号 (unique per charity)' }) receiptNo: string | null;
  @Field(() => ID, { nullable: true, description: 'The entry this one reverses' }) reversesEntryId: string | null;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => Date) recordedAt: Date;
  @Field(() => FundAccount, { description: 'The fund account this entry posts to' }) account: FundAccount;
  @Field(() => ID, { nullable: true, description: 'The transfer a project movement belongs to (its two entries sum to zero)' }) transferId: string | null;
  @Field(() => ID, { nullable: true, description: 'The project of a project movement' }) projectId: string | null;
  @Field(() => String, { nullable: true, description: 'What a grant or hand-out went to: NEED, PROJECT or PERSON' }) targetType?: string | null;
  @Field(() => ID, { nullable: true }) targetId?: string | null;
  @Field(() => ID, { nullable: true, description: '领取人 of a hand-out (物资发放)' }) recipientPersonId?: string | null;
  charityId: string;
  seq: number;
}

@ObjectType('GoodsStock', { description: 'Goods on hand, derived from entries' })
export class GoodsStock {
  @Field() itemName: string;
  @Field() itemUnit: string;
  @Field(() => Int) quantity: number;
}

@InputType()
export class CreateCharityInput {
  @Field(() => CharityKind) @IsIn(Object.values(CharityKind)) kind: CharityKind;
  @Field() @IsString() @IsNotEmpty({ message: '请填写名称' }) @MaxLength(100) name: string;
  @Field(() => ID, { description: 'A street or community' }) @IsString() regionId: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) address?: string | null;
}

@InputType({ isAbstract: true })
class DonationBase {
  @Field(() => ID) @IsString() charityId: string;

  @Field({ description: '捐赠人 name (person, company or 匿名)' })
  @IsString()
  @IsNotEmpty({ message: '请填写捐赠人' })
  @MaxLength(100)
  donorName: string;

  @Field(() => ID, { nullable: true, description: 'The donor, when they are a registered person' })
  @IsOptional()
  @IsString()
  donorPersonId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The donor, when it is a registered organization' })
  @IsOptional()
  @IsString()
  donorOrganizationId?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Hide the donor's name from non-managers" })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;

  @Field(() => String, { nullable: true, description: '用途 (e.g. 助老助餐)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  purpose?: string | null;

  @Field({ description: '收据编号' })
  @IsString()
  @IsNotEmpty({ message: '请填写收据编号' })
  @MaxLength(40)
  receiptNo: string;
}

@InputType()
export class RecordMoneyDonationInput extends DonationBase {
  @Field(() => FenScalar, { description: 'Amount in fen (分), 1 … 10^13' })
  @IsInt({ message: '金额应为整数（分）' })
  @Min(1, { message: '金额应大于0' })
  @Max(MAX_FEN, { message: '金额超出上限' })
  amountFen: number;
}

@InputType()
export class RecordGoodsDonationInput extends DonationBase {
  @Field() @IsString() @IsNotEmpty({ message: '请填写物资名称' }) @MaxLength(50) itemName: string;
  @Field({ description: '单位, e.g. 袋, 箱, 件' }) @IsString() @IsNotEmpty({ message: '请填写单位' }) @MaxLength(10) itemUnit: string;

  @Field(() => Int)
  @IsInt({ message: '数量应为整数' })
  @Min(1, { message: '数量应大于0' })
  @Max(1_000_000)
  quantity: number;

  @Field(() => FenScalar, { nullable: true, defaultValue: 0, description: 'Estimated value in fen, 0 … 10^13' })
  @IsOptional()
  @IsInt({ message: '估值应为整数（分）' })
  @Min(0, { message: '估值不能为负' })
  @Max(MAX_FEN, { message: '估值超出上限' })
  valueFen?: number;
}

@ArgsType()
export class CharitiesArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only under this region' }) @IsOptional() @IsString() regionId?: string | null;
  @Field(() => CharityKind, { nullable: true }) @IsOptional() @IsIn(Object.values(CharityKind)) kind?: CharityKind | null;
}

@InputType({ description: '物资发放: goods from a charity supermarket to a resident (docs/everyday.md)' })
export class HandOutGoodsInput {
  @Field(() => ID) @IsString() charityId: string;
  @Field(() => ID) @IsString() personId: string;
  @Field({ description: 'Item name as in the stock, e.g. 大米' }) @IsString() @IsNotEmpty({ message: '请填写物资名称' }) @MaxLength(50) item: string;
  @Field(() => Int) @IsInt({ message: '数量应为整数' }) quantity: number;
  @Field(() => ID, { nullable: true, description: 'The need the goods answer, if any' }) @IsOptional() @IsString() needId?: string | null;
  @Field({ description: 'Client-chosen key: the same key returns the same hand-out instead of a second one' }) @IsString() idempotencyKey: string;
}
