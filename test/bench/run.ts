/**
 * `npm run bench [-- --scale district|city|full] [--data-dir DIR]`: each hot path through the app (HTTP, GraphQL,
 * Nest, TypeORM) against the same SQL on a bare Fastify route with bare `pg` (bare.ts), in this one process, on the
 * same database, in the same run; the load comes from a separate client process (client.ts: closed loop, fixed
 * concurrency, warm-up). Prints throughput, p50/p95/p99 and the app/bare ratio, and a Markdown table of the run.
 *
 * Data: the demo district by default (a temporary embedded PostgreSQL); `--scale S` generates a city of that scale
 * into the temporary database first, or, with `--data-dir DIR`, uses the city already generated there
 * (`npm run generate -- --scale city` writes `.data/city`). The demo accounts are added either way.
 * BENCH_SECONDS (8), BENCH_WARMUP (2), BENCH_CONCURRENCY (16) adjust the load; BENCH_ONLY=<part of a name>[,<another>] runs only
 * the matching cases (e.g. `BENCH_ONLY=transfers`).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap.js';
import { logger } from '../../src/common/logging/logger.js';
import { loadConfig, loadDevSecrets } from '../../src/config/config.js';
import { ensureDatabase, startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { generateInto, parseArgs } from '../../src/generate/generate.js';
import { seedDemoData } from '../../src/seed/demo-data.js';
import { BareServer, Statement } from './bare.js';
import { benchmarks, BenchContext, castFor } from './cases.js';
import type { LoadResult, LoadSpec } from './client.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const here = dirname(fileURLToPath(import.meta.url));

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

type Measured = LoadResult & { cpuMs: number };

/**
 * Runs the load in a child process and returns what it measured, with the CPU time this process (the server: app
 * and bare alike, one loaded at a time) spent per iteration: less sensitive to other processes on the machine than
 * throughput is, as long as they leave it some CPU.
 */
async function load(spec: LoadSpec, dir: string): Promise<Measured> {
  const file = join(dir, `spec-${randomBytes(4).toString('hex')}.json`);
  writeFileSync(file, JSON.stringify(spec));
  const before = process.cpuUsage();
  const { stdout } = await promisify(execFile)(process.execPath, [join(here, 'client.js'), file], { maxBuffer: 1 << 24 });
  const used = process.cpuUsage(before);
  const r = JSON.parse(stdout.trim().split('\n').pop()!) as LoadResult;
  return { ...r, cpuMs: (used.user + used.system) / 1000 / Math.max(1, r.total) };
}

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');

async function main(): Promise<void> {
  logger.level = 'error';
  const scale = arg('scale');
  const dataDir = arg('data-dir');
  const tmp = mkdtempSync(join(tmpdir(), 'wushe-bench-'));
  chmodSync(tmp, 0o755); // as root, PostgreSQL runs as the postgres user and must reach its data dir
  const dir = dataDir ? resolve(dataDir) : tmp;
  if (dataDir && !existsSync(join(dir, 'pg'))) throw new Error(`${dir}/pg holds no database: run npm run generate first`);
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'test',
    DATA_DIR: dir,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'error',
    GRAPHQL_MAX_COMPLEXITY: '100000',
    ACCESS_TOKEN_TTL: '86400',
    NEED_SCHEDULER_INTERVAL_SECONDS: '0',
  };
  delete env.DATABASE_URL;
  const config = loadConfig(env);
  const server = await startEmbeddedPostgres({
    dir: join(dir, 'pg'),
    password: dataDir ? loadDevSecrets(dir).embeddedDbPassword : randomBytes(8).toString('hex'),
    // BENCH_PG_LOG=1: the database's own log on stderr (a crashed backend shows here).
    onLog: process.env.BENCH_PG_LOG ? (l) => process.stderr.write(`pg: ${l}\n`) : undefined,
  });
  const lines: string[] = [];
  const out = (s: string) => {
    lines.push(s);
    process.stdout.write(s + '\n');
  };
  try {
    const dbName = dataDir ? 'timebank' : 'bench';
    await ensureDatabase(server.adminUrl, dbName);
    const url = server.urlFor(dbName);
    if (scale && !dataDir) {
      process.stdout.write(`generating a ${scale} (takes minutes)…\n`);
      const g = await generateInto(url, parseArgs(['--scale', scale]), config.piiKey);
      process.stdout.write(`generated in ${g.seconds.toFixed(0)} s: ${JSON.stringify(g.counts)}\n`);
    }
    const app = await createApp(config, url);
    const db = app.get(DataSource);
    await seedDemoData(db, config);
    await app.listen(0, '127.0.0.1');
    const appUrl = `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
    const bare = new BareServer(url);
    await bare.listen();

    // Every statement the app sends through its DataSource, in order (for the bare replay).
    let recording: Statement[] | null = null;
    const typeormLogger = db.logger as { logQuery: (q: string, p?: unknown[]) => void };
    const original = typeormLogger.logQuery.bind(typeormLogger);
    typeormLogger.logQuery = (q: string, p?: unknown[]) => {
      recording?.push({ sql: q, params: p ?? [] });
      original(q, p);
    };
    const gql = async (query: string, variables?: Record<string, unknown>, token?: string) => {
      const res = await fetch(appUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: any; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const login = async (phone: string) =>
      (await gql(`mutation ($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { phone, password: 'demo1234' } })).login.accessToken as string;
    const cast = await castFor(db, Boolean(scale));
    const ctx: BenchContext = { gql, login, db, bare, appUrl, cast };

    // The machine's 1-minute load average, sampled through the run (other processes share the CPU: say how much).
    const loads: number[] = [loadavg()[0]];
    const sampler = setInterval(() => loads.push(loadavg()[0]), 5000);
    sampler.unref();
    const [{ n: volunteers }] = await db.query(`SELECT count(*)::int AS n FROM volunteers`);
    const [{ n: needs }] = await db.query(`SELECT count(*)::int AS n FROM needs`);
    const [{ n: postings }] = await db.query(`SELECT count(*)::int AS n FROM ledger_postings`);
    out(
      `data: ${scale ?? 'demo'} (${volunteers} volunteers, ${needs} needs, ${postings} postings); machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, ` +
        `Node ${process.version}; load ${CONCURRENCY} clients, ${WARMUP} s warm-up + ${SECONDS} s`,
    );
    out('');
    // The batch plan at the size of the data, before the write cases add needs: every open need under the cast's street (generated: the first district).
    const admin = await login('13100000001');
    const region = scale ? (await db.query(`SELECT id FROM regions WHERE level = 'DISTRICT' ORDER BY code LIMIT 1`))[0].id : cast.regionId;
    // Twice: the first on whatever the cache holds (cold after a restart), the second warm like a server in use.
    const planOnce = async () => {
      const t0 = performance.now();
      const result = await gql(
        `query ($r: ID!) { batchAssignment(regionId: $r, capacity: 2) { total optimal unassignedNeedIds assignments { needId } } }`,
        { r: region },
        admin,
      );
      return { plan: result, took: performance.now() - t0 };
    };
    const cold = await planOnce();
    const { plan, took } = await planOnce();
    const [{ open, vols }] = await db.query(
      `SELECT (SELECT count(*)::int FROM needs n WHERE n.status = 'OPEN' AND n.window_end > now() AND n.grid_path <@ r.path) AS open,
              (SELECT count(DISTINCT vr.volunteer_id)::int FROM volunteer_regions vr WHERE vr.path <@ r.path) AS vols FROM regions r WHERE r.id = $1`,
      [region],
    );
    out(
      `batch plan: ${Math.min(open, 1000)} open needs × ${vols} volunteers → ${plan.batchAssignment.assignments.length} assigned, optimal ${plan.batchAssignment.optimal}, ${took.toFixed(0)} ms warm, ${cold.took.toFixed(0)} ms first (goal ≤ 5 000 ms for 1 000 × 5 000)`,
    );
    out('');
    out(
      '| path | clients | app req/s | bare req/s | app/bare | app p50 / p95 / p99 ms | bare p50 / p95 / p99 ms | SQL statements | server CPU ms per request app / bare (bare/app) |',
    );
    out('|---|---|---|---|---|---|---|---|---|');
    const misses: string[] = [];
    const failures: string[] = [];
    const base = { seconds: SECONDS, warmupSeconds: WARMUP };
    const row = (name: string, clients: number, a: Measured, b: Measured, statements: string) => {
      const ratio = a.perSecond / b.perSecond;
      out(
        `| ${name} | ${clients} | ${a.perSecond.toFixed(0)} | ${b.perSecond.toFixed(0)} | ${(ratio * 100).toFixed(0)} % | ${ms(a.p50)} / ${ms(a.p95)} / ${ms(a.p99)} | ${ms(b.p50)} / ${ms(b.p95)} / ${ms(b.p99)} | ${statements} | ${a.cpuMs.toFixed(2)} / ${b.cpuMs.toFixed(2)} (${((b.cpuMs / a.cpuMs) * 100).toFixed(0)} %) |`,
      );
      for (const [side, r] of [
        ['app', a],
        ['bare', b],
      ] as const)
        if (r.errors > 0) out(`|   ↳ ${side}: ${r.errors} errors, first: ${r.firstError?.replace(/\|/g, '/').slice(0, 200)} | | | | | | | | |`);
      return ratio;
    };
    // BENCH_ONLY=transfers: only the cases whose name contains it.
    const only = process.env.BENCH_ONLY?.split(',');
    for (const c of benchmarks.filter((b) => !only || only.some((o) => b.name.includes(o)))) {
      if (c.kind === 'read') {
        const spec = await c.prepare(ctx);
        await gql(spec.query, spec.variables, spec.token);
        recording = [];
        await gql(spec.query, spec.variables, spec.token);
        const statements = recording;
        recording = null;
        const bareUrl = bare.replay(`r${benchmarks.indexOf(c)}`, statements);
        const appStep = {
          url: appUrl,
          headers: (spec.token ? { authorization: `Bearer ${spec.token}` } : {}) as Record<string, string>,
          body: JSON.stringify({ query: spec.query, variables: spec.variables }),
        };
        const bareStep = { url: bareUrl, body: '{}' };
        for (const clients of c.singleClient ? [CONCURRENCY, 1] : [CONCURRENCY]) {
          const a = await load({ ...base, concurrency: clients, steps: [appStep] }, tmp);
          const b = await load({ ...base, concurrency: clients, steps: [bareStep] }, tmp);
          const ratio = row(c.name, clients, a, b, String(statements.length));
          if (clients === CONCURRENCY && ratio < 0.5) misses.push(`${c.name}: ${(ratio * 100).toFixed(0)} % of bare (goal ≥ 50 %)`);
        }
      } else {
        const clients = c.concurrency ?? CONCURRENCY;
        const perWorker = Math.ceil(((SECONDS + WARMUP) * 400) / clients);
        const spec = await c.prepare(ctx, clients, perWorker);
        const a = await load({ ...base, concurrency: clients, cycle: c.cycle, ...spec.app }, tmp);
        const b = await load({ ...base, concurrency: clients, cycle: c.cycle, ...spec.bare }, tmp);
        const ofBare = row(c.name, clients, a, b, 'hand-written');
        const goals = c.goals ?? {};
        const goal = (label: string, value: number, target: number | undefined, unit: string) => {
          if (target === undefined) return;
          const met = value >= target;
          out(
            `|   ↳ ${label}: ${unit === '%' ? (value * 100).toFixed(0) + ' %' : value.toFixed(0) + ' ' + unit} (goal ≥ ${unit === '%' ? target * 100 + ' %' : target + ' ' + unit}, ${met ? 'met' : 'missed'}) | | | | | | | | |`,
          );
          if (!met)
            misses.push(
              `${c.name}: ${label} ${unit === '%' ? (value * 100).toFixed(0) + ' %' : value.toFixed(0)} (goal ≥ ${unit === '%' ? target * 100 + ' %' : target})`,
            );
        };
        goal('app/s', a.perSecond, goals.perSecond, 'req/s');
        goal('app/bare', ofBare, goals.ofBare, '%');
        if (c.reference) {
          const r = await load({ ...base, concurrency: clients, steps: [{ url: appUrl, body: JSON.stringify({ query: c.reference.query }) }] }, tmp);
          out(`| ${c.reference.name} | ${clients} | ${r.perSecond.toFixed(0)} | | | ${ms(r.p50)} / ${ms(r.p95)} / ${ms(r.p99)} | | | ${r.cpuMs.toFixed(2)} |`);
          goal(`app/${c.reference.query}`, a.perSecond / r.perSecond, goals.ofReference, '%');
        }
        if (c.scaling?.length) {
          // The same app side with fewer clients (each on its own pair): throughput should grow until the CPU is saturated.
          const curve: string[] = [];
          for (const n of c.scaling.filter((k) => k < clients)) {
            const s = await load({ ...base, concurrency: n, cycle: c.cycle, ...spec.app }, tmp);
            out(`| ${c.name} | ${n} | ${s.perSecond.toFixed(0)} | | | ${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)} | | app only | ${s.cpuMs.toFixed(2)} |`);
            if (s.errors > 0) out(`|   ↳ app: ${s.errors} errors, first: ${s.firstError?.replace(/\|/g, '/').slice(0, 200)} | | | | | | | | |`);
            curve.push(`${n}: ${s.perSecond.toFixed(0)}`);
          }
          curve.push(`${clients}: ${a.perSecond.toFixed(0)}`);
          out(`|   ↳ app/s by clients: ${curve.join(', ')} | | | | | | | | |`);
        }
        if (c.check) {
          const checked = await c.check(ctx);
          out(`|   ↳ after: ${checked.summary} | | | | | | | | |`);
          failures.push(...checked.problems.map((p) => `${c.name}: ${p}`));
        }
      }
    }
    clearInterval(sampler);
    loads.push(loadavg()[0]);
    out('');
    out(
      `machine load during the run (1-min load average on ${cpus().length} CPUs, sampled every 5 s): min ${Math.min(...loads).toFixed(1)}, median ${[...loads].sort((x, y) => x - y)[Math.floor(loads.length / 2)].toFixed(1)}, max ${Math.max(...loads).toFixed(1)}`,
    );
    if (misses.length) {
      out('');
      out(`goals missed: ${misses.join('; ')}`);
    }
    if (failures.length) {
      out('');
      out(`INVARIANTS FAILED: ${failures.join('; ')}`);
      process.exitCode = 1;
    }
    writeFileSync(join(process.cwd(), `bench-last-${scale ?? 'demo'}.md`), lines.join('\n') + '\n');
    await bare.close();
    await app.close();
  } finally {
    await server.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(String(err instanceof Error ? err.stack : err) + '\n');
  process.exit(1);
});
