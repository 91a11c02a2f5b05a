import { randomBytes } from 'node:crypto';
import { signAccessToken, verifyAccessToken } from './access-token.js';
import { hashPassword, isAcceptablePassword, verifyPassword } from './password.js';

describe('access tokens', () => {
  const secret = randomBytes(32);
  const now = Date.UTC(2026, 10, 23, 8, 0, 0);

  it('round-trips the subject until expiry', () => {
    const token = signAccessToken('p1', secret, 900, now, 's1');
    expect(verifyAccessToken(token, secret, now + 899_000)).toMatchObject({ sub: 'p1', typ: 'access', sid: 's1' });
    expect(verifyAccessToken(signAccessToken('p1', secret, 900, now), secret, now)).toEqual({ problem: 'NO_SESSION' });
    expect(verifyAccessToken(token, secret, now + 900_000)).toEqual({ problem: 'EXPIRED' });
  });
  it('refuses a token signed with another key or with edited claims', () => {
    const token = signAccessToken('p1', secret, 900, now);
    expect(verifyAccessToken(token, randomBytes(32), now)).toEqual({ problem: 'BAD_SIGNATURE' });
    const [h, , s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'p2', iat: 0, exp: 9e9, typ: 'access' })).toString('base64url');
    expect(verifyAccessToken(`${h}.${forged}.${s}`, secret, now)).toEqual({ problem: 'BAD_SIGNATURE' });
  });
  it('refuses other algorithms and garbage', () => {
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const token = signAccessToken('p1', secret, 900, now);
    expect(verifyAccessToken(`${none}.${token.split('.')[1]}.`, secret, now)).toEqual({ problem: 'MALFORMED' });
    expect(verifyAccessToken('abc', secret, now)).toEqual({ problem: 'MALFORMED' });
  });
});

describe('passwords', () => {
  it('hashes with a salt and verifies', async () => {
    const a = await hashPassword('demo1234');
    const b = await hashPassword('demo1234');
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$')).toBe(true);
    await expect(verifyPassword('demo1234', a)).resolves.toBe(true);
    await expect(verifyPassword('demo12345', a)).resolves.toBe(false);
  });
  it('requires letters and digits, 8 to 64 characters', () => {
    expect(isAcceptablePassword('demo1234')).toBe(true);
    expect(isAcceptablePassword('12345678')).toBe(false);
    expect(isAcceptablePassword('abcdefgh')).toBe(false);
    expect(isAcceptablePassword('ab12')).toBe(false);
  });
});
