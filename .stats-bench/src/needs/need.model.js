var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsEnum, IsInt, IsLatitude, IsLongitude, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { ConnectionType } from '../common/graphql/connection.js';
import { Urgency } from './need-deadlines.js';
import { NeedAction, NeedStatus } from './need-transitions.js';
export var NeedCategory;
(function (NeedCategory) {
    NeedCategory["ELDERLY_CARE"] = "ELDERLY_CARE";
    NeedCategory["DISABILITY_SUPPORT"] = "DISABILITY_SUPPORT";
    NeedCategory["MEAL_ASSISTANCE"] = "MEAL_ASSISTANCE";
    NeedCategory["CHILD_CARE"] = "CHILD_CARE";
    NeedCategory["MEDICAL_ESCORT"] = "MEDICAL_ESCORT";
    NeedCategory["HOUSEKEEPING"] = "HOUSEKEEPING";
    NeedCategory["REPAIR"] = "REPAIR";
    NeedCategory["PSYCHOLOGICAL"] = "PSYCHOLOGICAL";
    NeedCategory["LEGAL_AID"] = "LEGAL_AID";
    NeedCategory["EMPLOYMENT"] = "EMPLOYMENT";
    NeedCategory["EDUCATION"] = "EDUCATION";
    NeedCategory["CULTURE_SPORTS"] = "CULTURE_SPORTS";
    NeedCategory["EMERGENCY_RELIEF"] = "EMERGENCY_RELIEF";
    NeedCategory["OTHER"] = "OTHER";
})(NeedCategory || (NeedCategory = {}));
/** Chinese names of the categories; the seeded skills list uses them as its `category`. */
export const CATEGORY_LABEL = {
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
registerEnumType(Urgency, { name: 'Urgency', valuesMap: { NORMAL: { description: '一般' }, URGENT: { description: '紧急' }, EMERGENCY: { description: '特急' } } });
registerEnumType(NeedAction, { name: 'NeedAction', description: 'A transition of the need state machine, or ESCALATE (deadline breach)' });
export const RATING_TAGS = ['准时守约', '态度热情', '服务专业', '耐心细致', '迟到', '态度冷淡', '服务不到位', '未按约定完成'];
let NeedDeadlines = class NeedDeadlines {
    acceptBy;
    claimBy;
    acceptBreachedAt;
    claimBreachedAt;
    serviceOverdueAt;
    escalated;
    escalatedAt;
    escalatedToRegionId;
    escalationCount;
    autoConfirmAt;
};
__decorate([
    Field(),
    __metadata("design:type", Date)
], NeedDeadlines.prototype, "acceptBy", void 0);
__decorate([
    Field(),
    __metadata("design:type", Date)
], NeedDeadlines.prototype, "claimBy", void 0);
__decorate([
    Field(() => Date, { nullable: true }),
    __metadata("design:type", Object)
], NeedDeadlines.prototype, "acceptBreachedAt", void 0);
__decorate([
    Field(() => Date, { nullable: true }),
    __metadata("design:type", Object)
], NeedDeadlines.prototype, "claimBreachedAt", void 0);
__decorate([
    Field(() => Date, { nullable: true, description: 'When a service checked in but never completed was flagged as overdue (window over)' }),
    __metadata("design:type", Object)
], NeedDeadlines.prototype, "serviceOverdueAt", void 0);
__decorate([
    Field({ description: 'Escalated to the street station after a breach' }),
    __metadata("design:type", Boolean)
], NeedDeadlines.prototype, "escalated", void 0);
__decorate([
    Field(() => Date, { nullable: true }),
    __metadata("design:type", Object)
], NeedDeadlines.prototype, "escalatedAt", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'The region the need was escalated to' }),
    __metadata("design:type", Object)
], NeedDeadlines.prototype, "escalatedToRegionId", void 0);
__decorate([
    Field(() => Int, { description: 'How many deadline breaches escalated it' }),
    __metadata("design:type", Number)
], NeedDeadlines.prototype, "escalationCount", void 0);
__decorate([
    Field(() => Date, { nullable: true, description: 'When an unconfirmed completion is confirmed automatically' }),
    __metadata("design:type", Object)
], NeedDeadlines.prototype, "autoConfirmAt", void 0);
NeedDeadlines = __decorate([
    ObjectType('NeedDeadlines', { description: '时限: 受理 and 接单 deadlines of the need, and whether they were breached' })
], NeedDeadlines);
export { NeedDeadlines };
let NeedEvent = class NeedEvent {
    id;
    action;
    from;
    to;
    reason;
    at;
    actorId;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], NeedEvent.prototype, "id", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], NeedEvent.prototype, "action", void 0);
__decorate([
    Field(() => NeedStatus, { nullable: true }),
    __metadata("design:type", Object)
], NeedEvent.prototype, "from", void 0);
__decorate([
    Field(() => NeedStatus),
    __metadata("design:type", String)
], NeedEvent.prototype, "to", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], NeedEvent.prototype, "reason", void 0);
__decorate([
    Field(),
    __metadata("design:type", Date)
], NeedEvent.prototype, "at", void 0);
NeedEvent = __decorate([
    ObjectType('NeedEvent', { description: 'One recorded transition: who, from which state, to which, why, when' })
], NeedEvent);
export { NeedEvent };
let NeedRating = class NeedRating {
    rating;
    comment;
    tags;
};
__decorate([
    Field(() => Int, { description: '5 非常满意 … 1 非常不满意' }),
    __metadata("design:type", Number)
], NeedRating.prototype, "rating", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], NeedRating.prototype, "comment", void 0);
__decorate([
    Field(() => [String]),
    __metadata("design:type", Array)
], NeedRating.prototype, "tags", void 0);
NeedRating = __decorate([
    ObjectType('NeedRating', { description: '好差评 of the service' })
], NeedRating);
export { NeedRating };
let Need = class Need {
    id;
    title;
    description;
    status;
    category;
    urgency;
    gridId;
    proxy;
    windowStart;
    windowEnd;
    estimatedMinutes;
    requiredSkills;
    preferPartyMember;
    homeEntry;
    groupActivity;
    claimedAt;
    startedAt;
    completedAt;
    serviceMinutes;
    confirmedAt;
    disputedAt;
    statusReason;
    rating;
    deadlines;
    createdAt;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], Need.prototype, "id", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], Need.prototype, "title", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Need.prototype, "description", void 0);
__decorate([
    Field(() => NeedStatus),
    __metadata("design:type", String)
], Need.prototype, "status", void 0);
__decorate([
    Field(() => NeedCategory),
    __metadata("design:type", String)
], Need.prototype, "category", void 0);
__decorate([
    Field(() => Urgency),
    __metadata("design:type", String)
], Need.prototype, "urgency", void 0);
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], Need.prototype, "gridId", void 0);
__decorate([
    Field({ description: 'Posted by a proxy (代办) for the beneficiary' }),
    __metadata("design:type", Boolean)
], Need.prototype, "proxy", void 0);
__decorate([
    Field(),
    __metadata("design:type", Date)
], Need.prototype, "windowStart", void 0);
__decorate([
    Field(),
    __metadata("design:type", Date)
], Need.prototype, "windowEnd", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], Need.prototype, "estimatedMinutes", void 0);
__decorate([
    Field(() => [String]),
    __metadata("design:type", Array)
], Need.prototype, "requiredSkills", void 0);
__decorate([
    Field({ description: '党员优先' }),
    __metadata("design:type", Boolean)
], Need.prototype, "preferPartyMember", void 0);
__decorate([
    Field({ description: 'The service happens inside the home (needs a vetted volunteer)' }),
    __metadata("design:type", Boolean)
], Need.prototype, "homeEntry", void 0);
__decorate([
    Field({ description: '集体活动: part of a group activity organized by staff; the hours earned may only be donated' }),
    __metadata("design:type", Boolean)
], Need.prototype, "groupActivity", void 0);
__decorate([
    Field(() => Date, { nullable: true }),
    __metadata("design:type", Object)
], Need.prototype, "claimedAt", void 0);
__decorate([
    Field(() => Date, { nullable: true }),
    __metadata("design:type", Object)
], Need.prototype, "startedAt", void 0);
__decorate([
    Field(() => Date, { nullable: true }),
    __metadata("design:type", Object)
], Need.prototype, "completedAt", void 0);
__decorate([
    Field(() => Int, { nullable: true, description: 'Minutes of service reported on completion' }),
    __metadata("design:type", Object)
], Need.prototype, "serviceMinutes", void 0);
__decorate([
    Field(() => Date, { nullable: true }),
    __metadata("design:type", Object)
], Need.prototype, "confirmedAt", void 0);
__decorate([
    Field(() => Date, { nullable: true }),
    __metadata("design:type", Object)
], Need.prototype, "disputedAt", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'Reason of the last rejection, withdrawal, no-show or cancellation' }),
    __metadata("design:type", Object)
], Need.prototype, "statusReason", void 0);
__decorate([
    Field(() => NeedRating, { nullable: true }),
    __metadata("design:type", Object)
], Need.prototype, "rating", void 0);
__decorate([
    Field(() => NeedDeadlines),
    __metadata("design:type", NeedDeadlines)
], Need.prototype, "deadlines", void 0);
__decorate([
    Field(),
    __metadata("design:type", Date)
], Need.prototype, "createdAt", void 0);
Need = __decorate([
    ObjectType('Need', { description: '居民需求 — a need and its place in the order-dispatch-claim loop (DESIGN.md §4, §5)' })
], Need);
export { Need };
export const NeedConnection = ConnectionType(Need, 'Need');
/** Validation messages are Chinese like the service's own (DESIGN.md §12: BAD_USER_INPUT lists every field at fault). */
const zh = (message) => ({ message });
let PostNeedInput = class PostNeedInput {
    title;
    category;
    windowStart;
    windowEnd;
    estimatedMinutes;
    description;
    urgency;
    requiredSkills;
    address;
    latitude;
    longitude;
    gridId;
    beneficiaryId;
    preferPartyMember;
    homeEntry;
    groupActivity;
};
__decorate([
    Field(),
    IsString(zh('标题须为文字')),
    Length(1, 100, zh('标题须为 1–100 字')),
    __metadata("design:type", String)
], PostNeedInput.prototype, "title", void 0);
__decorate([
    Field(() => NeedCategory),
    IsEnum(NeedCategory, zh('需求类别无效')),
    __metadata("design:type", String)
], PostNeedInput.prototype, "category", void 0);
__decorate([
    Field(),
    Type(() => Date),
    IsDate(zh('开始时间无效')),
    __metadata("design:type", Date)
], PostNeedInput.prototype, "windowStart", void 0);
__decorate([
    Field(),
    Type(() => Date),
    IsDate(zh('结束时间无效')),
    __metadata("design:type", Date)
], PostNeedInput.prototype, "windowEnd", void 0);
__decorate([
    Field(() => Int),
    IsInt(zh('预计时长须为整数（分钟）')),
    Min(15, zh('预计时长至少 15 分钟')),
    Max(720, zh('预计时长不能超过 720 分钟')),
    __metadata("design:type", Number)
], PostNeedInput.prototype, "estimatedMinutes", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    IsOptional(),
    IsString(zh('描述须为文字')),
    MaxLength(2000, zh('描述不能超过 2000 字')),
    __metadata("design:type", Object)
], PostNeedInput.prototype, "description", void 0);
__decorate([
    Field(() => Urgency, { nullable: true, defaultValue: Urgency.NORMAL }),
    IsOptional(),
    IsEnum(Urgency, zh('紧急程度无效')),
    __metadata("design:type", String)
], PostNeedInput.prototype, "urgency", void 0);
__decorate([
    Field(() => [String], { nullable: true }),
    IsOptional(),
    IsArray(zh('所需技能须为列表')),
    ArrayMaxSize(5, zh('所需技能最多 5 项')),
    IsString({ each: true, message: '技能名称须为文字' }),
    __metadata("design:type", Object)
], PostNeedInput.prototype, "requiredSkills", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    IsOptional(),
    IsString(zh('地址须为文字')),
    MaxLength(200, zh('地址不能超过 200 字')),
    __metadata("design:type", Object)
], PostNeedInput.prototype, "address", void 0);
__decorate([
    Field(() => Float, { nullable: true }),
    IsOptional(),
    IsLatitude(zh('纬度须在 -90 到 90 之间')),
    __metadata("design:type", Object)
], PostNeedInput.prototype, "latitude", void 0);
__decorate([
    Field(() => Float, { nullable: true }),
    IsOptional(),
    IsLongitude(zh('经度须在 -180 到 180 之间')),
    __metadata("design:type", Object)
], PostNeedInput.prototype, "longitude", void 0);
__decorate([
    Field(() => ID, { nullable: true }),
    IsOptional(),
    IsUUID(undefined, zh('网格不存在')),
    __metadata("design:type", Object)
], PostNeedInput.prototype, "gridId", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'Proxy posting 代办: the resident the need is for' }),
    IsOptional(),
    IsUUID(undefined, zh('服务对象不存在')),
    __metadata("design:type", Object)
], PostNeedInput.prototype, "beneficiaryId", void 0);
__decorate([
    Field({ nullable: true, defaultValue: false, description: '党员接单: prefer party-member volunteers' }),
    IsOptional(),
    IsBoolean(zh('党员优先须为是/否')),
    __metadata("design:type", Boolean)
], PostNeedInput.prototype, "preferPartyMember", void 0);
__decorate([
    Field({ nullable: true, defaultValue: false, description: 'The service happens inside the home' }),
    IsOptional(),
    IsBoolean(zh('入户服务须为是/否')),
    __metadata("design:type", Boolean)
], PostNeedInput.prototype, "homeEntry", void 0);
__decorate([
    Field({ nullable: true, defaultValue: false, description: '集体活动 (staff of the grid only): hours earned may only be donated' }),
    IsOptional(),
    IsBoolean(zh('集体活动须为是/否')),
    __metadata("design:type", Boolean)
], PostNeedInput.prototype, "groupActivity", void 0);
PostNeedInput = __decorate([
    InputType()
], PostNeedInput);
export { PostNeedInput };
let NeedFilter = class NeedFilter {
    status;
    regionId;
    category;
};
__decorate([
    Field(() => NeedStatus, { nullable: true }),
    IsOptional(),
    IsEnum(NeedStatus),
    __metadata("design:type", Object)
], NeedFilter.prototype, "status", void 0);
__decorate([
    Field(() => ID, { nullable: true }),
    IsOptional(),
    IsUUID(),
    __metadata("design:type", Object)
], NeedFilter.prototype, "regionId", void 0);
__decorate([
    Field(() => NeedCategory, { nullable: true }),
    IsOptional(),
    IsEnum(NeedCategory),
    __metadata("design:type", Object)
], NeedFilter.prototype, "category", void 0);
NeedFilter = __decorate([
    InputType()
], NeedFilter);
export { NeedFilter };
let NeedReview = class NeedReview {
    id;
    needId;
    kind;
    rating;
    note;
    dueAt;
    status;
    resolution;
    createdAt;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], NeedReview.prototype, "id", void 0);
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], NeedReview.prototype, "needId", void 0);
__decorate([
    Field({ description: 'LOW_RATING, DEADLINE_CALLBACK, DISPUTE (settled with resolveDispute) or EXPIRED_CALLBACK (reschedule or cancel the need)' }),
    __metadata("design:type", String)
], NeedReview.prototype, "kind", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], NeedReview.prototype, "rating", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], NeedReview.prototype, "note", void 0);
__decorate([
    Field({ description: 'Fix / callback deadline' }),
    __metadata("design:type", Date)
], NeedReview.prototype, "dueAt", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], NeedReview.prototype, "status", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], NeedReview.prototype, "resolution", void 0);
__decorate([
    Field(),
    __metadata("design:type", Date)
], NeedReview.prototype, "createdAt", void 0);
NeedReview = __decorate([
    ObjectType('NeedReview', { description: '回访/整改: a review item for the community (a low rating, or a deadline breach callback)' })
], NeedReview);
export { NeedReview };
export const RATING_TAG_LIST = RATING_TAGS;
export const isRatingTag = (t) => RATING_TAG_LIST.includes(t);
//# sourceMappingURL=need.model.js.map