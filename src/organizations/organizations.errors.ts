import { DomainException, ErrorCode, defineErrors } from '../common/errors.js';
import { CREDIT_CODE_MESSAGES, CreditCodeProblem } from './credit-code.js';

const { BAD_USER_INPUT, CONFLICT, FORBIDDEN } = ErrorCode;

/** Refusals of organization registration, review and membership. */
export const organizationErrors = defineErrors('organizations', {
  creditCodeFormat: {
    code: BAD_USER_INPUT,
    reason: 'CREDIT_CODE_FORMAT',
    field: 'creditCode',
    message: CREDIT_CODE_MESSAGES.FORMAT,
    meaning: 'The unified social credit code is not 18 valid characters.',
  },
  creditCodeRegion: {
    code: BAD_USER_INPUT,
    reason: 'CREDIT_CODE_REGION',
    field: 'creditCode',
    message: CREDIT_CODE_MESSAGES.REGION,
    meaning: 'Characters 3–8 of the credit code are not a region code.',
  },
  creditCodeCheck: {
    code: BAD_USER_INPUT,
    reason: 'CREDIT_CODE_CHECK_CHARACTER',
    field: 'creditCode',
    message: CREDIT_CODE_MESSAGES.CHECK_CHARACTER,
    meaning: 'The check character of the credit code is wrong.',
  },
  creditCodeTaken: {
    code: CONFLICT,
    reason: 'CREDIT_CODE_TAKEN',
    message: '该统一社会信用代码已登记',
    meaning: 'An organization with this credit code is registered.',
  },
  registrantNotAdult: {
    code: BAD_USER_INPUT,
    reason: 'ADMIN_NOT_ADULT',
    field: 'name',
    message: '未满18周岁不能登记社会组织',
    meaning: 'The registrant becomes the first admin and is under 18.',
  },
  adminAgeUnknown: {
    code: BAD_USER_INPUT,
    reason: 'AGE_UNKNOWN',
    field: 'personId',
    message: '无法核实年龄：该人员须先登记身份证号码',
    meaning: 'An admin must be known to be an adult; the person has no birth date on record.',
  },
  adminNotAdult: {
    code: BAD_USER_INPUT,
    reason: 'ADMIN_NOT_ADULT',
    field: 'personId',
    message: '组织管理员须年满18周岁',
    meaning: 'An organization admin must be 18 or older.',
  },
  reviewNotAllowed: {
    code: CONFLICT,
    reason: 'INVALID_STATUS',
    message: (verb: string) => `该组织当前状态不能${verb}`,
    meaning: 'The review action is not allowed from the current status.',
  },
  lastAdmin: { code: CONFLICT, reason: 'LAST_ADMIN', message: '不能移除最后一名管理员', meaning: 'An organization keeps at least one admin.' },
  personOutOfScope: {
    code: FORBIDDEN,
    reason: 'PERSON_OUT_OF_SCOPE',
    message: '只能添加居住在本组织所在区域、且您有权查看的人员',
    meaning: "The person does not live in the organization's region or the caller may not see them there.",
  },
});

const CREDIT_CODE_PROBLEMS: Record<CreditCodeProblem, () => DomainException> = {
  FORMAT: organizationErrors.creditCodeFormat,
  REGION: organizationErrors.creditCodeRegion,
  CHECK_CHARACTER: organizationErrors.creditCodeCheck,
};

export const invalidCreditCode = (problem: CreditCodeProblem): DomainException => CREDIT_CODE_PROBLEMS[problem]();
