var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsNumber, IsOptional, IsString } from 'class-validator';
import { FenScalar } from '../common/graphql/fen.scalar.js';
import { Region } from '../regions/region.model.js';
export var RegionKind;
(function (RegionKind) {
    RegionKind["URBAN"] = "URBAN";
    RegionKind["RURAL"] = "RURAL";
})(RegionKind || (RegionKind = {}));
registerEnumType(RegionKind, { name: 'RegionKind', description: '城市社区 URBAN / 农村社区 RURAL' });
let Indicator = class Indicator {
    code;
    name;
    value;
    target;
    met;
    numerator;
    denominator;
    suppressed;
};
__decorate([
    Field(),
    __metadata("design:type", String)
], Indicator.prototype, "code", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], Indicator.prototype, "name", void 0);
__decorate([
    Field(() => Float, { nullable: true, description: 'numerator ÷ denominator (× 10 000 for the per-10k ones); null when nothing to divide by or suppressed' }),
    __metadata("design:type", Object)
], Indicator.prototype, "value", void 0);
__decorate([
    Field(() => Float, { nullable: true }),
    __metadata("design:type", Object)
], Indicator.prototype, "target", void 0);
__decorate([
    Field(() => Boolean, { nullable: true }),
    __metadata("design:type", Object)
], Indicator.prototype, "met", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], Indicator.prototype, "numerator", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], Indicator.prototype, "denominator", void 0);
__decorate([
    Field({ description: 'a count of persons below 5 was hidden (public figures)' }),
    __metadata("design:type", Boolean)
], Indicator.prototype, "suppressed", void 0);
Indicator = __decorate([
    ObjectType({ description: '指标: a seed indicator with the counted fraction behind it' })
], Indicator);
export { Indicator };
let NeedCell = class NeedCell {
    category;
    urgency;
    posted;
    closed;
    cancelled;
    expired;
};
__decorate([
    Field(),
    __metadata("design:type", String)
], NeedCell.prototype, "category", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], NeedCell.prototype, "urgency", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], NeedCell.prototype, "posted", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], NeedCell.prototype, "closed", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], NeedCell.prototype, "cancelled", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], NeedCell.prototype, "expired", void 0);
NeedCell = __decorate([
    ObjectType({ description: 'Needs of one category and urgency in the period' })
], NeedCell);
export { NeedCell };
let ProjectStatusCount = class ProjectStatusCount {
    status;
    count;
    budgetFen;
};
__decorate([
    Field(),
    __metadata("design:type", String)
], ProjectStatusCount.prototype, "status", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ProjectStatusCount.prototype, "count", void 0);
__decorate([
    Field(() => FenScalar),
    __metadata("design:type", Number)
], ProjectStatusCount.prototype, "budgetFen", void 0);
ProjectStatusCount = __decorate([
    ObjectType({ description: 'Projects 民生项目 of one status running in the period' })
], ProjectStatusCount);
export { ProjectStatusCount };
let RegionStatsMonth = class RegionStatsMonth {
    month;
    volunteersActive;
    needsPosted;
    needsClosed;
    needsCancelled;
    needsExpired;
    minutesServed;
    minutesBanked;
    minutesTransferred;
    minutesDonated;
    medianMinutesToAccept;
    medianMinutesToClaim;
    onTimeRate;
    satisfactionRate;
    escalations;
    noShows;
    visitsDue;
    visitsDone;
    visitsMissed;
};
__decorate([
    Field({ description: 'YYYY-MM' }),
    __metadata("design:type", String)
], RegionStatsMonth.prototype, "month", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], RegionStatsMonth.prototype, "volunteersActive", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], RegionStatsMonth.prototype, "needsPosted", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], RegionStatsMonth.prototype, "needsClosed", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], RegionStatsMonth.prototype, "needsCancelled", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], RegionStatsMonth.prototype, "needsExpired", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], RegionStatsMonth.prototype, "minutesServed", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], RegionStatsMonth.prototype, "minutesBanked", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], RegionStatsMonth.prototype, "minutesTransferred", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], RegionStatsMonth.prototype, "minutesDonated", void 0);
__decorate([
    Field(() => Float, { nullable: true }),
    __metadata("design:type", Object)
], RegionStatsMonth.prototype, "medianMinutesToAccept", void 0);
__decorate([
    Field(() => Float, { nullable: true }),
    __metadata("design:type", Object)
], RegionStatsMonth.prototype, "medianMinutesToClaim", void 0);
__decorate([
    Field(() => Float, { nullable: true }),
    __metadata("design:type", Object)
], RegionStatsMonth.prototype, "onTimeRate", void 0);
__decorate([
    Field(() => Float, { nullable: true }),
    __metadata("design:type", Object)
], RegionStatsMonth.prototype, "satisfactionRate", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], RegionStatsMonth.prototype, "escalations", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], RegionStatsMonth.prototype, "noShows", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], RegionStatsMonth.prototype, "visitsDue", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], RegionStatsMonth.prototype, "visitsDone", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], RegionStatsMonth.prototype, "visitsMissed", void 0);
RegionStatsMonth = __decorate([
    ObjectType({ description: 'The operational figures of one calendar month (China time)' })
], RegionStatsMonth);
export { RegionStatsMonth };
let RegionStats = class RegionStats extends RegionStatsMonth {
    region;
    from;
    to;
    suppressed;
    volunteersRegistered;
    ratings;
    visitRate;
    needsByCategory;
    projectsByStatus;
    projectsBudgetFen;
    projectsDisbursedFen;
    indicators;
    series;
    children;
};
__decorate([
    Field(() => Region),
    __metadata("design:type", Region)
], RegionStats.prototype, "region", void 0);
__decorate([
    Field(),
    __metadata("design:type", Date)
], RegionStats.prototype, "from", void 0);
__decorate([
    Field(),
    __metadata("design:type", Date)
], RegionStats.prototype, "to", void 0);
__decorate([
    Field({ description: 'true when some count of persons below 5 was hidden (public figures only)' }),
    __metadata("design:type", Boolean)
], RegionStats.prototype, "suppressed", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], RegionStats.prototype, "volunteersRegistered", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], RegionStats.prototype, "ratings", void 0);
__decorate([
    Field(() => Float, { nullable: true, description: 'visits done ÷ visits due (every care group)' }),
    __metadata("design:type", Object)
], RegionStats.prototype, "visitRate", void 0);
__decorate([
    Field(() => [NeedCell]),
    __metadata("design:type", Array)
], RegionStats.prototype, "needsByCategory", void 0);
__decorate([
    Field(() => [ProjectStatusCount]),
    __metadata("design:type", Array)
], RegionStats.prototype, "projectsByStatus", void 0);
__decorate([
    Field(() => FenScalar),
    __metadata("design:type", Number)
], RegionStats.prototype, "projectsBudgetFen", void 0);
__decorate([
    Field(() => FenScalar),
    __metadata("design:type", Number)
], RegionStats.prototype, "projectsDisbursedFen", void 0);
__decorate([
    Field(() => [Indicator]),
    __metadata("design:type", Array)
], RegionStats.prototype, "indicators", void 0);
__decorate([
    Field(() => [RegionStatsMonth], { description: 'the same figures per calendar month, oldest first' }),
    __metadata("design:type", Array)
], RegionStats.prototype, "series", void 0);
__decorate([
    Field(() => [RegionStats], { description: 'the same figures for each child region (drill-down); empty below one level' }),
    __metadata("design:type", Array)
], RegionStats.prototype, "children", void 0);
RegionStats = __decorate([
    ObjectType({ description: '区域统计: operations and seed indicators of a region over [from, to) (calendar days, China time)' })
], RegionStats);
export { RegionStats };
let RegionAttributes = class RegionAttributes {
    regionId;
    registeredPopulation;
    residentPopulation;
    elderlyPopulation;
    kind;
    hasVolunteerStation;
    coveredCategories;
    socialWorkersPer10kTarget;
    certifiedWorkerShareTarget;
};
__decorate([
    Field(),
    __metadata("design:type", String)
], RegionAttributes.prototype, "regionId", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], RegionAttributes.prototype, "registeredPopulation", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], RegionAttributes.prototype, "residentPopulation", void 0);
__decorate([
    Field(() => Int, { nullable: true, description: 'resident population aged 60 and over' }),
    __metadata("design:type", Object)
], RegionAttributes.prototype, "elderlyPopulation", void 0);
__decorate([
    Field(() => RegionKind, { nullable: true }),
    __metadata("design:type", Object)
], RegionAttributes.prototype, "kind", void 0);
__decorate([
    Field({ description: '是否建有志愿服务站点' }),
    __metadata("design:type", Boolean)
], RegionAttributes.prototype, "hasVolunteerStation", void 0);
__decorate([
    Field(() => [String], { description: '全科服务: the one-window service categories its workers cover' }),
    __metadata("design:type", Array)
], RegionAttributes.prototype, "coveredCategories", void 0);
__decorate([
    Field(() => Float, { nullable: true }),
    __metadata("design:type", Object)
], RegionAttributes.prototype, "socialWorkersPer10kTarget", void 0);
__decorate([
    Field(() => Float, { nullable: true }),
    __metadata("design:type", Object)
], RegionAttributes.prototype, "certifiedWorkerShareTarget", void 0);
RegionAttributes = __decorate([
    ObjectType({ description: '统计用区域属性' })
], RegionAttributes);
export { RegionAttributes };
let SetRegionAttributesInput = class SetRegionAttributesInput {
    regionId;
    registeredPopulation;
    residentPopulation;
    elderlyPopulation;
    kind;
    hasVolunteerStation;
    coveredCategories;
    socialWorkersPer10kTarget;
    certifiedWorkerShareTarget;
};
__decorate([
    Field(),
    IsString(),
    __metadata("design:type", String)
], SetRegionAttributesInput.prototype, "regionId", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    IsOptional(),
    IsInt({ message: '户籍人口须为整数' }),
    __metadata("design:type", Object)
], SetRegionAttributesInput.prototype, "registeredPopulation", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    IsOptional(),
    IsInt({ message: '常住人口须为整数' }),
    __metadata("design:type", Object)
], SetRegionAttributesInput.prototype, "residentPopulation", void 0);
__decorate([
    Field(() => Int, { nullable: true, description: 'resident population aged 60 and over' }),
    IsOptional(),
    IsInt({ message: '60 岁以上人口须为整数' }),
    __metadata("design:type", Object)
], SetRegionAttributesInput.prototype, "elderlyPopulation", void 0);
__decorate([
    Field(() => RegionKind, { nullable: true }),
    IsOptional(),
    IsEnum(RegionKind, { message: '城乡类别无效' }),
    __metadata("design:type", Object)
], SetRegionAttributesInput.prototype, "kind", void 0);
__decorate([
    Field({ nullable: true }),
    IsOptional(),
    IsBoolean(),
    __metadata("design:type", Boolean)
], SetRegionAttributesInput.prototype, "hasVolunteerStation", void 0);
__decorate([
    Field(() => [String], { nullable: true }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(50),
    IsString({ each: true }),
    __metadata("design:type", Array)
], SetRegionAttributesInput.prototype, "coveredCategories", void 0);
__decorate([
    Field(() => Float, { nullable: true }),
    IsOptional(),
    IsNumber(),
    __metadata("design:type", Object)
], SetRegionAttributesInput.prototype, "socialWorkersPer10kTarget", void 0);
__decorate([
    Field(() => Float, { nullable: true }),
    IsOptional(),
    IsNumber(),
    __metadata("design:type", Object)
], SetRegionAttributesInput.prototype, "certifiedWorkerShareTarget", void 0);
SetRegionAttributesInput = __decorate([
    InputType()
], SetRegionAttributesInput);
export { SetRegionAttributesInput };
//# sourceMappingURL=statistics.model.js.map