import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PostNeedInput } from '../needs/need.model.js';
import { CareGroup, CareStatus, VisitMode, VisitOutcome, VisitTaskStatus } from './care-visit.model.js';

const zh = (message: string) => ({ message });

@InputType()
export class EnrollCareInput {
  @Field(() => ID) @IsString() personId: string;
  @Field(() => CareGroup) @IsEnum(CareGroup, zh('关爱类别无效')) group: CareGroup;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) @IsOptional() @IsBoolean() highRisk?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'Who consented: omitted = the person; for a minor an adult recorded relative (under 14 it must be)' })
  @IsOptional()
  @IsString()
  consentBy?: string | null;
}

@InputType()
export class CareEnrollmentFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() regionId?: string | null;
  @Field(() => CareGroup, { nullable: true }) @IsOptional() @IsEnum(CareGroup) group?: CareGroup | null;
  @Field(() => CareStatus, { nullable: true }) @IsOptional() @IsEnum(CareStatus) status?: CareStatus | null;
}

@InputType()
export class VisitTaskFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() regionId?: string | null;
  @Field(() => String, { nullable: true, description: '"2026-12"' }) @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, zh('月份格式应为 YYYY-MM')) month?:
    string | null;
  @Field(() => VisitTaskStatus, { nullable: true }) @IsOptional() @IsEnum(VisitTaskStatus) status?: VisitTaskStatus | null;
  @Field(() => Boolean, { nullable: true, description: 'Only tasks assigned to me' }) @IsOptional() @IsBoolean() mine?: boolean | null;
}

@InputType()
export class RecordVisitInput {
  @Field(() => ID) @IsString() taskId: string;
  @Field() @Type(() => Date) @IsDate(zh('探访时间无效')) visitedAt: Date;
  @Field(() => VisitMode) @IsEnum(VisitMode, zh('探访方式无效')) mode: VisitMode;
  @Field(() => VisitOutcome) @IsEnum(VisitOutcome, zh('探访结果无效')) outcome: VisitOutcome;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() findings?: string | null;
  @Field(() => [String], { nullable: true, description: 'VisitRisk codes: HEALTH_DECLINE, NO_FOOD, UNSAFE_HOUSING, EMOTIONAL_DISTRESS, ABUSE_SUSPECTED' })
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
  @Field(() => Int, { nullable: true, description: 'Minutes the visit took (default 30); a volunteer visitor earns them once' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(480)
  minutes?: number | null;
  @Field(() => Date, { nullable: true, description: 'HOSPITALIZED only: pause until (default the end of the task window)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  pauseUntil?: Date | null;
}

@InputType()
export class SetVisitRuleInput {
  @Field(() => ID) @IsString() regionId: string;
  @Field(() => CareGroup) @IsEnum(CareGroup) group: CareGroup;
  @Field() @IsBoolean() highRisk: boolean;
  @Field(() => Int) @IsInt() visitsPerMonth: number;
  @Field(() => [VisitMode]) @IsArray() @IsEnum(VisitMode, { each: true }) modes: VisitMode[];
}

@InputType()
export class CareFollowUpFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() regionId?: string | null;
  @Field(() => String, { nullable: true, description: 'OPEN or RESOLVED' }) @IsOptional() @IsString() @MaxLength(10) status?: string | null;
}
