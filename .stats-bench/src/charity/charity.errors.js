import { ErrorCode, defineErrors } from '../common/errors.js';
const { BAD_USER_INPUT, CONFLICT } = ErrorCode;
/** Refusals of charity funds 慈善基金, supermarkets 慈善超市 and their donation ledger. */
export const charityErrors = defineErrors('charity', {
    charityExists: { code: CONFLICT, reason: 'CHARITY_EXISTS', message: '该区域已有同名慈善资源', meaning: 'The region already has a charity of that name.' },
    amountTooLarge: { code: BAD_USER_INPUT, reason: 'AMOUNT_TOO_LARGE', field: 'amountFen', message: '金额超出上限', meaning: 'The amount exceeds the largest amount a single entry may hold.' },
    receiptTaken: { code: CONFLICT, reason: 'RECEIPT_TAKEN', message: '该收据编号已登记', meaning: 'The receipt number is already recorded for this charity.' },
    reversalOfReversal: { code: CONFLICT, reason: 'REVERSAL_OF_REVERSAL', message: '冲正记录不能再冲正', meaning: 'A reversal entry cannot itself be reversed.' },
    projectTransfer: { code: CONFLICT, reason: 'PROJECT_TRANSFER', message: '项目资金划转不能冲正，请通过项目办理', meaning: 'Project reservations, releases and disbursements are undone through the project (cancel releases), not by reversing entries.' },
    fundInsufficient: {
        code: ErrorCode.INSUFFICIENT_BALANCE,
        reason: 'FUND_INSUFFICIENT',
        message: (name, availableFen, amountFen) => `慈善基金「${name}」可用余额不足：可用 ${availableFen} 分，需预留 ${amountFen} 分`,
        meaning: 'A project approval would reserve more of a charity fund than it has available.',
    },
    alreadyReversed: { code: CONFLICT, reason: 'ALREADY_REVERSED', message: '该记录已冲正', meaning: 'The entry was reversed before.' },
});
//# sourceMappingURL=charity.errors.js.map