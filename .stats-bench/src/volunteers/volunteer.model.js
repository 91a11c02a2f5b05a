var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
export var VolunteerStatus;
(function (VolunteerStatus) {
    VolunteerStatus["PENDING"] = "PENDING";
    VolunteerStatus["APPROVED"] = "APPROVED";
    VolunteerStatus["REJECTED"] = "REJECTED";
    VolunteerStatus["SUSPENDED"] = "SUSPENDED";
})(VolunteerStatus || (VolunteerStatus = {}));
registerEnumType(VolunteerStatus, {
    name: 'VolunteerStatus',
    valuesMap: { PENDING: { description: '待审核' }, APPROVED: { description: '已通过' }, REJECTED: { description: '未通过' }, SUSPENDED: { description: '已暂停' } },
});
let Volunteer = class Volunteer {
    id;
    status;
    volunteerNo;
    isPartyMember;
    isVetted;
    skills;
    verifiedMinutes;
    starLevel;
    reliability;
    completedCount;
    noShowCount;
    createdAt;
    personId;
    communityId;
    communityPath;
    emergencyContactName;
    emergencyContactPhone;
    createdKey;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], Volunteer.prototype, "id", void 0);
__decorate([
    Field(() => VolunteerStatus),
    __metadata("design:type", String)
], Volunteer.prototype, "status", void 0);
__decorate([
    Field(() => String, { nullable: true, description: '志愿者编号, assigned on approval' }),
    __metadata("design:type", Object)
], Volunteer.prototype, "volunteerNo", void 0);
__decorate([
    Field({ description: '党员' }),
    __metadata("design:type", Boolean)
], Volunteer.prototype, "isPartyMember", void 0);
__decorate([
    Field({ description: 'Vetted for children and home-entry services' }),
    __metadata("design:type", Boolean)
], Volunteer.prototype, "isVetted", void 0);
__decorate([
    Field(() => [String], { description: 'Skills from the seeded list (Chinese names)' }),
    __metadata("design:type", Array)
], Volunteer.prototype, "skills", void 0);
__decorate([
    Field(() => Int, { description: 'Minutes of confirmed service (the time bank’s EARN total)' }),
    __metadata("design:type", Number)
], Volunteer.prototype, "verifiedMinutes", void 0);
__decorate([
    Field(() => Int, { description: '星级 0–5 from verified hours (DESIGN.md §6.4)' }),
    __metadata("design:type", Number)
], Volunteer.prototype, "starLevel", void 0);
__decorate([
    Field(() => Float, { description: '0–1: completions vs no-shows and withdrawals, and ratings' }),
    __metadata("design:type", Number)
], Volunteer.prototype, "reliability", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], Volunteer.prototype, "completedCount", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], Volunteer.prototype, "noShowCount", void 0);
__decorate([
    Field(() => Date, { description: '登记时间' }),
    __metadata("design:type", Date)
], Volunteer.prototype, "createdAt", void 0);
Volunteer = __decorate([
    ObjectType('Volunteer', { description: '社区志愿者' })
], Volunteer);
export { Volunteer };
let EmergencyContact = class EmergencyContact {
    name;
    phone;
};
__decorate([
    Field(),
    __metadata("design:type", String)
], EmergencyContact.prototype, "name", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], EmergencyContact.prototype, "phone", void 0);
EmergencyContact = __decorate([
    ObjectType('EmergencyContact', { description: '紧急联系人: shown only to the volunteer and to community staff in scope' })
], EmergencyContact);
export { EmergencyContact };
let Skill = class Skill {
    name;
    category;
};
__decorate([
    Field(),
    __metadata("design:type", String)
], Skill.prototype, "name", void 0);
__decorate([
    Field({ description: 'The need category it serves (Chinese)' }),
    __metadata("design:type", String)
], Skill.prototype, "category", void 0);
Skill = __decorate([
    ObjectType('Skill', { description: '技能 from the seeded list' })
], Skill);
export { Skill };
let VolunteerTeam = class VolunteerTeam {
    id;
    name;
    createdAt;
    communityId;
    communityPath;
    organizationId;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], VolunteerTeam.prototype, "id", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], VolunteerTeam.prototype, "name", void 0);
__decorate([
    Field(() => Date),
    __metadata("design:type", Date)
], VolunteerTeam.prototype, "createdAt", void 0);
VolunteerTeam = __decorate([
    ObjectType('VolunteerTeam', { description: '志愿服务队: a team in a community with one or more leaders 领队' })
], VolunteerTeam);
export { VolunteerTeam };
let VolunteerTeamMember = class VolunteerTeamMember {
    isLeader;
    joinedAt;
    teamId;
    volunteerId;
};
__decorate([
    Field({ description: '领队' }),
    __metadata("design:type", Boolean)
], VolunteerTeamMember.prototype, "isLeader", void 0);
__decorate([
    Field(() => Date),
    __metadata("design:type", Date)
], VolunteerTeamMember.prototype, "joinedAt", void 0);
VolunteerTeamMember = __decorate([
    ObjectType('VolunteerTeamMember', { description: '队员' })
], VolunteerTeamMember);
export { VolunteerTeamMember };
//# sourceMappingURL=volunteer.model.js.map