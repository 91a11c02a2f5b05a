import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { HHMM_END, HHMM_START, hhmm, WeeklySlot } from './availability.js';

@InputType({ description: '每周可服务时间段 a weekly slot in local time (Asia/Shanghai)' })
export class AvailabilityInput {
  @Field(() => Int, { description: '星期 ISO weekday: 1 = 周一 … 7 = 周日' })
  @IsInt()
  @Min(1, { message: '星期应为1（周一）至7（周日）' })
  @Max(7, { message: '星期应为1（周一）至7（周日）' })
  weekday: number;

  @Field({ description: '开始时间 start, HH:MM (Asia/Shanghai)' })
  @Matches(HHMM_START, { message: '开始时间格式应为HH:MM' })
  start: string;

  @Field({ description: '结束时间 end, HH:MM (Asia/Shanghai), after start; 24:00 = end of day' })
  @Matches(HHMM_END, { message: '结束时间格式应为HH:MM' })
  end: string;
}

@ObjectType({ description: '每周可服务时间段 weekly availability slot (local time, Asia/Shanghai)' })
export class AvailabilitySlot {
  @Field(() => Int, { description: '星期 ISO weekday: 1 = 周一 … 7 = 周日' }) weekday: number;
  @Field({ description: '开始时间 start, HH:MM' }) start: string;
  @Field({ description: '结束时间 end, HH:MM; 24:00 = end of day' }) end: string;
}

export const toAvailabilitySlot = (s: WeeklySlot): AvailabilitySlot => ({ weekday: s.weekday, start: hhmm(s.startMinute), end: hhmm(s.endMinute) });
