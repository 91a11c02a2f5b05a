import { defineErrors, DomainException, ErrorCode, FieldError } from '../common/errors.js';
import { NeedStatus } from './need-transitions.js';

/** How the statuses read in messages. */
export const STATUS_LABEL: Record<NeedStatus, string> = {
  SUBMITTED: '已提交',
  ACCEPTED: '已受理',
  OPEN: '已发布',
  CLAIMED: '已接单',
  IN_SERVICE: '服务中',
  COMPLETED: '已完成',
  CONFIRMED: '已确认',
  CLOSED: '已办结',
  REJECTED: '不予受理',
  CANCELLED: '已取消',
  EXPIRED: '已过期',
};

const { BAD_USER_INPUT: BAD, NOT_FOUND, FORBIDDEN, CONFLICT } = ErrorCode;

/**
 * The refusals of the needs module (点单-派单-接单-评单): one entry per rule, with the stable reason clients match
 * on. Field checks that can fail together are merged into one answer by `allFields`.
 */
export const needErrors = defineErrors('needs', {
  // ── lookups and scope ──
  needNotFound: { code: NOT_FOUND, reason: 'NEED_NOT_FOUND', message: '需求不存在', meaning: 'no need with that id' },
  regionNotFound: { code: NOT_FOUND, reason: 'REGION_NOT_FOUND', message: '区域不存在', meaning: 'no region with that id' },
  filterRegionNotFound: {
    code: BAD,
    reason: 'FILTER_REGION_NOT_FOUND',
    field: 'filter.regionId',
    message: '区域不存在',
    meaning: 'the list filter names an unknown region',
  },
  volunteerNotFound: { code: NOT_FOUND, reason: 'VOLUNTEER_NOT_FOUND', message: '志愿者不存在', meaning: 'the volunteer to hold the need does not exist' },
  reviewNotFound: { code: NOT_FOUND, reason: 'REVIEW_NOT_FOUND', message: '回访事项不存在', meaning: 'no review item with that id' },
  viewForbidden: {
    code: FORBIDDEN,
    reason: 'NEED_NOT_VISIBLE',
    message: '无权查看该需求',
    meaning: 'the caller is no party of the need (a volunteer of the area sees it only while OPEN)',
  },
  notApprovedVolunteer: {
    code: FORBIDDEN,
    reason: 'NOT_APPROVED_VOLUNTEER',
    message: '您还不是已通过审核的志愿者',
    meaning: 'the recommendation feed is for approved volunteers',
  },
  policyReadForbidden: {
    code: FORBIDDEN,
    reason: 'REGION_OUT_OF_SCOPE',
    message: '无权查看该区域的办理时限',
    meaning: "the region lies outside the caller's NEED_TRIAGE scope",
  },
  policySetForbidden: {
    code: FORBIDDEN,
    reason: 'REGION_OUT_OF_SCOPE',
    message: '无权设置该区域的办理时限',
    meaning: "the region lies outside the caller's NEED_DEADLINE_SET scope",
  },
  farCheckInReadForbidden: {
    code: FORBIDDEN,
    reason: 'REGION_OUT_OF_SCOPE',
    message: '无权查看该区域的签到核查距离',
    meaning: "the region lies outside the caller's NEED_TRIAGE scope",
  },
  farCheckInSetForbidden: {
    code: FORBIDDEN,
    reason: 'REGION_OUT_OF_SCOPE',
    message: '无权设置该区域的签到核查距离',
    meaning: "the region lies outside the caller's NEED_DEADLINE_SET scope (street and district admins)",
  },
  farCheckInOutOfRange: {
    code: BAD,
    reason: 'FAR_CHECKIN_OUT_OF_RANGE',
    field: 'metres',
    message: '签到核查距离应为 50–20000 米的整数',
    meaning: 'a far check-in threshold is a whole number of metres in 50–20 000',
  },
  reviewForbidden: {
    code: FORBIDDEN,
    reason: 'REVIEW_OUT_OF_SCOPE',
    message: '无权处理该事项',
    meaning: "the review item's community lies outside the caller's NEED_TRIAGE scope",
  },

  // ── recurring series, messages, editing (docs/everyday.md) ──
  seriesNotFound: { code: NOT_FOUND, reason: 'SERIES_NOT_FOUND', message: '周期需求不存在', meaning: 'no need series with that id' },
  seriesForbidden: {
    code: FORBIDDEN,
    reason: 'SERIES_FORBIDDEN',
    message: '无权管理该周期需求',
    meaning: 'only the resident side, staff of its grid (and its claimant, to read) see a series',
  },
  seriesEnded: { code: CONFLICT, reason: 'SERIES_ENDED', message: '该周期需求已结束', meaning: 'the series was ended' },
  seriesNotPublished: {
    code: CONFLICT,
    reason: 'SERIES_NOT_PUBLISHED',
    message: '该周期需求的各次服务需逐次受理，不能整单认领',
    meaning: 'a resident-posted series is triaged occurrence by occurrence',
  },
  seriesTaken: { code: CONFLICT, reason: 'SERIES_TAKEN', message: '该周期需求已由其他志愿者认领', meaning: 'another volunteer claims the series' },
  seriesNothingClaimable: {
    code: CONFLICT,
    reason: 'SERIES_NOTHING_CLAIMABLE',
    message: (why: string[]) => `没有可认领的场次：${why.join('；')}`,
    meaning: 'every open occurrence clashed or did not fit',
  },
  seriesChangeNothing: {
    code: BAD,
    reason: 'NOTHING_TO_CHANGE',
    field: 'input',
    message: '没有要变更的内容',
    meaning: 'changeNeedSeries was given no field',
  },
  seriesChangeFromInvalid: { code: BAD, reason: 'INVALID_CHANGE_FROM', field: 'from', message: '变更起始时间无效', meaning: '`from` is not a time' },
  seriesStartTimeInvalid: {
    code: BAD,
    reason: 'INVALID_START_TIME',
    field: 'input.startTime',
    message: '开始时间应为 HH:MM（北京时间）',
    meaning: 'startTime is not HH:MM',
  },
  seriesWindowMinutesInvalid: {
    code: BAD,
    reason: 'INVALID_WINDOW_MINUTES',
    field: 'input.windowMinutes',
    message: (estimated: number) => `服务时长应为 ${estimated}–10080 分钟（不短于预计服务时长）`,
    meaning: 'the window is shorter than the estimated minutes or longer than 7 days',
  },
  seriesChangeNoDay: {
    code: BAD,
    reason: 'NO_DAY_AFTER_CHANGE',
    field: 'from',
    message: '变更后一年内没有可安排的服务日',
    meaning: 'the changed recurrence has no day on or after `from` (within a year, before its end)',
  },
  seriesChangeAfterEnd: {
    code: CONFLICT,
    reason: 'SERIES_DONE_BEFORE_CHANGE',
    message: '该周期需求在变更日期之前已排满全部次数，请同时填写新的次数或结束日期',
    meaning: 'every occurrence the count allows lies before `from`; give a new count or end date',
  },
  messageForbidden: {
    code: FORBIDDEN,
    reason: 'MESSAGE_FORBIDDEN',
    message: '只有服务对象、接单志愿者和辖区工作人员可以查看和发送留言',
    meaning: 'messages are for the beneficiary or proxy, the claimant and staff in scope',
  },
  messageNotLive: {
    code: CONFLICT,
    reason: 'NEED_NOT_LIVE',
    message: '需求已结束，不能再留言',
    meaning: 'messages are sent while the need is live (before it is closed, cancelled or rejected)',
  },
  messageEmpty: {
    code: BAD,
    reason: 'MESSAGE_EMPTY',
    field: 'text',
    message: '留言不能为空，且不超过 500 字',
    meaning: 'the text is empty or longer than 500 characters',
  },
  callNoCounterpart: {
    code: CONFLICT,
    reason: 'NO_CALL_COUNTERPART',
    message: '当前没有可以通话的对方（需求尚未被接单）',
    meaning: 'a relay call links the resident side and the claimant; the need has no claimant',
  },
  updateForbidden: {
    code: FORBIDDEN,
    reason: 'UPDATE_FORBIDDEN',
    message: '只有发布人、服务对象或辖区工作人员可以修改需求',
    meaning: 'updateNeed is for the poster, the beneficiary and staff in scope',
  },
  updateNotEditable: {
    code: CONFLICT,
    reason: 'NOT_EDITABLE',
    message: '需求已开始服务或已结束，不能修改',
    meaning: 'a need is edited before the service starts',
  },
  updateClaimedOnlyWindow: {
    code: CONFLICT,
    reason: 'CLAIMED_ONLY_WINDOW',
    message: '已接单的需求只能修改服务时间（接单志愿者将被释放）；其他内容请与志愿者沟通后取消重发',
    meaning: 'after a claim only the window may change, which releases the claim (WINDOW_CHANGED)',
  },
  updateNothing: { code: BAD, reason: 'NOTHING_TO_UPDATE', field: 'input', message: '没有要修改的内容', meaning: 'updateNeed was given no field' },

  // ── posting ──
  windowStartInvalid: { code: BAD, reason: 'INVALID_WINDOW', field: 'windowStart', message: '开始时间无效', meaning: 'the start is not a time' },
  windowStartPast: { code: BAD, reason: 'WINDOW_IN_PAST', field: 'windowStart', message: '服务时间须在将来', meaning: 'the window must start in the future' },
  windowEndBeforeStart: {
    code: BAD,
    reason: 'INVALID_WINDOW',
    field: 'windowEnd',
    message: '结束时间须晚于开始时间',
    meaning: 'the window must end after it starts',
  },
  windowTooLong: { code: BAD, reason: 'WINDOW_TOO_LONG', field: 'windowEnd', message: '服务时间窗口不能超过 7 天', meaning: 'a window spans at most 7 days' },
  estimateExceedsWindow: {
    code: BAD,
    reason: 'ESTIMATE_EXCEEDS_WINDOW',
    field: 'estimatedMinutes',
    message: '预计时长超过了服务时间窗口',
    meaning: 'the estimated minutes do not fit in the window',
  },
  windowShorterThanEstimate: {
    code: BAD,
    reason: 'ESTIMATE_EXCEEDS_WINDOW',
    field: 'windowEnd',
    message: '预计时长超过了服务时间窗口',
    meaning: "a new window (改期) must fit the need's estimated minutes",
  },
  latitudeMissing: { code: BAD, reason: 'COORDINATES_INCOMPLETE', field: 'latitude', message: '经纬度须同时填写', meaning: 'a longitude without a latitude' },
  longitudeMissing: { code: BAD, reason: 'COORDINATES_INCOMPLETE', field: 'longitude', message: '经纬度须同时填写', meaning: 'a latitude without a longitude' },
  titleEmpty: { code: BAD, reason: 'TITLE_EMPTY', field: 'title', message: '标题不能为空', meaning: 'the title is blank' },
  beneficiaryUnknown: { code: BAD, reason: 'BENEFICIARY_NOT_FOUND', field: 'beneficiaryId', message: '服务对象不存在', meaning: 'no person with that id' },
  unknownSkills: {
    code: BAD,
    reason: 'UNKNOWN_SKILL',
    field: 'requiredSkills',
    message: (names: string[]) => `未知技能：${names.join('、')}`,
    meaning: 'a required skill is not in the skills list',
  },
  gridMissing: {
    code: BAD,
    reason: 'GRID_REQUIRED',
    field: 'gridId',
    message: '服务对象没有所属网格，请指定网格',
    meaning: 'the resident has no grid and none was given',
  },
  gridUnknown: { code: BAD, reason: 'GRID_NOT_FOUND', field: 'gridId', message: '网格不存在', meaning: 'no grid-level region with that id' },
  proxyForbidden: {
    code: FORBIDDEN,
    reason: 'PROXY_FORBIDDEN',
    message: '无权为该居民代办需求',
    meaning: "代办 only by staff whose NEED_TRIAGE scope holds the grid and the resident's home",
  },
  outsideOwnGrid: {
    code: FORBIDDEN,
    reason: 'OUTSIDE_OWN_GRID',
    message: '只能在自己所在的网格提交需求',
    meaning: 'a resident posts in the grid where they hold NEED_POST',
  },
  groupActivityStaffOnly: {
    code: FORBIDDEN,
    reason: 'GROUP_ACTIVITY_STAFF_ONLY',
    message: '集体活动只能由网格的工作人员发布',
    meaning: 'group activities are posted by staff of the grid',
  },

  // ── deadline policies ──
  acceptMinutesOutOfRange: {
    code: BAD,
    reason: 'DEADLINE_OUT_OF_RANGE',
    field: 'acceptMinutes',
    message: '受理时限须在 5–43200 分钟之间',
    meaning: 'accept deadline outside 5–43200 minutes',
  },
  claimMinutesOutOfRange: {
    code: BAD,
    reason: 'DEADLINE_OUT_OF_RANGE',
    field: 'claimMinutes',
    message: '接单时限须在 5–43200 分钟之间',
    meaning: 'claim deadline outside 5–43200 minutes',
  },
  claimBeforeAccept: {
    code: BAD,
    reason: 'CLAIM_BEFORE_ACCEPT',
    field: 'claimMinutes',
    message: '接单时限不能短于受理时限',
    meaning: 'the claim deadline is shorter than the accept deadline',
  },

  // ── transitions ──
  reasonRequired: { code: BAD, reason: 'REASON_REQUIRED', field: 'reason', message: '请填写原因', meaning: 'the action needs a reason (一次告知)' },
  reasonTooLong: { code: BAD, reason: 'REASON_TOO_LONG', field: 'reason', message: '原因不能超过 500 字', meaning: 'a reason has at most 500 characters' },
  noParty: { code: FORBIDDEN, reason: 'NOT_A_PARTY', message: '无权操作该需求', meaning: 'the caller is no party of the need' },
  transitionForbidden: {
    code: FORBIDDEN,
    reason: 'PARTY_NOT_ALLOWED',
    message: '无权执行该操作',
    meaning: 'the need table does not let the caller’s parties fire this action',
  },
  illegalTransition: {
    code: CONFLICT,
    reason: 'ILLEGAL_TRANSITION',
    message: (status: NeedStatus) => `需求当前状态为「${STATUS_LABEL[status]}」，不能执行该操作`,
    meaning: 'the action does not fire from the need’s current status',
  },
  windowPassed: {
    code: CONFLICT,
    reason: 'WINDOW_PASSED',
    message: '服务时间已过，不能再接单、派单或发布；请工作人员改期',
    meaning: 'publish, dispatch and claim are refused once the window is over',
  },
  inProject: {
    code: CONFLICT,
    reason: 'NEED_IN_PROJECT',
    message: '该需求已纳入民生项目，由项目统一服务',
    meaning: 'the need is linked to a project 民生项目 and is served by its activities, not claimed or dispatched one by one',
  },
  overlappingCommitment: {
    code: CONFLICT,
    reason: 'OVERLAPPING_COMMITMENT',
    message: '该志愿者在此时间段已有其他服务安排',
    meaning: 'the volunteer holds another need whose window overlaps',
  },
  claimNotEligible: {
    code: FORBIDDEN,
    reason: 'NOT_ELIGIBLE',
    message: (why: string[]) => `不符合接单条件：${why.join('；')}`,
    meaning: 'the claiming volunteer fails a hard filter of matching',
  },
  dispatchNotEligible: {
    code: BAD,
    reason: 'NOT_ELIGIBLE',
    field: 'volunteerId',
    message: (why: string[]) => `该志愿者不适合此需求：${why.join('；')}`,
    meaning: 'the dispatched volunteer fails a hard filter of matching',
  },
  dispatchVolunteerUnknown: {
    code: BAD,
    reason: 'VOLUNTEER_NOT_FOUND',
    field: 'volunteerId',
    message: '志愿者不存在',
    meaning: 'the volunteer id is not an id',
  },
  overrideReasonRequired: {
    code: BAD,
    reason: 'OVERRIDE_REASON_REQUIRED',
    field: 'reason',
    meaning: 'dispatching someone other than the top candidate needs a reason',
    message: (top: number, chosen: number) => `所选志愿者不是推荐首选（首选得分 ${top}，所选 ${chosen}），请填写改派理由`,
  },
  noShowTooEarly: {
    code: CONFLICT,
    reason: 'TOO_EARLY',
    message: (minutes: number, from: string) => `服务开始 ${minutes} 分钟后才能登记爽约（${from} 起）`,
    meaning: 'a no-show is reported only some minutes after the window starts',
  },
  startTooEarly: {
    code: CONFLICT,
    reason: 'TOO_EARLY',
    message: (from: string) => `还未到服务时间，最早 ${from} 可以签到`,
    meaning: 'signing in opens shortly before the window',
  },
  startTooLate: { code: CONFLICT, reason: 'WINDOW_PASSED', message: '服务时间已过，不能再签到', meaning: 'signing in closes shortly after the window' },
  serviceMinutesOutOfRange: {
    code: BAD,
    reason: 'MINUTES_OUT_OF_RANGE',
    field: 'minutes',
    message: '服务时长须在 1–720 分钟之间',
    meaning: 'service minutes are 1–720',
  },
  noteTooLong: { code: BAD, reason: 'NOTE_TOO_LONG', field: 'note', message: '备注不能超过 500 字', meaning: 'a completion note has at most 500 characters' },
  minutesExceedElapsed: {
    code: BAD,
    reason: 'MINUTES_EXCEED_ELAPSED',
    field: 'minutes',
    meaning: 'more minutes reported than have passed since signing in (plus a tolerance)',
    message: (elapsed: number, most: number) => `服务时长不能超过签到以来的时间（已过 ${elapsed} 分钟，最多可填 ${most} 分钟）`,
  },
  alreadyDisputed: { code: CONFLICT, reason: 'ALREADY_DISPUTED', message: '该服务已在异议处理中', meaning: 'the completion is disputed already' },
  notDisputed: { code: CONFLICT, reason: 'NOT_DISPUTED', message: '该服务没有异议，无需处理', meaning: 'resolveDispute on an undisputed completion' },
  disputeResolverOnly: {
    code: FORBIDDEN,
    reason: 'NOT_DISPUTE_RESOLVER',
    message: '只有社区工作者或街道管理员可以处理异议',
    meaning: "the need's grid lies outside the caller's NEED_DISPUTE_RESOLVE scope",
  },
  disputeNoteRequired: { code: BAD, reason: 'NOTE_REQUIRED', field: 'note', message: '请填写处理说明', meaning: 'a dispute is settled with a note' },
  disputeNoteTooLong: {
    code: BAD,
    reason: 'NOTE_TOO_LONG',
    field: 'note',
    message: '处理说明不能超过 500 字',
    meaning: 'a settlement note has at most 500 characters',
  },
  disputeMinutesRequired: {
    code: BAD,
    reason: 'MINUTES_REQUIRED',
    field: 'minutes',
    message: '确认服务须填写核定的服务时长',
    meaning: 'confirming a disputed service needs the minutes established',
  },
  disputeMinutesUnexpected: {
    code: BAD,
    reason: 'MINUTES_UNEXPECTED',
    field: 'minutes',
    message: '只有确认服务时才填写服务时长',
    meaning: 'minutes only with the CONFIRM outcome',
  },
  minutesExceedReported: {
    code: BAD,
    reason: 'MINUTES_EXCEED_REPORTED',
    field: 'minutes',
    message: (reported: number) => `核定时长不能超过志愿者填报的 ${reported} 分钟`,
    meaning: 'confirmed minutes are at most what the volunteer reported',
  },
  confirmMinutesInvalid: {
    code: BAD,
    reason: 'MINUTES_INVALID',
    field: 'minutes',
    message: '核定时长须为正整数（分钟）',
    meaning: 'confirmed minutes are a positive integer',
  },
  ratingInvalid: { code: BAD, reason: 'RATING_INVALID', field: 'rating', message: '评分须为 1–5 的整数', meaning: 'a rating is 1–5' },
  commentTooLong: { code: BAD, reason: 'COMMENT_TOO_LONG', field: 'comment', message: '评价不能超过 500 字', meaning: 'a comment has at most 500 characters' },
  tooManyTags: { code: BAD, reason: 'TOO_MANY_TAGS', field: 'tags', message: '标签最多 5 个', meaning: 'at most 5 rating tags' },
  unknownTags: {
    code: BAD,
    reason: 'UNKNOWN_TAG',
    field: 'tags',
    message: (unknown: string[], known: readonly string[]) => `未知标签：${unknown.join('、')}（可选：${known.join('、')}）`,
    meaning: 'a tag not in ratingTags',
  },
  openReviewPending: {
    code: CONFLICT,
    reason: 'OPEN_REVIEW',
    message: '该需求尚有未办结的差评整改或回访',
    meaning: 'a need is closed only when no review item is open',
  },
  openReviewPendingAuto: {
    code: CONFLICT,
    reason: 'OPEN_REVIEW',
    message: '该需求尚有未办结的事项',
    meaning: 'the scheduler closes a need only when no review item is open',
  },

  // ── review items ──
  resolutionRequired: {
    code: BAD,
    reason: 'RESOLUTION_REQUIRED',
    field: 'resolution',
    message: '请填写处理结果',
    meaning: 'a review item is resolved with what was done',
  },
  resolutionTooLong: {
    code: BAD,
    reason: 'RESOLUTION_TOO_LONG',
    field: 'resolution',
    message: '处理结果不能超过 1000 字',
    meaning: 'a resolution has at most 1000 characters',
  },
  reviewAlreadyResolved: { code: CONFLICT, reason: 'ALREADY_RESOLVED', message: '该事项已办结', meaning: 'the review item is resolved already' },
  useResolveDispute: {
    code: CONFLICT,
    reason: 'USE_RESOLVE_DISPUTE',
    message: '异议事项请通过 resolveDispute 处理',
    meaning: 'a DISPUTE item is settled with resolveDispute, so that the need and the time bank follow',
  },
});

/**
 * Field checks that can fail together, as one BAD_USER_INPUT answer listing every field at fault (the message and
 * reason of the first). Returns nothing when all passed.
 */
export function allFields(failures: readonly DomainException[]): DomainException | null {
  if (failures.length === 0) return null;
  const fields: FieldError[] = failures.flatMap((e) => e.options.fields ?? []);
  return new DomainException(ErrorCode.BAD_USER_INPUT, failures[0].message, { fields, reason: failures[0].options.reason });
}

/** A dispatch refused by matching: the field names only why, the message says what (as before the catalog). */
export function dispatchNotEligible(why: string[]): DomainException {
  const e = needErrors.dispatchNotEligible(why);
  return new DomainException(e.code, e.message, { reason: e.options.reason, fields: [{ field: 'volunteerId', message: why.join('；') }] });
}
