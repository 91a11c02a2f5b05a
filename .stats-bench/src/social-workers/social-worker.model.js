var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { RegionLevel } from '../regions/region-level.js';
import { StationKind } from '../regions/station.model.js';
export var SocialWorkerLevel;
(function (SocialWorkerLevel) {
    SocialWorkerLevel["ASSISTANT"] = "ASSISTANT";
    SocialWorkerLevel["INTERMEDIATE"] = "INTERMEDIATE";
    SocialWorkerLevel["SENIOR"] = "SENIOR";
})(SocialWorkerLevel || (SocialWorkerLevel = {}));
registerEnumType(SocialWorkerLevel, {
    name: 'SocialWorkerLevel',
    description: '社会工作者职业资格',
    valuesMap: { ASSISTANT: { description: '助理社会工作师' }, INTERMEDIATE: { description: '社会工作师' }, SENIOR: { description: '高级社会工作师' } },
});
let SocialWorker = class SocialWorker {
    id;
    level;
    certificateNo;
    createdAt;
    personId;
    stationId;
    stationPath;
    createdKey;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], SocialWorker.prototype, "id", void 0);
__decorate([
    Field(() => SocialWorkerLevel),
    __metadata("design:type", String)
], SocialWorker.prototype, "level", void 0);
__decorate([
    Field({ description: '职业资格证书编号' }),
    __metadata("design:type", String)
], SocialWorker.prototype, "certificateNo", void 0);
__decorate([
    Field(() => Date),
    __metadata("design:type", Date)
], SocialWorker.prototype, "createdAt", void 0);
SocialWorker = __decorate([
    ObjectType('SocialWorker', { description: '社会工作者 attached to a station 社工站 or room 社工室' })
], SocialWorker);
export { SocialWorker };
let SocialWorkerCount = class SocialWorkerCount {
    regionId;
    regionName;
    regionLevel;
    total;
    assistant;
    intermediate;
    senior;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], SocialWorkerCount.prototype, "regionId", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], SocialWorkerCount.prototype, "regionName", void 0);
__decorate([
    Field(() => RegionLevel, { description: 'STREET: workers of the street\'s 社工站; COMMUNITY: workers of the community\'s 社工室' }),
    __metadata("design:type", String)
], SocialWorkerCount.prototype, "regionLevel", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], SocialWorkerCount.prototype, "total", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], SocialWorkerCount.prototype, "assistant", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], SocialWorkerCount.prototype, "intermediate", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], SocialWorkerCount.prototype, "senior", void 0);
SocialWorkerCount = __decorate([
    ObjectType('SocialWorkerCount', { description: 'Social workers attached in one street (its 社工站) or one community (its 社工室) — statistics; each worker counted once' })
], SocialWorkerCount);
export { SocialWorkerCount };
let RegisterSocialWorkerInput = class RegisterSocialWorkerInput {
    personId;
    level;
    certificateNo;
    stationId;
};
__decorate([
    Field(() => ID),
    IsString(),
    __metadata("design:type", String)
], RegisterSocialWorkerInput.prototype, "personId", void 0);
__decorate([
    Field(() => SocialWorkerLevel),
    IsIn(Object.values(SocialWorkerLevel)),
    __metadata("design:type", String)
], RegisterSocialWorkerInput.prototype, "level", void 0);
__decorate([
    Field({ description: '证书编号: 6–30 letters, digits or -' }),
    IsString(),
    IsNotEmpty({ message: '请填写证书编号' }),
    __metadata("design:type", String)
], RegisterSocialWorkerInput.prototype, "certificateNo", void 0);
__decorate([
    Field(() => ID, { description: 'A 社工站 (street) or 社工室 (community)' }),
    IsString(),
    __metadata("design:type", String)
], RegisterSocialWorkerInput.prototype, "stationId", void 0);
RegisterSocialWorkerInput = __decorate([
    InputType()
], RegisterSocialWorkerInput);
export { RegisterSocialWorkerInput };
let CreateStationInput = class CreateStationInput {
    kind;
    name;
    regionId;
    address;
};
__decorate([
    Field(() => StationKind),
    IsIn(Object.values(StationKind)),
    __metadata("design:type", String)
], CreateStationInput.prototype, "kind", void 0);
__decorate([
    Field(),
    IsString(),
    IsNotEmpty({ message: '请填写站点名称' }),
    MaxLength(100),
    __metadata("design:type", String)
], CreateStationInput.prototype, "name", void 0);
__decorate([
    Field(() => ID, { description: 'A street for 社工站, a community for 社工室 and 志愿服务站点' }),
    IsString(),
    __metadata("design:type", String)
], CreateStationInput.prototype, "regionId", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    IsOptional(),
    IsString(),
    MaxLength(200),
    __metadata("design:type", Object)
], CreateStationInput.prototype, "address", void 0);
CreateStationInput = __decorate([
    InputType()
], CreateStationInput);
export { CreateStationInput };
//# sourceMappingURL=social-worker.model.js.map