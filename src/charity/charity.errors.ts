import { ErrorCode, defineErrors } from '../common/errors.js';

const { BAD_USER_INPUT, CONFLICT, FORBIDDEN, NOT_FOUND, INSUFFICIENT_BALANCE } = ErrorCode;

/** Refusals of charity funds 慈善基金, supermarkets 慈善超市 and their donation ledger. */
export const charityErrors = defineErrors('charity', {
  charityExists: { code: CONFLICT, reason: 'CHARITY_EXISTS', message: '该区域已有同名慈善资源', meaning: 'The region already has a charity of that name.' },
  amountTooLarge: {
    code: BAD_USER_INPUT,
    reason: 'AMOUNT_TOO_LARGE',
    field: 'amountFen',
    message: '金额超出上限',
    meaning: 'The amount exceeds the largest amount a single entry may hold.',
  },
  receiptTaken: { code: CONFLICT, reason: 'RECEIPT_TAKEN', message: '该收据编号已登记', meaning: 'The receipt number is already recorded for this charity.' },
  reversalOfReversal: { code: CONFLICT, reason: 'REVERSAL_OF_REVERSAL', message: '冲正记录不能再冲正', meaning: 'A reversal entry cannot itself be reversed.' },
  projectTransfer: {
    code: CONFLICT,
    reason: 'PROJECT_TRANSFER',
    message: '项目资金划转不能冲正，请通过项目办理',
    meaning: 'Project reservations, releases and disbursements are undone through the project (cancel releases), not by reversing entries.',
  },
  fundInsufficient: {
    code: ErrorCode.INSUFFICIENT_BALANCE,
    reason: 'FUND_INSUFFICIENT',
    message: (name: string, availableFen: bigint, amountFen: number) => `慈善基金「${name}」可用余额不足：可用 ${availableFen} 分，需预留 ${amountFen} 分`,
    meaning: 'A project approval would reserve more of a charity fund than it has available.',
  },
  reservationExceeded: {
    code: ErrorCode.LIMIT_EXCEEDED,
    reason: 'RESERVATION_EXCEEDED',
    message: (heldFen: bigint) => `超出该项目在基金中的预留余额：剩余 ${heldFen} 分`,
    meaning: 'A disbursement or release exceeds what the fund still holds reserved for the project.',
  },
  alreadyReversed: { code: CONFLICT, reason: 'ALREADY_REVERSED', message: '该记录已冲正', meaning: 'The entry was reversed before.' },
  donorOutOfScope: {
    code: FORBIDDEN,
    reason: 'DONOR_OUT_OF_SCOPE',
    field: 'donorPersonId',
    message: '捐赠人不在您的管辖范围内',
    meaning: 'The donor person lives outside the regions where the actor manages charities.',
  },
  donorOrganizationOutOfScope: {
    code: FORBIDDEN,
    reason: 'DONOR_ORGANIZATION_OUT_OF_SCOPE',
    field: 'donorOrganizationId',
    message: '捐赠组织不在您的管辖范围内',
    meaning: 'The donor organization is registered outside the regions where the actor manages charities.',
  },
  // ── hand-outs 物资发放 (docs/everyday.md) ──
  charityNotFound: { code: NOT_FOUND, reason: 'CHARITY_NOT_FOUND', message: '慈善资源不存在', meaning: 'No charity with that id.' },
  handOutForbidden: {
    code: FORBIDDEN,
    reason: 'HAND_OUT_FORBIDDEN',
    message: '只有本区域慈善超市的管理员可以向辖区居民发放物资',
    meaning: 'The caller must manage the charity and have the person (and the need) in scope.',
  },
  recipientUnknown: { code: BAD_USER_INPUT, reason: 'RECIPIENT_UNKNOWN', field: 'personId', message: '领取人不存在', meaning: 'No person with that id.' },
  handOutNeedMismatch: {
    code: BAD_USER_INPUT,
    reason: 'NEED_MISMATCH',
    field: 'needId',
    message: '该需求不存在或不是该居民的需求',
    meaning: 'The need does not exist or is not for this person.',
  },
  quantityInvalid: {
    code: BAD_USER_INPUT,
    reason: 'QUANTITY_INVALID',
    field: 'quantity',
    message: '数量应为 1–10000 的整数',
    meaning: 'The quantity is not a positive integer up to 10000.',
  },
  itemUnknown: {
    code: BAD_USER_INPUT,
    reason: 'ITEM_UNKNOWN',
    field: 'item',
    message: '该慈善超市没有这种物资',
    meaning: 'The charity never held goods of that name.',
  },
  keyInvalid: {
    code: BAD_USER_INPUT,
    reason: 'IDEMPOTENCY_KEY_INVALID',
    field: 'idempotencyKey',
    message: '请求编号应为 1–100 个字符',
    meaning: 'The idempotency key is empty or too long.',
  },
  keyReused: {
    code: CONFLICT,
    reason: 'IDEMPOTENCY_KEY_REUSED',
    message: '该请求编号已用于另一笔发放',
    meaning: 'The idempotency key was used for a different hand-out.',
  },
  outOfStock: {
    code: INSUFFICIENT_BALANCE,
    reason: 'OUT_OF_STOCK',
    message: (left: number, unit: string) => `库存不足：仅剩 ${left}${unit}`,
    meaning: 'Fewer goods on hand than asked for; nothing was handed out.',
  },
});
