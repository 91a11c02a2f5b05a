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
  valuesMap: { ACTIVE: { description: '有效' }, CANCELLED: { description: '已取消（容量已退回）' } },
});

@ObjectType('ResourceMatch', { description: '资源匹配: a resource for a need, with the score and the reasons for it (docs/brokering.md)' })
export class ResourceMatch {
  @Field(() => Resource) resource: Resource;
  @Field(() => Int, { description: '1 = best' }) rank: number;
  @Field(() => Float, { description: '0–100' }) score: number;
  @Field(() => [String], { description: 'Why, in Chinese, one line per part of the score' }) reasons: string[];
  @Field(() => Int, { nullable: true, description: "Capacity left on the need's date (Asia/Shanghai); null = no limit" }) remaining: number | null;
}

@ObjectType('ResourceBooking', { description: '资源预订: a need takes capacity of a resource for its date' })
export class ResourceBooking {
  @Field(() => ID) id: string;
  @Field({ description: "The need's date, Asia/Shanghai (YYYY-MM-DD)" }) day: string;
  @Field(() => Int) quantity: number;
  @Field(() => BookingStatus) status: BookingStatus;
  @Field() bookedAt: Date;
  @Field(() => Date, { nullable: true }) cancelledAt: Date | null;
  @Field(() => String, { nullable: true }) cancelReason: string | null;
  @Field(() => ID, { nullable: true, description: 'The charity entry that took the goods from stock (charity-supermarket goods)' }) charityEntryId:
    string | null;
  @Field(() => ID) needId: string;
  @Field(() => ID) resourceId: string;
  bookedBy: string;
}

@ObjectType('ResourceDay', { description: "One day of a resource's calendar" })
export class ResourceDay {
  @Field({ description: 'YYYY-MM-DD, Asia/Shanghai' }) day: string;
  @Field(() => Int, { nullable: true }) capacity: number | null;
  @Field(() => Int, { description: 'Taken by active bookings' }) booked: number;
  @Field(() => Int, { nullable: true, description: 'null = no limit' }) remaining: number | null;
}

@InputType()
export class BookResourceInput {
  @Field(() => ID) @IsString() needId: string;
  @Field(() => ID) @IsString() resourceId: string;
  @Field(() => Int)
  @IsInt({ message: '预订数量应为整数' })
  @Min(1, { message: '预订数量至少为 1' })
  @Max(1000, { message: '预订数量不超过 1000' })
  quantity: number;
}

@ObjectType('DemandGroup', { description: '需求梳理: the needs of one category in one community over a period, and what serves them' })
export class DemandGroup {
  @Field(() => NeedCategory) category: NeedCategory;
  @Field(() => Int) needCount: number;
  @Field(() => Int, { description: 'Needs still waiting (not held by a volunteer) that have no eligible volunteer candidate now' })
  withoutCandidateCount: number;
  @Field(() => Int, { description: 'Needs that breached the accept or claim deadline' }) breachedCount: number;
  @Field(() => Int, { description: 'Needs whose window passed without a service' }) expiredCount: number;
  @Field(() => Int, { description: 'Minutes of service asked for (estimated)' }) demandMinutes: number;
  @Field(() => [ID], { description: 'Needs nobody holds and no project serves yet: pass them as proposeProject(input: { needIds })' }) needIds: string[];
  @Field(() => [ID], { description: 'Projects already serving needs of this group' }) projectIds: string[];
  communityId: string;
  allNeedIds: string[];
  path: string;
}

@ObjectType('ResourceGap', { description: '资源缺口: demand of one category in one community against the capacity of the resources that can serve it' })
export class ResourceGap {
  @Field(() => NeedCategory) category: NeedCategory;
  @Field(() => Int) needCount: number;
  @Field(() => Int) demandMinutes: number;
  @Field(() => Int, { description: 'Needs with an active resource booking' }) bookedNeedCount: number;
  @Field(() => Int, { description: 'Active resources of the category whose area overlaps the community' }) resourceCount: number;
  @Field(() => Int, { description: 'Sum of daily capacity × days of the period, over resources with a limit' }) capacityInPeriod: number;
  @Field(() => Int, { description: 'Resources without a capacity limit' }) unlimitedResourceCount: number;
  @Field(() => Int, {
    description: 'Needs neither held by a volunteer nor booked on a resource, beyond what capacity is left (0 when an unlimited resource exists)',
  })
  shortfall: number;
  communityId: string;
}
