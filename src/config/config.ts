import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Validated runtime configuration. Built once at start; a bad variable stops the process with its name. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** Absent → the embedded PostgreSQL under `dataDir/pg` is used. */
  databaseUrl?: string;
  dataDir: string;
  /** HMAC key for access tokens (≥ 32 bytes). */
  tokenSecret: Buffer;
  /** 32-byte key for personal data: AES-256-GCM for ID numbers, and the base of the lookup-hash key. */
  piiKey: Buffer;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  seedDemo: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  graphqlMaxDepth: number;
  graphqlMaxComplexity: number;
  /** Failed logins for one phone within the window before further attempts are refused. */
  loginMaxFailures: number;
  loginWindowSeconds: number;
  /** How often each instance tries to store a ledger digest (docs/ledger.md); 0 turns the timer off (tests call it directly). */
  ledgerDigestIntervalSeconds: number;
  /** How long an instance trusts its cached answer "this session is live" (revocations also arrive by NOTIFY). */
  sessionCacheSeconds: number;
  /**
   * Fastify's `trustProxy`: whom to believe about the client address in `X-Forwarded-For` (docs/security.md).
   * `false` (default): the socket's peer is the client, so nobody can forge an address to reset per-address limits.
   */
  trustProxy: boolean | number | string[];
  /** Hardening limits (docs/security.md). */
  limits: {
    /** Root fields (aliases included) one operation may select. */
    maxRootFields: number;
    /** Bytes of one JSON response body; a larger answer is replaced by a LIMIT_EXCEEDED error. */
    maxResponseBytes: number;
    /** PostgreSQL statement_timeout for every query of the app's pool, in milliseconds. */
    statementTimeoutMs: number;
    /** Cost points each actor (or address, when anonymous) may spend per window. */
    ratePoints: number;
    rateWindowSeconds: number;
    /** Cost of an introspection field (__schema, __type); development keeps it at 1 for the IDE. */
    introspectionCost: number;
  };
  /** Phone verification by one-time code (docs/security.md). */
  phoneVerification: {
    mode: 'off' | 'console' | 'sms';
    /** For `sms`: where the SMS gateway takes messages (JSON POST {phone, text}). */
    smsWebhookUrl?: string;
    codeTtlSeconds: number;
    /** Codes one phone may ask for per window, and codes one address may ask for. */
    maxPerPhone: number;
    maxPerAddress: number;
    windowSeconds: number;
    /** Registrations one address may make per window. */
    registrationsPerAddress: number;
    /**
     * Attempts one logged-in person may make per `idNumberWindowSeconds` to record an ID number on their own
     * account (updateMyProfile, registerVolunteer), so that nobody can test many ID numbers against the registry.
     */
    idNumberAttemptsPerPerson: number;
    idNumberWindowSeconds: number;
    /**
     * Refused in-person registrations (a phone or ID number already registered) one worker may meet per
     * `idNumberWindowSeconds` before registerResidentInPerson pauses for them: the refusal tells a worker that a
     * number is registered somewhere in the city, so it must not serve to test many numbers.
     */
    inPersonRefusalsPerWorker: number;
  };
  /** Timers of the dispatch loop (docs/design.md §5). */
  needLoop: {
    /** Completed services nobody confirmed or disputed are confirmed after this long. */
    autoConfirmMinutes: number;
    /** A claimed need nobody started this long after its window is a no-show; also how late after the window a service may still start. */
    noShowGraceMinutes: number;
    /** How long before the window a volunteer may start the service (签到). */
    startEarlyMinutes: number;
    /** Reported minutes may exceed the time since the start by at most this much. */
    completeToleranceMinutes: number;
    /** Staff may report a no-show only this long after the window started. */
    noShowReportMinutes: number;
    /** Confirmed needs with no open review are closed (办结) automatically after this long; 0 = never. */
    autoCloseMinutes: number;
    /** How often each instance runs the deadline scheduler; 0 turns the timer off (tests call it directly). */
    schedulerIntervalSeconds: number;
    reviewFixWorkingDays: number;
    callbackWorkingDays: number;
  };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

/**
 * TRUST_PROXY as Fastify's `trustProxy` takes it: `false` (default), `true` (trust every hop: only behind a proxy that
 * overwrites X-Forwarded-For), a hop count, or a comma list of proxy addresses / CIDR ranges.
 */
function trustProxy(env: Env): AppConfig['trustProxy'] {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || ['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  if (['true', 'yes'].includes(raw.toLowerCase())) return true;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 100) throw new ConfigError('TRUST_PROXY', `must be at most 100 hops, got ${hops}`);
    return hops;
  }
  const list = raw.split(',').map((part) => part.trim());
  for (const entry of list) {
    if (!/^[0-9A-Fa-f.:]+(\/\d{1,3})?$/.test(entry)) {
      throw new ConfigError('TRUST_PROXY', `must be false, true, a hop count or a comma list of proxy addresses, got "${entry}"`);
    }
  }
  return list;
}

/** A key given as 64 hex characters or as base64 of at least `minBytes` bytes. */
function key(name: string, raw: string, minBytes: number): Buffer {
  const hex = /^[0-9a-fA-F]+$/.test(raw) && raw.length % 2 === 0;
  const encoding = hex ? 'hex' : /[-_]/.test(raw) ? 'base64url' : 'base64';
  const buf = Buffer.from(raw, encoding);
  // Node decodes base64 leniently (it skips what it cannot read): a key that does not round-trip is mistyped.
  if (buf.toString(encoding).replace(/=+$/, '') !== (hex ? raw.toLowerCase() : raw.replace(/=+$/, ''))) {
    throw new ConfigError(name, 'must be hex or base64');
  }
  if (buf.length < minBytes) throw new ConfigError(name, `must hold at least ${minBytes} bytes (hex or base64)`);
  return buf;
}

interface DevSecrets {
  tokenSecret: string;
  piiKey: string;
  embeddedDbPassword: string;
}

/**
 * In development the secrets are generated once and kept under DATA_DIR, so that tokens and encrypted
 * ID numbers survive a restart. In production they must be given.
 */
export function loadDevSecrets(dataDir: string): DevSecrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    let stored: Partial<DevSecrets> | null = null;
    try {
      stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<DevSecrets>;
    } catch {
      // reported below
    }
    if (!stored || typeof stored.tokenSecret !== 'string' || typeof stored.piiKey !== 'string' || typeof stored.embeddedDbPassword !== 'string') {
      throw new ConfigError('DATA_DIR', `${file} is not a secrets file this app wrote (restore it from a backup, or remove DATA_DIR to start afresh)`);
    }
    return stored as DevSecrets;
  }
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    throw new ConfigError('DATA_DIR', `cannot be created as a directory at ${dataDir} (${(err as NodeJS.ErrnoException).code})`);
  }
  const secrets: DevSecrets = {
    tokenSecret: randomBytes(48).toString('base64'),
    piiKey: randomBytes(32).toString('base64'),
    embeddedDbPassword: randomBytes(18).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnvRaw = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    throw new ConfigError('NODE_ENV', `must be development, production or test, got "${nodeEnvRaw}"`);
  }
  const nodeEnv = nodeEnvRaw as AppConfig['nodeEnv'];
  const production = nodeEnv === 'production';

  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must be a postgres:// or postgresql:// URL');
  }
  if (production && !databaseUrl) throw new ConfigError('DATABASE_URL', 'is required when NODE_ENV=production');

  const dataDir = resolve(env.DATA_DIR || '.data');

  let tokenSecretRaw = env.TOKEN_SECRET;
  let piiKeyRaw = env.PII_KEY;
  if (production) {
    if (!tokenSecretRaw) throw new ConfigError('TOKEN_SECRET', 'is required when NODE_ENV=production');
    if (!piiKeyRaw) throw new ConfigError('PII_KEY', 'is required when NODE_ENV=production');
  } else if (!tokenSecretRaw || !piiKeyRaw) {
    const secrets = loadDevSecrets(dataDir);
    tokenSecretRaw ||= secrets.tokenSecret;
    piiKeyRaw ||= secrets.piiKey;
  }
  const piiKey = key('PII_KEY', piiKeyRaw, 32);
  if (piiKey.length !== 32) throw new ConfigError('PII_KEY', 'must be exactly 32 bytes (64 hex characters or 44 base64)');

  const logLevel = (env.LOG_LEVEL || 'info') as AppConfig['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be debug, info, warn or error, got "${logLevel}"`);
  }

  const verificationMode = (env.PHONE_VERIFICATION || 'off') as AppConfig['phoneVerification']['mode'];
  if (!['off', 'console', 'sms'].includes(verificationMode))
    throw new ConfigError('PHONE_VERIFICATION', `must be off, console or sms, got "${verificationMode}"`);
  const smsWebhookUrl = env.SMS_WEBHOOK_URL || undefined;
  if (smsWebhookUrl !== undefined && !/^https?:\/\/.+/.test(smsWebhookUrl)) throw new ConfigError('SMS_WEBHOOK_URL', 'must be an http:// or https:// URL');
  if (production && verificationMode !== 'sms') throw new ConfigError('PHONE_VERIFICATION', 'must be sms when NODE_ENV=production');
  if (verificationMode === 'sms' && !smsWebhookUrl) throw new ConfigError('SMS_WEBHOOK_URL', 'is required when PHONE_VERIFICATION=sms (the SMS provider)');
  const relaxed = nodeEnv === 'test';

  return {
    nodeEnv,
    sessionCacheSeconds: int(env, 'SESSION_CACHE_SECONDS', 30, 0, 3600),
    trustProxy: trustProxy(env),
    limits: {
      maxRootFields: int(env, 'GRAPHQL_MAX_ROOT_FIELDS', 20, 1, 1000),
      maxResponseBytes: int(env, 'GRAPHQL_MAX_RESPONSE_BYTES', 2 * 1024 * 1024, 1024, 512 * 1024 * 1024),
      statementTimeoutMs: int(env, 'DB_STATEMENT_TIMEOUT_MS', 15000, 100, 3_600_000),
      ratePoints: int(env, 'RATE_LIMIT_POINTS', relaxed ? 1_000_000 : 20000, 10, 100_000_000),
      rateWindowSeconds: int(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86400),
      introspectionCost: int(env, 'GRAPHQL_INTROSPECTION_COST', production ? 500 : 1, 1, 1_000_000),
    },
    phoneVerification: {
      mode: verificationMode,
      smsWebhookUrl,
      codeTtlSeconds: int(env, 'PHONE_CODE_TTL_SECONDS', 300, 30, 3600),
      maxPerPhone: int(env, 'PHONE_CODE_MAX_PER_PHONE', 5, 1, 1000),
      maxPerAddress: int(env, 'PHONE_CODE_MAX_PER_ADDRESS', relaxed ? 100_000 : 20, 1, 1_000_000),
      windowSeconds: int(env, 'PHONE_CODE_WINDOW_SECONDS', 3600, 60, 86400),
      registrationsPerAddress: int(env, 'REGISTER_MAX_PER_ADDRESS', relaxed ? 100_000 : 10, 1, 1_000_000),
      idNumberAttemptsPerPerson: int(env, 'ID_NUMBER_MAX_PER_PERSON', 5, 1, 1000),
      idNumberWindowSeconds: int(env, 'ID_NUMBER_WINDOW_SECONDS', 86400, 60, 30 * 86400),
      inPersonRefusalsPerWorker: int(env, 'IN_PERSON_REFUSALS_PER_WORKER', 20, 1, 10_000),
    },
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
