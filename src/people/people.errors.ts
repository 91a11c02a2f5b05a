import { DomainException, ErrorCode, defineErrors } from '../common/errors.js';
import { ID_NUMBER_MESSAGES, IdNumberProblem } from '../privacy/id-number.js';

const { BAD_USER_INPUT, CONFLICT, RATE_LIMITED } = ErrorCode;

/** The registry's refusals about people and their personal data (relatives, sensitive flags, ID numbers). */
export const peopleErrors = defineErrors('people', {
  relativeExists: { code: CONFLICT, reason: 'RELATIVE_EXISTS', message: '该亲属关系已登记', meaning: 'The same active relation is already recorded.' },
  relativeRevoked: { code: CONFLICT, reason: 'RELATIVE_REVOKED', message: '该亲属关系已解除', meaning: 'The relation was revoked before.' },
  guardianConsentRequired: {
    code: BAD_USER_INPUT,
    reason: 'GUARDIAN_CONSENT_REQUIRED',
    field: 'consentGivenById',
    message: '未满14周岁，须由监护人同意',
    meaning: 'A child under 14 cannot consent to a sensitive flag; a guardian (an adult recorded relative) must.',
  },
  adultConsentsThemself: {
    code: BAD_USER_INPUT,
    reason: 'ADULT_CONSENTS_THEMSELF',
    field: 'consentGivenById',
    message: '成年人的敏感信息须由本人同意',
    meaning: 'Someone else gave consent for an adult (or a person of unknown age): only the person may.',
  },
  consentNotRelative: {
    code: BAD_USER_INPUT,
    reason: 'CONSENT_NOT_RELATIVE',
    field: 'consentGivenById',
    message: '同意人应为本人或已登记的亲属（监护人）',
    meaning: "The consenting person is neither the minor nor one of the minor's recorded relatives.",
  },
  guardianNotAdult: {
    code: BAD_USER_INPUT,
    reason: 'GUARDIAN_NOT_ADULT',
    field: 'consentGivenById',
    message: '监护人须为已登记出生日期的成年人',
    meaning: "The guardian's birth date is unknown or they are under 18.",
  },
  idNumberOnRecord: {
    code: CONFLICT,
    reason: 'ID_NUMBER_ON_RECORD',
    message: '身份证号已登记，如需更正请联系社区工作者',
    meaning: 'A person records their ID number only once; corrections go through the community.',
  },
  idNumberRefused: {
    code: CONFLICT,
    reason: 'ID_NUMBER_REFUSED',
    field: 'idNumber',
    message: '该身份证号无法在线登记，请携带身份证到社区办理',
    meaning:
      'The ID number cannot be recorded on this account online. Worded so that it does not confirm that another account holds the number (it does); throttled per person (ID_NUMBER_THROTTLED).',
  },
  idNumberThrottled: {
    code: RATE_LIMITED,
    reason: 'ID_NUMBER_THROTTLED',
    message: '登记身份证号的尝试过多，请稍后再试或到社区办理',
    meaning: 'The person tried to record an ID number too often within the window (ID_NUMBER_MAX_PER_PERSON per ID_NUMBER_WINDOW_SECONDS).',
  },
  idFormat: {
    code: BAD_USER_INPUT,
    reason: 'ID_FORMAT',
    field: 'idNumber',
    message: ID_NUMBER_MESSAGES.FORMAT,
    meaning: 'The ID number is not 17 digits and a digit or X.',
  },
  idRegion: {
    code: BAD_USER_INPUT,
    reason: 'ID_REGION',
    field: 'idNumber',
    message: ID_NUMBER_MESSAGES.REGION,
    meaning: 'The region code of the ID number is unknown.',
  },
  idBirthDate: {
    code: BAD_USER_INPUT,
    reason: 'ID_BIRTH_DATE',
    field: 'idNumber',
    message: ID_NUMBER_MESSAGES.BIRTH_DATE,
    meaning: 'The birth date inside the ID number is not a real past date.',
  },
  idCheckDigit: {
    code: BAD_USER_INPUT,
    reason: 'ID_CHECK_DIGIT',
    field: 'idNumber',
    message: ID_NUMBER_MESSAGES.CHECK_DIGIT,
    meaning: 'The check digit of the ID number is wrong.',
  },
});

const ID_PROBLEMS: Record<IdNumberProblem, () => DomainException> = {
  FORMAT: peopleErrors.idFormat,
  REGION: peopleErrors.idRegion,
  BIRTH_DATE: peopleErrors.idBirthDate,
  CHECK_DIGIT: peopleErrors.idCheckDigit,
};

/** The catalog entry for an ID number that `parseIdNumber` refused (registration, profiles, volunteers). */
export const invalidIdNumber = (problem: IdNumberProblem): DomainException => ID_PROBLEMS[problem]();
