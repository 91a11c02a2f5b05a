import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
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
  @MaxLength(128)
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
  @MaxLength(128)
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
}
