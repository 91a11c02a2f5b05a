import { defineErrors, ErrorCode } from '../common/errors.js';

/** Refusals of statistics 统计 (docs/statistics.md "Errors"). */
export const statsErrors = defineErrors('statistics', {
  regionNotFound: { code: ErrorCode.NOT_FOUND, reason: 'STATS_REGION_NOT_FOUND', message: '区域不存在', meaning: 'No such region.' },
  forbidden: {
    code: ErrorCode.FORBIDDEN,
    reason: 'STATS_SCOPE',
    message: '无权查看该区域的统计',
    meaning: 'Staff read the statistics of the regions in their scope only.',
  },
  periodInvalid: {
    code: ErrorCode.BAD_USER_INPUT,
    reason: 'STATS_PERIOD_INVALID',
    field: 'to',
    message: '统计区间须为开始早于结束且不超过 3 年',
    meaning: 'A period starts before it ends and spans at most three years.',
  },
  attributesForbidden: {
    code: ErrorCode.FORBIDDEN,
    reason: 'STATS_ATTRIBUTES_SCOPE',
    message: '无权设置该区域的统计属性',
    meaning: 'Region attributes are set by admins whose scope holds the region.',
  },
  attributeInvalid: {
    code: ErrorCode.BAD_USER_INPUT,
    reason: 'STATS_ATTRIBUTE_INVALID',
    field: 'input',
    message: (hint: string) => `区域属性无效：${hint}`,
    meaning: 'Populations are whole numbers 0–50 000 000, targets non-negative, shares 0–1, categories from the one-window list.',
  },
  notCommunityWorker: {
    code: ErrorCode.BAD_USER_INPUT,
    reason: 'NOT_COMMUNITY_WORKER',
    field: 'personId',
    message: '该人员不是社区工作者',
    meaning: 'A social-work qualification is recorded for community workers only.',
  },
});
