import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ConnectionType, PageArgs } from '../common/graphql/connection.js';
import { Urgency } from './need-deadlines.js';
import { NeedAction, NeedStatus } from './need-transitions.js';

export enum NeedCategory {
  ELDERLY_CARE = 'ELDERLY_CARE',
  DISABILITY_SUPPORT = 'DISABILITY_SUPPORT',
  MEAL_ASSISTANCE = 'MEAL_ASSISTANCE',
  CHILD_CARE = 'CHILD_CARE',
  MEDICAL_ESCORT = 'MEDICAL_ESCORT',
  HOUSEKEEPING = 'HOUSEKEEPING',
  REPAIR = 'REPAIR',
  PSYCHOLOGICAL = 'PSYCHOLOGICAL',
  LEGAL_AID = 'LEGAL_AID',
  EMPLOYMENT = 'EMPLOYMENT',
  EDUCATION = 'EDUCATION',
  CULTURE_SPORTS = 'CULTURE_SPORTS',
  EMERGENCY_RELIEF = 'EMERGENCY_RELIEF',
  OTHER = 'OTHER',
}

/** Chinese names of the categories; the seeded skills list uses them as its `category`. */
export const CATEGORY_LABEL: Record<NeedCategory, string> = {
  ELDERLY_CARE: '养老助老',
  DISABILITY_SUPPORT: '助残',
  MEAL_ASSISTANCE: '助餐',
  CHILD_CARE: '儿童关爱/托育',
  MEDICAL_ESCORT: '医疗陪护',
  HOUSEKEEPING: '家政保洁',
  REPAIR: '维修',
  PSYCHOLOGICAL: '心理疏导',
  LEGAL_AID: '法律援助',
  EMPLOYMENT: '就业',
  EDUCATION: '教育',
  CULTURE_SPORTS: '文体',
  EMERGENCY_RELIEF: '应急',
  OTHER: '其他',
};

registerEnumType(NeedCategory, {
  name: 'NeedCategory',
  valuesMap: Object.fromEntries(Object.entries(CATEGORY_LABEL).map(([k, v]) => [k, { description: v }])),
});
registerEnumType(NeedStatus, {
  name: 'NeedStatus',
  valuesMap: {
    SUBMITTED: { description: '已提交 (待受理)' },
    ACCEPTED: { description: '已受理' },
    OPEN: { description: '已发布 (可接单)' },
    CLAIMED: { description: '已接单/已派单' },
    IN_SERVICE: { description: '服务中' },
    COMPLETED: { description: '已完成 (待确认)' },
    CONFIRMED: { description: '已确认' },
    CLOSED: { description: '已办结' },
    REJECTED: { description: '不予受理' },
    CANCELLED: { description: '已取消' },
    EXPIRED: { description: '已过期 (服务时间已过，待改期或取消)' },
  },
});
registerEnumType(Urgency, {
  name: 'Urgency',
  valuesMap: { NORMAL: { description: '一般' }, URGENT: { description: '紧急' }, EMERGENCY: { description: '特急' } },
});
registerEnumType(NeedAction, { name: 'NeedAction', description: 'A transition of the need state machine, or ESCALATE (deadline breach)' });

export const RATING_TAGS = ['准时守约', '态度热情', '服务专业', '耐心细致', '迟到', '态度冷淡', '服务不到位', '未按约定完成'] as const;

@ObjectType('NeedDeadlines', { description: '时限: 受理 and 接单 deadlines of the need, and whether they were breached' })
export class NeedDeadlines {
  @Field() acceptBy: Date;
  @Field() claimBy: Date;
  @Field(() => Date, { nullable: true }) acceptBreachedAt: Date | null;
  @Field(() => Date, { nullable: true }) claimBreachedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When a service checked in but never completed was flagged as overdue (window over)' })
  serviceOverdueAt: Date | null;
  @Field({ description: 'Escalated to the street station after a breach' }) escalated: boolean;
  @Field(() => Date, { nullable: true }) escalatedAt: Date | null;
  @Field(() => ID, { nullable: true, description: 'The region the need was escalated to' }) escalatedToRegionId: string | null;
  @Field(() => Int, { description: 'How many deadline breaches escalated it' }) escalationCount: number;
  @Field(() => Date, { nullable: true, description: 'When an unconfirmed completion is confirmed automatically' }) autoConfirmAt: Date | null;
}

@ObjectType('NeedEvent', { description: 'One recorded transition: who, from which state, to which, why, when' })
export class NeedEvent {
  @Field(() => ID) id: string;
  @Field() action: string;
  @Field(() => NeedStatus, { nullable: true }) from: NeedStatus | null;
  @Field(() => NeedStatus) to: NeedStatus;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field() at: Date;
  actorId: string | null;
}

@ObjectType('NeedRating', { description: '好差评 of the service' })
export class NeedRating {
  @Field(() => Int, { description: '5 非常满意 … 1 非常不满意' }) rating: number;
  @Field(() => String, { nullable: true }) comment: string | null;
  @Field(() => [String]) tags: string[];
}

@ObjectType('Need', { description: '居民需求 — a need and its place in the order-dispatch-claim loop (docs/design.md §4, §5)' })
export class Need {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => NeedStatus) status: NeedStatus;
  @Field(() => NeedCategory) category: NeedCategory;
  @Field(() => Urgency) urgency: Urgency;
  @Field(() => ID) gridId: string;
  @Field({ description: 'Posted by a proxy (代办) for the beneficiary' }) proxy: boolean;
  @Field() windowStart: Date;
  @Field() windowEnd: Date;
  @Field(() => Int) estimatedMinutes: number;
  @Field(() => [String]) requiredSkills: string[];
  @Field({ description: '党员优先' }) preferPartyMember: boolean;
  @Field({ description: 'The service happens inside the home (needs a vetted volunteer)' }) homeEntry: boolean;
  @Field({ description: '集体活动: part of a group activity organized by staff; the hours earned may only be donated' }) groupActivity: boolean;
  @Field(() => Date, { nullable: true }) claimedAt: Date | null;
  @Field(() => Date, { nullable: true }) startedAt: Date | null;
  @Field(() => Date, { nullable: true }) completedAt: Date | null;
  @Field(() => Int, { nullable: true, description: 'Minutes of service reported on completion' }) serviceMinutes: number | null;
  @Field(() => Date, { nullable: true }) confirmedAt: Date | null;
  @Field(() => Date, { nullable: true }) disputedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Reason of the last rejection, withdrawal, no-show or cancellation' }) statusReason: string | null;
  @Field(() => NeedRating, { nullable: true }) rating: NeedRating | null;
  @Field(() => NeedDeadlines) deadlines: NeedDeadlines;
  @Field() createdAt: Date;
  // beneficiary, postedBy, claimedBy, address, latitude, longitude, dispatchOverrideReason and history are resolved
  // by NeedsResolver from the domain record (need.record.ts), each shown only to whoever may see it.
}

export const NeedConnection = ConnectionType(Need, 'Need');

/** Validation messages are Chinese like the service's own (docs/design.md §12: BAD_USER_INPUT lists every field at fault). */
const zh = (message: string) => ({ message });

@InputType({ description: '周期: weekly on given weekdays (Asia/Shanghai, 1 = Monday … 7 = Sunday) or every N days; until a date or N times' })
export class RecurrenceInput {
  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @IsArray(zh('星期须为列表'))
  @ArrayMaxSize(7, zh('星期最多 7 个'))
  @IsInt({ each: true, message: '星期须为 1–7' })
  weekdays?: number[] | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt(zh('间隔天数须为整数')) everyDays?: number | null;
  @Field(() => Date, { nullable: true }) @IsOptional() @Type(() => Date) @IsDate(zh('结束日期无效')) until?: Date | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt(zh('次数须为整数')) count?: number | null;
}

@InputType()
export class PostNeedInput {
  @Field() @IsString(zh('标题须为文字')) @Length(1, 100, zh('标题须为 1–100 字')) title: string;
  @Field(() => NeedCategory) @IsEnum(NeedCategory, zh('需求类别无效')) category: NeedCategory;
  @Field() @Type(() => Date) @IsDate(zh('开始时间无效')) windowStart: Date;
  @Field() @Type(() => Date) @IsDate(zh('结束时间无效')) windowEnd: Date;
  @Field(() => Int)
  @IsInt(zh('预计时长须为整数（分钟）'))
  @Min(15, zh('预计时长至少 15 分钟'))
  @Max(720, zh('预计时长不能超过 720 分钟'))
  estimatedMinutes: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString(zh('描述须为文字')) @MaxLength(2000, zh('描述不能超过 2000 字')) description?: string | null;
  @Field(() => Urgency, { nullable: true, defaultValue: Urgency.NORMAL }) @IsOptional() @IsEnum(Urgency, zh('紧急程度无效')) urgency?: Urgency;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray(zh('所需技能须为列表'))
  @ArrayMaxSize(5, zh('所需技能最多 5 项'))
  @IsString({ each: true, message: '技能名称须为文字' })
  requiredSkills?: string[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString(zh('地址须为文字')) @MaxLength(200, zh('地址不能超过 200 字')) address?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLatitude(zh('纬度须在 -90 到 90 之间')) latitude?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLongitude(zh('经度须在 -180 到 180 之间')) longitude?: number | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID(undefined, zh('网格不存在')) gridId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Proxy posting 代办: the resident the need is for' })
  @IsOptional()
  @IsUUID(undefined, zh('服务对象不存在'))
  beneficiaryId?: string | null;
  @Field({ nullable: true, defaultValue: false, description: '党员接单: prefer party-member volunteers' })
  @IsOptional()
  @IsBoolean(zh('党员优先须为是/否'))
  preferPartyMember?: boolean;
  @Field({ nullable: true, defaultValue: false, description: 'The service happens inside the home' })
  @IsOptional()
  @IsBoolean(zh('入户服务须为是/否'))
  homeEntry?: boolean;
  @Field({ nullable: true, defaultValue: false, description: '集体活动 (staff of the grid only): hours earned may only be donated' })
  @IsOptional()
  @IsBoolean(zh('集体活动须为是/否'))
  groupActivity?: boolean;
  @Field(() => RecurrenceInput, {
    nullable: true,
    description: '周期需求: the window above is the first occurrence; the others are materialised ahead of time (docs/everyday.md)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecurrenceInput)
  recurrence?: RecurrenceInput | null;
}

@InputType({ description: '修改需求: only the fields given change' })
export class UpdateNeedInput {
  @Field(() => Date, { nullable: true }) @IsOptional() @Type(() => Date) @IsDate(zh('开始时间无效')) windowStart?: Date | null;
  @Field(() => Date, { nullable: true }) @IsOptional() @Type(() => Date) @IsDate(zh('结束时间无效')) windowEnd?: Date | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString(zh('地址须为文字')) @MaxLength(200, zh('地址不能超过 200 字')) address?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString(zh('描述须为文字')) @MaxLength(2000, zh('描述不能超过 2000 字')) description?: string | null;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray(zh('所需技能须为列表'))
  @ArrayMaxSize(5, zh('所需技能最多 5 项'))
  @IsString({ each: true, message: '技能名称须为文字' })
  requiredSkills?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Why (recorded in the history; required when the window of a claimed need changes)' })
  @IsOptional()
  @IsString()
  @MaxLength(500, zh('原因不能超过 500 字'))
  reason?: string | null;
}

@ObjectType('Recurrence')
export class RecurrenceModel {
  @Field(() => [Int]) weekdays: number[];
  @Field(() => Int, { nullable: true }) everyDays: number | null;
  @Field(() => Date, { nullable: true }) until: Date | null;
  @Field(() => Int, { nullable: true }) count: number | null;
}

@ObjectType('NeedSeriesPause')
export class NeedSeriesPause {
  @Field() from: Date;
  @Field() until: Date;
  @Field() reason: string;
}

@ObjectType('NeedSeries', { description: '周期需求: a recurring need; each occurrence is an ordinary need (docs/everyday.md)' })
export class NeedSeries {
  @Field(() => ID) id: string;
  @Field(() => String, { description: 'ACTIVE, PAUSED (a pause is running now) or ENDED' }) status: string;
  @Field(() => RecurrenceModel) recurrence: RecurrenceModel;
  @Field() firstWindowStart: Date;
  @Field(() => Int) windowMinutes: number;
  @Field(() => [NeedSeriesPause]) pauses: NeedSeriesPause[];
  @Field(() => String, { nullable: true }) endedReason: string | null;
  @Field(() => ID, { nullable: true, description: 'The volunteer who claimed the whole series' }) claimantVolunteerId: string | null;
  @Field(() => [String], { description: 'What the last claimNeedSeries skipped and why (clashes), one line per occurrence' }) skipped: string[];
  // occurrences: resolved by NeedSeriesResolver
}

@ObjectType('NeedMessage', { description: '需求留言: between the resident side, the claimant and staff in scope; phone numbers masked on the way in' })
export class NeedMessage {
  @Field(() => ID) id: string;
  @Field(() => ID) needId: string;
  @Field() text: string;
  @Field() sentAt: Date;
  authorId: string;
  seq: number;
  // author: resolved (masked like every person on a need)
}

export const NeedMessageConnection = ConnectionType(NeedMessage, 'NeedMessage');

@ObjectType('NeedCallRequest', { description: "隐私通话: the relay connects both sides; neither sees the other's number" })
export class NeedCallRequest {
  @Field() status: string;
  @Field(() => String, { nullable: true, description: 'The number to dial (the relay), when the relay gives one' }) relayNumber: string | null;
}

@ObjectType('FarCheckIn', { description: "A check-in or check-out far from the need's location (for staff review)" })
export class FarCheckIn {
  @Field(() => ID) needId: string;
  @Field() title: string;
  @Field(() => Int, { nullable: true }) checkinDistanceM: number | null;
  @Field(() => Int, { nullable: true }) checkoutDistanceM: number | null;
  @Field(() => Int) thresholdM: number;
}

export const FarCheckInConnection = ConnectionType(FarCheckIn, 'FarCheckIn');

/** 签到核查's page and threshold; a threshold beyond 100 km is refused (1e308 overflowed the SQL integer: attack harness). */
@ArgsType()
export class FarCheckInsArgs extends PageArgs {
  @Field(() => Float, { nullable: true, defaultValue: 500, description: 'Metres, 0–100000' })
  @Min(0)
  @Max(100_000)
  thresholdM: number = 500;
}

@InputType()
export class NeedFilter {
  @Field(() => NeedStatus, { nullable: true }) @IsOptional() @IsEnum(NeedStatus) status?: NeedStatus | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() regionId?: string | null;
  @Field(() => NeedCategory, { nullable: true }) @IsOptional() @IsEnum(NeedCategory) category?: NeedCategory | null;
}

@ObjectType('NeedReview', { description: '回访/整改: a review item for the community (a low rating, or a deadline breach callback)' })
export class NeedReview {
  @Field(() => ID) id: string;
  @Field(() => ID) needId: string;
  @Field({ description: 'LOW_RATING, DEADLINE_CALLBACK, DISPUTE (settled with resolveDispute) or EXPIRED_CALLBACK (reschedule or cancel the need)' })
  kind: string;
  @Field(() => Int, { nullable: true }) rating: number | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field({ description: 'Fix / callback deadline' }) dueAt: Date;
  @Field() status: string;
  @Field(() => String, { nullable: true }) resolution: string | null;
  @Field() createdAt: Date;
}

export const RATING_TAG_LIST = RATING_TAGS as readonly string[];
export const isRatingTag = (t: string) => RATING_TAG_LIST.includes(t);
