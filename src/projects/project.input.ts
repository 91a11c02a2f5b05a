import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsDate, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PageArgs } from '../common/graphql/connection.js';
import { FenScalar, MAX_FEN } from '../common/graphql/fen.scalar.js';
import { NeedCategory } from '../needs/need.model.js';
import { EvaluationStage, FundingSource, ProjectMetric, ProjectStatus } from './project.model.js';

@InputType()
export class FundingLineInput {
  @Field(() => FundingSource) @IsIn(Object.values(FundingSource)) source: FundingSource;
  @Field(() => FenScalar, { description: 'Amount in fen' })
  @IsInt({ message: '金额应为整数（分）' })
  @Min(1, { message: '金额应大于0' })
  @Max(MAX_FEN)
  amountFen: number;
  @Field(() => ID, { nullable: true, description: 'The charity fund, for CHARITY_FUND lines' }) @IsOptional() @IsString() charityId?: string | null;
}

@InputType()
export class IndicatorInput {
  @Field(() => ProjectMetric) @IsIn(Object.values(ProjectMetric)) metric: ProjectMetric;
  @Field(() => Int, { description: 'Target (minutes, people, needs, sessions, volunteers, or percent for SATISFACTION_RATE)' })
  @IsInt({ message: '目标值应为整数' })
  @Min(0, { message: '目标值不能为负' })
  @Max(100_000_000)
  target: number;
}

@InputType()
export class ProposeProjectInput {
  @Field(() => ID, { description: 'A street or community' }) @IsString() regionId: string;
  @Field() @IsString() @MinLength(2, { message: '标题至少2个字' }) @MaxLength(100, { message: '标题不超过100字' }) title: string;
  @Field(() => NeedCategory) @IsIn(Object.values(NeedCategory)) category: NeedCategory;
  @Field() @IsString() @MinLength(2, { message: '请填写项目说明' }) @MaxLength(4000) description: string;
  @Field(() => Date) @Type(() => Date) @IsDate() startsOn: Date;
  @Field(() => Date) @Type(() => Date) @IsDate() endsOn: Date;
  @Field(() => [FundingLineInput]) @ValidateNested({ each: true }) @Type(() => FundingLineInput) @ArrayMaxSize(10) fundingLines: FundingLineInput[];
  @Field(() => [IndicatorInput]) @ValidateNested({ each: true }) @Type(() => IndicatorInput) @ArrayMaxSize(6) indicators: IndicatorInput[];
  @Field(() => [String], { nullable: true, description: '服务对象, e.g. 独居老人' })
  @IsOptional()
  @IsString({ each: true })
  @MaxLength(30, { each: true })
  @ArrayMaxSize(10)
  targetGroups?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Needs the project will serve (they leave the open feed)' })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(200)
  needIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsString({ each: true }) @ArrayMaxSize(50) resourceIds?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'The consultation 议事协商 that put these needs first' }) @IsOptional() @IsString() consultationId?:
    string | null;
}

@InputType()
export class ApplyForProjectInput {
  @Field(() => ID) @IsString() projectId: string;
  @Field(() => ID) @IsString() organizationId: string;
  @Field() @IsString() @MinLength(2, { message: '请填写实施方案' }) @MaxLength(4000) plan: string;
  @Field(() => FenScalar) @IsInt({ message: '报价应为整数（分）' }) @Min(1, { message: '报价应大于0' }) @Max(MAX_FEN) quoteFen: number;
  @Field(() => String, { nullable: true, description: '项目团队 (roles and counts; no personal data needed)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  team?: string | null;
}

@InputType()
export class ScheduleActivityInput {
  @Field(() => ID) @IsString() projectId: string;
  @Field() @IsString() @MinLength(2, { message: '请填写活动名称' }) @MaxLength(100) title: string;
  @Field(() => Date) @Type(() => Date) @IsDate() startsAt: Date;
  @Field(() => Date) @Type(() => Date) @IsDate() endsAt: Date;
  @Field() @IsString() @MinLength(2, { message: '请填写活动地址' }) @MaxLength(200) address: string;
  @Field(() => Int) @IsInt() @Min(1, { message: '志愿者名额至少1个' }) @Max(500, { message: '志愿者名额不超过500个' }) volunteerSlots: number;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsString({ each: true }) @ArrayMaxSize(10) requiredSkills?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'The community or grid where it takes place; defaults to the project region when that is a community' })
  @IsOptional()
  @IsString()
  regionId?: string | null;
}

@InputType()
export class AttendanceInput {
  @Field(() => ID) @IsString() volunteerId: string;
  @Field(() => Int) @IsInt({ message: '时长应为整数分钟' }) @Min(1) @Max(1440) minutes: number;
}

@InputType()
export class SatisfactionInput {
  @Field(() => Int, { description: '参与满意度调查的人数' }) @IsInt() @Min(0) @Max(100000) surveyed: number;
  @Field(() => Int, { description: '表示满意的人数' }) @IsInt() @Min(0) @Max(100000) satisfied: number;
}

@InputType()
export class DisburseProjectFundsInput {
  @Field(() => ID) @IsString() projectId: string;
  @Field(() => FenScalar) @IsInt({ message: '金额应为整数（分）' }) @Min(1, { message: '金额应大于0' }) @Max(MAX_FEN) amountFen: number;
  @Field({ description: '里程碑, e.g. 项目启动, 中期评估通过, 结项' }) @IsString() @MinLength(1, { message: '请填写里程碑' }) @MaxLength(100) milestone: string;
  @Field({ description: 'The same key returns the same result and pays once' }) @IsString() @MinLength(1) @MaxLength(100) idempotencyKey: string;
}

@InputType()
export class ScoreInput {
  @Field() @IsString() @MinLength(1, { message: '请填写评估维度' }) @MaxLength(50) criterion: string;
  @Field(() => Int) @IsInt() weight: number;
  @Field(() => Int) @IsInt() score: number;
}

@InputType()
export class EvaluateProjectInput {
  @Field(() => ID) @IsString() projectId: string;
  @Field(() => EvaluationStage) @IsIn(Object.values(EvaluationStage)) stage: EvaluationStage;
  @Field(() => [ScoreInput])
  @ValidateNested({ each: true })
  @Type(() => ScoreInput)
  @ArrayMinSize(1, { message: '请至少填写一个评估维度' })
  @ArrayMaxSize(20)
  scores: ScoreInput[];
  @Field() @IsString() @MinLength(2, { message: '请填写评估结论' }) @MaxLength(2000) conclusion: string;
  @Field(() => ID, { nullable: true, description: 'Evaluate as this granted evaluator organization (its admin); omit as the street admin' })
  @IsOptional()
  @IsString()
  evaluatorOrganizationId?: string | null;
}

@InputType()
export class RecordConsultationInput {
  @Field(() => ID) @IsString() communityId: string;
  @Field() @IsString() @MinLength(2, { message: '请填写议题' }) @MaxLength(200) topic: string;
  @Field(() => Date) @Type(() => Date) @IsDate() heldAt: Date;
  @Field(() => Int) @IsInt() @Min(1, { message: '参与人数至少1人' }) @Max(10000) participants: number;
  @Field() @IsString() @MinLength(2, { message: '请填写议定事项' }) @MaxLength(2000) decisions: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsString({ each: true }) @ArrayMaxSize(200) needIds?: string[] | null;
}

@InputType()
export class ProjectFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() regionId?: string | null;
  @Field(() => ProjectStatus, { nullable: true }) @IsOptional() @IsIn(Object.values(ProjectStatus)) status?: ProjectStatus | null;
  @Field(() => NeedCategory, { nullable: true }) @IsOptional() @IsIn(Object.values(NeedCategory)) category?: NeedCategory | null;
}

@ArgsType()
export class ProjectsArgs extends PageArgs {
  @Field(() => ProjectFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ProjectFilter) filter?: ProjectFilter | null;
}
