var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsDate, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PageArgs } from '../common/graphql/connection.js';
import { FenScalar, MAX_FEN } from '../common/graphql/fen.scalar.js';
import { NeedCategory } from '../needs/need.model.js';
import { EvaluationStage, FundingSource, ProjectMetric, ProjectStatus } from './project.model.js';
let FundingLineInput = class FundingLineInput {
    source;
    amountFen;
    charityId;
};
__decorate([
    Field(() => FundingSource),
    IsIn(Object.values(FundingSource)),
    __metadata("design:type", String)
], FundingLineInput.prototype, "source", void 0);
__decorate([
    Field(() => FenScalar, { description: 'Amount in fen' }),
    IsInt({ message: '金额应为整数（分）' }),
    Min(1, { message: '金额应大于0' }),
    Max(MAX_FEN),
    __metadata("design:type", Number)
], FundingLineInput.prototype, "amountFen", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'The charity fund, for CHARITY_FUND lines' }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], FundingLineInput.prototype, "charityId", void 0);
FundingLineInput = __decorate([
    InputType()
], FundingLineInput);
export { FundingLineInput };
let IndicatorInput = class IndicatorInput {
    metric;
    target;
};
__decorate([
    Field(() => ProjectMetric),
    IsIn(Object.values(ProjectMetric)),
    __metadata("design:type", String)
], IndicatorInput.prototype, "metric", void 0);
__decorate([
    Field(() => Int, { description: 'Target (minutes, people, needs, sessions, volunteers, or percent for SATISFACTION_RATE)' }),
    IsInt({ message: '目标值应为整数' }),
    Min(0, { message: '目标值不能为负' }),
    Max(100_000_000),
    __metadata("design:type", Number)
], IndicatorInput.prototype, "target", void 0);
IndicatorInput = __decorate([
    InputType()
], IndicatorInput);
export { IndicatorInput };
let ProposeProjectInput = class ProposeProjectInput {
    regionId;
    title;
    category;
    description;
    startsOn;
    endsOn;
    fundingLines;
    indicators;
    targetGroups;
    needIds;
    resourceIds;
    consultationId;
};
__decorate([
    Field(() => ID, { description: 'A street or community' }),
    IsString(),
    __metadata("design:type", String)
], ProposeProjectInput.prototype, "regionId", void 0);
__decorate([
    Field(),
    IsString(),
    MinLength(2, { message: '标题至少2个字' }),
    MaxLength(100, { message: '标题不超过100字' }),
    __metadata("design:type", String)
], ProposeProjectInput.prototype, "title", void 0);
__decorate([
    Field(() => NeedCategory),
    IsIn(Object.values(NeedCategory)),
    __metadata("design:type", String)
], ProposeProjectInput.prototype, "category", void 0);
__decorate([
    Field(),
    IsString(),
    MinLength(2, { message: '请填写项目说明' }),
    MaxLength(4000),
    __metadata("design:type", String)
], ProposeProjectInput.prototype, "description", void 0);
__decorate([
    Field(() => Date),
    Type(() => Date),
    IsDate(),
    __metadata("design:type", Date)
], ProposeProjectInput.prototype, "startsOn", void 0);
__decorate([
    Field(() => Date),
    Type(() => Date),
    IsDate(),
    __metadata("design:type", Date)
], ProposeProjectInput.prototype, "endsOn", void 0);
__decorate([
    Field(() => [FundingLineInput]),
    ValidateNested({ each: true }),
    Type(() => FundingLineInput),
    ArrayMaxSize(10),
    __metadata("design:type", Array)
], ProposeProjectInput.prototype, "fundingLines", void 0);
__decorate([
    Field(() => [IndicatorInput]),
    ValidateNested({ each: true }),
    Type(() => IndicatorInput),
    ArrayMaxSize(6),
    __metadata("design:type", Array)
], ProposeProjectInput.prototype, "indicators", void 0);
__decorate([
    Field(() => [String], { nullable: true, description: '服务对象, e.g. 独居老人' }),
    IsOptional(),
    IsString({ each: true }),
    MaxLength(30, { each: true }),
    ArrayMaxSize(10),
    __metadata("design:type", Object)
], ProposeProjectInput.prototype, "targetGroups", void 0);
__decorate([
    Field(() => [ID], { nullable: true, description: 'Needs the project will serve (they leave the open feed)' }),
    IsOptional(),
    IsString({ each: true }),
    ArrayMaxSize(200),
    __metadata("design:type", Object)
], ProposeProjectInput.prototype, "needIds", void 0);
__decorate([
    Field(() => [ID], { nullable: true }),
    IsOptional(),
    IsString({ each: true }),
    ArrayMaxSize(50),
    __metadata("design:type", Object)
], ProposeProjectInput.prototype, "resourceIds", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'The consultation 议事协商 that put these needs first' }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], ProposeProjectInput.prototype, "consultationId", void 0);
ProposeProjectInput = __decorate([
    InputType()
], ProposeProjectInput);
export { ProposeProjectInput };
let ApplyForProjectInput = class ApplyForProjectInput {
    projectId;
    organizationId;
    plan;
    quoteFen;
    team;
};
__decorate([
    Field(() => ID),
    IsString(),
    __metadata("design:type", String)
], ApplyForProjectInput.prototype, "projectId", void 0);
__decorate([
    Field(() => ID),
    IsString(),
    __metadata("design:type", String)
], ApplyForProjectInput.prototype, "organizationId", void 0);
__decorate([
    Field(),
    IsString(),
    MinLength(2, { message: '请填写实施方案' }),
    MaxLength(4000),
    __metadata("design:type", String)
], ApplyForProjectInput.prototype, "plan", void 0);
__decorate([
    Field(() => FenScalar),
    IsInt({ message: '报价应为整数（分）' }),
    Min(1, { message: '报价应大于0' }),
    Max(MAX_FEN),
    __metadata("design:type", Number)
], ApplyForProjectInput.prototype, "quoteFen", void 0);
__decorate([
    Field(() => String, { nullable: true, description: '项目团队 (roles and counts; no personal data needed)' }),
    IsOptional(),
    IsString(),
    MaxLength(500),
    __metadata("design:type", Object)
], ApplyForProjectInput.prototype, "team", void 0);
ApplyForProjectInput = __decorate([
    InputType()
], ApplyForProjectInput);
export { ApplyForProjectInput };
let ScheduleActivityInput = class ScheduleActivityInput {
    projectId;
    title;
    startsAt;
    endsAt;
    address;
    volunteerSlots;
    requiredSkills;
    regionId;
};
__decorate([
    Field(() => ID),
    IsString(),
    __metadata("design:type", String)
], ScheduleActivityInput.prototype, "projectId", void 0);
__decorate([
    Field(),
    IsString(),
    MinLength(2, { message: '请填写活动名称' }),
    MaxLength(100),
    __metadata("design:type", String)
], ScheduleActivityInput.prototype, "title", void 0);
__decorate([
    Field(() => Date),
    Type(() => Date),
    IsDate(),
    __metadata("design:type", Date)
], ScheduleActivityInput.prototype, "startsAt", void 0);
__decorate([
    Field(() => Date),
    Type(() => Date),
    IsDate(),
    __metadata("design:type", Date)
], ScheduleActivityInput.prototype, "endsAt", void 0);
__decorate([
    Field(),
    IsString(),
    MinLength(2, { message: '请填写活动地址' }),
    MaxLength(200),
    __metadata("design:type", String)
], ScheduleActivityInput.prototype, "address", void 0);
__decorate([
    Field(() => Int),
    IsInt(),
    Min(1, { message: '志愿者名额至少1个' }),
    Max(500, { message: '志愿者名额不超过500个' }),
    __metadata("design:type", Number)
], ScheduleActivityInput.prototype, "volunteerSlots", void 0);
__decorate([
    Field(() => [String], { nullable: true }),
    IsOptional(),
    IsString({ each: true }),
    ArrayMaxSize(10),
    __metadata("design:type", Object)
], ScheduleActivityInput.prototype, "requiredSkills", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'The community or grid where it takes place; defaults to the project region when that is a community' }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], ScheduleActivityInput.prototype, "regionId", void 0);
ScheduleActivityInput = __decorate([
    InputType()
], ScheduleActivityInput);
export { ScheduleActivityInput };
let AttendanceInput = class AttendanceInput {
    volunteerId;
    minutes;
};
__decorate([
    Field(() => ID),
    IsString(),
    __metadata("design:type", String)
], AttendanceInput.prototype, "volunteerId", void 0);
__decorate([
    Field(() => Int),
    IsInt({ message: '时长应为整数分钟' }),
    Min(1),
    Max(1440),
    __metadata("design:type", Number)
], AttendanceInput.prototype, "minutes", void 0);
AttendanceInput = __decorate([
    InputType()
], AttendanceInput);
export { AttendanceInput };
let SatisfactionInput = class SatisfactionInput {
    surveyed;
    satisfied;
};
__decorate([
    Field(() => Int, { description: '参与满意度调查的人数' }),
    IsInt(),
    Min(0),
    Max(100000),
    __metadata("design:type", Number)
], SatisfactionInput.prototype, "surveyed", void 0);
__decorate([
    Field(() => Int, { description: '表示满意的人数' }),
    IsInt(),
    Min(0),
    Max(100000),
    __metadata("design:type", Number)
], SatisfactionInput.prototype, "satisfied", void 0);
SatisfactionInput = __decorate([
    InputType()
], SatisfactionInput);
export { SatisfactionInput };
let DisburseProjectFundsInput = class DisburseProjectFundsInput {
    projectId;
    amountFen;
    milestone;
    idempotencyKey;
};
__decorate([
    Field(() => ID),
    IsString(),
    __metadata("design:type", String)
], DisburseProjectFundsInput.prototype, "projectId", void 0);
__decorate([
    Field(() => FenScalar),
    IsInt({ message: '金额应为整数（分）' }),
    Min(1, { message: '金额应大于0' }),
    Max(MAX_FEN),
    __metadata("design:type", Number)
], DisburseProjectFundsInput.prototype, "amountFen", void 0);
__decorate([
    Field({ description: '里程碑, e.g. 项目启动, 中期评估通过, 结项' }),
    IsString(),
    MinLength(1, { message: '请填写里程碑' }),
    MaxLength(100),
    __metadata("design:type", String)
], DisburseProjectFundsInput.prototype, "milestone", void 0);
__decorate([
    Field({ description: 'The same key returns the same result and pays once' }),
    IsString(),
    MinLength(1),
    MaxLength(100),
    __metadata("design:type", String)
], DisburseProjectFundsInput.prototype, "idempotencyKey", void 0);
DisburseProjectFundsInput = __decorate([
    InputType()
], DisburseProjectFundsInput);
export { DisburseProjectFundsInput };
let ScoreInput = class ScoreInput {
    criterion;
    weight;
    score;
};
__decorate([
    Field(),
    IsString(),
    MinLength(1, { message: '请填写评估维度' }),
    MaxLength(50),
    __metadata("design:type", String)
], ScoreInput.prototype, "criterion", void 0);
__decorate([
    Field(() => Int),
    IsInt(),
    __metadata("design:type", Number)
], ScoreInput.prototype, "weight", void 0);
__decorate([
    Field(() => Int),
    IsInt(),
    __metadata("design:type", Number)
], ScoreInput.prototype, "score", void 0);
ScoreInput = __decorate([
    InputType()
], ScoreInput);
export { ScoreInput };
let EvaluateProjectInput = class EvaluateProjectInput {
    projectId;
    stage;
    scores;
    conclusion;
    evaluatorOrganizationId;
};
__decorate([
    Field(() => ID),
    IsString(),
    __metadata("design:type", String)
], EvaluateProjectInput.prototype, "projectId", void 0);
__decorate([
    Field(() => EvaluationStage),
    IsIn(Object.values(EvaluationStage)),
    __metadata("design:type", String)
], EvaluateProjectInput.prototype, "stage", void 0);
__decorate([
    Field(() => [ScoreInput]),
    ValidateNested({ each: true }),
    Type(() => ScoreInput),
    ArrayMinSize(1, { message: '请至少填写一个评估维度' }),
    ArrayMaxSize(20),
    __metadata("design:type", Array)
], EvaluateProjectInput.prototype, "scores", void 0);
__decorate([
    Field(),
    IsString(),
    MinLength(2, { message: '请填写评估结论' }),
    MaxLength(2000),
    __metadata("design:type", String)
], EvaluateProjectInput.prototype, "conclusion", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'Evaluate as this granted evaluator organization (its admin); omit as the street admin' }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], EvaluateProjectInput.prototype, "evaluatorOrganizationId", void 0);
EvaluateProjectInput = __decorate([
    InputType()
], EvaluateProjectInput);
export { EvaluateProjectInput };
let RecordConsultationInput = class RecordConsultationInput {
    communityId;
    topic;
    heldAt;
    participants;
    decisions;
    needIds;
};
__decorate([
    Field(() => ID),
    IsString(),
    __metadata("design:type", String)
], RecordConsultationInput.prototype, "communityId", void 0);
__decorate([
    Field(),
    IsString(),
    MinLength(2, { message: '请填写议题' }),
    MaxLength(200),
    __metadata("design:type", String)
], RecordConsultationInput.prototype, "topic", void 0);
__decorate([
    Field(() => Date),
    Type(() => Date),
    IsDate(),
    __metadata("design:type", Date)
], RecordConsultationInput.prototype, "heldAt", void 0);
__decorate([
    Field(() => Int),
    IsInt(),
    Min(1, { message: '参与人数至少1人' }),
    Max(10000),
    __metadata("design:type", Number)
], RecordConsultationInput.prototype, "participants", void 0);
__decorate([
    Field(),
    IsString(),
    MinLength(2, { message: '请填写议定事项' }),
    MaxLength(2000),
    __metadata("design:type", String)
], RecordConsultationInput.prototype, "decisions", void 0);
__decorate([
    Field(() => [ID], { nullable: true }),
    IsOptional(),
    IsString({ each: true }),
    ArrayMaxSize(200),
    __metadata("design:type", Object)
], RecordConsultationInput.prototype, "needIds", void 0);
RecordConsultationInput = __decorate([
    InputType()
], RecordConsultationInput);
export { RecordConsultationInput };
let ProjectFilter = class ProjectFilter {
    regionId;
    status;
    category;
};
__decorate([
    Field(() => ID, { nullable: true }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], ProjectFilter.prototype, "regionId", void 0);
__decorate([
    Field(() => ProjectStatus, { nullable: true }),
    IsOptional(),
    IsIn(Object.values(ProjectStatus)),
    __metadata("design:type", Object)
], ProjectFilter.prototype, "status", void 0);
__decorate([
    Field(() => NeedCategory, { nullable: true }),
    IsOptional(),
    IsIn(Object.values(NeedCategory)),
    __metadata("design:type", Object)
], ProjectFilter.prototype, "category", void 0);
ProjectFilter = __decorate([
    InputType()
], ProjectFilter);
export { ProjectFilter };
let ProjectsArgs = class ProjectsArgs extends PageArgs {
    filter;
};
__decorate([
    Field(() => ProjectFilter, { nullable: true }),
    IsOptional(),
    ValidateNested(),
    Type(() => ProjectFilter),
    __metadata("design:type", Object)
], ProjectsArgs.prototype, "filter", void 0);
ProjectsArgs = __decorate([
    ArgsType()
], ProjectsArgs);
export { ProjectsArgs };
//# sourceMappingURL=project.input.js.map