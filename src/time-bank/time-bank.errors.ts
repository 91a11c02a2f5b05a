import { DomainException, ErrorCode } from '../common/errors.js';

/** The ledger's refusals: each rule its own code, stable reason and message (README "Time bank"). */
export class LedgerException extends DomainException {}

export const ledgerErrors = {
  insufficient: (available: number) =>
    new LedgerException(ErrorCode.INSUFFICIENT_BALANCE, `余额不足：可用 ${available} 分钟`, { reason: 'INSUFFICIENT_BALANCE' }),
  donateOnly: (available: number) =>
    new LedgerException(ErrorCode.INSUFFICIENT_BALANCE, `可用时长不足：集体活动获得的时长只能捐赠，可用于此操作的为 ${available} 分钟`, { reason: 'GROUP_HOURS_DONATE_ONLY' }),
  poolInsufficient: (available: number) =>
    new LedgerException(ErrorCode.INSUFFICIENT_BALANCE, `爱心池余额不足：可用 ${available} 分钟`, { reason: 'POOL_INSUFFICIENT' }),
  reversalInsufficient: () =>
    new LedgerException(ErrorCode.INSUFFICIENT_BALANCE, '冲正后有账户余额将低于下限，无法冲正', { reason: 'REVERSAL_INSUFFICIENT_BALANCE' }),
  notRelative: () => new LedgerException(ErrorCode.FORBIDDEN, '只能转赠给已登记的亲属', { reason: 'NOT_A_RELATIVE' }),
  redemptionAge: (age: number) =>
    new LedgerException(ErrorCode.FORBIDDEN, `年满 ${age} 周岁（特殊困难人员可提前）方可兑换服务`, { reason: 'REDEMPTION_AGE' }),
  birthDateUnknown: (age: number) =>
    new LedgerException(ErrorCode.FORBIDDEN, `未登记出生日期，无法确认是否年满 ${age} 周岁：请到社区登记身份证号或出生日期后再兑换服务`, { reason: 'BIRTH_DATE_UNKNOWN' }),
  serviceRequired: () =>
    new LedgerException(ErrorCode.BAD_USER_INPUT, '向服务提供者支付须指明所接受的服务（needId）', { reason: 'SERVICE_REQUIRED', fields: [{ field: 'needId', message: '请指明所接受的服务' }] }),
  notServiceReceiver: () => new LedgerException(ErrorCode.FORBIDDEN, '只能为自己接受的服务支付时长', { reason: 'NOT_SERVICE_RECEIVER' }),
  serviceNotConfirmed: () => new LedgerException(ErrorCode.CONFLICT, '该服务尚未确认完成，不能支付时长', { reason: 'SERVICE_NOT_CONFIRMED' }),
  providerMismatch: () => new LedgerException(ErrorCode.FORBIDDEN, '收款人不是该服务的志愿者', { reason: 'PROVIDER_MISMATCH' }),
  spendExceedsService: (minutes: number) =>
    new LedgerException(ErrorCode.LIMIT_EXCEEDED, `支付时长不能超过该服务的时长 ${minutes} 分钟`, { reason: 'SPEND_EXCEEDS_SERVICE' }),
  serviceAlreadyPaid: () => new LedgerException(ErrorCode.CONFLICT, '该服务已支付过时长', { reason: 'SERVICE_ALREADY_PAID' }),
  grantExceedsNeed: (minutes: number) =>
    new LedgerException(ErrorCode.LIMIT_EXCEEDED, `发放时长不能超过该需求的时长 ${minutes} 分钟`, { reason: 'GRANT_EXCEEDS_NEED' }),
  needAlreadyGranted: () => new LedgerException(ErrorCode.CONFLICT, '已为该需求发放过爱心池时长', { reason: 'NEED_ALREADY_GRANTED' }),
  selfGrant: () => new LedgerException(ErrorCode.FORBIDDEN, '不能从爱心池向自己发放时长', { reason: 'SELF_GRANT' }),
  notEligibleForGrant: () =>
    new LedgerException(ErrorCode.FORBIDDEN, '爱心池只向登记了特殊困难或特殊群体标识的居民、或为其本人的需求发放', { reason: 'NOT_ELIGIBLE_FOR_GRANT' }),
  dailyCap: (cap: number, used: number) =>
    new LedgerException(ErrorCode.LIMIT_EXCEEDED, `超过每日转赠上限 ${cap} 分钟（今日已转赠 ${used} 分钟）`, { reason: 'DAILY_TRANSFER_CAP' }),
  yearlyCap: (cap: number, used: number) =>
    new LedgerException(ErrorCode.LIMIT_EXCEEDED, `超过每年转赠上限 ${cap} 分钟（本年已转赠 ${used} 分钟）`, { reason: 'YEARLY_TRANSFER_CAP' }),
  atCap: (room = 0) =>
    new LedgerException(ErrorCode.CONFLICT, room > 0 ? `对方余额将超过上限，最多还能转入 ${room} 分钟` : '对方余额已达上限，无法再转入', { reason: 'BALANCE_CAP_REACHED' }),
  keyReused: () =>
    new LedgerException(ErrorCode.CONFLICT, '该幂等键已用于另一笔不同的请求', { reason: 'IDEMPOTENCY_KEY_REUSED' }),
  alreadyReversed: () => new LedgerException(ErrorCode.CONFLICT, '该笔交易已冲正', { reason: 'ALREADY_REVERSED' }),
  reversalOfReversal: () => new LedgerException(ErrorCode.CONFLICT, '冲正交易不能再冲正', { reason: 'CANNOT_REVERSE_REVERSAL' }),
  alreadyEarned: () => new LedgerException(ErrorCode.CONFLICT, '该服务已记入时间银行', { reason: 'SERVICE_ALREADY_EARNED' }),
  noCommunity: () =>
    new LedgerException(ErrorCode.BAD_USER_INPUT, '未登记所在社区，无法开立时间账户', { reason: 'NO_COMMUNITY', fields: [{ field: 'personId', message: '未登记所在社区' }] }),
};
