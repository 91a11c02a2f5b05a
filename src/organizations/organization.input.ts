import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { PageArgs } from '../common/graphql/connection.js';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { OrganizationCategory, OrganizationRegistration, OrganizationStatus } from './organization.model.js';

@InputType({ description: '社会组织登记 organization registration; approved by the street admin of its region' })
export class RegisterOrganizationInput {
  @Field({ description: '组织名称 name, ≤ 100 characters' })
  @IsString()
  @IsNotEmpty({ message: '请输入组织名称' })
  @MaxLength(100, { message: '组织名称不超过100个字' })
  name: string;

  @Field({ description: '统一社会信用代码 unified social credit code, 18 characters with check character' })
  @IsString()
  creditCode: string;

  @Field(() => OrganizationCategory, { description: '类别 category' })
  @IsIn(Object.values(OrganizationCategory))
  category: OrganizationCategory;

  @Field(() => ID, { description: '所在区划 ID: home region, a street or a community' })
  @IsString()
  regionId: string;

  @Field(() => OrganizationRegistration, {
    nullable: true,
    defaultValue: OrganizationRegistration.REGISTERED,
    description: '登记方式 registration (default REGISTERED)',
  })
  @IsOptional()
  @IsIn(Object.values(OrganizationRegistration))
  registration?: OrganizationRegistration;

  @Field(() => String, { nullable: true, description: '简介 description, ≤ 1000 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: '地址 address, ≤ 200 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string | null;
}

@InputType({ description: '社会组织筛选 organization filter; every field optional' })
export class OrganizationFilter {
  @Field(() => ID, { nullable: true, description: '区域 ID: only organizations in this region and below' }) @IsOptional() @IsString() regionId?: string | null;
  @Field(() => OrganizationCategory, { nullable: true, description: '类别 only this category' })
  @IsOptional()
  @IsIn(Object.values(OrganizationCategory))
  category?: OrganizationCategory | null;
  @Field(() => OrganizationStatus, { nullable: true, description: '审核状态 only this status (non-approved ones only where the caller may see them)' })
  @IsOptional()
  @IsIn(Object.values(OrganizationStatus))
  status?: OrganizationStatus | null;
}

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => OrganizationFilter, { nullable: true, description: '筛选 filter; null = all the caller may see' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganizationFilter)
  filter?: OrganizationFilter | null;
}
