import { defineErrors, ErrorCode } from '../common/errors.js';

/** The brokering module's refusals (docs/brokering.md "Errors"). */
export const brokeringErrors = defineErrors('brokering', {
  needNotFound: { code: ErrorCode.NOT_FOUND, reason: 'BROKERING_NEED_NOT_FOUND', message: '需求不存在', meaning: 'no such need' },
  resourceNotFound: { code: ErrorCode.NOT_FOUND, reason: 'BROKERING_RESOURCE_NOT_FOUND', message: '资源不存在', meaning: 'no such resource' },
  bookingNotFound: { code: ErrorCode.NOT_FOUND, reason: 'BOOKING_NOT_FOUND', message: '预订不存在', meaning: 'no such booking' },
  regionNotFound: { code: ErrorCode.BAD_USER_INPUT, reason: 'BROKERING_REGION', field: 'regionId', message: '区划不存在', meaning: 'the region id is unknown' },
  needOutOfScope: {
    code: ErrorCode.FORBIDDEN,
    reason: 'BROKERING_NEED_OUT_OF_SCOPE',
    message: '无权为该需求对接资源',
    meaning: "the need is outside the caller's RESOURCE_BOOK scope",
  },
  resourceOutOfScope: {
    code: ErrorCode.FORBIDDEN,
    reason: 'BROKERING_RESOURCE_OUT_OF_SCOPE',
    message: '无权预订该资源',
    meaning: "the resource's area does not overlap the caller's RESOURCE_BOOK scope",
  },
  regionOutOfScope: {
    code: ErrorCode.FORBIDDEN,
    reason: 'DEMAND_OUT_OF_SCOPE',
    message: '无权查看该区域的需求梳理',
    meaning: "the region is outside the caller's DEMAND_READ scope",
  },
  period: {
    code: ErrorCode.BAD_USER_INPUT,
    reason: 'BROKERING_PERIOD',
    field: 'to',
    message: '结束时间应晚于开始时间，且跨度不超过 366 天',
    meaning: 'from < to, at most 366 days apart',
  },
  calendarPeriod: {
    code: ErrorCode.BAD_USER_INPUT,
    reason: 'CALENDAR_PERIOD',
    field: 'to',
    message: '日历结束时间应晚于开始时间，且跨度不超过 92 天',
    meaning: 'a calendar spans at most 92 days',
  },
  cursor: {
    code: ErrorCode.BAD_USER_INPUT,
    reason: 'BROKERING_CURSOR',
    field: 'after',
    message: '分页游标无效',
    meaning: "the cursor is not one of this group's needs",
  },
  quantity: {
    code: ErrorCode.BAD_USER_INPUT,
    reason: 'BOOKING_QUANTITY',
    field: 'quantity',
    message: '预订数量应为 1–1000 的整数',
    meaning: 'quantity is a positive integer',
  },
  needNotLive: {
    code: ErrorCode.CONFLICT,
    reason: 'BOOKING_NEED_NOT_LIVE',
    message: '该需求已结束，不能再预订资源',
    meaning: 'only a need still to be served (submitted … in service) can book',
  },
  resourceInactive: { code: ErrorCode.CONFLICT, reason: 'BOOKING_RESOURCE_INACTIVE', message: '该资源已下架', meaning: 'the resource was withdrawn' },
  notSuitable: {
    code: ErrorCode.CONFLICT,
    reason: 'BOOKING_RESOURCE_UNSUITABLE',
    message: (why: string) => `该资源不能服务此需求：${why}`,
    meaning: 'category, area, opening hours or provider standing do not fit the need',
  },
  capacity: {
    code: ErrorCode.LIMIT_EXCEEDED,
    reason: 'BOOKING_CAPACITY_EXCEEDED',
    message: (left: number) => `该资源当日剩余容量不足（剩余 ${left}）`,
    meaning: "the booking would take more than the day's capacity",
  },
  goodsUnknown: {
    code: ErrorCode.CONFLICT,
    reason: 'BOOKING_GOODS_UNIT',
    message: '物资资源须登记容量单位（与慈善超市库存的计量单位一致）',
    meaning: 'a charity goods resource needs capacityUnit to find its stock',
  },
  alreadyCancelled: { code: ErrorCode.CONFLICT, reason: 'BOOKING_ALREADY_CANCELLED', message: '该预订已取消', meaning: 'the booking was cancelled before' },
});
