import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { PageArgs } from '../common/graphql/connection.js';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PersonFlag } from './personal-data.model.js';

@InputType()
export class RecordRelativeInput {
  @Field(() => ID) @IsString() personId: string;
  @Field(() => ID) @IsString() relativeId: string;

  @Field({ description: 'What the relative is to the person (e.g. 女儿)' })
  @IsString()
  @IsNotEmpty({ message: '请填写亲属关系' })
  @MaxLength(20, { message: '亲属关系不超过20个字' })
  relation: string;

  @Field(() => String, { nullable: true, description: 'What the person is to the relative (e.g. 母亲); records the reverse link too' })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: '请填写亲属关系' })
  @MaxLength(20, { message: '亲属关系不超过20个字' })
  reverseRelation?: string | null;
}

@InputType({ description: '登记敏感标识 sensitive flag input (grid and community workers in scope), recorded with consent' })
export class SetPersonFlagInput {
  @Field(() => ID, { description: '居民 ID' }) @IsString() personId: string;
  @Field(() => PersonFlag, { description: '标识 flag' }) @IsIn(Object.values(PersonFlag)) flag: PersonFlag;

  @Field(() => ID, {
    nullable: true,
    description:
      '同意人 ID: who gave consent; omitted = the person themself (an adult must consent themself). For a minor: a guardian (an adult recorded relative); under 14 a guardian is required',
  })
  @IsOptional()
  @IsString()
  consentGivenById?: string | null;
}

@InputType({ description: '个人资料更新 my profile update: only what is given changes' })
export class UpdateMyProfileInput {
  @Field(() => String, { nullable: true, description: '住址 address, ≤ 200 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '地址不超过200个字符' })
  address?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '身份证号 ID number (18 characters), only when none is on record yet (changes go through a community worker)',
  })
  @IsOptional()
  @IsString()
  idNumber?: string | null;
}

@ArgsType()
export class PiiAccessLogArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "被访问人 ID: only reads of this person's data" }) @IsOptional() @IsString() subjectId?: string | null;
}
