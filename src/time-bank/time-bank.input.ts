import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

/** One operation moves at most 1500 h. */
const MAX_MINUTES = 90000;
const KEY = /^[A-Za-z0-9._:-]{1,100}$/;
/** Free text is trimmed before it is validated, so "   " is no reason; an empty memo is no memo. */
const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
const TrimToNull = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value));

@InputType({ description: '亲属转赠 transfer input: minutes from the caller to a registered relative, within the daily/yearly caps' })
export class TransferMinutesInput {
  @Field(() => ID, { description: '收款人 ID: the person receiving the minutes' }) @IsString() toPersonId: string;
  @Field(() => Int, { description: '分钟数 minutes, integer 1–90000 (at most 1500 h per operation)' })
  @IsInt({ message: '分钟数须为整数' })
  @Min(1, { message: '分钟数至少为 1' })
  @Max(MAX_MINUTES)
  minutes: number;
  @Field(() => String, { nullable: true, description: '摘要 memo, ≤ 200 characters, trimmed; empty = none' })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  memo?: string | null;
  @Field({ description: '幂等键 idempotency key chosen by the client (1–100 of A–Z a–z 0–9 . _ : -): a replay with the same key returns the first result' })
  @Matches(KEY, { message: '幂等键须为 1–100 位字母数字' })
  idempotencyKey: string;
}

@InputType({ description: '捐赠 donation input: minutes from the caller to the pool 爱心池 of their community (donate-only minutes go first)' })
export class DonateMinutesInput {
  @Field(() => Int, { description: '分钟数 minutes, integer 1–90000 (at most 1500 h per operation)' })
  @IsInt({ message: '分钟数须为整数' })
  @Min(1, { message: '分钟数至少为 1' })
  @Max(MAX_MINUTES)
  minutes: number;
  @Field(() => String, { nullable: true, description: '摘要 memo, ≤ 200 characters, trimmed; empty = none' })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  memo?: string | null;
  @Field({ description: '幂等键 idempotency key chosen by the client (1–100 of A–Z a–z 0–9 . _ : -): a replay with the same key returns the first result' })
  @Matches(KEY, { message: '幂等键须为 1–100 位字母数字' })
  idempotencyKey: string;
}

@InputType({ description: '爱心池发放 grant input: a community worker pays a resident in need from the community pool; toPersonId is the receiver' })
export class GrantMinutesInput extends TransferMinutesInput {
  @Field(() => ID, { nullable: true, description: "需求 ID: the receiver's need this grant pays for; without it the receiver must carry a special-group flag" })
  @IsOptional()
  @IsString()
  needId?: string | null;
}

@InputType({ description: '兑换服务 spend input: the caller pays minutes for a service received (from the redemption age of the policy)' })
export class SpendMinutesInput {
  @Field(() => Int, { description: '分钟数 minutes, integer 1–90000 (at most 1500 h per operation)' })
  @IsInt({ message: '分钟数须为整数' })
  @Min(1, { message: '分钟数至少为 1' })
  @Max(MAX_MINUTES)
  minutes: number;
  @Field(() => ID, {
    nullable: true,
    description:
      '需求 ID of the service received: a CONFIRMED or CLOSED need of the caller; its volunteer is paid. Omitted (with no provider) = paid to the street time bank',
  })
  @IsOptional()
  @IsString()
  needId?: string | null;
  @Field(() => ID, { nullable: true, description: '服务者 ID: the person who served; must be the volunteer of `needId`, which it requires' })
  @IsOptional()
  @IsString()
  providerPersonId?: string | null;
  @Field(() => String, { nullable: true, description: '摘要 memo, ≤ 200 characters, trimmed; empty = none' })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  memo?: string | null;
  @Field({ description: '幂等键 idempotency key chosen by the client (1–100 of A–Z a–z 0–9 . _ : -): a replay with the same key returns the first result' })
  @Matches(KEY, { message: '幂等键须为 1–100 位字母数字' })
  idempotencyKey: string;
}

@InputType({ description: '冲正 reversal input (street admins in scope): posts the mirror of a transaction; the original stays' })
export class ReverseTransactionInput {
  @Field(() => ID, { description: '被冲正交易 ID: the transaction to reverse' }) @IsString() transactionId: string;
  @Field({ description: '冲正原因 reason, 2–500 characters after trimming' })
  @Trim()
  @IsString()
  @MinLength(2, { message: '请填写冲正原因' })
  @MaxLength(500)
  reason: string;
  @Field({ description: '幂等键 idempotency key chosen by the client (1–100 of A–Z a–z 0–9 . _ : -): a replay with the same key returns the first result' })
  @Matches(KEY, { message: '幂等键须为 1–100 位字母数字' })
  idempotencyKey: string;
}

@InputType({ description: '时间银行区域规则 policy input: the values to set for a region and its subtree; an omitted field keeps inheriting' })
export class TimeBankPolicyInput {
  @Field(() => Int, { nullable: true, description: '个人余额上限 balance cap, minutes, 60–6000000' })
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(100000 * 60)
  balanceCapMinutes?: number;
  @Field(() => Int, { nullable: true, description: '兑换年龄 redemption age, full years 0–120 (0 = any age)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  redemptionAge?: number;
  @Field(() => Int, { nullable: true, description: '特殊困难兑换年龄 redemption age for hardship flags, years 0–120' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  hardshipRedemptionAge?: number;
  @Field({ nullable: true, description: '仅限亲属转赠 transfers only to registered relatives' }) @IsOptional() @IsBoolean() relativesOnly?: boolean;
  @Field({ nullable: true, description: '集体活动时长仅可捐赠 group-activity hours donate-only' }) @IsOptional() @IsBoolean() groupHoursDonateOnly?: boolean;
  @Field(() => Int, { nullable: true, description: '每日转赠上限 daily transfer cap, minutes 0–90000' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MINUTES)
  dailyTransferCapMinutes?: number;
  @Field(() => Int, { nullable: true, description: '每年转赠上限 yearly transfer cap, minutes 0–1000000' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000000)
  yearlyTransferCapMinutes?: number;
  @Field(() => Int, { nullable: true, description: '有效期 months 0–120 after which earned minutes expire; 0 = off (also below an ancestor that has it on)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  expiryMonths?: number;
  @Field(() => Int, { nullable: true, description: '到期提醒提前天数 notice days before expiry, 0–365' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  expiryNoticeDays?: number;
  @Field(() => String, { nullable: true, description: '证明负责人 person in charge named on certificates, ≤ 50 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  certificateSignatory?: string;
}
