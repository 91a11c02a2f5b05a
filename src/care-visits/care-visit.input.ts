import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PostNeedInput } from '../needs/need.model.js';
import { CareGroup, CareStatus, VisitMode, VisitOutcome, VisitTaskStatus } from './care-visit.model.js';

const zh = (message: string) => ({ message });

@InputType({ description: '登记关爱对象 enrolment input (社区工作者 and admins in scope)' })
export class EnrollCareInput {
  @Field(() => ID, { description: '居民 ID of the person to enrol' }) @IsString() personId: string;
  @Field(() => CareGroup, { description: '关爱类别 care group' }) @IsEnum(CareGroup, zh('关爱类别无效')) group: CareGroup;
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: '高风险 high risk: visited by the high-tier rule (default false)' })
  @IsOptional()
  @IsBoolean()
  highRisk?: boolean | null;
  @Field(() => ID, {
    nullable: true,
    description: '同意人 ID: who consented; omitted = the person; for a minor an adult recorded relative (under 14 it must be)',
  })
  @IsOptional()
  @IsString()
  consentBy?: string | null;
}

@InputType({ description: '关爱对象筛选 enrolment filter; every field optional' })
export class CareEnrollmentFilter {
  @Field(() => ID, { nullable: true, description: '区域 ID: only this region and below (within my scope)' }) @IsOptional() @IsString() regionId?: string | null;
  @Field(() => CareGroup, { nullable: true, description: '关爱类别 only this care group' }) @IsOptional() @IsEnum(CareGroup) group?: CareGroup | null;
  @Field(() => CareStatus, { nullable: true, description: '状态 only this status' }) @IsOptional() @IsEnum(CareStatus) status?: CareStatus | null;
}

@InputType({ description: '探访任务筛选 visit task filter; every field optional' })
export class VisitTaskFilter {
  @Field(() => ID, { nullable: true, description: '区域 ID: only this region and below (within my scope)' }) @IsOptional() @IsString() regionId?: string | null;
  @Field(() => String, { nullable: true, description: '月份 month YYYY-MM (Asia/Shanghai), e.g. "2026-12"' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, zh('月份格式应为 YYYY-MM'))
  month?: string | null;
  @Field(() => VisitTaskStatus, { nullable: true, description: '任务状态 only this status' })
  @IsOptional()
  @IsEnum(VisitTaskStatus)
  status?: VisitTaskStatus | null;
  @Field(() => Boolean, { nullable: true, description: '只看我的 only tasks assigned to me' }) @IsOptional() @IsBoolean() mine?: boolean | null;
}

@InputType({ description: '探访记录 visit record input, by the task’s assignee' })
export class RecordVisitInput {
  @Field(() => ID, { description: '探访任务 ID' }) @IsString() taskId: string;
  @Field({ description: '探访时间 visited at, DateTime ISO 8601 with time zone; inside the task window' })
  @Type(() => Date)
  @IsDate(zh('探访时间无效'))
  visitedAt: Date;
  @Field(() => VisitMode, { description: '探访方式 mode' }) @IsEnum(VisitMode, zh('探访方式无效')) mode: VisitMode;
  @Field(() => VisitOutcome, { description: '探访结果 outcome' }) @IsEnum(VisitOutcome, zh('探访结果无效')) outcome: VisitOutcome;
  @Field(() => String, { nullable: true, description: '探访情况 findings (free text); null = none' }) @IsOptional() @IsString() findings?: string | null;
  @Field(() => [String], {
    nullable: true,
    description: '风险发现 VisitRisk codes, at most 10: HEALTH_DECLINE, NO_FOOD, UNSAFE_HOUSING, EMOTIONAL_DISTRESS, ABUSE_SUSPECTED',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  risks?: string[] | null;
  @Field(() => PostNeedInput, { nullable: true, description: '主动发现: posts a proxy need for the person in the same transaction (staff visitors)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostNeedInput)
  raiseNeed?: PostNeedInput | null;
  @Field(() => Int, { nullable: true, description: '服务时长 minutes the visit took, 1–480 (default 30); a volunteer visitor earns them once' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(480)
  minutes?: number | null;
  @Field(() => Date, {
    nullable: true,
    description: '暂停至 HOSPITALIZED only: pause until, DateTime ISO 8601 with time zone (default the end of the task window)',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  pauseUntil?: Date | null;
}

@InputType({ description: '设置探访频次 visit rule input for a region and its subtree (street admins in scope)' })
export class SetVisitRuleInput {
  @Field(() => ID, { description: '区域 ID' }) @IsString() regionId: string;
  @Field(() => CareGroup, { description: '关爱类别 care group' }) @IsEnum(CareGroup) group: CareGroup;
  @Field({ description: '高风险档 true sets the high-risk tier' }) @IsBoolean() highRisk: boolean;
  @Field(() => Int, { description: '每月探访次数 visits per month, 1–31' }) @IsInt() visitsPerMonth: number;
  @Field(() => [VisitMode], { description: '计入方式 modes that count as a visit (at least one)' })
  @IsArray()
  @IsEnum(VisitMode, { each: true })
  modes: VisitMode[];
}

@InputType({ description: '跟进事项筛选 follow-up filter; every field optional' })
export class CareFollowUpFilter {
  @Field(() => ID, { nullable: true, description: '区域 ID: only this region and below (within my scope)' }) @IsOptional() @IsString() regionId?: string | null;
  @Field(() => String, { nullable: true, description: '状态 OPEN 待办 or RESOLVED 已办结' }) @IsOptional() @IsString() @MaxLength(10) status?: string | null;
}
