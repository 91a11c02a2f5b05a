import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
// scrypt N=2^15, r=8, p=1 (OWASP's minimum is N=2^17 with p=1 or N=2^15 with more memory; we take 32 MiB).
const N = 32768;
const R = 8;
const P = 1;
const KEYLEN = 32;
const MAXMEM = 64 * 1024 * 1024;
function scrypt(password, salt, n, r, p) {
    return new Promise((resolveKey, reject) => scryptCb(password.normalize('NFKC'), salt, KEYLEN, { N: n, r, p, maxmem: MAXMEM }, (err, key) => (err ? reject(err) : resolveKey(key))));
}
/** `scrypt$N$r$p$salt$hash`, parameters stored so that they can be raised later without breaking old hashes. */
export async function hashPassword(password) {
    const salt = randomBytes(16);
    const key = await scrypt(password, salt, N, R, P);
    return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}
export async function verifyPassword(password, stored) {
    const [alg, n, r, p, salt, hash] = stored.split('$');
    if (alg !== 'scrypt')
        return false;
    const key = await scrypt(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
    const expected = Buffer.from(hash, 'base64');
    return key.length === expected.length && timingSafeEqual(key, expected);
}
/** A hash of a random password: verifying against it costs as much as a real one (no timing oracle for unknown phones). */
let decoy;
export const decoyHash = () => (decoy ??= hashPassword(randomBytes(16).toString('hex')));
export const PASSWORD_RULE = '密码须为8至64位，且同时包含字母和数字';
export const isAcceptablePassword = (p) => p.length >= 8 && p.length <= 64 && /[A-Za-z]/.test(p) && /\d/.test(p);
//# sourceMappingURL=password.js.map