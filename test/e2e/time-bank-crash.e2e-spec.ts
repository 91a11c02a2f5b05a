import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../src/database/embedded-postgres.js';
import { DEMO_PASSWORD } from '../../src/seed/demo-data.js';

/**
 * Crash safety: the built server runs as a child process on its own database; it is SIGKILLed in the middle of
 * a burst of transfers and started again. Nothing a client saw succeed may be lost, and the ledger must verify.
 */
describe('time bank survives SIGKILL mid-burst', () => {
  const dbName = `wushe_t_${process.env.TEST_RUN_ID}_crash_${randomBytes(4).toString('hex')}`;
  const databaseUrl = process.env.TEST_DB_URL_PATTERN!.replace('__DB__', dbName);
  let child: ChildProcess | null = null;
  let port = 0;

  const admin = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const c = new pg.Client({ connectionString: process.env.TEST_ADMIN_URL });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };

  const start = async (): Promise<void> => {
    port = await freePort();
    child = spawn(process.execPath, [join(process.cwd(), 'dist/src/main.js')], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), SEED_DEMO: 'false', NODE_ENV: 'test', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr!.resume();
    // Wait for this child's own "listening" line: a /health answer on the port could come from another test's
    // server that got the same free port while this child failed to bind.
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child!.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
      child!.stdout!.on('data', (d) => {
        if (out.length < 100_000) out += d;
        if (out.includes('"msg":"listening"')) resolve();
      });
    });
  };

  const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
  };
  const login = async (phone: string) =>
    (await gql(`mutation ($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { phone, password: DEMO_PASSWORD } })).data.login.accessToken as string;

  beforeAll(async () => {
    await admin(async (c) => {
      for (let attempt = 0; ; attempt++) {
        try {
          await c.query(`CREATE DATABASE ${dbName} TEMPLATE ${process.env.TEST_TEMPLATE_DB}`);
          return;
        } catch (err) {
          if (attempt > 20 || !/being accessed by other users/.test(String(err))) throw err;
          await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
        }
      }
    });
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const gone = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await gone;
    }
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
  });

  it('loses no transfer the client saw succeed, and verifyLedger is ok after restart', async () => {
    await start();
    const sender = await login('13900000001');
    const receiver = (await gql(`{ me { id } }`, {}, await login('13800000002'))).data.me.id;
    const before = (await gql(`{ myAccount { balanceMinutes } }`, {}, sender)).data.myAccount.balanceMinutes as number;
    const TRANSFER = `mutation ($i: TransferMinutesInput!) { transferMinutes(input: $i) { id } }`;

    const succeeded = new Map<string, string>(); // idempotency key → transaction id
    const attempted: string[] = [];
    let killed = false;
    const killAfter = 30;
    const worker = async () => {
      while (!killed) {
        const key = randomUUID();
        attempted.push(key);
        try {
          const res = await gql(TRANSFER, { i: { toPersonId: receiver, minutes: 1, idempotencyKey: key } }, sender);
          if (res.data?.transferMinutes) succeeded.set(key, res.data.transferMinutes.id);
          else throw new Error(`transfer refused: ${JSON.stringify(res.errors)}`);
        } catch (err) {
          if (!killed) throw err;
          return; // the server died under this request: its outcome is unknown to the client
        }
        if (succeeded.size >= killAfter && !killed) {
          killed = true;
          child!.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(killed).toBe(true);
    await new Promise((r) => (child!.exitCode !== null || child!.signalCode ? r(null) : child!.once('exit', r)));
    expect(child!.signalCode).toBe('SIGKILL');

    await start();
    const sys = await login('13100000001');
    const verify = (await gql(`{ verifyLedger { ok firstBadEntryId sumOfBalances problems } }`, {}, sys)).data.verifyLedger;
    expect(verify).toEqual({ ok: true, firstBadEntryId: null, sumOfBalances: 0, problems: [] });

    const sender2 = await login('13900000001');
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    const rows: { id: string; idempotency_key: string }[] = await c
      .query(`SELECT id, idempotency_key FROM ledger_transactions WHERE kind = 'TRANSFER' AND idempotency_key = ANY($1)`, [attempted])
      .then((r) => r.rows)
      .finally(() => c.end());
    const stored = new Map(rows.map((r) => [r.idempotency_key, r.id]));
    for (const [key, id] of succeeded) expect(stored.get(key)).toBe(id);
    // Whatever committed is in the balance, exactly once; replaying an acknowledged key returns its transaction.
    expect((await gql(`{ myAccount { balanceMinutes } }`, {}, sender2)).data.myAccount.balanceMinutes).toBe(before - stored.size);
    const [someKey, someId] = [...succeeded][0];
    expect((await gql(TRANSFER, { i: { toPersonId: receiver, minutes: 1, idempotencyKey: someKey } }, sender2)).data.transferMinutes.id).toBe(someId);
    expect(stored.size).toBeGreaterThanOrEqual(succeeded.size);
  });
});
