import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { MOBILE_MESSAGE, MOBILE_PATTERN } from '../privacy/phone.js';
import { PASSWORD_RULE } from './password.js';

@InputType({ description: '登录 login with phone and password' })
export class LoginInput {
  @Field({ description: '手机号 11位手机号 mainland mobile number' })
  @Matches(MOBILE_PATTERN, { message: MOBILE_MESSAGE })
  phone: string;

  @Field({ description: '密码 password' })
  @IsString()
  @MinLength(1, { message: '请输入密码' })
  @MaxLength(128, { message: '密码过长' })
  password: string;
}

@InputType({ description: '居民注册 resident self-registration in a grid' })
export class RegisterResidentInput {
  @Field({ description: '姓名 name, ≤ 50 characters' })
  @IsString()
  @IsNotEmpty({ message: '请输入姓名' })
  @MaxLength(50, { message: '姓名不超过50个字符' })
  name: string;

  @Field({ description: '手机号 mainland mobile number, 11 digits' })
  @Matches(MOBILE_PATTERN, { message: MOBILE_MESSAGE })
  phone: string;

  @Field({ description: `密码 password: ${PASSWORD_RULE}` })
  @IsString()
  @MaxLength(128, { message: '密码过长' })
  password: string;

  @Field(() => ID, { description: '所在网格 ID (a GRID-level region)' })
  @IsString()
  gridId: string;

  @Field(() => String, { nullable: true, description: '身份证号 ID number (18 chars, check digit validated); stored encrypted' })
  @IsOptional()
  @IsString()
  idNumber?: string | null;

  @Field(() => String, { nullable: true, description: '住址 address, ≤ 200 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '地址不超过200个字符' })
  address?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '短信验证码 6-digit SMS code (requestPhoneCode, purpose REGISTER); required unless PHONE_VERIFICATION=off',
  })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: '验证码为6位数字' })
  code?: string | null;
}

export enum PhoneCodePurpose {
  REGISTER = 'REGISTER',
  SET_PASSWORD = 'SET_PASSWORD',
}
registerEnumType(PhoneCodePurpose, {
  name: 'PhoneCodePurpose',
  description: '验证码用途 what an SMS code is for',
  valuesMap: {
    REGISTER: { description: '注册 registration' },
    SET_PASSWORD: { description: '设置或找回密码 set or reset the password (also after 代办注册)' },
  },
});

@InputType({ description: '发送短信验证码 request an SMS code' })
export class RequestPhoneCodeInput {
  @Field({ description: '手机号 mainland mobile number, 11 digits' })
  @Matches(MOBILE_PATTERN, { message: MOBILE_MESSAGE })
  phone: string;

  @Field(() => PhoneCodePurpose, { description: '用途 purpose' })
  @IsEnum(PhoneCodePurpose, { message: '用途无效' })
  purpose: PhoneCodePurpose;
}

@InputType({ description: '凭验证码设置密码 set a password with an SMS code' })
export class SetPasswordWithCodeInput {
  @Field({ description: '手机号 mainland mobile number, 11 digits' })
  @Matches(MOBILE_PATTERN, { message: MOBILE_MESSAGE })
  phone: string;

  @Field({ description: '短信验证码 6-digit SMS code (purpose SET_PASSWORD)' })
  @Matches(/^\d{6}$/, { message: '验证码为6位数字' })
  code: string;

  @Field({ description: `新密码 new password: ${PASSWORD_RULE}` })
  @IsString()
  @MaxLength(128, { message: '密码过长' })
  password: string;
}

@InputType({ description: '修改密码 change my password' })
export class ChangePasswordInput {
  @Field({ description: '当前密码 current password' })
  @IsString()
  @MinLength(1, { message: '请输入当前密码' })
  @MaxLength(128, { message: '密码过长' })
  currentPassword: string;

  @Field({ description: `新密码 new password: ${PASSWORD_RULE}` })
  @IsString()
  @MaxLength(128, { message: '密码过长' })
  newPassword: string;
}

@InputType({ description: '代办注册 in-person registration: staff register a resident met in person; the resident sets a password by SMS code' })
export class RegisterResidentInPersonInput {
  @Field({ description: '姓名 name, ≤ 50 characters' })
  @IsString()
  @IsNotEmpty({ message: '请输入姓名' })
  @MaxLength(50, { message: '姓名不超过50个字符' })
  name: string;

  @Field({ description: '手机号 mainland mobile number, 11 digits' })
  @Matches(MOBILE_PATTERN, { message: MOBILE_MESSAGE })
  phone: string;

  @Field(() => ID, { description: "所在网格 ID (a GRID-level region in the staff member's scope)" })
  @IsString()
  gridId: string;

  @Field(() => String, { nullable: true, description: '身份证号 ID number (checked in person); stored encrypted' })
  @IsOptional()
  @IsString()
  idNumber?: string | null;

  @Field(() => String, { nullable: true, description: '住址 address, ≤ 200 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '地址不超过200个字符' })
  address?: string | null;
}
