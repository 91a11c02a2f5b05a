import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

/** One operation moves at most 1500 h. */
const MAX_MINUTES = 90000;
const KEY = /^[A-Za-z0-9._:-]{1,100}$/;
/** Free text is trimmed before it is validated, so "   " is no reason; an empty memo is no memo. */
const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
const TrimToNull = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value));

@InputType()
export class TransferMinutesInput {
  @Field(() => ID) @IsString() toPersonId: string;
  @Field(() => Int) @IsInt({ message: '分钟数须为整数' }) @Min(1, { message: '分钟数至少为 1' }) @Max(MAX_MINUTES) minutes: number;
  @Field(() => String, { nullable: true }) @TrimToNull() @IsOptional() @IsString() @MaxLength(200) memo?: string | null;
  @Field({ description: 'Client-chosen key: a replay returns the first result' })
  @Matches(KEY, { message: '幂等键须为 1–100 位字母数字' })
  idempotencyKey: string;
}

@InputType()
export class DonateMinutesInput {
  @Field(() => Int) @IsInt({ message: '分钟数须为整数' }) @Min(1, { message: '分钟数至少为 1' }) @Max(MAX_MINUTES) minutes: number;
  @Field(() => String, { nullable: true }) @TrimToNull() @IsOptional() @IsString() @MaxLength(200) memo?: string | null;
  @Field() @Matches(KEY, { message: '幂等键须为 1–100 位字母数字' }) idempotencyKey: string;
}

@InputType()
export class GrantMinutesInput extends TransferMinutesInput {
  @Field(() => ID, { nullable: true, description: "The receiver's need this grant pays for; without it the receiver must carry a special-group flag" })
  @IsOptional()
  @IsString()
  needId?: string | null;
}

@InputType()
export class SpendMinutesInput {
  @Field(() => Int) @IsInt({ message: '分钟数须为整数' }) @Min(1, { message: '分钟数至少为 1' }) @Max(MAX_MINUTES) minutes: number;
  @Field(() => ID, {
    nullable: true,
    description:
      'The service received: a CONFIRMED or CLOSED need of the caller; its volunteer is paid. Omitted (with no provider) = paid to the street time bank',
  })
  @IsOptional()
  @IsString()
  needId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The person who served; must be the volunteer of `needId`, which it requires' })
  @IsOptional()
  @IsString()
  providerPersonId?: string | null;
  @Field(() => String, { nullable: true }) @TrimToNull() @IsOptional() @IsString() @MaxLength(200) memo?: string | null;
  @Field() @Matches(KEY, { message: '幂等键须为 1–100 位字母数字' }) idempotencyKey: string;
}

@InputType()
export class ReverseTransactionInput {
  @Field(() => ID) @IsString() transactionId: string;
  @Field() @Trim() @IsString() @MinLength(2, { message: '请填写冲正原因' }) @MaxLength(500) reason: string;
  @Field() @Matches(KEY, { message: '幂等键须为 1–100 位字母数字' }) idempotencyKey: string;
}

@InputType()
export class TimeBankPolicyInput {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(60) @Max(100000 * 60) balanceCapMinutes?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(120) redemptionAge?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(120) hardshipRedemptionAge?: number;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() relativesOnly?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() groupHoursDonateOnly?: boolean;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(MAX_MINUTES) dailyTransferCapMinutes?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(1000000) yearlyTransferCapMinutes?: number;
  @Field(() => Int, { nullable: true, description: '0 = off' }) @IsOptional() @IsInt() @Min(0) @Max(120) expiryMonths?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(365) expiryNoticeDays?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(50) certificateSignatory?: string;
}
