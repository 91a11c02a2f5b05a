import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
export class ConfigError extends Error {
    variable;
    constructor(variable, message) {
        super(`Invalid configuration: ${variable} ${message}`);
        this.variable = variable;
    }
}
function int(env, name, fallback, min, max) {
    const raw = env[name];
    if (raw === undefined || raw === '')
        return fallback;
    if (!/^\d+$/.test(raw))
        throw new ConfigError(name, `must be a whole number, got "${raw}"`);
    const value = Number(raw);
    if (value < min || value > max)
        throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
    return value;
}
function bool(env, name, fallback) {
    const raw = env[name];
    if (raw === undefined || raw === '')
        return fallback;
    if (['1', 'true', 'yes'].includes(raw.toLowerCase()))
        return true;
    if (['0', 'false', 'no'].includes(raw.toLowerCase()))
        return false;
    throw new ConfigError(name, `must be true or false, got "${raw}"`);
}
/** A key given as 64 hex characters or as base64 of at least `minBytes` bytes. */
function key(name, raw, minBytes) {
    const hex = /^[0-9a-fA-F]+$/.test(raw) && raw.length % 2 === 0;
    const encoding = hex ? 'hex' : /[-_]/.test(raw) ? 'base64url' : 'base64';
    const buf = Buffer.from(raw, encoding);
    // Node decodes base64 leniently (it skips what it cannot read): a key that does not round-trip is mistyped.
    if (buf.toString(encoding).replace(/=+$/, '') !== (hex ? raw.toLowerCase() : raw.replace(/=+$/, ''))) {
        throw new ConfigError(name, 'must be hex or base64');
    }
    if (buf.length < minBytes)
        throw new ConfigError(name, `must hold at least ${minBytes} bytes (hex or base64)`);
    return buf;
}
/**
 * In development the secrets are generated once and kept under DATA_DIR, so that tokens and encrypted
 * ID numbers survive a restart. In production they must be given.
 */
export function loadDevSecrets(dataDir) {
    const file = join(dataDir, 'secrets.json');
    if (existsSync(file)) {
        let stored = null;
        try {
            stored = JSON.parse(readFileSync(file, 'utf8'));
        }
        catch {
            // reported below
        }
        if (!stored || typeof stored.tokenSecret !== 'string' || typeof stored.piiKey !== 'string' || typeof stored.embeddedDbPassword !== 'string') {
            throw new ConfigError('DATA_DIR', `${file} is not a secrets file this app wrote (restore it from a backup, or remove DATA_DIR to start afresh)`);
        }
        return stored;
    }
    try {
        mkdirSync(dataDir, { recursive: true });
    }
    catch (err) {
        throw new ConfigError('DATA_DIR', `cannot be created as a directory at ${dataDir} (${err.code})`);
    }
    const secrets = {
        tokenSecret: randomBytes(48).toString('base64'),
        piiKey: randomBytes(32).toString('base64'),
        embeddedDbPassword: randomBytes(18).toString('base64url'),
    };
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    return secrets;
}
export function loadConfig(env = process.env) {
    const nodeEnvRaw = env.NODE_ENV ?? 'development';
    if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
        throw new ConfigError('NODE_ENV', `must be development, production or test, got "${nodeEnvRaw}"`);
    }
    const nodeEnv = nodeEnvRaw;
    const production = nodeEnv === 'production';
    const databaseUrl = env.DATABASE_URL || undefined;
    if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
        throw new ConfigError('DATABASE_URL', 'must be a postgres:// or postgresql:// URL');
    }
    if (production && !databaseUrl)
        throw new ConfigError('DATABASE_URL', 'is required when NODE_ENV=production');
    const dataDir = resolve(env.DATA_DIR || '.data');
    let tokenSecretRaw = env.TOKEN_SECRET;
    let piiKeyRaw = env.PII_KEY;
    if (production) {
        if (!tokenSecretRaw)
            throw new ConfigError('TOKEN_SECRET', 'is required when NODE_ENV=production');
        if (!piiKeyRaw)
            throw new ConfigError('PII_KEY', 'is required when NODE_ENV=production');
    }
    else if (!tokenSecretRaw || !piiKeyRaw) {
        const secrets = loadDevSecrets(dataDir);
        tokenSecretRaw ||= secrets.tokenSecret;
        piiKeyRaw ||= secrets.piiKey;
    }
    const piiKey = key('PII_KEY', piiKeyRaw, 32);
    if (piiKey.length !== 32)
        throw new ConfigError('PII_KEY', 'must be exactly 32 bytes (64 hex characters or 44 base64)');
    const logLevel = (env.LOG_LEVEL || 'info');
    if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
        throw new ConfigError('LOG_LEVEL', `must be debug, info, warn or error, got "${logLevel}"`);
    }
    return {
        nodeEnv,
        port: int(env, 'PORT', 3000, 0, 65535),
        databaseUrl,
        dataDir,
        tokenSecret: key('TOKEN_SECRET', tokenSecretRaw, 32),
        piiKey,
        accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL', 900, 30, 86400),
        refreshTokenTtlSeconds: int(env, 'REFRESH_TOKEN_TTL', 30 * 86400, 300, 365 * 86400),
        seedDemo: bool(env, 'SEED_DEMO', !production),
        logLevel,
        graphqlMaxDepth: int(env, 'GRAPHQL_MAX_DEPTH', 12, 2, 50),
        graphqlMaxComplexity: int(env, 'GRAPHQL_MAX_COMPLEXITY', 5000, 10, 1_000_000),
        loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000),
        loginWindowSeconds: int(env, 'LOGIN_WINDOW_SECONDS', 900, 1, 86400),
        ledgerDigestIntervalSeconds: int(env, 'LEDGER_DIGEST_INTERVAL_SECONDS', nodeEnv === 'test' ? 0 : 300, 0, 86400),
        needLoop: {
            autoConfirmMinutes: int(env, 'NEED_AUTO_CONFIRM_MINUTES', 72 * 60, 1, 60 * 24 * 60),
            noShowGraceMinutes: int(env, 'NEED_NO_SHOW_GRACE_MINUTES', 60, 0, 24 * 60),
            startEarlyMinutes: int(env, 'NEED_START_EARLY_MINUTES', 60, 0, 24 * 60),
            completeToleranceMinutes: int(env, 'NEED_COMPLETE_TOLERANCE_MINUTES', 30, 0, 24 * 60),
            noShowReportMinutes: int(env, 'NEED_NO_SHOW_REPORT_MINUTES', 30, 0, 24 * 60),
            autoCloseMinutes: int(env, 'NEED_AUTO_CLOSE_MINUTES', 7 * 24 * 60, 0, 365 * 24 * 60),
            schedulerIntervalSeconds: int(env, 'NEED_SCHEDULER_INTERVAL_SECONDS', nodeEnv === 'test' ? 0 : 60, 0, 3600),
            reviewFixWorkingDays: int(env, 'NEED_REVIEW_FIX_WORKING_DAYS', 5, 1, 60),
            callbackWorkingDays: int(env, 'NEED_CALLBACK_WORKING_DAYS', 1, 1, 60),
        },
    };
}
export const APP_CONFIG = Symbol('APP_CONFIG');
//# sourceMappingURL=config.js.map