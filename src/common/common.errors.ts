import { defineErrors, ErrorCode, ErrorSpec } from './errors.js';

const { BAD_USER_INPUT, CONFLICT } = ErrorCode;

/** Refusals that come before or around any module: query limits, dates, races settled by the database (graphql-js's own: src/common/graphql/request.errors.ts). */
export const COMMON_ERRORS = {
  queryTooDeep: {
    code: BAD_USER_INPUT,
    reason: 'QUERY_TOO_DEEP',
    message: (depth: number, max: number) => `查询嵌套层数 ${depth} 超过上限 ${max}`,
    meaning: 'The operation nests selections deeper than the configured limit (GRAPHQL_MAX_DEPTH).',
  },
  queryTooManyFields: {
    code: BAD_USER_INPUT,
    reason: 'QUERY_TOO_COMPLEX',
    message: (max: number) => `查询字段过多，超过上限 ${max}`,
    meaning: 'The operation selects more fields than the complexity limit allows, before pages are counted.',
  },
  queryTooComplex: {
    code: BAD_USER_INPUT,
    reason: 'QUERY_TOO_COMPLEX',
    message: (complexity: number, max: number) => `查询复杂度 ${complexity} 超过上限 ${max}`,
    meaning: 'Fields times page sizes exceed the configured limit (GRAPHQL_MAX_COMPLEXITY).',
  },
  dateOutOfRange: {
    code: BAD_USER_INPUT,
    reason: 'DATE_OUT_OF_RANGE',
    message: (min: number, max: number) => `日期应在${min}年至${max}年之间`,
    meaning: 'A date argument lies outside the years the service accepts (e.g. +099999-01-01); each such field is listed.',
  },
  concurrentInsert: {
    code: CONFLICT,
    reason: 'CONCURRENT_UPDATE',
    message: '数据已被同时提交，请刷新后重试',
    meaning: 'A concurrent request took a unique key first (PostgreSQL 23505); nothing was changed.',
  },
  concurrentChange: {
    code: CONFLICT,
    reason: 'CONCURRENT_UPDATE',
    message: '数据已被他人修改，请重试',
    meaning: 'A serialization failure or deadlock (40001, 40P01); nothing was changed, the request may be retried.',
  },
} satisfies Record<string, ErrorSpec>;

export const commonErrors = defineErrors('common', COMMON_ERRORS);
