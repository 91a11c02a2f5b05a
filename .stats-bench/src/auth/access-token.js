import { createHmac, timingSafeEqual } from 'node:crypto';
const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const HEADER = b64({ alg: 'HS256', typ: 'JWT' });
export function signAccessToken(personId, secret, ttlSeconds, now = Date.now()) {
    const iat = Math.floor(now / 1000);
    const body = `${HEADER}.${b64({ sub: personId, iat, exp: iat + ttlSeconds, typ: 'access' })}`;
    return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}
/** Verifies signature, algorithm, type and expiry; returns the claims or why the token is refused. */
export function verifyAccessToken(token, secret, now = Date.now()) {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER)
        return { problem: 'MALFORMED' };
    const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
    const given = Buffer.from(parts[2], 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return { problem: 'BAD_SIGNATURE' };
    let claims;
    try {
        claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    }
    catch {
        return { problem: 'MALFORMED' };
    }
    if (claims.typ !== 'access' || typeof claims.sub !== 'string' || typeof claims.exp !== 'number')
        return { problem: 'MALFORMED' };
    if (claims.exp <= Math.floor(now / 1000))
        return { problem: 'EXPIRED' };
    return claims;
}
//# sourceMappingURL=access-token.js.map