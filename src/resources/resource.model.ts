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
  description: '资源类型 resource kind',
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
  description: '资源提供方类型 resource provider kind',
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

@ObjectType('Resource', { description: '服务资源 resource（服务资源清单, docs/design.md §4）；服务区域与调用者范围重叠者和登记人可见' })
export class Resource {
  @Field(() => ID, { description: '资源 id' }) id: string;
  @Field({ description: '资源名称 name' }) name: string;
  @Field(() => ResourceKind, { description: '资源类型 kind' }) kind: ResourceKind;
  @Field(() => [ResourceCategory], { description: '服务类别 categories（需求类别 need categories）' }) categories: ResourceCategory[];
  @Field(() => String, { nullable: true, description: '说明 description' }) description: string | null;
  @Field(() => Int, { nullable: true, description: '每日容量 daily capacity，如 30（座位）、50（份餐）；null = 不限' }) capacity: number | null;
  @Field(() => String, { nullable: true, description: '容量单位 capacity unit，如 份、座、袋' }) capacityUnit: string | null;
  @Field(() => String, { nullable: true, description: '开放时间说明 availability note（文字），如 工作日 9:00-17:00' }) availabilityNote: string | null;
  @Field(() => ResourceProvider, { description: '提供方类型 provider kind' }) providerKind: ResourceProvider;
  @Field(() => String, { nullable: true, description: '驻区单位名称 resident unit name（RESIDENT_UNIT）' }) unitName: string | null;
  @Field({ description: '是否有效 active；下架 withdrawn 后为 false' }) active: boolean;
  @Field(() => Date, { description: '登记时间 created at，DateTime（ISO 8601，带时区）' }) createdAt: Date;
  regionId: string;
  path: string;
  volunteerId: string | null;
  teamId: string | null;
  organizationId: string | null;
  charityId: string | null;
  createdBy: string;
  createdKey: string;
}

@InputType({ description: '登记服务资源 register a resource' })
export class CreateResourceInput {
  @Field({ description: '资源名称 name（最多 100 字）' }) @IsString() @IsNotEmpty({ message: '请填写资源名称' }) @MaxLength(100) name: string;
  @Field(() => ResourceKind, { description: '资源类型 kind' }) @IsIn(Object.values(ResourceKind)) kind: ResourceKind;

  @Field(() => [ResourceCategory], { description: '服务类别 categories（1–5 个需求类别）' })
  @ArrayMinSize(1, { message: '请至少选择一个类别' })
  @ArrayMaxSize(5)
  @IsIn(Object.values(ResourceCategory), { each: true })
  categories: ResourceCategory[];

  @Field(() => ID, { description: '服务区域 area served：街道、社区或网格 street, community or grid（须在提供方的服务范围内）' }) @IsString() regionId: string;
  @Field(() => ResourceProvider, { description: '提供方类型 provider kind' }) @IsIn(Object.values(ResourceProvider)) providerKind: ResourceProvider;

  @Field(() => ID, { nullable: true, description: '提供资源的志愿者、服务队、组织或慈善资源 provider 的 id（VOLUNTEER 默认为调用者本人）' })
  @IsOptional()
  @IsString()
  providerId?: string | null;

  @Field(() => String, { nullable: true, description: '驻区单位名称 resident unit name，RESIDENT_UNIT 时填写（最多 100 字）' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  unitName?: string | null;

  @Field(() => String, { nullable: true, description: '说明 description（最多 1000 字）' }) @IsOptional() @IsString() @MaxLength(1000) description?:
    string | null;
  @Field(() => Int, { nullable: true, description: '每日容量 daily capacity（1–1 000 000）；省略 = 不限' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: '容量应大于0' })
  @Max(1_000_000)
  capacity?: number | null;
  @Field(() => String, { nullable: true, description: '容量单位 capacity unit，如 份（最多 10 字）' }) @IsOptional() @IsString() @MaxLength(10) capacityUnit?:
    string | null;
  @Field(() => String, { nullable: true, description: '开放时间说明 availability note（文字，最多 200 字）' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  availabilityNote?: string | null;

  @Field(() => [AvailabilityInput], { nullable: true, description: '每周可用时段 weekly slots when it can be used（最多 42 个）' })
  @IsOptional()
  @ArrayMaxSize(42)
  @ValidateNested({ each: true })
  @Type(() => AvailabilityInput)
  availability?: AvailabilityInput[] | null;
}

@InputType({ description: '资源筛选 resource filter（各条件同时满足）' })
export class ResourceFilter {
  @Field(() => ID, { nullable: true, description: '区域 region：服务区域包含该区域或位于其下的资源' }) @IsOptional() @IsString() regionId?: string | null;
  @Field(() => ResourceCategory, { nullable: true, description: '服务类别 category' })
  @IsOptional()
  @IsIn(Object.values(ResourceCategory))
  category?: ResourceCategory | null;
  @Field(() => ResourceKind, { nullable: true, description: '资源类型 kind' }) @IsOptional() @IsIn(Object.values(ResourceKind)) kind?: ResourceKind | null;
  @Field(() => ResourceProvider, { nullable: true, description: '提供方类型 provider kind' })
  @IsOptional()
  @IsIn(Object.values(ResourceProvider))
  providerKind?: ResourceProvider | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: '是否包括已下架 withdrawn 的资源（默认 false）' })
  @IsOptional()
  @IsBoolean()
  includeWithdrawn?: boolean;
}

@ArgsType()
export class ResourcesArgs extends PageArgs {
  @Field(() => ResourceFilter, { nullable: true, description: '筛选条件 filter' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResourceFilter)
  filter?: ResourceFilter | null;
}
