import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { PageArgs } from '../common/graphql/connection.js';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { MOBILE_MESSAGE, MOBILE_PATTERN } from '../privacy/phone.js';
import { AvailabilityInput } from './availability.model.js';
import { VolunteerStatus } from './volunteer.model.js';

@InputType()
export class EmergencyContactInput {
  @Field()
  @IsString()
  @IsNotEmpty({ message: '请输入紧急联系人姓名' })
  @MaxLength(50)
  name: string;

  @Field()
  @Matches(MOBILE_PATTERN, { message: MOBILE_MESSAGE })
  phone: string;
}

@InputType({ description: '志愿者注册: the caller registers themselves; a community worker of their community approves' })
export class RegisterVolunteerInput {
  @Field(() => [String], { description: 'Skill names from `skills` (e.g. 助老陪护)' })
  @ArrayMinSize(1, { message: '请至少选择一项技能' })
  @ArrayMaxSize(10, { message: '技能最多10项' })
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  skills: string[];

  @Field(() => [ID], { description: 'Streets, communities or grids the volunteer serves' })
  @ArrayMinSize(1, { message: '请至少选择一个服务区域' })
  @ArrayMaxSize(10, { message: '服务区域最多10个' })
  @IsString({ each: true })
  serviceRegionIds: string[];

  @Field(() => [AvailabilityInput], { nullable: true, description: 'Weekly availability; end after start, no overlaps within a day' })
  @IsOptional()
  @ArrayMaxSize(42)
  @ValidateNested({ each: true })
  @Type(() => AvailabilityInput)
  availability?: AvailabilityInput[] | null;

  @Field(() => Boolean, { nullable: true, description: '党员' })
  @IsOptional()
  @IsBoolean()
  isPartyMember?: boolean | null;

  @Field(() => EmergencyContactInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EmergencyContactInput)
  emergencyContact?: EmergencyContactInput | null;

  @Field(() => ID, { nullable: true, description: 'Join this 志愿服务队 (required under 18: the team must have an adult leader)' })
  @IsOptional()
  @IsString()
  teamId?: string | null;

  @Field(() => String, { nullable: true, description: '身份证号, required when the caller has none on record (age check)' })
  @IsOptional()
  @IsString()
  idNumber?: string | null;
}

@InputType()
export class VolunteerFilter {
  @Field(() => ID, { nullable: true, description: 'Volunteers serving this region (or a region inside it)' })
  @IsOptional()
  @IsString()
  regionId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  skill?: string | null;

  @Field(() => VolunteerStatus, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(VolunteerStatus))
  status?: VolunteerStatus | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  isPartyMember?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'Available at this instant by their weekly availability' })
  @IsOptional()
  availableAt?: Date | null;
}

@InputType()
export class CreateVolunteerTeamInput {
  @Field()
  @IsString()
  @IsNotEmpty({ message: '请输入队名' })
  @MaxLength(50)
  name: string;

  @Field(() => ID, { description: 'The community 社区 the team belongs to' })
  @IsString()
  communityId: string;

  @Field(() => ID, { description: 'An approved adult volunteer who leads the team' })
  @IsString()
  leaderVolunteerId: string;

  @Field(() => ID, { nullable: true, description: 'The social organization running the team, if any' })
  @IsOptional()
  @IsString()
  organizationId?: string | null;
}

@ArgsType()
export class VolunteersArgs extends PageArgs {
  @Field(() => VolunteerFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => VolunteerFilter)
  filter?: VolunteerFilter | null;
}

@ArgsType()
export class RegionPageArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only under this region' })
  @IsOptional()
  @IsString()
  regionId?: string | null;
}

@InputType({ description: '志愿者资料更新 by the volunteer: only what is given changes; the review status stays as it is' })
export class UpdateMyVolunteerProfileInput {
  @Field(() => [String], { nullable: true, description: 'Replaces the skills (names from `skills`)' })
  @IsOptional()
  @ArrayMinSize(1, { message: '请至少选择一项技能' })
  @ArrayMaxSize(10, { message: '技能最多10项' })
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  skills?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the service regions (streets, communities or grids)' })
  @IsOptional()
  @ArrayMinSize(1, { message: '请至少选择一个服务区域' })
  @ArrayMaxSize(10, { message: '服务区域最多10个' })
  @IsString({ each: true })
  serviceRegionIds?: string[] | null;

  @Field(() => [AvailabilityInput], { nullable: true, description: 'Replaces the weekly availability ([] clears it)' })
  @IsOptional()
  @ArrayMaxSize(42)
  @ValidateNested({ each: true })
  @Type(() => AvailabilityInput)
  availability?: AvailabilityInput[] | null;

  @Field(() => EmergencyContactInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EmergencyContactInput)
  emergencyContact?: EmergencyContactInput | null;
}
