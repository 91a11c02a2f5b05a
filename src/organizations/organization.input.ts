import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { PageArgs } from '../common/graphql/connection.js';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { OrganizationCategory, OrganizationRegistration, OrganizationStatus } from './organization.model.js';

@InputType({ description: '社会组织登记; approved by the street admin of its region' })
export class RegisterOrganizationInput {
  @Field()
  @IsString()
  @IsNotEmpty({ message: '请输入组织名称' })
  @MaxLength(100, { message: '组织名称不超过100个字' })
  name: string;

  @Field({ description: '统一社会信用代码, 18 characters with check character' })
  @IsString()
  creditCode: string;

  @Field(() => OrganizationCategory)
  @IsIn(Object.values(OrganizationCategory))
  category: OrganizationCategory;

  @Field(() => ID, { description: 'Home region: a street or a community' })
  @IsString()
  regionId: string;

  @Field(() => OrganizationRegistration, { nullable: true, defaultValue: OrganizationRegistration.REGISTERED })
  @IsOptional()
  @IsIn(Object.values(OrganizationRegistration))
  registration?: OrganizationRegistration;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string | null;
}

@InputType()
export class OrganizationFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() regionId?: string | null;
  @Field(() => OrganizationCategory, { nullable: true }) @IsOptional() @IsIn(Object.values(OrganizationCategory)) category?: OrganizationCategory | null;
  @Field(() => OrganizationStatus, { nullable: true }) @IsOptional() @IsIn(Object.values(OrganizationStatus)) status?: OrganizationStatus | null;
}

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => OrganizationFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganizationFilter)
  filter?: OrganizationFilter | null;
}
