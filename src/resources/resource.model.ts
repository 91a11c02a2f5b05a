import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageArgs } from '../common/graphql/connection.js';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { AvailabilityInput } from '../volunteers/availability.model.js';
import { NeedCategory } from '../needs/need.model.js';

export enum ResourceKind {
  SERVICE = 'SERVICE',
  VENUE = 'VENUE',
  GOODS = 'GOODS',
  FUNDS = 'FUNDS',
}
registerEnumType(ResourceKind, {
  name: 'ResourceKind',
  valuesMap: {
    SERVICE: { description: '服务' },
    VENUE: { description: '场地 (incl. parking)' },
    GOODS: { description: '物资' },
    FUNDS: { description: '资金' },
  },
});

export enum ResourceProvider {
  VOLUNTEER = 'VOLUNTEER',
  TEAM = 'TEAM',
  ORGANIZATION = 'ORGANIZATION',
  CHARITY = 'CHARITY',
  RESIDENT_UNIT = 'RESIDENT_UNIT',
}
registerEnumType(ResourceProvider, {
  name: 'ResourceProvider',
  valuesMap: {
    VOLUNTEER: { description: '志愿者' },
    TEAM: { description: '志愿服务队' },
    ORGANIZATION: { description: '社会组织' },
    CHARITY: { description: '慈善资源' },
    RESIDENT_UNIT: { description: '驻区单位' },
  },
});

/** The categories a resource serves are the need categories of docs/design.md §4, so that matching can pair them. */
export const ResourceCategory = NeedCategory;
export type ResourceCategory = NeedCategory;

@ObjectType('Resource', { description: '服务资源 (服务资源清单, docs/design.md §4)' })
export class Resource {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => ResourceKind) kind: ResourceKind;
  @Field(() => [ResourceCategory]) categories: ResourceCategory[];
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => Int, { nullable: true, description: 'e.g. 30 (seats), 50 (meals a day)' }) capacity: number | null;
  @Field(() => String, { nullable: true }) capacityUnit: string | null;
  @Field(() => String, { nullable: true, description: 'Free-text availability, e.g. 工作日 9:00-17:00' }) availabilityNote: string | null;
  @Field(() => ResourceProvider) providerKind: ResourceProvider;
  @Field(() => String, { nullable: true, description: '驻区单位 name (RESIDENT_UNIT)' }) unitName: string | null;
  @Field() active: boolean;
  @Field(() => Date) createdAt: Date;
  regionId: string;
  path: string;
  volunteerId: string | null;
  teamId: string | null;
  organizationId: string | null;
  charityId: string | null;
  createdBy: string;
  createdKey: string;
}

@InputType()
export class CreateResourceInput {
  @Field() @IsString() @IsNotEmpty({ message: '请填写资源名称' }) @MaxLength(100) name: string;
  @Field(() => ResourceKind) @IsIn(Object.values(ResourceKind)) kind: ResourceKind;

  @Field(() => [ResourceCategory])
  @ArrayMinSize(1, { message: '请至少选择一个类别' })
  @ArrayMaxSize(5)
  @IsIn(Object.values(ResourceCategory), { each: true })
  categories: ResourceCategory[];

  @Field(() => ID, { description: 'Area served 服务区域: a street, community or grid' }) @IsString() regionId: string;
  @Field(() => ResourceProvider) @IsIn(Object.values(ResourceProvider)) providerKind: ResourceProvider;

  @Field(() => ID, { nullable: true, description: 'The volunteer, team, organization or charity offering it (VOLUNTEER defaults to the caller)' })
  @IsOptional()
  @IsString()
  providerId?: string | null;

  @Field(() => String, { nullable: true, description: '驻区单位 name, for RESIDENT_UNIT' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  unitName?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(1000) description?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1, { message: '容量应大于0' }) @Max(1_000_000) capacity?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(10) capacityUnit?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) availabilityNote?: string | null;

  @Field(() => [AvailabilityInput], { nullable: true, description: 'Weekly slots when it can be used' })
  @IsOptional()
  @ArrayMaxSize(42)
  @ValidateNested({ each: true })
  @Type(() => AvailabilityInput)
  availability?: AvailabilityInput[] | null;
}

@InputType()
export class ResourceFilter {
  @Field(() => ID, { nullable: true, description: 'Resources whose area contains or lies in this region' }) @IsOptional() @IsString() regionId?: string | null;
  @Field(() => ResourceCategory, { nullable: true }) @IsOptional() @IsIn(Object.values(ResourceCategory)) category?: ResourceCategory | null;
  @Field(() => ResourceKind, { nullable: true }) @IsOptional() @IsIn(Object.values(ResourceKind)) kind?: ResourceKind | null;
  @Field(() => ResourceProvider, { nullable: true }) @IsOptional() @IsIn(Object.values(ResourceProvider)) providerKind?: ResourceProvider | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) @IsOptional() @IsBoolean() includeWithdrawn?: boolean;
}

@ArgsType()
export class ResourcesArgs extends PageArgs {
  @Field(() => ResourceFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResourceFilter)
  filter?: ResourceFilter | null;
}
