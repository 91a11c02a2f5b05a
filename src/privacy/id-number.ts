/**
 * Resident ID-card number 居民身份证号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence
 * (odd = male), and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** Province-level codes of the national division code (GB/T 2260), plus 71/81/82 used on mainland-issued cards. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
]);

/** 直辖市 Beijing, Tianjin, Shanghai, Chongqing: city code 01 (市辖区) or 02 (县, older cards). */
const MUNICIPALITIES = new Set([11, 12, 31, 50]);
/** Taiwan, Hong Kong, Macau: only the province-level code (710000, 810000, 820000) occurs. */
const PROVINCE_ONLY = new Set([71, 81, 82]);

/**
 * Whether the 6-digit address code is plausible without a full GB/T 2260 table: a real province, and a city
 * code that exists in that kind of province — 01–70 for prefectures, 地区, 州 and 盟, or 90 for county-level
 * units administered by the province (省直辖, e.g. 429004 仙桃); 01–02 in the municipalities. Catches 329999….
 */
export function plausibleRegionCode(code: string): boolean {
  const province = Number(code.slice(0, 2));
  const city = Number(code.slice(2, 4));
  if (!PROVINCES.has(province)) return false;
  if (PROVINCE_ONLY.has(province)) return code.slice(2) === '0000';
  if (MUNICIPALITIES.has(province)) return city === 1 || city === 2;
  return (city >= 1 && city <= 70) || city === 90;
}

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export type IdNumberProblem = 'FORMAT' | 'REGION' | 'BIRTH_DATE' | 'CHECK_DIGIT';

export interface ParsedIdNumber {
  normalized: string;
  birthDate: string; // YYYY-MM-DD
  gender: 'M' | 'F';
}

export function parseIdNumber(raw: string, today: Date = new Date()): ParsedIdNumber | { problem: IdNumberProblem } {
  const value = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return { problem: 'FORMAT' };
  if (!plausibleRegionCode(value.slice(0, 6))) return { problem: 'REGION' };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || date > today) {
    return { problem: 'BIRTH_DATE' };
  }
  if (idCheckChar(value.slice(0, 17)) !== value[17]) return { problem: 'CHECK_DIGIT' };
  return {
    normalized: value,
    birthDate: value.slice(6, 10) + '-' + value.slice(10, 12) + '-' + value.slice(12, 14),
    gender: Number(value[16]) % 2 === 1 ? 'M' : 'F',
  };
}

export const ID_NUMBER_MESSAGES: Record<IdNumberProblem, string> = {
  FORMAT: '身份证号码应为18位，前17位为数字，最后一位为数字或X',
  REGION: '身份证号码的地区码无效',
  BIRTH_DATE: '身份证号码中的出生日期无效',
  CHECK_DIGIT: '身份证号码校验位不正确',
};

/** Whole years between a YYYY-MM-DD birth date and `on`. */
export function ageOn(birthDate: string, on: Date = new Date()): number {
  const [y, m, d] = birthDate.split('-').map(Number);
  let age = on.getUTCFullYear() - y;
  const month = on.getUTCMonth() + 1;
  if (month < m || (month === m && on.getUTCDate() < d)) age--;
  return age;
}
