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
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PersonFlag } from './personal-data.model.js';
let RecordRelativeInput = class RecordRelativeInput {
    personId;
    relativeId;
    relation;
    reverseRelation;
};
__decorate([
    Field(() => ID),
    IsString(),
    __metadata("design:type", String)
], RecordRelativeInput.prototype, "personId", void 0);
__decorate([
    Field(() => ID),
    IsString(),
    __metadata("design:type", String)
], RecordRelativeInput.prototype, "relativeId", void 0);
__decorate([
    Field({ description: 'What the relative is to the person (e.g. 女儿)' }),
    IsString(),
    IsNotEmpty({ message: '请填写亲属关系' }),
    MaxLength(20, { message: '亲属关系不超过20个字' }),
    __metadata("design:type", String)
], RecordRelativeInput.prototype, "relation", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'What the person is to the relative (e.g. 母亲); records the reverse link too' }),
    IsOptional(),
    IsString(),
    IsNotEmpty({ message: '请填写亲属关系' }),
    MaxLength(20, { message: '亲属关系不超过20个字' }),
    __metadata("design:type", Object)
], RecordRelativeInput.prototype, "reverseRelation", void 0);
RecordRelativeInput = __decorate([
    InputType()
], RecordRelativeInput);
export { RecordRelativeInput };
let SetPersonFlagInput = class SetPersonFlagInput {
    personId;
    flag;
    consentGivenById;
};
__decorate([
    Field(() => ID),
    IsString(),
    __metadata("design:type", String)
], SetPersonFlagInput.prototype, "personId", void 0);
__decorate([
    Field(() => PersonFlag),
    IsIn(Object.values(PersonFlag)),
    __metadata("design:type", String)
], SetPersonFlagInput.prototype, "flag", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'Who gave consent; omitted = the person themself (an adult must consent themself). For a minor: a guardian (an adult recorded relative); under 14 a guardian is required' }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], SetPersonFlagInput.prototype, "consentGivenById", void 0);
SetPersonFlagInput = __decorate([
    InputType()
], SetPersonFlagInput);
export { SetPersonFlagInput };
let UpdateMyProfileInput = class UpdateMyProfileInput {
    address;
    idNumber;
};
__decorate([
    Field(() => String, { nullable: true }),
    IsOptional(),
    IsString(),
    MaxLength(200, { message: '地址不超过200个字符' }),
    __metadata("design:type", Object)
], UpdateMyProfileInput.prototype, "address", void 0);
__decorate([
    Field(() => String, { nullable: true, description: '身份证号, only when none is on record yet (changes go through a community worker)' }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], UpdateMyProfileInput.prototype, "idNumber", void 0);
UpdateMyProfileInput = __decorate([
    InputType()
], UpdateMyProfileInput);
export { UpdateMyProfileInput };
let PiiAccessLogArgs = class PiiAccessLogArgs extends PageArgs {
    subjectId;
};
__decorate([
    Field(() => ID, { nullable: true, description: 'Only reads of this person\'s data' }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], PiiAccessLogArgs.prototype, "subjectId", void 0);
PiiAccessLogArgs = __decorate([
    ArgsType()
], PiiAccessLogArgs);
export { PiiAccessLogArgs };
//# sourceMappingURL=personal-data.input.js.map