import { createHmac, timingSafeEqual } from 'node:crypto';

/** Claims of an access token (a compact HS256 JWT). */
export interface AccessClaims {
  sub: string;
  iat: number;
  exp: number;
  typ: 'access';
  /** The session (auth_sessions.id) the token belongs to: refused at once when that session is revoked. */
  sid?: string;
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const HEADER = b64({ alg: 'HS256', typ: 'JWT' });

export function signAccessToken(personId: string, secret: Buffer, ttlSeconds: number, now = Date.now(), sessionId?: string): string {
  const iat = Math.floor(now / 1000);
  const body = `${HEADER}.${b64({ sub: personId, iat, exp: iat + ttlSeconds, typ: 'access', ...(sessionId ? { sid: sessionId } : {}) })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

export type TokenProblem = 'MALFORMED' | 'BAD_SIGNATURE' | 'EXPIRED' | 'NO_SESSION';

/** Verifies signature, algorithm, type and expiry; returns the claims or why the token is refused. */
export function verifyAccessToken(token: string, secret: Buffer, now = Date.now()): AccessClaims | { problem: TokenProblem } {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return { problem: 'MALFORMED' };
  const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { problem: 'BAD_SIGNATURE' };
  let claims: AccessClaims;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as AccessClaims;
  } catch {
    return { problem: 'MALFORMED' };
  }
  if (claims.typ !== 'access' || typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return { problem: 'MALFORMED' };
  if (claims.exp <= Math.floor(now / 1000)) return { problem: 'EXPIRED' };
  // Every token issued since sessions exist names its session; one without is from before and is refused.
  if (typeof claims.sid !== 'string') return { problem: 'NO_SESSION' };
  return claims;
}
