var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageArgs } from '../common/graphql/connection.js';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { AvailabilityInput } from '../volunteers/availability.model.js';
import { NeedCategory } from '../needs/need.model.js';
export var ResourceKind;
(function (ResourceKind) {
    ResourceKind["SERVICE"] = "SERVICE";
    ResourceKind["VENUE"] = "VENUE";
    ResourceKind["GOODS"] = "GOODS";
    ResourceKind["FUNDS"] = "FUNDS";
})(ResourceKind || (ResourceKind = {}));
registerEnumType(ResourceKind, {
    name: 'ResourceKind',
    valuesMap: { SERVICE: { description: '服务' }, VENUE: { description: '场地 (incl. parking)' }, GOODS: { description: '物资' }, FUNDS: { description: '资金' } },
});
export var ResourceProvider;
(function (ResourceProvider) {
    ResourceProvider["VOLUNTEER"] = "VOLUNTEER";
    ResourceProvider["TEAM"] = "TEAM";
    ResourceProvider["ORGANIZATION"] = "ORGANIZATION";
    ResourceProvider["CHARITY"] = "CHARITY";
    ResourceProvider["RESIDENT_UNIT"] = "RESIDENT_UNIT";
})(ResourceProvider || (ResourceProvider = {}));
registerEnumType(ResourceProvider, {
    name: 'ResourceProvider',
    valuesMap: {
        VOLUNTEER: { description: '志愿者' },
        TEAM: { description: '志愿服务队' },
        ORGANIZATION: { description: '社会组织' },
        CHARITY: { description: '慈善资源' },
        RESIDENT_UNIT: { description: '驻区单位' },
    },
});
/** The categories a resource serves are the need categories of DESIGN.md §4, so that matching can pair them. */
export const ResourceCategory = NeedCategory;
let Resource = class Resource {
    id;
    name;
    kind;
    categories;
    description;
    capacity;
    capacityUnit;
    availabilityNote;
    providerKind;
    unitName;
    active;
    createdAt;
    regionId;
    path;
    volunteerId;
    teamId;
    organizationId;
    charityId;
    createdBy;
    createdKey;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], Resource.prototype, "id", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], Resource.prototype, "name", void 0);
__decorate([
    Field(() => ResourceKind),
    __metadata("design:type", String)
], Resource.prototype, "kind", void 0);
__decorate([
    Field(() => [ResourceCategory]),
    __metadata("design:type", Array)
], Resource.prototype, "categories", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Resource.prototype, "description", void 0);
__decorate([
    Field(() => Int, { nullable: true, description: 'e.g. 30 (seats), 50 (meals a day)' }),
    __metadata("design:type", Object)
], Resource.prototype, "capacity", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Resource.prototype, "capacityUnit", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'Free-text availability, e.g. 工作日 9:00-17:00' }),
    __metadata("design:type", Object)
], Resource.prototype, "availabilityNote", void 0);
__decorate([
    Field(() => ResourceProvider),
    __metadata("design:type", String)
], Resource.prototype, "providerKind", void 0);
__decorate([
    Field(() => String, { nullable: true, description: '驻区单位 name (RESIDENT_UNIT)' }),
    __metadata("design:type", Object)
], Resource.prototype, "unitName", void 0);
__decorate([
    Field(),
    __metadata("design:type", Boolean)
], Resource.prototype, "active", void 0);
__decorate([
    Field(() => Date),
    __metadata("design:type", Date)
], Resource.prototype, "createdAt", void 0);
Resource = __decorate([
    ObjectType('Resource', { description: '服务资源 (服务资源清单, DESIGN.md §4)' })
], Resource);
export { Resource };
let CreateResourceInput = class CreateResourceInput {
    name;
    kind;
    categories;
    regionId;
    providerKind;
    providerId;
    unitName;
    description;
    capacity;
    capacityUnit;
    availabilityNote;
    availability;
};
__decorate([
    Field(),
    IsString(),
    IsNotEmpty({ message: '请填写资源名称' }),
    MaxLength(100),
    __metadata("design:type", String)
], CreateResourceInput.prototype, "name", void 0);
__decorate([
    Field(() => ResourceKind),
    IsIn(Object.values(ResourceKind)),
    __metadata("design:type", String)
], CreateResourceInput.prototype, "kind", void 0);
__decorate([
    Field(() => [ResourceCategory]),
    ArrayMinSize(1, { message: '请至少选择一个类别' }),
    ArrayMaxSize(5),
    IsIn(Object.values(ResourceCategory), { each: true }),
    __metadata("design:type", Array)
], CreateResourceInput.prototype, "categories", void 0);
__decorate([
    Field(() => ID, { description: 'Area served 服务区域: a street, community or grid' }),
    IsString(),
    __metadata("design:type", String)
], CreateResourceInput.prototype, "regionId", void 0);
__decorate([
    Field(() => ResourceProvider),
    IsIn(Object.values(ResourceProvider)),
    __metadata("design:type", String)
], CreateResourceInput.prototype, "providerKind", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'The volunteer, team, organization or charity offering it (VOLUNTEER defaults to the caller)' }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], CreateResourceInput.prototype, "providerId", void 0);
__decorate([
    Field(() => String, { nullable: true, description: '驻区单位 name, for RESIDENT_UNIT' }),
    IsOptional(),
    IsString(),
    MaxLength(100),
    __metadata("design:type", Object)
], CreateResourceInput.prototype, "unitName", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    IsOptional(),
    IsString(),
    MaxLength(1000),
    __metadata("design:type", Object)
], CreateResourceInput.prototype, "description", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    IsOptional(),
    IsInt(),
    Min(1, { message: '容量应大于0' }),
    Max(1_000_000),
    __metadata("design:type", Object)
], CreateResourceInput.prototype, "capacity", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    IsOptional(),
    IsString(),
    MaxLength(10),
    __metadata("design:type", Object)
], CreateResourceInput.prototype, "capacityUnit", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    IsOptional(),
    IsString(),
    MaxLength(200),
    __metadata("design:type", Object)
], CreateResourceInput.prototype, "availabilityNote", void 0);
__decorate([
    Field(() => [AvailabilityInput], { nullable: true, description: 'Weekly slots when it can be used' }),
    IsOptional(),
    ArrayMaxSize(42),
    ValidateNested({ each: true }),
    Type(() => AvailabilityInput),
    __metadata("design:type", Object)
], CreateResourceInput.prototype, "availability", void 0);
CreateResourceInput = __decorate([
    InputType()
], CreateResourceInput);
export { CreateResourceInput };
let ResourceFilter = class ResourceFilter {
    regionId;
    category;
    kind;
    providerKind;
    includeWithdrawn;
};
__decorate([
    Field(() => ID, { nullable: true, description: 'Resources whose area contains or lies in this region' }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], ResourceFilter.prototype, "regionId", void 0);
__decorate([
    Field(() => ResourceCategory, { nullable: true }),
    IsOptional(),
    IsIn(Object.values(ResourceCategory)),
    __metadata("design:type", Object)
], ResourceFilter.prototype, "category", void 0);
__decorate([
    Field(() => ResourceKind, { nullable: true }),
    IsOptional(),
    IsIn(Object.values(ResourceKind)),
    __metadata("design:type", Object)
], ResourceFilter.prototype, "kind", void 0);
__decorate([
    Field(() => ResourceProvider, { nullable: true }),
    IsOptional(),
    IsIn(Object.values(ResourceProvider)),
    __metadata("design:type", Object)
], ResourceFilter.prototype, "providerKind", void 0);
__decorate([
    Field(() => Boolean, { nullable: true, defaultValue: false }),
    IsOptional(),
    IsBoolean(),
    __metadata("design:type", Boolean)
], ResourceFilter.prototype, "includeWithdrawn", void 0);
ResourceFilter = __decorate([
    InputType()
], ResourceFilter);
export { ResourceFilter };
let ResourcesArgs = class ResourcesArgs extends PageArgs {
    filter;
};
__decorate([
    Field(() => ResourceFilter, { nullable: true }),
    IsOptional(),
    ValidateNested(),
    Type(() => ResourceFilter),
    __metadata("design:type", Object)
], ResourcesArgs.prototype, "filter", void 0);
ResourcesArgs = __decorate([
    ArgsType()
], ResourcesArgs);
export { ResourcesArgs };
//# sourceMappingURL=resource.model.js.map