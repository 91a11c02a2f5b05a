import { ErrorCode, defineErrors } from '../common/errors.js';

const { BAD_USER_INPUT, CONFLICT, FORBIDDEN, NOT_FOUND, INSUFFICIENT_BALANCE } = ErrorCode;

/** Refusals of charity funds 慈善基金, supermarkets 慈善超市 and their donation ledger. */
export const charityErrors = defineErrors('charity', {
  charityExists: { code: CONFLICT, reason: 'CHARITY_EXISTS', message: '该区域已有同名慈善资源', meaning: 'The region already has a charity of that name.' },
  amountTooLarge: { code: BAD_USER_INPUT, reason: 'AMOUNT_TOO_LARGE', field: 'amountFen', message: '金额超出上限', meaning: 'The amount exceeds the largest amount a single entry may hold.' },
  receiptTaken: { code: CONFLICT, reason: 'RECEIPT_TAKEN', message: '该收据编号已登记', meaning: 'The receipt number is already recorded for this charity.' },
  reversalOfReversal: { code: CONFLICT, reason: 'REVERSAL_OF_REVERSAL', message: '冲正记录不能再冲正', meaning: 'A reversal entry cannot itself be reversed.' },
  alreadyReversed: { code: CONFLICT, reason: 'ALREADY_REVERSED', message: '该记录已冲正', meaning: 'The entry was reversed before.' },
  // ── hand-outs 物资发放 (docs/everyday.md) ──
  charityNotFound: { code: NOT_FOUND, reason: 'CHARITY_NOT_FOUND', message: '慈善资源不存在', meaning: 'No charity with that id.' },
  handOutForbidden: { code: FORBIDDEN, reason: 'HAND_OUT_FORBIDDEN', message: '只有本区域慈善超市的管理员可以向辖区居民发放物资', meaning: 'The caller must manage the charity and have the person (and the need) in scope.' },
  recipientUnknown: { code: BAD_USER_INPUT, reason: 'RECIPIENT_UNKNOWN', field: 'personId', message: '领取人不存在', meaning: 'No person with that id.' },
  handOutNeedMismatch: { code: BAD_USER_INPUT, reason: 'NEED_MISMATCH', field: 'needId', message: '该需求不存在或不是该居民的需求', meaning: 'The need does not exist or is not for this person.' },
  quantityInvalid: { code: BAD_USER_INPUT, reason: 'QUANTITY_INVALID', field: 'quantity', message: '数量应为 1–10000 的整数', meaning: 'The quantity is not a positive integer up to 10000.' },
  itemUnknown: { code: BAD_USER_INPUT, reason: 'ITEM_UNKNOWN', field: 'item', message: '该慈善超市没有这种物资', meaning: 'The charity never held goods of that name.' },
  keyInvalid: { code: BAD_USER_INPUT, reason: 'IDEMPOTENCY_KEY_INVALID', field: 'idempotencyKey', message: '请求编号应为 1–100 个字符', meaning: 'The idempotency key is empty or too long.' },
  keyReused: { code: CONFLICT, reason: 'IDEMPOTENCY_KEY_REUSED', message: '该请求编号已用于另一笔发放', meaning: 'The idempotency key was used for a different hand-out.' },
  outOfStock: { code: INSUFFICIENT_BALANCE, reason: 'OUT_OF_STOCK', message: (left: number, unit: string) => `库存不足：仅剩 ${left}${unit}`, meaning: 'Fewer goods on hand than asked for; nothing was handed out.' },
});
