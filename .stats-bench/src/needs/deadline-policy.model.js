var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Urgency } from './need-deadlines.js';
let DeadlinePolicyModel = class DeadlinePolicyModel {
    regionId;
    urgency;
    acceptMinutes;
    claimMinutes;
    setByRegionId;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], DeadlinePolicyModel.prototype, "regionId", void 0);
__decorate([
    Field(() => Urgency),
    __metadata("design:type", String)
], DeadlinePolicyModel.prototype, "urgency", void 0);
__decorate([
    Field(() => Int, { description: 'Minutes from posting to 受理' }),
    __metadata("design:type", Number)
], DeadlinePolicyModel.prototype, "acceptMinutes", void 0);
__decorate([
    Field(() => Int, { description: 'Minutes from posting to 接单/派单' }),
    __metadata("design:type", Number)
], DeadlinePolicyModel.prototype, "claimMinutes", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'needDeadlinePolicies: the region whose setting applies (itself or the nearest ancestor); null = the built-in default' }),
    __metadata("design:type", Object)
], DeadlinePolicyModel.prototype, "setByRegionId", void 0);
DeadlinePolicyModel = __decorate([
    ObjectType('NeedDeadlinePolicy', { description: '办理时限 of one urgency in a region (and everything under it)' })
], DeadlinePolicyModel);
export { DeadlinePolicyModel };
//# sourceMappingURL=deadline-policy.model.js.map