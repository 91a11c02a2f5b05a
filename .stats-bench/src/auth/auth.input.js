var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { MOBILE_MESSAGE, MOBILE_PATTERN } from '../privacy/phone.js';
import { PASSWORD_RULE } from './password.js';
let LoginInput = class LoginInput {
    phone;
    password;
};
__decorate([
    Field({ description: '11位手机号' }),
    Matches(MOBILE_PATTERN, { message: MOBILE_MESSAGE }),
    __metadata("design:type", String)
], LoginInput.prototype, "phone", void 0);
__decorate([
    Field(),
    IsString(),
    MinLength(1, { message: '请输入密码' }),
    MaxLength(128),
    __metadata("design:type", String)
], LoginInput.prototype, "password", void 0);
LoginInput = __decorate([
    InputType()
], LoginInput);
export { LoginInput };
let RegisterResidentInput = class RegisterResidentInput {
    name;
    phone;
    password;
    gridId;
    idNumber;
    address;
};
__decorate([
    Field({ description: '姓名' }),
    IsString(),
    IsNotEmpty({ message: '请输入姓名' }),
    MaxLength(50, { message: '姓名不超过50个字符' }),
    __metadata("design:type", String)
], RegisterResidentInput.prototype, "name", void 0);
__decorate([
    Field(),
    Matches(MOBILE_PATTERN, { message: MOBILE_MESSAGE }),
    __metadata("design:type", String)
], RegisterResidentInput.prototype, "phone", void 0);
__decorate([
    Field({ description: PASSWORD_RULE }),
    IsString(),
    MaxLength(128),
    __metadata("design:type", String)
], RegisterResidentInput.prototype, "password", void 0);
__decorate([
    Field(() => ID, { description: '所在网格 (a GRID-level region)' }),
    IsString(),
    __metadata("design:type", String)
], RegisterResidentInput.prototype, "gridId", void 0);
__decorate([
    Field(() => String, { nullable: true, description: '身份证号 (18 chars, check digit validated); stored encrypted' }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], RegisterResidentInput.prototype, "idNumber", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    IsOptional(),
    IsString(),
    MaxLength(200, { message: '地址不超过200个字符' }),
    __metadata("design:type", Object)
], RegisterResidentInput.prototype, "address", void 0);
RegisterResidentInput = __decorate([
    InputType()
], RegisterResidentInput);
export { RegisterResidentInput };
//# sourceMappingURL=auth.input.js.map