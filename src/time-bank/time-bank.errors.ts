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
  dailyCap: (cap: number, used: number) =>
    new LedgerException(ErrorCode.LIMIT_EXCEEDED, `超过每日转赠上限 ${cap} 分钟（今日已转赠 ${used} 分钟）`, { reason: 'DAILY_TRANSFER_CAP' }),
  yearlyCap: (cap: number, used: number) =>
    new LedgerException(ErrorCode.LIMIT_EXCEEDED, `超过每年转赠上限 ${cap} 分钟（本年已转赠 ${used} 分钟）`, { reason: 'YEARLY_TRANSFER_CAP' }),
  atCap: () => new LedgerException(ErrorCode.CONFLICT, '对方余额已达上限，无法再转入', { reason: 'BALANCE_CAP_REACHED' }),
  keyReused: () =>
    new LedgerException(ErrorCode.CONFLICT, '该幂等键已用于另一笔不同的请求', { reason: 'IDEMPOTENCY_KEY_REUSED' }),
  alreadyReversed: () => new LedgerException(ErrorCode.CONFLICT, '该笔交易已冲正', { reason: 'ALREADY_REVERSED' }),
  reversalOfReversal: () => new LedgerException(ErrorCode.CONFLICT, '冲正交易不能再冲正', { reason: 'CANNOT_REVERSE_REVERSAL' }),
  alreadyEarned: () => new LedgerException(ErrorCode.CONFLICT, '该服务已记入时间银行', { reason: 'SERVICE_ALREADY_EARNED' }),
  noCommunity: () =>
    new LedgerException(ErrorCode.BAD_USER_INPUT, '未登记所在社区，无法开立时间账户', { reason: 'NO_COMMUNITY', fields: [{ field: 'personId', message: '未登记所在社区' }] }),
};
