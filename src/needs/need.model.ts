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
  description: '需求类别 need category（资源和项目的服务类别也用它 also the categories of resources and projects）',
  valuesMap: Object.fromEntries(Object.entries(CATEGORY_LABEL).map(([k, v]) => [k, { description: v }])),
});
registerEnumType(NeedStatus, {
  name: 'NeedStatus',
  description: '需求状态 need status（群众点单、社区派单、志愿者接单的流转 the dispatch loop, docs/design.md §5）',
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
  description: '紧急程度 urgency；决定受理和接单时限 deadlines（默认：特急 30 分钟/2 小时，紧急 2/24 小时，一般 24/72 小时，可按区域设置）',
  valuesMap: { NORMAL: { description: '一般' }, URGENT: { description: '紧急' }, EMERGENCY: { description: '特急' } },
});
registerEnumType(NeedAction, {
  name: 'NeedAction',
  description: '需求流转动作 a transition of the need state machine, or ESCALATE 超时升级 (deadline breach)',
});

export const RATING_TAGS = ['准时守约', '态度热情', '服务专业', '耐心细致', '迟到', '态度冷淡', '服务不到位', '未按约定完成'] as const;

@ObjectType('NeedDeadlines', { description: '办理时限 deadlines：需求的受理和接单时限及是否超时 breached（可见需求者均可见）' })
export class NeedDeadlines {
  @Field({ description: '受理时限 accept deadline，DateTime（ISO 8601，带时区）' }) acceptBy: Date;
  @Field({ description: '接单/派单时限 claim deadline，DateTime（ISO 8601，带时区）' }) claimBy: Date;
  @Field(() => Date, { nullable: true, description: '受理超时的时间 when the accept deadline was breached，DateTime（ISO 8601，带时区）；未超时为 null' })
  acceptBreachedAt: Date | null;
  @Field(() => Date, { nullable: true, description: '接单超时的时间 when the claim deadline was breached，DateTime（ISO 8601，带时区）；未超时为 null' })
  claimBreachedAt: Date | null;
  @Field(() => Date, {
    nullable: true,
    description: '服务超时 service overdue：已签到但服务时段结束仍未完成，被标记的时间，DateTime（ISO 8601，带时区）；否则为 null',
  })
  serviceOverdueAt: Date | null;
  @Field({ description: '是否因超时升级到街道 escalated to the street station' }) escalated: boolean;
  @Field(() => Date, { nullable: true, description: '升级时间 escalated at，DateTime（ISO 8601，带时区）；未升级为 null' }) escalatedAt: Date | null;
  @Field(() => ID, { nullable: true, description: '升级到的区域 region（街道）的 id；未升级为 null' }) escalatedToRegionId: string | null;
  @Field(() => Int, { description: '超时升级次数 number of deadline breaches that escalated it' }) escalationCount: number;
  @Field(() => Date, { nullable: true, description: '完成后无人确认或异议时自动确认的时间 auto-confirmation，DateTime（ISO 8601，带时区）；不适用为 null' })
  autoConfirmAt: Date | null;
}

@ObjectType('NeedEvent', { description: '需求流转记录 need event：谁、从哪个状态、到哪个状态、为何、何时' })
export class NeedEvent {
  @Field(() => ID, { description: '记录 id' }) id: string;
  @Field({ description: '动作 action：NeedAction 的值，以及 POST 发布、UPDATE 修改、MESSAGE 留言、ESCALATE 超时升级' }) action: string;
  @Field(() => NeedStatus, { nullable: true, description: '变更前状态 status before；发布 POST 时为 null' }) from: NeedStatus | null;
  @Field(() => NeedStatus, { description: '变更后状态 status after' }) to: NeedStatus;
  @Field(() => String, { nullable: true, description: '原因 reason（驳回、退单、爽约、取消、改期等）' }) reason: string | null;
  @Field({ description: '发生时间 DateTime（ISO 8601，带时区）' }) at: Date;
  actorId: string | null;
}

@ObjectType('NeedRating', { description: '好差评 rating of the service by the confirmer' })
export class NeedRating {
  @Field(() => Int, { description: '评分 rating：5 非常满意 … 1 非常不满意' }) rating: number;
  @Field(() => String, { nullable: true, description: '评价内容 comment' }) comment: string | null;
  @Field(() => [String], { description: '评价标签 tags（取自 ratingTags）' }) tags: string[];
}

@ObjectType('Need', {
  description:
    '居民需求 need：在群众点单、社区派单、志愿者接单流程中的位置 (docs/design.md §4, §5)。可见者：服务对象、发布人、接单志愿者、辖区工作人员 staff in scope；服务区域内的志愿者仅在 OPEN 时可见',
})
export class Need {
  @Field(() => ID, { description: '需求 id' }) id: string;
  @Field({ description: '标题 title' }) title: string;
  @Field(() => String, { nullable: true, description: '描述 description' }) description: string | null;
  @Field(() => NeedStatus, { description: '需求状态 status' }) status: NeedStatus;
  @Field(() => NeedCategory, { description: '需求类别 category' }) category: NeedCategory;
  @Field(() => Urgency, { description: '紧急程度 urgency' }) urgency: Urgency;
  @Field(() => ID, { description: '需求所在网格 grid 的 id' }) gridId: string;
  @Field({ description: '是否代办 proxy：由网格员/社区工作者为服务对象发布' }) proxy: boolean;
  @Field({ description: '服务时段开始 window start，DateTime（ISO 8601，带时区）' }) windowStart: Date;
  @Field({ description: '服务时段结束 window end，DateTime（ISO 8601，带时区）' }) windowEnd: Date;
  @Field(() => Int, { description: '预计时长 estimated minutes，单位分钟（15–720）' }) estimatedMinutes: number;
  @Field(() => [String], { description: '所需技能 required skills（技能名称）' }) requiredSkills: string[];
  @Field({ description: '党员优先 prefer party-member volunteers' }) preferPartyMember: boolean;
  @Field({ description: '入户服务 home entry：服务在家中进行（需要已审查 vetted 的志愿者）' }) homeEntry: boolean;
  @Field({ description: '集体活动 group activity：工作人员组织的集体活动的一部分；获得的时长只能捐赠 donate-only' }) groupActivity: boolean;
  @Field(() => Date, { nullable: true, description: '接单/派单时间 claimed at，DateTime（ISO 8601，带时区）' }) claimedAt: Date | null;
  @Field(() => Date, { nullable: true, description: '开始服务（签到）时间 started at，DateTime（ISO 8601，带时区）' }) startedAt: Date | null;
  @Field(() => Date, { nullable: true, description: '完成服务（签退）时间 completed at，DateTime（ISO 8601，带时区）' }) completedAt: Date | null;
  @Field(() => Int, { nullable: true, description: '完成时报告的服务时长 minutes reported，单位分钟' }) serviceMinutes: number | null;
  @Field(() => Date, { nullable: true, description: '确认时间 confirmed at，DateTime（ISO 8601，带时区）' }) confirmedAt: Date | null;
  @Field(() => Date, { nullable: true, description: '提出异议的时间 disputed at，DateTime（ISO 8601，带时区）' }) disputedAt: Date | null;
  @Field(() => String, { nullable: true, description: '最近一次驳回、退单、爽约或取消的原因 status reason' }) statusReason: string | null;
  @Field(() => NeedRating, { nullable: true, description: '好差评 rating；确认前或自动确认 auto-confirmed 时为 null' }) rating: NeedRating | null;
  @Field(() => NeedDeadlines, { description: '办理时限 deadlines（受理、接单、超时与升级）' }) deadlines: NeedDeadlines;
  @Field({ description: '发布时间 posted at，DateTime（ISO 8601，带时区）' }) createdAt: Date;
  // beneficiary, postedBy, claimedBy, address, latitude, longitude, dispatchOverrideReason and history are resolved
  // by NeedsResolver from the domain record (need.record.ts), each shown only to whoever may see it.
}

export const NeedConnection = ConnectionType(Need, 'Need');

/** Validation messages are Chinese like the service's own (docs/design.md §12: BAD_USER_INPUT lists every field at fault). */
const zh = (message: string) => ({ message });

@InputType({ description: '周期 recurrence：按周的某几天（Asia/Shanghai，1 = 周一 … 7 = 周日）或每 N 天；截止到某日或共 N 次（各选其一）' })
export class RecurrenceInput {
  @Field(() => [Int], { nullable: true, description: '每周的星期几 weekdays（1 = 周一 … 7 = 周日，Asia/Shanghai；最多 7 个）；与 everyDays 二选一' })
  @IsOptional()
  @IsArray(zh('星期须为列表'))
  @ArrayMaxSize(7, zh('星期最多 7 个'))
  @IsInt({ each: true, message: '星期须为 1–7' })
  weekdays?: number[] | null;
  @Field(() => Int, { nullable: true, description: '每隔几天 every N days；与 weekdays 二选一' }) @IsOptional() @IsInt(zh('间隔天数须为整数')) everyDays?:
    number | null;
  @Field(() => Date, { nullable: true, description: '截止时间 until，DateTime（ISO 8601，带时区）；与 count 二选一' })
  @IsOptional()
  @Type(() => Date)
  @IsDate(zh('结束日期无效'))
  until?: Date | null;
  @Field(() => Int, { nullable: true, description: '共几次 number of occurrences；与 until 二选一' }) @IsOptional() @IsInt(zh('次数须为整数')) count?:
    number | null;
}

@InputType({ description: '点单 post a need（居民本人，或网格员/社区工作者代办 proxy）' })
export class PostNeedInput {
  @Field({ description: '标题 title（1–100 字）' }) @IsString(zh('标题须为文字')) @Length(1, 100, zh('标题须为 1–100 字')) title: string;
  @Field(() => NeedCategory, { description: '需求类别 category' }) @IsEnum(NeedCategory, zh('需求类别无效')) category: NeedCategory;
  @Field({ description: '服务时段开始 window start，DateTime（ISO 8601，带时区）' }) @Type(() => Date) @IsDate(zh('开始时间无效')) windowStart: Date;
  @Field({ description: '服务时段结束 window end，DateTime（ISO 8601，带时区），晚于开始' }) @Type(() => Date) @IsDate(zh('结束时间无效')) windowEnd: Date;
  @Field(() => Int, { description: '预计时长 estimated minutes，单位分钟（15–720）' })
  @IsInt(zh('预计时长须为整数（分钟）'))
  @Min(15, zh('预计时长至少 15 分钟'))
  @Max(720, zh('预计时长不能超过 720 分钟'))
  estimatedMinutes: number;
  @Field(() => String, { nullable: true, description: '描述 description（最多 2000 字）' })
  @IsOptional()
  @IsString(zh('描述须为文字'))
  @MaxLength(2000, zh('描述不能超过 2000 字'))
  description?: string | null;
  @Field(() => Urgency, { nullable: true, defaultValue: Urgency.NORMAL, description: '紧急程度 urgency（默认 NORMAL 一般）' })
  @IsOptional()
  @IsEnum(Urgency, zh('紧急程度无效'))
  urgency?: Urgency;
  @Field(() => [String], { nullable: true, description: '所需技能 required skills（技能名称，最多 5 项）' })
  @IsOptional()
  @IsArray(zh('所需技能须为列表'))
  @ArrayMaxSize(5, zh('所需技能最多 5 项'))
  @IsString({ each: true, message: '技能名称须为文字' })
  requiredSkills?: string[] | null;
  @Field(() => String, { nullable: true, description: '详细地址 address（最多 200 字）；仅需求方、辖区工作人员和接单志愿者（CLAIMED / IN_SERVICE 期间）可见' })
  @IsOptional()
  @IsString(zh('地址须为文字'))
  @MaxLength(200, zh('地址不能超过 200 字'))
  address?: string | null;
  @Field(() => Float, { nullable: true, description: '纬度 latitude（WGS84，-90–90；与 longitude 同时提供）' })
  @IsOptional()
  @IsLatitude(zh('纬度须在 -90 到 90 之间'))
  latitude?: number | null;
  @Field(() => Float, { nullable: true, description: '经度 longitude（WGS84，-180–180；与 latitude 同时提供）' })
  @IsOptional()
  @IsLongitude(zh('经度须在 -180 到 180 之间'))
  longitude?: number | null;
  @Field(() => ID, { nullable: true, description: '需求所在网格 grid 的 id；省略时为服务对象的家庭网格' })
  @IsOptional()
  @IsUUID(undefined, zh('网格不存在'))
  gridId?: string | null;
  @Field(() => ID, { nullable: true, description: '代办 proxy posting：服务对象 resident 的 id；省略为本人' })
  @IsOptional()
  @IsUUID(undefined, zh('服务对象不存在'))
  beneficiaryId?: string | null;
  @Field({ nullable: true, defaultValue: false, description: '党员接单 prefer party-member volunteers（默认 false）' })
  @IsOptional()
  @IsBoolean(zh('党员优先须为是/否'))
  preferPartyMember?: boolean;
  @Field({ nullable: true, defaultValue: false, description: '入户服务 home entry（默认 false）' })
  @IsOptional()
  @IsBoolean(zh('入户服务须为是/否'))
  homeEntry?: boolean;
  @Field({ nullable: true, defaultValue: false, description: '集体活动 group activity（仅该网格的工作人员）：获得的时长只能捐赠（默认 false）' })
  @IsOptional()
  @IsBoolean(zh('集体活动须为是/否'))
  groupActivity?: boolean;
  @Field(() => RecurrenceInput, {
    nullable: true,
    description: '周期需求 recurrence：上面的时段是第一次，其余提前生成 (docs/everyday.md)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecurrenceInput)
  recurrence?: RecurrenceInput | null;
}

/** The terms a change may touch on a need and on a series from a date on (updateNeed, changeNeedSeries): one set of rules. */
@InputType({ isAbstract: true })
abstract class NeedTermsChange {
  @Field(() => String, {
    nullable: true,
    description:
      '新的详细地址 address（最多 200 字；仅需求方、工作人员和接单志愿者可见；历史中只记“已修改”）。未同时给出新的 latitude/longitude 时，原经纬度清除（不再按距离匹配，签到不计距离）',
  })
  @IsOptional()
  @IsString(zh('地址须为文字'))
  @MaxLength(200, zh('地址不能超过 200 字'))
  address?: string | null;
  @Field(() => Float, { nullable: true, description: '新的纬度 latitude（WGS84，-90–90；与 longitude 同时提供；只给经纬度则地址不变、位置更正）' })
  @IsOptional()
  @IsLatitude(zh('纬度须在 -90 到 90 之间'))
  latitude?: number | null;
  @Field(() => Float, { nullable: true, description: '新的经度 longitude（WGS84，-180–180；与 latitude 同时提供）' })
  @IsOptional()
  @IsLongitude(zh('经度须在 -180 到 180 之间'))
  longitude?: number | null;
  @Field(() => String, { nullable: true, description: '新的描述 description（最多 2000 字）' })
  @IsOptional()
  @IsString(zh('描述须为文字'))
  @MaxLength(2000, zh('描述不能超过 2000 字'))
  description?: string | null;
  @Field(() => [String], { nullable: true, description: '新的所需技能 required skills（最多 5 项）' })
  @IsOptional()
  @IsArray(zh('所需技能须为列表'))
  @ArrayMaxSize(5, zh('所需技能最多 5 项'))
  @IsString({ each: true, message: '技能名称须为文字' })
  requiredSkills?: string[] | null;
}

@InputType({ description: '修改需求 update a need：只修改提供的字段' })
export class UpdateNeedInput extends NeedTermsChange {
  @Field(() => Date, { nullable: true, description: '新的服务时段开始 window start，DateTime（ISO 8601，带时区）（与 windowEnd 一起修改）' })
  @IsOptional()
  @Type(() => Date)
  @IsDate(zh('开始时间无效'))
  windowStart?: Date | null;
  @Field(() => Date, { nullable: true, description: '新的服务时段结束 window end，DateTime（ISO 8601，带时区）' })
  @IsOptional()
  @Type(() => Date)
  @IsDate(zh('结束时间无效'))
  windowEnd?: Date | null;
  @Field(() => String, { nullable: true, description: '修改原因 reason（记入 history；已接单需求改时段时未填则记为默认原因；最多 500 字）' })
  @IsOptional()
  @IsString()
  @MaxLength(500, zh('原因不能超过 500 字'))
  reason?: string | null;
}

@InputType({ description: '周期需求变更 series change：从某日起改变的内容（各项可选，至少一项）' })
export class ChangeNeedSeriesInput extends NeedTermsChange {
  @Field(() => String, { nullable: true, description: '每次服务时段的新开始时间 start time，HH:MM（Asia/Shanghai）' })
  @IsOptional()
  @IsString(zh('开始时间须为 HH:MM'))
  startTime?: string | null;
  @Field(() => Int, { nullable: true, description: '每次服务时段的新长度 window length，单位分钟' })
  @IsOptional()
  @IsInt(zh('时长须为整数分钟'))
  windowMinutes?: number | null;
  @Field(() => [Int], { nullable: true, description: '改为每周的这些星期几 weekdays（1 = 周一 … 7 = 周日）' })
  @IsOptional()
  @IsArray(zh('星期须为列表'))
  @ArrayMaxSize(7, zh('星期最多 7 个'))
  @IsInt({ each: true, message: '星期须为整数' })
  weekdays?: number[] | null;
  @Field(() => Int, { nullable: true, description: '改为每隔 N 天 every N days' }) @IsOptional() @IsInt(zh('间隔天数须为整数')) everyDays?: number | null;
  @Field(() => Date, { nullable: true, description: '新的截止时间 until，DateTime（ISO 8601，带时区）；未同时给出次数时取代原次数' })
  @IsOptional()
  @Type(() => Date)
  @IsDate(zh('结束日期无效'))
  until?: Date | null;
  @Field(() => Int, { nullable: true, description: '自变更日起的次数 count；未同时给出截止时间时取代原截止时间' })
  @IsOptional()
  @IsInt(zh('次数须为整数'))
  count?: number | null;
  @Field(() => String, { nullable: true, description: '变更原因 reason（记入变更记录和受影响各次的历史；最多 500 字）' })
  @IsOptional()
  @IsString()
  @MaxLength(500, zh('原因不能超过 500 字'))
  reason?: string | null;
}

@ObjectType('NeedSeriesChange', { description: '周期需求的一次变更 series change（从某日起）' })
export class NeedSeriesChange {
  @Field({ description: '自此时间 from 起开始的各次按变更执行，DateTime（ISO 8601，带时区）' }) from: Date;
  @Field({ description: '变更时间 at，DateTime（ISO 8601，带时区）' }) at: Date;
  @Field(() => ID, { description: '变更人 person 的 id' }) byPersonId: string;
  @Field(() => String, { nullable: true, description: '变更原因 reason；未填为 null' }) reason: string | null;
  @Field(() => [String], { description: '改变了哪些项 changed：startTime、windowMinutes、recurrence、address、description、requiredSkills' }) changed: string[];
  @Field(() => Int, { description: '原地更新的次数 updated' }) updated: number;
  @Field(() => Int, { description: '已认领而被无责释放的次数 released（原认领人可再次认领）' }) released: number;
  @Field(() => Int, { description: '因日期不再属于周期而取消的次数 cancelled' }) cancelled: number;
  @Field(() => Int, { description: '在新日期上新增的次数 added' }) added: number;
}

@ObjectType('Recurrence', { description: '周期 recurrence of a need series（Asia/Shanghai）' })
export class RecurrenceModel {
  @Field(() => [Int], { description: '每周的星期几 weekdays（1 = 周一 … 7 = 周日）；按天间隔时为空列表' }) weekdays: number[];
  @Field(() => Int, { nullable: true, description: '每隔几天 every N days；按周时为 null' }) everyDays: number | null;
  @Field(() => Date, { nullable: true, description: '截止时间 until，DateTime（ISO 8601，带时区）；按次数时为 null' }) until: Date | null;
  @Field(() => Int, { nullable: true, description: '共几次 number of occurrences；按截止时间时为 null' }) count: number | null;
}

@ObjectType('NeedSeriesPause', { description: '周期需求暂停 pause of a series：[from, until) 内开始的各次已取消' })
export class NeedSeriesPause {
  @Field({ description: '暂停开始 from，DateTime（ISO 8601，带时区）（含）' }) from: Date;
  @Field({ description: '暂停结束 until，DateTime（ISO 8601，带时区）（不含）' }) until: Date;
  @Field({ description: '暂停原因 reason' }) reason: string;
}

@ObjectType('NeedSeries', {
  description: '周期需求 need series：重复的需求，每一次都是普通需求 (docs/everyday.md)；服务对象、发布人、该网格工作人员和整单认领者可见',
})
export class NeedSeries {
  @Field(() => ID, { description: '周期需求 id' }) id: string;
  @Field(() => String, { description: '状态 status：ACTIVE 进行中、PAUSED 暂停中（当前处于暂停时段）或 ENDED 已结束' }) status: string;
  @Field(() => RecurrenceModel, { description: '周期 recurrence' }) recurrence: RecurrenceModel;
  @Field({ description: '第一次的服务时段开始 first window start，DateTime（ISO 8601，带时区）' }) firstWindowStart: Date;
  @Field(() => Int, { description: '每次服务时段长度 window length，单位分钟' }) windowMinutes: number;
  @Field(() => [NeedSeriesPause], { description: '暂停记录 pauses' }) pauses: NeedSeriesPause[];
  @Field(() => String, { nullable: true, description: '结束原因 ended reason；未结束为 null' }) endedReason: string | null;
  @Field(() => ID, { nullable: true, description: '整单认领的志愿者 volunteer 的 id；无人认领为 null' }) claimantVolunteerId: string | null;
  @Field(() => [String], { description: '最近一次整单认领 claimNeedSeries 跳过的各次及原因（时间冲突），每次一行' }) skipped: string[];
  @Field(() => [NeedSeriesChange], { description: '从某日起的变更记录 changes（changeNeedSeries），按时间先后' }) changes: NeedSeriesChange[];
  // occurrences: resolved by NeedSeriesResolver
}

@ObjectType('NeedMessage', { description: '需求留言 need message：需求方、接单志愿者和辖区工作人员之间；电话号码在写入时掩码' })
export class NeedMessage {
  @Field(() => ID, { description: '留言 id' }) id: string;
  @Field(() => ID, { description: '需求 id' }) needId: string;
  @Field({ description: '留言内容 text（1–500 字，电话号码已掩码 masked）' }) text: string;
  @Field({ description: '发送时间 sent at，DateTime（ISO 8601，带时区）' }) sentAt: Date;
  authorId: string;
  seq: number;
  // author: resolved (masked like every person on a need)
}

export const NeedMessageConnection = ConnectionType(NeedMessage, 'NeedMessage');

/** `Need.historyConnection`: the history paged both ways (newest with `last`). */
export const NeedEventConnection = ConnectionType(NeedEvent, 'NeedEvent');

@ObjectType('NeedCallRequest', { description: '隐私通话 call relay request：由中继接通双方，任何一方都看不到对方号码' })
export class NeedCallRequest {
  @Field({ description: '请求状态 status，如 REQUESTED 已发起' }) status: string;
  @Field(() => String, { nullable: true, description: '要拨打的中继号码 relay number（中继提供时）；否则为 null' }) relayNumber: string | null;
}

@ObjectType('FarCheckIn', { description: '签到核查 far check-in：签到或签退地点离需求位置较远的服务（供工作人员核查）' })
export class FarCheckIn {
  @Field(() => ID, { description: '需求 id' }) needId: string;
  @Field({ description: '需求标题 title' }) title: string;
  @Field(() => Int, { nullable: true, description: '签到地点到需求位置的距离 check-in distance，单位米 metres；未签到定位为 null' }) checkinDistanceM:
    number | null;
  @Field(() => Int, { nullable: true, description: '签退地点到需求位置的距离 check-out distance，单位米 metres；未签退定位为 null' }) checkoutDistanceM:
    number | null;
  @Field(() => Int, { description: '本次查询的阈值 threshold，单位米 metres' }) thresholdM: number;
}

@ObjectType('FarCheckInPolicy', { description: '签到核查距离 far check-in policy：对该区域（及其下未自行设置的区域）生效的距离' })
export class FarCheckInPolicy {
  @Field(() => ID, { description: '查询的区域 region 的 id' }) regionId: string;
  @Field(() => Int, { description: '距离 metres：签到或签退地点离需求位置超过此米数即列入 farCheckIns' }) metres: number;
  @Field(() => ID, { nullable: true, description: '生效设置所在的区域 id（本区域或最近的上级）；null 表示内置默认值 500 米' })
  setByRegionId: string | null;
}

export const FarCheckInConnection = ConnectionType(FarCheckIn, 'FarCheckIn');

/** 签到核查's page and optional threshold; a threshold beyond 100 km is refused (1e308 overflowed the SQL integer: attack harness). */
@ArgsType()
export class FarCheckInsArgs extends PageArgs {
  @Field(() => Float, {
    nullable: true,
    description: '距离阈值 threshold，单位米 metres（0–100000）：给出时对全部适用；省略时按各需求所在区域的设置（farCheckInPolicy，默认 500 米）',
  })
  @IsOptional()
  @Min(0, zh('距离阈值不能为负'))
  @Max(100_000, zh('距离阈值不能超过 100000 米'))
  thresholdM?: number | null;
}

@InputType({ description: '需求筛选 need filter（各条件同时满足）' })
export class NeedFilter {
  @Field(() => NeedStatus, { nullable: true, description: '需求状态 status' }) @IsOptional() @IsEnum(NeedStatus) status?: NeedStatus | null;
  @Field(() => ID, { nullable: true, description: '区域 region 的 id：需求所在网格在其下' }) @IsOptional() @IsUUID() regionId?: string | null;
  @Field(() => NeedCategory, { nullable: true, description: '需求类别 category' }) @IsOptional() @IsEnum(NeedCategory) category?: NeedCategory | null;
}

@ObjectType('NeedReview', { description: '回访/整改事项 review item：给社区的事项（差评，或超时回访）' })
export class NeedReview {
  @Field(() => ID, { description: '事项 id' }) id: string;
  @Field(() => ID, { description: '需求 id' }) needId: string;
  @Field({
    description: '类型 kind：LOW_RATING 差评、DEADLINE_CALLBACK 超时回访、DISPUTE 异议（用 resolveDispute 处理）或 EXPIRED_CALLBACK 过期回访（改期或取消需求）',
  })
  kind: string;
  @Field(() => Int, { nullable: true, description: '差评 LOW_RATING 的评分 rating（1–5）；其他类型为 null' }) rating: number | null;
  @Field(() => String, { nullable: true, description: '说明 note' }) note: string | null;
  @Field({ description: '整改/回访期限 due at，DateTime（ISO 8601，带时区）' }) dueAt: Date;
  @Field({ description: '状态 status：OPEN 待办 或 RESOLVED 已办结' }) status: string;
  @Field(() => String, { nullable: true, description: '办理结果 resolution；未办结为 null' }) resolution: string | null;
  @Field({ description: '创建时间 created at，DateTime（ISO 8601，带时区）' }) createdAt: Date;
}

export const RATING_TAG_LIST = RATING_TAGS as readonly string[];
export const isRatingTag = (t: string) => RATING_TAG_LIST.includes(t);
