/**
 * Unified social credit code 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet
 * (digits and capitals without I, O, Z, S, V):
 *   1     registration authority 登记管理部门 (5 = 民政, 9 = 工商, 1 = 机构编制, …)
 *   2     organization type 机构类别 (for 民政: 1 社会团体, 2 民办非企业单位, 3 基金会, 9 其他)
 *   3–8   administrative division code of the registering authority (6 digits, GB/T 2260)
 *   9–17  organization code 主体标识码 (GB 11714)
 *   18    check character: weights 3^i mod 31, C18 = 31 − (Σ mod 31), with 31 → 0.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export function creditCodeCheckChar(first17) {
    let sum = 0;
    for (let i = 0; i < 17; i++) {
        const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]);
        if (value < 0)
            throw new Error('invalid credit code character');
        sum += value * WEIGHTS[i];
    }
    const c = 31 - (sum % 31);
    return CREDIT_CODE_ALPHABET[c === 31 ? 0 : c];
}
/** Normalizes (trim, upper case) and validates a code; returns the normalized code or the problem. */
export function parseCreditCode(raw) {
    const value = raw.trim().toUpperCase();
    if (!/^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$/.test(value))
        return { problem: 'FORMAT' };
    if (!/^[0-9]{6}$/.test(value.slice(2, 8)))
        return { problem: 'REGION' };
    if (creditCodeCheckChar(value.slice(0, 17)) !== value[17])
        return { problem: 'CHECK_CHARACTER' };
    return { normalized: value };
}
export const CREDIT_CODE_MESSAGES = {
    FORMAT: '统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V）',
    REGION: '统一社会信用代码第3至8位应为行政区划代码',
    CHECK_CHARACTER: '统一社会信用代码校验位不正确',
};
//# sourceMappingURL=credit-code.js.map