import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Urgency } from './need-deadlines.js';

@ObjectType('NeedDeadlinePolicy', { description: '办理时限 of one urgency in a region (and everything under it)' })
export class DeadlinePolicyModel {
  @Field(() => ID) regionId: string;
  @Field(() => Urgency) urgency: Urgency;
  @Field(() => Int, { description: 'Minutes from posting to 受理' }) acceptMinutes: number;
  @Field(() => Int, { description: 'Minutes from posting to 接单/派单' }) claimMinutes: number;
  @Field(() => ID, {
    nullable: true,
    description: 'needDeadlinePolicies: the region whose setting applies (itself or the nearest ancestor); null = the built-in default',
  })
  setByRegionId?: string | null;
}
