import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsInt, IsString, Max, Min } from 'class-validator';
import { NeedCategory } from '../needs/need.model.js';
import { Resource } from '../resources/resource.model.js';

export enum BookingStatus {
  ACTIVE = 'ACTIVE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(BookingStatus, {
  name: 'ResourceBookingStatus',
  description: '资源预订状态 resource booking status',
  valuesMap: { ACTIVE: { description: '有效' }, CANCELLED: { description: '已取消（容量已退回）' } },
});

@ObjectType('ResourceMatch', { description: '资源匹配 resource match：适合某需求的资源，带得分和理由 (docs/brokering.md)' })
export class ResourceMatch {
  @Field(() => Resource, { description: '服务资源 resource' }) resource: Resource;
  @Field(() => Int, { description: '排名 rank（1 = 最佳）' }) rank: number;
  @Field(() => Float, { description: '匹配分 score（0–100）' }) score: number;
  @Field(() => [String], { description: '得分理由 reasons（中文，每个评分部分一行）' }) reasons: string[];
  @Field(() => Int, { nullable: true, description: '需求当天（Asia/Shanghai）剩余容量 capacity left；null = 不限' }) remaining: number | null;
}

@ObjectType('ResourceBooking', {
  description: '资源预订 resource booking：需求占用资源在其服务日期的容量；可见需求者在 Need.bookings 中可见，预订和取消限辖区工作人员（RESOURCE_BOOK）',
})
export class ResourceBooking {
  @Field(() => ID, { description: '预订 id' }) id: string;
  @Field({ description: '需求的服务日期 day（Asia/Shanghai，YYYY-MM-DD）' }) day: string;
  @Field(() => Int, { description: '预订数量 quantity（按资源的容量单位 capacityUnit，1–1000）' }) quantity: number;
  @Field(() => BookingStatus, { description: '预订状态 status' }) status: BookingStatus;
  @Field({ description: '预订时间 booked at，DateTime（ISO 8601，带时区）' }) bookedAt: Date;
  @Field(() => Date, { nullable: true, description: '取消时间 cancelled at，DateTime（ISO 8601，带时区）；有效预订为 null' }) cancelledAt: Date | null;
  @Field(() => String, { nullable: true, description: '取消原因 cancel reason；有效预订为 null' }) cancelReason: string | null;
  @Field(() => ID, { nullable: true, description: '从库存出库的慈善台账记录 charity entry 的 id（慈善超市物资 charity-supermarket goods）；其他为 null' })
  charityEntryId: string | null;
  @Field(() => ID, { description: '需求 id' }) needId: string;
  @Field(() => ID, { description: '资源 id' }) resourceId: string;
  bookedBy: string;
}

@ObjectType('ResourceDay', { description: '资源日历中的一天 one day of a resource calendar' })
export class ResourceDay {
  @Field({ description: '日期 day，YYYY-MM-DD（Asia/Shanghai）' }) day: string;
  @Field(() => Int, { nullable: true, description: '当天容量 capacity（按 capacityUnit）；null = 不限' }) capacity: number | null;
  @Field(() => Int, { description: '有效预订占用的数量 taken by active bookings' }) booked: number;
  @Field(() => Int, { nullable: true, description: '剩余容量 remaining；null = 不限' }) remaining: number | null;
}

@InputType({ description: '预订资源 book a resource for a need' })
export class BookResourceInput {
  @Field(() => ID, { description: '需求 id（须在调用者辖区内，且仍在等待或服务中 SUBMITTED … IN_SERVICE）' }) @IsString() needId: string;
  @Field(() => ID, { description: '资源 id（须有效且适合该需求：类别、区域、开放时间、提供方状态）' }) @IsString() resourceId: string;
  @Field(() => Int, { description: '预订数量 quantity（1–1000，按资源的 capacityUnit）' })
  @IsInt({ message: '预订数量应为整数' })
  @Min(1, { message: '预订数量至少为 1' })
  @Max(1000, { message: '预订数量不超过 1000' })
  quantity: number;
}

@ObjectType('DemandGroup', { description: '需求梳理 demand group：一个社区、一个类别在统计期内的需求，以及可服务它们的资源和项目' })
export class DemandGroup {
  @Field(() => NeedCategory, { description: '需求类别 category' }) category: NeedCategory;
  @Field(() => Int, { description: '需求数 needs of the group' }) needCount: number;
  @Field(() => Int, { description: '仍在等待（无人接单、无项目、时段未到）且当前找不到符合条件志愿者候选人的需求数' })
  withoutCandidateCount: number;
  @Field(() => Int, { description: '超过受理或接单时限的需求数 needs that breached a deadline' }) breachedCount: number;
  @Field(() => Int, { description: '服务时段已过而未服务的需求数 needs expired' }) expiredCount: number;
  @Field(() => Int, { description: '需求的预计服务时长合计 minutes asked for（estimated），单位分钟' }) demandMinutes: number;
  @Field(() => [ID], { description: '无人接单、尚无项目的需求 id：可作为 proposeProject(input: { needIds }) 立项' }) needIds: string[];
  @Field(() => [ID], { description: '已服务本组需求的民生项目 project 的 id' }) projectIds: string[];
  communityId: string;
  allNeedIds: string[];
  path: string;
}

@ObjectType('ResourceGap', { description: '资源缺口 resource gap：一个社区、一个类别的需求与可服务的资源容量对比' })
export class ResourceGap {
  @Field(() => NeedCategory, { description: '需求类别 category' }) category: NeedCategory;
  @Field(() => Int, { description: '需求数 needs' }) needCount: number;
  @Field(() => Int, { description: '需求的预计服务时长合计 minutes asked for，单位分钟' }) demandMinutes: number;
  @Field(() => Int, { description: '有有效资源预订的需求数 needs with an active booking' }) bookedNeedCount: number;
  @Field(() => Int, { description: '该类别、服务区域与社区重叠的有效资源数 active resources' }) resourceCount: number;
  @Field(() => Int, { description: '统计期内总容量 capacity in the period = 每日容量 × 天数（仅有容量上限的资源）' }) capacityInPeriod: number;
  @Field(() => Int, { description: '无容量上限的资源数 resources without a capacity limit' }) unlimitedResourceCount: number;
  @Field(() => Int, {
    description: '缺口 shortfall：既无人接单也未预订资源、超出剩余容量的需求数（存在不限容量的资源时为 0）',
  })
  shortfall: number;
  communityId: string;
}
