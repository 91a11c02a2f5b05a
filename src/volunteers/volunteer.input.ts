import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { PageArgs } from '../common/graphql/connection.js';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { MOBILE_MESSAGE, MOBILE_PATTERN } from '../privacy/phone.js';
import { AvailabilityInput } from './availability.model.js';
import { VolunteerStatus } from './volunteer.model.js';

@InputType({ description: '紧急联系人 emergency contact' })
export class EmergencyContactInput {
  @Field({ description: '姓名 name, ≤ 50 characters' })
  @IsString()
  @IsNotEmpty({ message: '请输入紧急联系人姓名' })
  @MaxLength(50)
  name: string;

  @Field({ description: '手机号 mainland mobile number, 11 digits' })
  @Matches(MOBILE_PATTERN, { message: MOBILE_MESSAGE })
  phone: string;
}

@InputType({ description: '志愿者注册 volunteer registration: the caller registers themselves; a community worker of their community approves' })
export class RegisterVolunteerInput {
  @Field(() => [String], { description: '技能 1–10 skill names from `skills` (e.g. 助老陪护)' })
  @ArrayMinSize(1, { message: '请至少选择一项技能' })
  @ArrayMaxSize(10, { message: '技能最多10项' })
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  skills: string[];

  @Field(() => [ID], { description: '服务区域 IDs: 1–10 streets, communities or grids the volunteer serves' })
  @ArrayMinSize(1, { message: '请至少选择一个服务区域' })
  @ArrayMaxSize(10, { message: '服务区域最多10个' })
  @IsString({ each: true })
  serviceRegionIds: string[];

  @Field(() => [AvailabilityInput], {
    nullable: true,
    description: '每周可服务时间 weekly availability (≤ 42 slots); end after start, no overlaps within a day',
  })
  @IsOptional()
  @ArrayMaxSize(42)
  @ValidateNested({ each: true })
  @Type(() => AvailabilityInput)
  availability?: AvailabilityInput[] | null;

  @Field(() => Boolean, { nullable: true, description: '党员 Party member (default false)' })
  @IsOptional()
  @IsBoolean()
  isPartyMember?: boolean | null;

  @Field(() => EmergencyContactInput, { nullable: true, description: '紧急联系人 emergency contact; null = none' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EmergencyContactInput)
  emergencyContact?: EmergencyContactInput | null;

  @Field(() => ID, { nullable: true, description: '志愿服务队 ID: join this 志愿服务队 (required under 18: the team must have an adult leader)' })
  @IsOptional()
  @IsString()
  teamId?: string | null;

  @Field(() => String, { nullable: true, description: '身份证号 ID number, required when the caller has none on record (age check)' })
  @IsOptional()
  @IsString()
  idNumber?: string | null;
}

@InputType({ description: '志愿者筛选 volunteer filter; every field optional' })
export class VolunteerFilter {
  @Field(() => ID, { nullable: true, description: '服务区域 ID: volunteers serving this region (or a region inside it)' })
  @IsOptional()
  @IsString()
  regionId?: string | null;

  @Field(() => String, { nullable: true, description: '技能 only volunteers with this skill name' })
  @IsOptional()
  @IsString()
  skill?: string | null;

  @Field(() => VolunteerStatus, { nullable: true, description: '审核状态 only this status (PENDING and SUSPENDED only for case staff)' })
  @IsOptional()
  @IsIn(Object.values(VolunteerStatus))
  status?: VolunteerStatus | null;

  @Field(() => Boolean, { nullable: true, description: '党员 only Party members (true) or non-members (false)' })
  @IsOptional()
  @IsBoolean()
  isPartyMember?: boolean | null;

  @Field(() => Date, { nullable: true, description: '可服务时刻 available at this instant by their weekly availability, DateTime ISO 8601 with time zone' })
  @IsOptional()
  availableAt?: Date | null;
}

@InputType({ description: '组建志愿服务队 create a volunteer team' })
export class CreateVolunteerTeamInput {
  @Field({ description: '队名 name, ≤ 50 characters' })
  @IsString()
  @IsNotEmpty({ message: '请输入队名' })
  @MaxLength(50)
  name: string;

  @Field(() => ID, { description: '所属社区 ID: the community 社区 the team belongs to' })
  @IsString()
  communityId: string;

  @Field(() => ID, { description: '领队志愿者 ID: an approved adult volunteer who leads the team' })
  @IsString()
  leaderVolunteerId: string;

  @Field(() => ID, { nullable: true, description: '社会组织 ID: the social organization running the team, if any' })
  @IsOptional()
  @IsString()
  organizationId?: string | null;
}

@ArgsType()
export class VolunteersArgs extends PageArgs {
  @Field(() => VolunteerFilter, { nullable: true, description: '筛选 filter; null = all I may see' })
  @IsOptional()
  @ValidateNested()
  @Type(() => VolunteerFilter)
  filter?: VolunteerFilter | null;
}

@ArgsType()
export class RegionPageArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: '区域 ID: only those in this region and below' })
  @IsOptional()
  @IsString()
  regionId?: string | null;
}

@InputType({ description: '志愿者资料更新 profile update by the volunteer: only what is given changes; the review status stays as it is' })
export class UpdateMyVolunteerProfileInput {
  @Field(() => [String], { nullable: true, description: '技能 replaces the skills (1–10 names from `skills`)' })
  @IsOptional()
  @ArrayMinSize(1, { message: '请至少选择一项技能' })
  @ArrayMaxSize(10, { message: '技能最多10项' })
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  skills?: string[] | null;

  @Field(() => [ID], { nullable: true, description: '服务区域 IDs: replace the service regions (1–10 streets, communities or grids)' })
  @IsOptional()
  @ArrayMinSize(1, { message: '请至少选择一个服务区域' })
  @ArrayMaxSize(10, { message: '服务区域最多10个' })
  @IsString({ each: true })
  serviceRegionIds?: string[] | null;

  @Field(() => [AvailabilityInput], { nullable: true, description: '每周可服务时间 replaces the weekly availability ([] clears it)' })
  @IsOptional()
  @ArrayMaxSize(42)
  @ValidateNested({ each: true })
  @Type(() => AvailabilityInput)
  availability?: AvailabilityInput[] | null;

  @Field(() => EmergencyContactInput, { nullable: true, description: '紧急联系人 replaces the emergency contact; null keeps it' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EmergencyContactInput)
  emergencyContact?: EmergencyContactInput | null;
}
