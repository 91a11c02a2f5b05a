import { ErrorCode, defineErrors } from '../common/errors.js';

const { BAD_USER_INPUT, CONFLICT, FORBIDDEN } = ErrorCode;

/** Refusals of stations 社工站/社工室 and social-worker registration. */
export const socialWorkerErrors = defineErrors('social-workers', {
  stationExists: { code: CONFLICT, reason: 'STATION_EXISTS', message: '该区划已有同名站点', meaning: 'The region already has a station of that name.' },
  personOutOfScope: {
    code: FORBIDDEN,
    reason: 'PERSON_OUT_OF_SCOPE',
    message: '只能登记居住在本街道的人员为社工',
    meaning: "The person's home grid is outside the registering admin's street, or the admin may not see them.",
  },
  ageUnknown: {
    code: BAD_USER_INPUT,
    reason: 'AGE_UNKNOWN',
    field: 'personId',
    message: '无法核实年龄：该人员须先登记身份证号码',
    meaning: 'No birth date on record.',
  },
  notAdult: { code: BAD_USER_INPUT, reason: 'PERSON_NOT_ADULT', field: 'personId', message: '社工须年满18周岁', meaning: 'Social workers are adults.' },
  alreadyRegistered: {
    code: CONFLICT,
    reason: 'SOCIAL_WORKER_EXISTS',
    message: '该人员已登记为社工',
    meaning: 'The person already has a social-worker profile.',
  },
  alreadyRegisteredRace: {
    code: CONFLICT,
    reason: 'SOCIAL_WORKER_EXISTS',
    message: '该人员或证书编号已登记',
    meaning: 'A concurrent registration took the person or the certificate number first.',
  },
  certificateTaken: {
    code: CONFLICT,
    reason: 'CERTIFICATE_TAKEN',
    message: '该证书编号已登记',
    meaning: 'The certificate number belongs to another social worker.',
  },
});
