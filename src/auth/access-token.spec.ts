import { decodeProtectedHeader, jwtVerify, SignJWT } from 'jose';
import { randomBytes } from 'node:crypto';
import { signAccessToken, verifyAccessToken } from './access-token.js';

/**
 * Our access tokens are standard compact HS256 JWTs: jose, an independent implementation, agrees with ours both ways
 * (docs/architecture.md "Libraries we use and why" says why the server itself keeps its own 30 lines).
 */
describe('access tokens interoperate with jose', () => {
  const secret = randomBytes(48);
  const now = Date.UTC(2026, 10, 23, 2, 0, 0);
  const personId = '5f0c5a57-8a6e-4d1a-9f43-1f0a2b3c4d5e';

  it('jose verifies a token we signed, with our claims', async () => {
    const token = signAccessToken(personId, secret, 900, now);
    const { payload, protectedHeader } = await jwtVerify(token, secret, { algorithms: ['HS256'], currentDate: new Date(now + 60_000) });
    expect(protectedHeader).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toEqual({ sub: personId, iat: now / 1000, exp: now / 1000 + 900, typ: 'access' });
  });

  it('jose refuses our token once expired and under another key, as we do', async () => {
    const token = signAccessToken(personId, secret, 900, now);
    await expect(jwtVerify(token, secret, { currentDate: new Date(now + 900_000) })).rejects.toMatchObject({ code: 'ERR_JWT_EXPIRED' });
    await expect(jwtVerify(token, randomBytes(48), { currentDate: new Date(now) })).rejects.toMatchObject({ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
    expect(verifyAccessToken(token, secret, now + 900_000)).toEqual({ problem: 'EXPIRED' });
  });

  it('we accept a token jose signed the same way, and refuse any other algorithm or type', async () => {
    const iat = now / 1000;
    const sessionId = '0b6c3c55-0d3e-4a57-9d8e-6a1f2b3c4d5e';
    const sign = (alg: string, typ: string, sid: string | null = sessionId) =>
      new SignJWT({ typ, ...(sid ? { sid } : {}) })
        .setProtectedHeader({ alg, typ: 'JWT' })
        .setSubject(personId)
        .setIssuedAt(iat)
        .setExpirationTime(iat + 900)
        .sign(secret);
    const good = await sign('HS256', 'access');
    expect(decodeProtectedHeader(good)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(verifyAccessToken(good, secret, now)).toMatchObject({ sub: personId, typ: 'access', exp: iat + 900, sid: sessionId });
    // Every access token names its session (docs/security.md §4); one without is refused.
    expect(verifyAccessToken(await sign('HS256', 'access', null), secret, now)).toEqual({ problem: 'NO_SESSION' });
    expect(verifyAccessToken(await sign('HS512', 'access'), secret, now)).toEqual({ problem: 'MALFORMED' });
    expect(verifyAccessToken(await sign('HS256', 'refresh'), secret, now)).toEqual({ problem: 'MALFORMED' });
  });
});
