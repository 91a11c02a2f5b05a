var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PostNeedInput } from '../needs/need.model.js';
import { CareGroup, CareStatus, VisitMode, VisitOutcome, VisitTaskStatus } from './care-visit.model.js';
const zh = (message) => ({ message });
let EnrollCareInput = class EnrollCareInput {
    personId;
    group;
    highRisk;
    consentBy;
};
__decorate([
    Field(() => ID),
    IsString(),
    __metadata("design:type", String)
], EnrollCareInput.prototype, "personId", void 0);
__decorate([
    Field(() => CareGroup),
    IsEnum(CareGroup, zh('关爱类别无效')),
    __metadata("design:type", String)
], EnrollCareInput.prototype, "group", void 0);
__decorate([
    Field(() => Boolean, { nullable: true, defaultValue: false }),
    IsOptional(),
    IsBoolean(),
    __metadata("design:type", Object)
], EnrollCareInput.prototype, "highRisk", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'Who consented: omitted = the person; for a minor an adult recorded relative (under 14 it must be)' }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], EnrollCareInput.prototype, "consentBy", void 0);
EnrollCareInput = __decorate([
    InputType()
], EnrollCareInput);
export { EnrollCareInput };
let CareEnrollmentFilter = class CareEnrollmentFilter {
    regionId;
    group;
    status;
};
__decorate([
    Field(() => ID, { nullable: true }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], CareEnrollmentFilter.prototype, "regionId", void 0);
__decorate([
    Field(() => CareGroup, { nullable: true }),
    IsOptional(),
    IsEnum(CareGroup),
    __metadata("design:type", Object)
], CareEnrollmentFilter.prototype, "group", void 0);
__decorate([
    Field(() => CareStatus, { nullable: true }),
    IsOptional(),
    IsEnum(CareStatus),
    __metadata("design:type", Object)
], CareEnrollmentFilter.prototype, "status", void 0);
CareEnrollmentFilter = __decorate([
    InputType()
], CareEnrollmentFilter);
export { CareEnrollmentFilter };
let VisitTaskFilter = class VisitTaskFilter {
    regionId;
    month;
    status;
    mine;
};
__decorate([
    Field(() => ID, { nullable: true }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], VisitTaskFilter.prototype, "regionId", void 0);
__decorate([
    Field(() => String, { nullable: true, description: '"2026-12"' }),
    IsOptional(),
    Matches(/^\d{4}-(0[1-9]|1[0-2])$/, zh('月份格式应为 YYYY-MM')),
    __metadata("design:type", Object)
], VisitTaskFilter.prototype, "month", void 0);
__decorate([
    Field(() => VisitTaskStatus, { nullable: true }),
    IsOptional(),
    IsEnum(VisitTaskStatus),
    __metadata("design:type", Object)
], VisitTaskFilter.prototype, "status", void 0);
__decorate([
    Field(() => Boolean, { nullable: true, description: 'Only tasks assigned to me' }),
    IsOptional(),
    IsBoolean(),
    __metadata("design:type", Object)
], VisitTaskFilter.prototype, "mine", void 0);
VisitTaskFilter = __decorate([
    InputType()
], VisitTaskFilter);
export { VisitTaskFilter };
let RecordVisitInput = class RecordVisitInput {
    taskId;
    visitedAt;
    mode;
    outcome;
    findings;
    risks;
    raiseNeed;
    minutes;
    pauseUntil;
};
__decorate([
    Field(() => ID),
    IsString(),
    __metadata("design:type", String)
], RecordVisitInput.prototype, "taskId", void 0);
__decorate([
    Field(),
    Type(() => Date),
    IsDate(zh('探访时间无效')),
    __metadata("design:type", Date)
], RecordVisitInput.prototype, "visitedAt", void 0);
__decorate([
    Field(() => VisitMode),
    IsEnum(VisitMode, zh('探访方式无效')),
    __metadata("design:type", String)
], RecordVisitInput.prototype, "mode", void 0);
__decorate([
    Field(() => VisitOutcome),
    IsEnum(VisitOutcome, zh('探访结果无效')),
    __metadata("design:type", String)
], RecordVisitInput.prototype, "outcome", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], RecordVisitInput.prototype, "findings", void 0);
__decorate([
    Field(() => [String], { nullable: true, description: 'VisitRisk codes: HEALTH_DECLINE, NO_FOOD, UNSAFE_HOUSING, EMOTIONAL_DISTRESS, ABUSE_SUSPECTED' }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(10),
    IsString({ each: true }),
    __metadata("design:type", Object)
], RecordVisitInput.prototype, "risks", void 0);
__decorate([
    Field(() => PostNeedInput, { nullable: true, description: '主动发现: posts a proxy need for the person in the same transaction (staff visitors)' }),
    IsOptional(),
    ValidateNested(),
    Type(() => PostNeedInput),
    __metadata("design:type", Object)
], RecordVisitInput.prototype, "raiseNeed", void 0);
__decorate([
    Field(() => Int, { nullable: true, description: 'Minutes the visit took (default 30); a volunteer visitor earns them once' }),
    IsOptional(),
    IsInt(),
    Min(1),
    Max(480),
    __metadata("design:type", Object)
], RecordVisitInput.prototype, "minutes", void 0);
__decorate([
    Field(() => Date, { nullable: true, description: 'HOSPITALIZED only: pause until (default the end of the task window)' }),
    IsOptional(),
    Type(() => Date),
    IsDate(),
    __metadata("design:type", Object)
], RecordVisitInput.prototype, "pauseUntil", void 0);
RecordVisitInput = __decorate([
    InputType()
], RecordVisitInput);
export { RecordVisitInput };
let SetVisitRuleInput = class SetVisitRuleInput {
    regionId;
    group;
    highRisk;
    visitsPerMonth;
    modes;
};
__decorate([
    Field(() => ID),
    IsString(),
    __metadata("design:type", String)
], SetVisitRuleInput.prototype, "regionId", void 0);
__decorate([
    Field(() => CareGroup),
    IsEnum(CareGroup),
    __metadata("design:type", String)
], SetVisitRuleInput.prototype, "group", void 0);
__decorate([
    Field(),
    IsBoolean(),
    __metadata("design:type", Boolean)
], SetVisitRuleInput.prototype, "highRisk", void 0);
__decorate([
    Field(() => Int),
    IsInt(),
    __metadata("design:type", Number)
], SetVisitRuleInput.prototype, "visitsPerMonth", void 0);
__decorate([
    Field(() => [VisitMode]),
    IsArray(),
    IsEnum(VisitMode, { each: true }),
    __metadata("design:type", Array)
], SetVisitRuleInput.prototype, "modes", void 0);
SetVisitRuleInput = __decorate([
    InputType()
], SetVisitRuleInput);
export { SetVisitRuleInput };
let CareFollowUpFilter = class CareFollowUpFilter {
    regionId;
    status;
};
__decorate([
    Field(() => ID, { nullable: true }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], CareFollowUpFilter.prototype, "regionId", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'OPEN or RESOLVED' }),
    IsOptional(),
    IsString(),
    MaxLength(10),
    __metadata("design:type", Object)
], CareFollowUpFilter.prototype, "status", void 0);
CareFollowUpFilter = __decorate([
    InputType()
], CareFollowUpFilter);
export { CareFollowUpFilter };
//# sourceMappingURL=care-visit.input.js.map