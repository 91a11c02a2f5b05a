import { ErrorCode, defineErrors } from '../common/errors.js';
const { CONFLICT } = ErrorCode;
/** Refusals of resident registration and login. */
export const authErrors = defineErrors('auth', {
    phoneTaken: { code: CONFLICT, reason: 'PHONE_TAKEN', message: '该手机号已注册', meaning: 'An account with this phone number exists.' },
    idNumberTaken: { code: CONFLICT, reason: 'ID_NUMBER_TAKEN', message: '该身份证号已注册', meaning: 'An account with this ID number exists.' },
});
//# sourceMappingURL=auth.errors.js.map