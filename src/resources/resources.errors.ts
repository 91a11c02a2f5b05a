import { ErrorCode, defineErrors } from '../common/errors.js';

const { CONFLICT, FORBIDDEN } = ErrorCode;

/** Refusals of the resource list 服务资源清单. */
export const resourceErrors = defineErrors('resources', {
  alreadyWithdrawn: { code: CONFLICT, reason: 'ALREADY_WITHDRAWN', message: '该资源已下架', meaning: 'The resource was withdrawn before.' },
  volunteerNotApproved: {
    code: CONFLICT,
    reason: 'VOLUNTEER_NOT_APPROVED',
    message: '志愿者审核通过后才能登记资源',
    meaning: 'Only approved volunteers offer resources.',
  },
  organizationNotApproved: {
    code: CONFLICT,
    reason: 'ORGANIZATION_NOT_APPROVED',
    message: '社会组织审核通过后才能登记资源',
    meaning: 'Only approved organizations offer resources.',
  },
  areaOutsideProvider: {
    code: FORBIDDEN,
    reason: 'AREA_OUTSIDE_PROVIDER_SCOPE',
    message: '服务区域超出了提供方的服务范围',
    meaning: "The resource's area lies outside where its provider serves.",
  },
});
