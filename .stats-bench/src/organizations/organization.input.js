var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { PageArgs } from '../common/graphql/connection.js';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { OrganizationCategory, OrganizationRegistration, OrganizationStatus } from './organization.model.js';
let RegisterOrganizationInput = class RegisterOrganizationInput {
    name;
    creditCode;
    category;
    regionId;
    registration;
    description;
    address;
};
__decorate([
    Field(),
    IsString(),
    IsNotEmpty({ message: '请输入组织名称' }),
    MaxLength(100, { message: '组织名称不超过100个字' }),
    __metadata("design:type", String)
], RegisterOrganizationInput.prototype, "name", void 0);
__decorate([
    Field({ description: '统一社会信用代码, 18 characters with check character' }),
    IsString(),
    __metadata("design:type", String)
], RegisterOrganizationInput.prototype, "creditCode", void 0);
__decorate([
    Field(() => OrganizationCategory),
    IsIn(Object.values(OrganizationCategory)),
    __metadata("design:type", String)
], RegisterOrganizationInput.prototype, "category", void 0);
__decorate([
    Field(() => ID, { description: 'Home region: a street or a community' }),
    IsString(),
    __metadata("design:type", String)
], RegisterOrganizationInput.prototype, "regionId", void 0);
__decorate([
    Field(() => OrganizationRegistration, { nullable: true, defaultValue: OrganizationRegistration.REGISTERED }),
    IsOptional(),
    IsIn(Object.values(OrganizationRegistration)),
    __metadata("design:type", String)
], RegisterOrganizationInput.prototype, "registration", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    IsOptional(),
    IsString(),
    MaxLength(1000),
    __metadata("design:type", Object)
], RegisterOrganizationInput.prototype, "description", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    IsOptional(),
    IsString(),
    MaxLength(200),
    __metadata("design:type", Object)
], RegisterOrganizationInput.prototype, "address", void 0);
RegisterOrganizationInput = __decorate([
    InputType({ description: '社会组织登记; approved by the street admin of its region' })
], RegisterOrganizationInput);
export { RegisterOrganizationInput };
let OrganizationFilter = class OrganizationFilter {
    regionId;
    category;
    status;
};
__decorate([
    Field(() => ID, { nullable: true }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], OrganizationFilter.prototype, "regionId", void 0);
__decorate([
    Field(() => OrganizationCategory, { nullable: true }),
    IsOptional(),
    IsIn(Object.values(OrganizationCategory)),
    __metadata("design:type", Object)
], OrganizationFilter.prototype, "category", void 0);
__decorate([
    Field(() => OrganizationStatus, { nullable: true }),
    IsOptional(),
    IsIn(Object.values(OrganizationStatus)),
    __metadata("design:type", Object)
], OrganizationFilter.prototype, "status", void 0);
OrganizationFilter = __decorate([
    InputType()
], OrganizationFilter);
export { OrganizationFilter };
let OrganizationsArgs = class OrganizationsArgs extends PageArgs {
    filter;
};
__decorate([
    Field(() => OrganizationFilter, { nullable: true }),
    IsOptional(),
    ValidateNested(),
    Type(() => OrganizationFilter),
    __metadata("design:type", Object)
], OrganizationsArgs.prototype, "filter", void 0);
OrganizationsArgs = __decorate([
    ArgsType()
], OrganizationsArgs);
export { OrganizationsArgs };
//# sourceMappingURL=organization.input.js.map