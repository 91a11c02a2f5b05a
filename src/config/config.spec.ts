import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';

const KEY = 'a'.repeat(64);

describe('loadConfig', () => {
  // Every DATA_DIR made here is removed afterwards: `npm test` leaves nothing in the temp directory.
  const made: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'wushe-config-'));
    made.push(dir);
    return dir;
  };
  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('uses the defaults in development and generates secrets once under DATA_DIR', () => {
    const dir = dataDir();
    const a = loadConfig({ DATA_DIR: dir });
    const b = loadConfig({ DATA_DIR: dir });
    expect(a).toMatchObject({ nodeEnv: 'development', port: 3000, databaseUrl: undefined, seedDemo: true, accessTokenTtlSeconds: 900 });
    expect(a.piiKey.length).toBe(32);
    expect(a.tokenSecret.equals(b.tokenSecret)).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')).piiKey).toBeDefined();
  });

  it('names DATA_DIR when it is a file or holds a secrets file it cannot read', () => {
    const file = join(dataDir(), 'not-a-dir');
    writeFileSync(file, 'x');
    expect(() => loadConfig({ DATA_DIR: file })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: file })).toThrow(/DATA_DIR/);
    const dir = dataDir();
    writeFileSync(join(dir, 'secrets.json'), '{ broken');
    expect(() => loadConfig({ DATA_DIR: dir })).toThrow(/DATA_DIR/);
  });

  it('accepts keys as hex, base64 and base64url', () => {
    const bytes = Buffer.alloc(32, 7);
    for (const raw of [bytes.toString('hex'), bytes.toString('base64'), bytes.toString('base64url')]) {
      expect(loadConfig({ DATA_DIR: dataDir(), PII_KEY: raw, TOKEN_SECRET: KEY }).piiKey.equals(bytes)).toBe(true);
    }
  });

  it('requires DATABASE_URL and the secrets in production, and turns demo data off', () => {
    const prod = { NODE_ENV: 'production', DATA_DIR: dataDir() };
    expect(() => loadConfig(prod)).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ ...prod, DATABASE_URL: 'postgres://x/y' })).toThrow(/TOKEN_SECRET/);
    expect(() => loadConfig({ ...prod, DATABASE_URL: 'postgres://x/y', TOKEN_SECRET: KEY })).toThrow(/PII_KEY/);
    const secrets = { ...prod, DATABASE_URL: 'postgres://x/y', TOKEN_SECRET: KEY, PII_KEY: KEY };
    // Production refuses to start without phone verification by SMS and a provider (issue 10 §3).
    expect(() => loadConfig(secrets)).toThrow(/PHONE_VERIFICATION/);
    expect(() => loadConfig({ ...secrets, PHONE_VERIFICATION: 'console' })).toThrow(/PHONE_VERIFICATION/);
    expect(() => loadConfig({ ...secrets, PHONE_VERIFICATION: 'sms' })).toThrow(/SMS_WEBHOOK_URL/);
    const ok = loadConfig({ ...secrets, PHONE_VERIFICATION: 'sms', SMS_WEBHOOK_URL: 'https://sms.example.org/send' });
    expect(ok.seedDemo).toBe(false);
    expect(ok.phoneVerification.mode).toBe('sms');
    expect(ok.limits.introspectionCost).toBeGreaterThan(1);
    expect(loadConfig({ DATA_DIR: dataDir() }).phoneVerification.mode).toBe('off');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ PII_KEY: 'abcd', TOKEN_SECRET: KEY }, 'PII_KEY'],
    [{ TOKEN_SECRET: 'short', PII_KEY: KEY }, 'TOKEN_SECRET'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    // 32 bytes' worth of characters, but not base64: Node would quietly decode what it can.
    [{ PII_KEY: '!!!!' + 'a'.repeat(40), TOKEN_SECRET: KEY }, 'PII_KEY'],
  ])('names the bad variable in %j', (env, variable) => {
    try {
      loadConfig({ DATA_DIR: dataDir(), ...env });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).variable).toBe(variable);
      expect((err as Error).message).toContain(variable);
    }
  });

  it('keeps TRUST_PROXY off by default and reads true, a hop count or a list of proxy addresses', () => {
    const base = { TOKEN_SECRET: KEY, PII_KEY: KEY };
    expect(loadConfig(base).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ ...base, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ ...base, TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,::1' }).trustProxy).toEqual(['10.0.0.1', '10.1.0.0/16', '::1']);
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'everyone' })).toThrow(ConfigError);
  });
});
