import { ErrorCode, defineErrors } from '../common/errors.js';

const { BAD_USER_INPUT, CONFLICT } = ErrorCode;

/** Refusals of charity funds 慈善基金, supermarkets 慈善超市 and their donation ledger. */
export const charityErrors = defineErrors('charity', {
  charityExists: { code: CONFLICT, reason: 'CHARITY_EXISTS', message: '该区域已有同名慈善资源', meaning: 'The region already has a charity of that name.' },
  amountTooLarge: { code: BAD_USER_INPUT, reason: 'AMOUNT_TOO_LARGE', field: 'amountFen', message: '金额超出上限', meaning: 'The amount exceeds the largest amount a single entry may hold.' },
  receiptTaken: { code: CONFLICT, reason: 'RECEIPT_TAKEN', message: '该收据编号已登记', meaning: 'The receipt number is already recorded for this charity.' },
  reversalOfReversal: { code: CONFLICT, reason: 'REVERSAL_OF_REVERSAL', message: '冲正记录不能再冲正', meaning: 'A reversal entry cannot itself be reversed.' },
  alreadyReversed: { code: CONFLICT, reason: 'ALREADY_REVERSED', message: '该记录已冲正', meaning: 'The entry was reversed before.' },
});
