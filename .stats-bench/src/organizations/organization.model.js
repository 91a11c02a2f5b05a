var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
export var OrganizationCategory;
(function (OrganizationCategory) {
    OrganizationCategory["LIFE_SERVICE"] = "LIFE_SERVICE";
    OrganizationCategory["PUBLIC_WELFARE"] = "PUBLIC_WELFARE";
    OrganizationCategory["ASSISTANCE"] = "ASSISTANCE";
    OrganizationCategory["MUTUAL_AID"] = "MUTUAL_AID";
    OrganizationCategory["CULTURE_SPORTS"] = "CULTURE_SPORTS";
    OrganizationCategory["MEDIATION"] = "MEDIATION";
    OrganizationCategory["COMMUNITY_AFFAIRS"] = "COMMUNITY_AFFAIRS";
    OrganizationCategory["RURAL_REVITALIZATION"] = "RURAL_REVITALIZATION";
})(OrganizationCategory || (OrganizationCategory = {}));
registerEnumType(OrganizationCategory, {
    name: 'OrganizationCategory',
    valuesMap: {
        LIFE_SERVICE: { description: '生活服务类' },
        PUBLIC_WELFARE: { description: '公益慈善类' },
        ASSISTANCE: { description: '救助帮扶类' },
        MUTUAL_AID: { description: '居民互助类 / 邻里互助类' },
        CULTURE_SPORTS: { description: '文体活动类' },
        MEDIATION: { description: '专业调处类' },
        COMMUNITY_AFFAIRS: { description: '社区事务类' },
        RURAL_REVITALIZATION: { description: '乡村振兴类' },
    },
});
export var OrganizationRegistration;
(function (OrganizationRegistration) {
    OrganizationRegistration["REGISTERED"] = "REGISTERED";
    OrganizationRegistration["FILED"] = "FILED";
})(OrganizationRegistration || (OrganizationRegistration = {}));
registerEnumType(OrganizationRegistration, {
    name: 'OrganizationRegistration',
    valuesMap: { REGISTERED: { description: '登记 (with the civil affairs bureau)' }, FILED: { description: '备案 (community-based organization filed with the street)' } },
});
export var OrganizationStatus;
(function (OrganizationStatus) {
    OrganizationStatus["PENDING"] = "PENDING";
    OrganizationStatus["APPROVED"] = "APPROVED";
    OrganizationStatus["REJECTED"] = "REJECTED";
    OrganizationStatus["SUSPENDED"] = "SUSPENDED";
})(OrganizationStatus || (OrganizationStatus = {}));
registerEnumType(OrganizationStatus, {
    name: 'OrganizationStatus',
    valuesMap: { PENDING: { description: '待审核' }, APPROVED: { description: '已通过' }, REJECTED: { description: '未通过' }, SUSPENDED: { description: '已暂停' } },
});
let Organization = class Organization {
    id;
    name;
    creditCode;
    category;
    registration;
    status;
    description;
    address;
    statusReason;
    createdAt;
    regionId;
    path;
    registeredBy;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], Organization.prototype, "id", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], Organization.prototype, "name", void 0);
__decorate([
    Field({ description: '统一社会信用代码 (GB 32100-2015)' }),
    __metadata("design:type", String)
], Organization.prototype, "creditCode", void 0);
__decorate([
    Field(() => OrganizationCategory),
    __metadata("design:type", String)
], Organization.prototype, "category", void 0);
__decorate([
    Field(() => OrganizationRegistration),
    __metadata("design:type", String)
], Organization.prototype, "registration", void 0);
__decorate([
    Field(() => OrganizationStatus),
    __metadata("design:type", String)
], Organization.prototype, "status", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Organization.prototype, "description", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Organization.prototype, "address", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'Reason of the last rejection or suspension' }),
    __metadata("design:type", Object)
], Organization.prototype, "statusReason", void 0);
__decorate([
    Field(() => Date),
    __metadata("design:type", Date)
], Organization.prototype, "createdAt", void 0);
Organization = __decorate([
    ObjectType('Organization', { description: '社会组织' })
], Organization);
export { Organization };
let OrganizationMember = class OrganizationMember {
    isAdmin;
    addedAt;
    organizationId;
    personId;
};
__decorate([
    Field(),
    __metadata("design:type", Boolean)
], OrganizationMember.prototype, "isAdmin", void 0);
__decorate([
    Field(() => Date),
    __metadata("design:type", Date)
], OrganizationMember.prototype, "addedAt", void 0);
OrganizationMember = __decorate([
    ObjectType('OrganizationMember', { description: '组织成员; admins hold ORG_ADMIN scoped to the organization' })
], OrganizationMember);
export { OrganizationMember };
let OrganizationCategoryCount = class OrganizationCategoryCount {
    category;
    count;
};
__decorate([
    Field(() => OrganizationCategory),
    __metadata("design:type", String)
], OrganizationCategoryCount.prototype, "category", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], OrganizationCategoryCount.prototype, "count", void 0);
OrganizationCategoryCount = __decorate([
    ObjectType('OrganizationCategoryCount', { description: 'Approved organizations of one category in a region (statistics)' })
], OrganizationCategoryCount);
export { OrganizationCategoryCount };
//# sourceMappingURL=organization.model.js.map