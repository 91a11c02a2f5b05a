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

@InputType()
export class SetPersonFlagInput {
  @Field(() => ID) @IsString() personId: string;
  @Field(() => PersonFlag) @IsIn(Object.values(PersonFlag)) flag: PersonFlag;

  @Field(() => ID, {
    nullable: true,
    description:
      'Who gave consent; omitted = the person themself (an adult must consent themself). For a minor: a guardian (an adult recorded relative); under 14 a guardian is required',
  })
  @IsOptional()
  @IsString()
  consentGivenById?: string | null;
}

@InputType()
export class UpdateMyProfileInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '地址不超过200个字符' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: '身份证号, only when none is on record yet (changes go through a community worker)' })
  @IsOptional()
  @IsString()
  idNumber?: string | null;
}

@ArgsType()
export class PiiAccessLogArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Only reads of this person's data" }) @IsOptional() @IsString() subjectId?: string | null;
}
