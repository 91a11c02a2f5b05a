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
import { PageArgs } from '../common/graphql/connection.js';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { MOBILE_MESSAGE, MOBILE_PATTERN } from '../privacy/phone.js';
import { AvailabilityInput } from './availability.model.js';
import { VolunteerStatus } from './volunteer.model.js';
let EmergencyContactInput = class EmergencyContactInput {
    name;
    phone;
};
__decorate([
    Field(),
    IsString(),
    IsNotEmpty({ message: '请输入紧急联系人姓名' }),
    MaxLength(50),
    __metadata("design:type", String)
], EmergencyContactInput.prototype, "name", void 0);
__decorate([
    Field(),
    Matches(MOBILE_PATTERN, { message: MOBILE_MESSAGE }),
    __metadata("design:type", String)
], EmergencyContactInput.prototype, "phone", void 0);
EmergencyContactInput = __decorate([
    InputType()
], EmergencyContactInput);
export { EmergencyContactInput };
let RegisterVolunteerInput = class RegisterVolunteerInput {
    skills;
    serviceRegionIds;
    availability;
    isPartyMember;
    emergencyContact;
    teamId;
    idNumber;
};
__decorate([
    Field(() => [String], { description: 'Skill names from `skills` (e.g. 助老陪护)' }),
    ArrayMinSize(1, { message: '请至少选择一项技能' }),
    ArrayMaxSize(10, { message: '技能最多10项' }),
    IsString({ each: true }),
    MaxLength(20, { each: true }),
    __metadata("design:type", Array)
], RegisterVolunteerInput.prototype, "skills", void 0);
__decorate([
    Field(() => [ID], { description: 'Streets, communities or grids the volunteer serves' }),
    ArrayMinSize(1, { message: '请至少选择一个服务区域' }),
    ArrayMaxSize(10, { message: '服务区域最多10个' }),
    IsString({ each: true }),
    __metadata("design:type", Array)
], RegisterVolunteerInput.prototype, "serviceRegionIds", void 0);
__decorate([
    Field(() => [AvailabilityInput], { nullable: true, description: 'Weekly availability; end after start, no overlaps within a day' }),
    IsOptional(),
    ArrayMaxSize(42),
    ValidateNested({ each: true }),
    Type(() => AvailabilityInput),
    __metadata("design:type", Object)
], RegisterVolunteerInput.prototype, "availability", void 0);
__decorate([
    Field(() => Boolean, { nullable: true, description: '党员' }),
    IsOptional(),
    IsBoolean(),
    __metadata("design:type", Object)
], RegisterVolunteerInput.prototype, "isPartyMember", void 0);
__decorate([
    Field(() => EmergencyContactInput, { nullable: true }),
    IsOptional(),
    ValidateNested(),
    Type(() => EmergencyContactInput),
    __metadata("design:type", Object)
], RegisterVolunteerInput.prototype, "emergencyContact", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'Join this 志愿服务队 (required under 18: the team must have an adult leader)' }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], RegisterVolunteerInput.prototype, "teamId", void 0);
__decorate([
    Field(() => String, { nullable: true, description: '身份证号, required when the caller has none on record (age check)' }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], RegisterVolunteerInput.prototype, "idNumber", void 0);
RegisterVolunteerInput = __decorate([
    InputType({ description: '志愿者注册: the caller registers themselves; a community worker of their community approves' })
], RegisterVolunteerInput);
export { RegisterVolunteerInput };
let VolunteerFilter = class VolunteerFilter {
    regionId;
    skill;
    status;
    isPartyMember;
    availableAt;
};
__decorate([
    Field(() => ID, { nullable: true, description: 'Volunteers serving this region (or a region inside it)' }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], VolunteerFilter.prototype, "regionId", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], VolunteerFilter.prototype, "skill", void 0);
__decorate([
    Field(() => VolunteerStatus, { nullable: true }),
    IsOptional(),
    IsIn(Object.values(VolunteerStatus)),
    __metadata("design:type", Object)
], VolunteerFilter.prototype, "status", void 0);
__decorate([
    Field(() => Boolean, { nullable: true }),
    IsOptional(),
    IsBoolean(),
    __metadata("design:type", Object)
], VolunteerFilter.prototype, "isPartyMember", void 0);
__decorate([
    Field(() => Date, { nullable: true, description: 'Available at this instant by their weekly availability' }),
    IsOptional(),
    __metadata("design:type", Object)
], VolunteerFilter.prototype, "availableAt", void 0);
VolunteerFilter = __decorate([
    InputType()
], VolunteerFilter);
export { VolunteerFilter };
let CreateVolunteerTeamInput = class CreateVolunteerTeamInput {
    name;
    communityId;
    leaderVolunteerId;
    organizationId;
};
__decorate([
    Field(),
    IsString(),
    IsNotEmpty({ message: '请输入队名' }),
    MaxLength(50),
    __metadata("design:type", String)
], CreateVolunteerTeamInput.prototype, "name", void 0);
__decorate([
    Field(() => ID, { description: 'The community 社区 the team belongs to' }),
    IsString(),
    __metadata("design:type", String)
], CreateVolunteerTeamInput.prototype, "communityId", void 0);
__decorate([
    Field(() => ID, { description: 'An approved adult volunteer who leads the team' }),
    IsString(),
    __metadata("design:type", String)
], CreateVolunteerTeamInput.prototype, "leaderVolunteerId", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'The social organization running the team, if any' }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], CreateVolunteerTeamInput.prototype, "organizationId", void 0);
CreateVolunteerTeamInput = __decorate([
    InputType()
], CreateVolunteerTeamInput);
export { CreateVolunteerTeamInput };
let VolunteersArgs = class VolunteersArgs extends PageArgs {
    filter;
};
__decorate([
    Field(() => VolunteerFilter, { nullable: true }),
    IsOptional(),
    ValidateNested(),
    Type(() => VolunteerFilter),
    __metadata("design:type", Object)
], VolunteersArgs.prototype, "filter", void 0);
VolunteersArgs = __decorate([
    ArgsType()
], VolunteersArgs);
export { VolunteersArgs };
let RegionPageArgs = class RegionPageArgs extends PageArgs {
    regionId;
};
__decorate([
    Field(() => ID, { nullable: true, description: 'Only under this region' }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], RegionPageArgs.prototype, "regionId", void 0);
RegionPageArgs = __decorate([
    ArgsType()
], RegionPageArgs);
export { RegionPageArgs };
let UpdateMyVolunteerProfileInput = class UpdateMyVolunteerProfileInput {
    skills;
    serviceRegionIds;
    availability;
    emergencyContact;
};
__decorate([
    Field(() => [String], { nullable: true, description: 'Replaces the skills (names from `skills`)' }),
    IsOptional(),
    ArrayMinSize(1, { message: '请至少选择一项技能' }),
    ArrayMaxSize(10, { message: '技能最多10项' }),
    IsString({ each: true }),
    MaxLength(20, { each: true }),
    __metadata("design:type", Object)
], UpdateMyVolunteerProfileInput.prototype, "skills", void 0);
__decorate([
    Field(() => [ID], { nullable: true, description: 'Replaces the service regions (streets, communities or grids)' }),
    IsOptional(),
    ArrayMinSize(1, { message: '请至少选择一个服务区域' }),
    ArrayMaxSize(10, { message: '服务区域最多10个' }),
    IsString({ each: true }),
    __metadata("design:type", Object)
], UpdateMyVolunteerProfileInput.prototype, "serviceRegionIds", void 0);
__decorate([
    Field(() => [AvailabilityInput], { nullable: true, description: 'Replaces the weekly availability ([] clears it)' }),
    IsOptional(),
    ArrayMaxSize(42),
    ValidateNested({ each: true }),
    Type(() => AvailabilityInput),
    __metadata("design:type", Object)
], UpdateMyVolunteerProfileInput.prototype, "availability", void 0);
__decorate([
    Field(() => EmergencyContactInput, { nullable: true }),
    IsOptional(),
    ValidateNested(),
    Type(() => EmergencyContactInput),
    __metadata("design:type", Object)
], UpdateMyVolunteerProfileInput.prototype, "emergencyContact", void 0);
UpdateMyVolunteerProfileInput = __decorate([
    InputType({ description: '志愿者资料更新 by the volunteer: only what is given changes; the review status stays as it is' })
], UpdateMyVolunteerProfileInput);
export { UpdateMyVolunteerProfileInput };
//# sourceMappingURL=volunteer.input.js.map