import { defineErrors, ErrorCode } from '../common/errors.js';

/** Why a volunteer is excluded for a need (the hard filters of the matching rules, scoring.ts). */
export enum Exclusion {
  NOT_APPROVED = 'NOT_APPROVED',
  OWN_NEED = 'OWN_NEED',
  OUT_OF_AREA = 'OUT_OF_AREA',
  MISSING_SKILL = 'MISSING_SKILL',
  UNAVAILABLE = 'UNAVAILABLE',
  OVERLAPPING = 'OVERLAPPING',
  NOT_VETTED = 'NOT_VETTED',
  MINOR = 'MINOR',
  TOO_OLD_FOR_DEMANDING = 'TOO_OLD_FOR_DEMANDING',
  TOO_FAR = 'TOO_FAR',
}

/** What an exclusion's text may name: the need's required skills, the age and distance limits. */
export interface ExclusionContext {
  requiredSkills: readonly string[];
  maxAge: number;
  maxDistanceKm: number;
}

/** The Chinese text of each exclusion, shown to volunteers and staff (one per code, PIPL Art. 24). */
export const EXCLUSION_TEXT: Readonly<Record<Exclusion, (c: ExclusionContext) => string>> = {
  NOT_APPROVED: () => '志愿者尚未通过审核或已暂停',
  OWN_NEED: () => '不能为自己的需求服务',
  OUT_OF_AREA: () => '需求不在其服务区域内',
  MISSING_SKILL: (c) => `不具备所需技能（${c.requiredSkills.join('、')}）`,
  UNAVAILABLE: () => '需求时间不在其可服务时段内',
  OVERLAPPING: () => '该时段已有其他服务安排',
  NOT_VETTED: () => '该需求涉及儿童或入户服务，志愿者尚未通过背景审核',
  MINOR: () => '未满18周岁的志愿者须在成年人带领下以团队形式服务，不能单独接单',
  TOO_OLD_FOR_DEMANDING: (c) => `该类服务体力要求较高，不适合${c.maxAge}周岁以上志愿者`,
  TOO_FAR: (c) => `距离超过 ${c.maxDistanceKm} 公里`,
};

export const exclusionText = (code: Exclusion, c: ExclusionContext): string => EXCLUSION_TEXT[code](c);

/** The refusals of matching queries (docs/errors.md is generated from the catalogs). */
export const matchingErrors = defineErrors('matching', {
  firstOutOfRange: {
    code: ErrorCode.BAD_USER_INPUT,
    reason: 'FIRST_OUT_OF_RANGE',
    field: 'first',
    message: 'first 须在 1–50 之间',
    meaning: 'matchCandidates asks for 1 to 50 candidates',
  },
  capacityOutOfRange: {
    code: ErrorCode.BAD_USER_INPUT,
    reason: 'CAPACITY_OUT_OF_RANGE',
    field: 'capacity',
    message: 'capacity 须在 1–5 之间',
    meaning: 'a batch plan gives each volunteer 1 to 5 needs',
  },
  needNotFound: { code: ErrorCode.NOT_FOUND, reason: 'NEED_NOT_FOUND', message: '需求不存在', meaning: 'no need with that id' },
  regionNotFound: { code: ErrorCode.NOT_FOUND, reason: 'REGION_NOT_FOUND', message: '区域不存在', meaning: 'no region with that id' },
  candidatesForbidden: {
    code: ErrorCode.FORBIDDEN,
    reason: 'NEED_OUT_OF_SCOPE',
    message: '无权查看该需求的匹配结果',
    meaning: "the need's grid lies outside the caller's NEED_TRIAGE scope",
  },
  batchForbidden: {
    code: ErrorCode.FORBIDDEN,
    reason: 'REGION_OUT_OF_SCOPE',
    message: '无权对该区域批量派单',
    meaning: "the region lies outside the caller's NEED_BATCH_DISPATCH scope",
  },
});
