import { defineErrors, ErrorCode } from '../common/errors.js';
const { BAD_USER_INPUT, CONFLICT, FORBIDDEN, INSUFFICIENT_BALANCE, LIMIT_EXCEEDED } = ErrorCode;
/** The time bank's refusals (docs/ledger.md, docs/errors.md): each rule its own code, stable reason and message. */
export const ledgerErrors = defineErrors('time-bank', {
    insufficient: { code: INSUFFICIENT_BALANCE, reason: 'INSUFFICIENT_BALANCE', message: (available) => `余额不足：可用 ${available} 分钟`, meaning: 'The paying account would go below its floor.' },
    donateOnly: {
        code: INSUFFICIENT_BALANCE, reason: 'GROUP_HOURS_DONATE_ONLY', message: (available) => `可用时长不足：集体活动获得的时长只能捐赠，可用于此操作的为 ${available} 分钟`,
        meaning: 'Only the donate-only part (hours from group activities) would cover it, and this is not a donation.',
    },
    poolInsufficient: { code: INSUFFICIENT_BALANCE, reason: 'POOL_INSUFFICIENT', message: (available) => `爱心池余额不足：可用 ${available} 分钟`, meaning: 'The community pool holds less than the grant.' },
    reversalInsufficient: { code: INSUFFICIENT_BALANCE, reason: 'REVERSAL_INSUFFICIENT_BALANCE', message: '冲正后有账户余额将低于下限，无法冲正', meaning: 'A party has already spent what the reversal would take back.' },
    notRelative: { code: FORBIDDEN, reason: 'NOT_A_RELATIVE', message: '只能转赠给已登记的亲属', meaning: 'The region allows transfers to registered relatives only.' },
    redemptionAge: {
        code: FORBIDDEN, reason: 'REDEMPTION_AGE', message: (age) => `年满 ${age} 周岁（特殊困难人员可提前）方可兑换服务`, meaning: 'The member is younger than the redemption age.',
    },
    birthDateUnknown: {
        code: FORBIDDEN, reason: 'BIRTH_DATE_UNKNOWN', message: (age) => `未登记出生日期，无法确认是否年满 ${age} 周岁：请到社区登记身份证号或出生日期后再兑换服务`,
        meaning: 'No birth date is on record, so the redemption age cannot be checked.',
    },
    serviceRequired: {
        code: BAD_USER_INPUT, reason: 'SERVICE_REQUIRED', message: '向服务提供者支付须指明所接受的服务（needId）', field: 'needId', meaning: 'A payment to a provider must name the service (need) paid for.',
    },
    notServiceReceiver: { code: FORBIDDEN, reason: 'NOT_SERVICE_RECEIVER', message: '只能为自己接受的服务支付时长', meaning: 'The caller is not the beneficiary of the service.' },
    serviceNotConfirmed: { code: CONFLICT, reason: 'SERVICE_NOT_CONFIRMED', message: '该服务尚未确认完成，不能支付时长', meaning: 'The service is not confirmed, or its earning was reversed.' },
    providerMismatch: { code: FORBIDDEN, reason: 'PROVIDER_MISMATCH', message: '收款人不是该服务的志愿者', meaning: 'The named provider did not serve this need.' },
    spendExceedsService: {
        code: LIMIT_EXCEEDED, reason: 'SPEND_EXCEEDS_SERVICE', message: (minutes) => `支付时长不能超过该服务的时长 ${minutes} 分钟`, meaning: 'More minutes than the service took.',
    },
    serviceAlreadyPaid: { code: CONFLICT, reason: 'SERVICE_ALREADY_PAID', message: '该服务已支付过时长', meaning: 'A standing payment for this service exists.' },
    grantExceedsNeed: {
        code: LIMIT_EXCEEDED, reason: 'GRANT_EXCEEDS_NEED', message: (minutes) => `发放时长不能超过该需求的时长 ${minutes} 分钟`, meaning: 'More minutes than the need takes.',
    },
    needAlreadyGranted: { code: CONFLICT, reason: 'NEED_ALREADY_GRANTED', message: '已为该需求发放过爱心池时长', meaning: 'A standing grant for this need exists.' },
    selfGrant: { code: FORBIDDEN, reason: 'SELF_GRANT', message: '不能从爱心池向自己发放时长', meaning: 'A worker may not grant pool hours to themselves.' },
    notEligibleForGrant: {
        code: FORBIDDEN, reason: 'NOT_ELIGIBLE_FOR_GRANT', message: '爱心池只向登记了特殊困难或特殊群体标识的居民、或为其本人的需求发放',
        meaning: 'The receiver has no special-group flag and the grant names no live need of theirs.',
    },
    grantOutOfScope: { code: FORBIDDEN, reason: 'GRANT_OUT_OF_SCOPE', message: '只能由受助人所在社区的社区工作者发放', meaning: 'The receiver lives outside the worker\'s community.' },
    reversalOutOfScope: { code: FORBIDDEN, reason: 'REVERSAL_OUT_OF_SCOPE', message: '只能冲正本街道的交易', meaning: 'The transaction belongs to another street.' },
    transactionOutOfScope: { code: FORBIDDEN, reason: 'TRANSACTION_OUT_OF_SCOPE', message: '无权查看该交易', meaning: 'Neither a party of the transaction nor staff of its region.' },
    accountOutOfScope: { code: FORBIDDEN, reason: 'ACCOUNT_OUT_OF_SCOPE', message: '无权查看该账户', meaning: 'Neither the holder nor staff of the account\'s region.' },
    policyOutOfScope: { code: FORBIDDEN, reason: 'POLICY_OUT_OF_SCOPE', message: '只能设置本街道的时间银行规则', meaning: 'The region is outside the admin\'s street.' },
    verifyOutOfScope: { code: FORBIDDEN, reason: 'VERIFY_OUT_OF_SCOPE', message: '无权核验该区域的账本', meaning: 'The region is outside the verifier\'s scope.' },
    verifyAllForbidden: { code: FORBIDDEN, reason: 'VERIFY_ALL_FORBIDDEN', message: '核验全部账本需系统管理员', meaning: 'Verifying the whole ledger needs a city-wide (system admin) grant.' },
    certificateNotVolunteer: { code: FORBIDDEN, reason: 'CERTIFICATE_NOT_VOLUNTEER', message: '仅登记的志愿者可申请志愿服务证明', meaning: 'Only a registered volunteer can apply for a service certificate.' },
    dailyCap: {
        code: LIMIT_EXCEEDED, reason: 'DAILY_TRANSFER_CAP', message: (cap, used) => `超过每日转赠上限 ${cap} 分钟（今日已转赠 ${used} 分钟）`,
        meaning: 'The region\'s daily transfer cap would be exceeded (read from the account\'s day counter).',
    },
    yearlyCap: {
        code: LIMIT_EXCEEDED, reason: 'YEARLY_TRANSFER_CAP', message: (cap, used) => `超过每年转赠上限 ${cap} 分钟（本年已转赠 ${used} 分钟）`,
        meaning: 'The region\'s yearly transfer cap would be exceeded (read from the account\'s year counter).',
    },
    atCap: {
        code: CONFLICT, reason: 'BALANCE_CAP_REACHED', message: (room = 0) => (room > 0 ? `对方余额将超过上限，最多还能转入 ${room} 分钟` : '对方余额已达上限，无法再转入'),
        meaning: 'The receiver\'s balance would pass its cap.',
    },
    keyReused: { code: CONFLICT, reason: 'IDEMPOTENCY_KEY_REUSED', message: '该幂等键已用于另一笔不同的请求', meaning: 'The idempotency key was used before for a different request.' },
    alreadyReversed: { code: CONFLICT, reason: 'ALREADY_REVERSED', message: '该笔交易已冲正', meaning: 'The transaction has a reversal already.' },
    reversalOfReversal: { code: CONFLICT, reason: 'CANNOT_REVERSE_REVERSAL', message: '冲正交易不能再冲正', meaning: 'A reversal is not reversed; record a new transaction instead.' },
    alreadyEarned: { code: CONFLICT, reason: 'SERVICE_ALREADY_EARNED', message: '该服务已记入时间银行', meaning: 'This service (source and volunteer) has earned already.' },
    noCommunity: {
        code: BAD_USER_INPUT, reason: 'NO_COMMUNITY', message: '未登记所在社区，无法开立时间账户', field: 'personId', meaning: 'The person has no community, so no account can be opened.',
    },
});
//# sourceMappingURL=time-bank.errors.js.map