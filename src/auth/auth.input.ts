import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { MOBILE_MESSAGE, MOBILE_PATTERN } from '../privacy/phone.js';
import { PASSWORD_RULE } from './password.js';

@InputType()
export class LoginInput {
  @Field({ description: '11位手机号' })
  @Matches(MOBILE_PATTERN, { message: MOBILE_MESSAGE })
  phone: string;

  @Field()
  @IsString()
  @MinLength(1, { message: '请输入密码' })
  @MaxLength(128, { message: '密码过长' })
  password: string;
}

@InputType()
export class RegisterResidentInput {
  @Field({ description: '姓名' })
  @IsString()
  @IsNotEmpty({ message: '请输入姓名' })
  @MaxLength(50, { message: '姓名不超过50个字符' })
  name: string;

  @Field()
  @Matches(MOBILE_PATTERN, { message: MOBILE_MESSAGE })
  phone: string;

  @Field({ description: PASSWORD_RULE })
  @IsString()
  @MaxLength(128, { message: '密码过长' })
  password: string;

  @Field(() => ID, { description: '所在网格 (a GRID-level region)' })
  @IsString()
  gridId: string;

  @Field(() => String, { nullable: true, description: '身份证号 (18 chars, check digit validated); stored encrypted' })
  @IsOptional()
  @IsString()
  idNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '地址不超过200个字符' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: '短信验证码 (requestPhoneCode, purpose REGISTER); required unless PHONE_VERIFICATION=off' })
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
  valuesMap: { REGISTER: { description: '注册' }, SET_PASSWORD: { description: '设置或找回密码 (also after 代办注册)' } },
});

@InputType()
export class RequestPhoneCodeInput {
  @Field()
  @Matches(MOBILE_PATTERN, { message: MOBILE_MESSAGE })
  phone: string;

  @Field(() => PhoneCodePurpose)
  @IsEnum(PhoneCodePurpose, { message: '用途无效' })
  purpose: PhoneCodePurpose;
}

@InputType()
export class SetPasswordWithCodeInput {
  @Field()
  @Matches(MOBILE_PATTERN, { message: MOBILE_MESSAGE })
  phone: string;

  @Field({ description: '短信验证码 (purpose SET_PASSWORD)' })
  @Matches(/^\d{6}$/, { message: '验证码为6位数字' })
  code: string;

  @Field({ description: PASSWORD_RULE })
  @IsString()
  @MaxLength(128, { message: '密码过长' })
  password: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsString()
  @MinLength(1, { message: '请输入当前密码' })
  @MaxLength(128, { message: '密码过长' })
  currentPassword: string;

  @Field({ description: PASSWORD_RULE })
  @IsString()
  @MaxLength(128, { message: '密码过长' })
  newPassword: string;
}

@InputType({ description: '代办注册: staff register a resident met in person; the resident sets a password by SMS code' })
export class RegisterResidentInPersonInput {
  @Field({ description: '姓名' })
  @IsString()
  @IsNotEmpty({ message: '请输入姓名' })
  @MaxLength(50, { message: '姓名不超过50个字符' })
  name: string;

  @Field()
  @Matches(MOBILE_PATTERN, { message: MOBILE_MESSAGE })
  phone: string;

  @Field(() => ID, { description: "所在网格 (a GRID-level region in the staff member's scope)" })
  @IsString()
  gridId: string;

  @Field(() => String, { nullable: true, description: '身份证号 (checked in person)' })
  @IsOptional()
  @IsString()
  idNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '地址不超过200个字符' })
  address?: string | null;
}
