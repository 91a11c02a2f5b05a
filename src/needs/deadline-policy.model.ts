import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Urgency } from './need-deadlines.js';

@ObjectType('NeedDeadlinePolicy', { description: '办理时限设置 deadline policy：某区域（及其下级）某紧急程度的受理、接单时限' })
export class DeadlinePolicyModel {
  @Field(() => ID, { description: '区域 region 的 id' }) regionId: string;
  @Field(() => Urgency, { description: '紧急程度 urgency' }) urgency: Urgency;
  @Field(() => Int, { description: '从发布到受理的时限 minutes from posting to 受理，单位分钟' }) acceptMinutes: number;
  @Field(() => Int, { description: '从发布到接单/派单的时限 minutes from posting to 接单/派单，单位分钟' }) claimMinutes: number;
  @Field(() => ID, {
    nullable: true,
    description: '生效设置所在的区域 the region whose setting applies（本区域或最近的上级）；null = 系统默认值',
  })
  setByRegionId?: string | null;
}
