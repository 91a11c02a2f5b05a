import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsDate, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PageArgs } from '../common/graphql/connection.js';
import { FenScalar, MAX_FEN } from '../common/graphql/fen.scalar.js';
import { NeedCategory } from '../needs/need.model.js';
import { EvaluationStage, FundingSource, ProjectMetric, ProjectStatus } from './project.model.js';

@InputType({ description: '资金来源行 funding line input（项目预算 = 各行之和）' })
export class FundingLineInput {
  @Field(() => FundingSource, { description: '资金来源 funding source' }) @IsIn(Object.values(FundingSource)) source: FundingSource;
  @Field(() => FenScalar, { description: '金额 amount，单位分 fen（正整数）' })
  @IsInt({ message: '金额应为整数（分）' })
  @Min(1, { message: '金额应大于0' })
  @Max(MAX_FEN)
  amountFen: number;
  @Field(() => ID, { nullable: true, description: 'CHARITY_FUND 行必填：项目所在街道的慈善基金 charity fund 的 id' }) @IsOptional() @IsString() charityId?:
    string | null;
}

@InputType({ description: '绩效指标目标 indicator target（每个指标最多一次）' })
export class IndicatorInput {
  @Field(() => ProjectMetric, { description: '指标 metric' }) @IsIn(Object.values(ProjectMetric)) metric: ProjectMetric;
  @Field(() => Int, { description: '目标值 target（非负整数；单位随指标：分钟、人次、个、场次、人，SATISFACTION_RATE 为百分比 %）' })
  @IsInt({ message: '目标值应为整数' })
  @Min(0, { message: '目标值不能为负' })
  @Max(100_000_000)
  target: number;
}

@InputType({ description: '立项申请 project proposal' })
export class ProposeProjectInput {
  @Field(() => ID, { description: '项目所在区域 region（街道或社区 street or community）的 id，须在申请人辖区内' }) @IsString() regionId: string;
  @Field({ description: '项目名称 title（2–100 字）' })
  @IsString()
  @MinLength(2, { message: '标题至少2个字' })
  @MaxLength(100, { message: '标题不超过100字' })
  title: string;
  @Field(() => NeedCategory, { description: '服务类别 category（同需求类别）' }) @IsIn(Object.values(NeedCategory)) category: NeedCategory;
  @Field({ description: '项目说明 description（2–4000 字）' }) @IsString() @MinLength(2, { message: '请填写项目说明' }) @MaxLength(4000) description: string;
  @Field(() => Date, { description: '计划开始时间 start，DateTime（ISO 8601，带时区）' }) @Type(() => Date) @IsDate() startsOn: Date;
  @Field(() => Date, { description: '计划结束时间 end，DateTime（ISO 8601，带时区），须晚于 startsOn' }) @Type(() => Date) @IsDate() endsOn: Date;
  @Field(() => [FundingLineInput], { description: '资金来源 funding lines（至少 1 行，最多 10 行）；预算 budget = 各行之和' })
  @ValidateNested({ each: true })
  @Type(() => FundingLineInput)
  @ArrayMaxSize(10)
  fundingLines: FundingLineInput[];
  @Field(() => [IndicatorInput], { description: '绩效指标目标 indicator targets（最多 6 个，指标不重复）' })
  @ValidateNested({ each: true })
  @Type(() => IndicatorInput)
  @ArrayMaxSize(6)
  indicators: IndicatorInput[];
  @Field(() => [String], { nullable: true, description: '服务对象 target groups，如 独居老人（最多 10 个，每个不超过 30 字）' })
  @IsOptional()
  @IsString({ each: true })
  @MaxLength(30, { each: true })
  @ArrayMaxSize(10)
  targetGroups?: string[] | null;
  @Field(() => [ID], { nullable: true, description: '项目将服务的需求 needs（无人接单、在项目区域内；关联后离开接单大厅 open feed）' })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(200)
  needIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: '项目使用的服务资源 resources 的 id（最多 50 个）' })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(50)
  resourceIds?: string[] | null;
  @Field(() => ID, { nullable: true, description: '立项依据的议事协商 consultation 的 id' }) @IsOptional() @IsString() consultationId?: string | null;
}

@InputType({ description: '承接申请 application of an organization for a published project' })
export class ApplyForProjectInput {
  @Field(() => ID, { description: '项目 id（须为 PUBLISHED 且未过 applyBy）' }) @IsString() projectId: string;
  @Field(() => ID, { description: '申请组织 organization 的 id（调用者须为其管理员；组织须已审核、类别和区域相符）' }) @IsString() organizationId: string;
  @Field({ description: '实施方案 plan（2–4000 字）' }) @IsString() @MinLength(2, { message: '请填写实施方案' }) @MaxLength(4000) plan: string;
  @Field(() => FenScalar, { description: '报价 quote，单位分 fen（≤ 项目预算 budgetFen）' })
  @IsInt({ message: '报价应为整数（分）' })
  @Min(1, { message: '报价应大于0' })
  @Max(MAX_FEN)
  quoteFen: number;
  @Field(() => String, { nullable: true, description: '项目团队 team（岗位与人数，不需要个人信息；最多 500 字）' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  team?: string | null;
}

@InputType({ description: '安排活动/班次 schedule an activity of a project' })
export class ScheduleActivityInput {
  @Field(() => ID, { description: '项目 id（UNDERTAKEN 或 RUNNING）' }) @IsString() projectId: string;
  @Field({ description: '活动名称 title（2–100 字）' }) @IsString() @MinLength(2, { message: '请填写活动名称' }) @MaxLength(100) title: string;
  @Field(() => Date, { description: '开始时间 start，DateTime（ISO 8601，带时区），须在将来' }) @Type(() => Date) @IsDate() startsAt: Date;
  @Field(() => Date, { description: '结束时间 end，DateTime（ISO 8601，带时区），晚于开始且不超过 24 小时' }) @Type(() => Date) @IsDate() endsAt: Date;
  @Field({ description: '活动地址 address（2–200 字）' }) @IsString() @MinLength(2, { message: '请填写活动地址' }) @MaxLength(200) address: string;
  @Field(() => Int, { description: '志愿者名额 volunteer slots（1–500）' })
  @IsInt()
  @Min(1, { message: '志愿者名额至少1个' })
  @Max(500, { message: '志愿者名额不超过500个' })
  volunteerSlots: number;
  @Field(() => [String], { nullable: true, description: '所需技能 required skills（技能名称，最多 10 个）' })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(10)
  requiredSkills?: string[] | null;
  @Field(() => ID, { nullable: true, description: '活动所在社区或网格 community / grid（须在项目区域内）；省略时为项目区域（须为社区）' })
  @IsOptional()
  @IsString()
  regionId?: string | null;
}

@InputType({ description: '出勤记录 attendance of one volunteer' })
export class AttendanceInput {
  @Field(() => ID, { description: '已报名的志愿者 volunteer 的 id' }) @IsString() volunteerId: string;
  @Field(() => Int, { description: '出勤时长 minutes，单位分钟（1–1440，不超过活动时长）；计入时间银行 time bank' })
  @IsInt({ message: '时长应为整数分钟' })
  @Min(1)
  @Max(1440)
  minutes: number;
}

@InputType({ description: '现场满意度调查 on-site satisfaction survey' })
export class SatisfactionInput {
  @Field(() => Int, { description: '参与满意度调查的人数 surveyed（0–100000）' }) @IsInt() @Min(0) @Max(100000) surveyed: number;
  @Field(() => Int, { description: '表示满意的人数 satisfied（≤ surveyed）' }) @IsInt() @Min(0) @Max(100000) satisfied: number;
}

@InputType({ description: '按里程碑拨付 disburse a tranche to the undertaking organization' })
export class DisburseProjectFundsInput {
  @Field(() => ID, { description: '项目 id' }) @IsString() projectId: string;
  @Field(() => FenScalar, { description: '拨付金额 amount，单位分 fen（不超过仍预留的金额）' })
  @IsInt({ message: '金额应为整数（分）' })
  @Min(1, { message: '金额应大于0' })
  @Max(MAX_FEN)
  amountFen: number;
  @Field({ description: '里程碑 milestone，如 项目启动、中期评估通过、结项（1–100 字）' })
  @IsString()
  @MinLength(1, { message: '请填写里程碑' })
  @MaxLength(100)
  milestone: string;
  @Field({ description: '幂等键 idempotency key（1–100 字）：同一键同一金额和里程碑返回同一结果且只拨付一次；其他内容为 IDEMPOTENCY_KEY_REUSED' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  idempotencyKey: string;
}

@InputType({ description: '评估维度得分 evaluation score input' })
export class ScoreInput {
  @Field({ description: '评估维度 criterion（1–50 字）' }) @IsString() @MinLength(1, { message: '请填写评估维度' }) @MaxLength(50) criterion: string;
  @Field(() => Int, { description: '权重 weight（整数 1–100，各维度合计 100）' }) @IsInt() weight: number;
  @Field(() => Int, { description: '得分 score（整数 0–100）' }) @IsInt() score: number;
}

@InputType({ description: '绩效评估 evaluate a running project' })
export class EvaluateProjectInput {
  @Field(() => ID, { description: '项目 id（RUNNING）' }) @IsString() projectId: string;
  @Field(() => EvaluationStage, { description: '评估阶段 stage：MIDTERM 中期（项目仍为 RUNNING）或 FINAL 终期（项目进入 EVALUATED）' })
  @IsIn(Object.values(EvaluationStage))
  stage: EvaluationStage;
  @Field(() => [ScoreInput], { description: '各维度得分 scores（1–20 个，权重合计 100）' })
  @ValidateNested({ each: true })
  @Type(() => ScoreInput)
  @ArrayMinSize(1, { message: '请至少填写一个评估维度' })
  @ArrayMaxSize(20)
  scores: ScoreInput[];
  @Field({ description: '评估结论 conclusion（2–2000 字）' }) @IsString() @MinLength(2, { message: '请填写评估结论' }) @MaxLength(2000) conclusion: string;
  @Field(() => ID, { nullable: true, description: '以经授权的第三方评估机构 evaluator organization 身份评估（调用者为其管理员）；街道管理员评估时省略' })
  @IsOptional()
  @IsString()
  evaluatorOrganizationId?: string | null;
}

@InputType({ description: '记录议事协商 record a community consultation' })
export class RecordConsultationInput {
  @Field(() => ID, { description: '召开会议的社区 community 的 id（在调用者辖区内）' }) @IsString() communityId: string;
  @Field({ description: '议题 topic（2–200 字）' }) @IsString() @MinLength(2, { message: '请填写议题' }) @MaxLength(200) topic: string;
  @Field(() => Date, { description: '会议时间 held at，DateTime（ISO 8601，带时区）' }) @Type(() => Date) @IsDate() heldAt: Date;
  @Field(() => Int, { description: '参与人数 participants（1–10000）' }) @IsInt() @Min(1, { message: '参与人数至少1人' }) @Max(10000) participants: number;
  @Field({ description: '议定事项 decisions（2–2000 字）' }) @IsString() @MinLength(2, { message: '请填写议定事项' }) @MaxLength(2000) decisions: string;
  @Field(() => [ID], { nullable: true, description: '讨论的需求 needs 的 id（最多 200 个）' })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(200)
  needIds?: string[] | null;
}

@InputType({ description: '项目筛选 project filter（各条件同时满足）' })
export class ProjectFilter {
  @Field(() => ID, { nullable: true, description: '区域 region：项目区域在其下（含本级）' }) @IsOptional() @IsString() regionId?: string | null;
  @Field(() => ProjectStatus, { nullable: true, description: '项目状态 status' })
  @IsOptional()
  @IsIn(Object.values(ProjectStatus))
  status?: ProjectStatus | null;
  @Field(() => NeedCategory, { nullable: true, description: '服务类别 category' })
  @IsOptional()
  @IsIn(Object.values(NeedCategory))
  category?: NeedCategory | null;
}

@ArgsType()
export class ProjectsArgs extends PageArgs {
  @Field(() => ProjectFilter, { nullable: true, description: '筛选条件 filter；省略为全部可见项目' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProjectFilter)
  filter?: ProjectFilter | null;
}
