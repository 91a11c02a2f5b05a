/**
 * `npm run bench:stats`: a district's figures over a year on a generated district (docs/statistics.md "Scale").
 *
 * It opens the generated city under STATS_BENCH_DATA_DIR (default `.data/district`, its own data dir apart from
 * the app's `.data` and the city's `.data/city`) — generating one district there first if the directory holds
 * none (`npm run generate -- --scale district` does the same) — starts the app on it (migrating, no demo data),
 * rolls the finished days up, and prints, for the district over the last 365 days (with its children and monthly
 * series): `regionStats` through the service and over HTTP GraphQL, `publicRegionStats` over HTTP without a
 * login, the CSV export over HTTP; `regionStats` over the last calendar year and this year so far; and the same
 * facts from the raw rows alone, checked cell by cell against the rollups. Each time is the median of RUNS runs
 * after one warm-up run.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap.js';
import { logger } from '../../src/common/logging/logger.js';
import { loadConfig, loadDevSecrets } from '../../src/config/config.js';
import { ensureDatabase, startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { generateInto, parseArgs } from '../../src/generate/generate.js';
import { DEMO_PASSWORD } from '../../src/seed/demo-data.js';
import { Actor } from '../../src/scope/actor.js';
import { ActorRepository } from '../../src/scope/actor.repository.js';
import { operations } from '../../src/statistics/figures.js';
import { Facts, StatisticsRepository } from '../../src/statistics/statistics.repository.js';
import { StatisticsService } from '../../src/statistics/statistics.service.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const FIELDS = `month volunteersActive needsPosted needsClosed needsCancelled needsExpired minutesServed minutesBanked minutesTransferred minutesDonated
  medianMinutesToAccept medianMinutesToClaim onTimeRate satisfactionRate escalations noShows visitsDue visitsDone visitsMissed`;
const ALL = `${FIELDS} region { code name } volunteersRegistered ratings visitRate needsByCategory { category urgency posted closed }
  projectsByStatus { status count } indicators { code value target met numerator denominator } series { ${FIELDS} }`;

async function timed<T>(what: () => Promise<T>): Promise<{ ms: number; value: T }> {
  let value = await what(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    value = await what();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { ms: Math.round(times[Math.floor(times.length / 2)]), value };
}

async function main(): Promise<void> {
  logger.level = 'error';
  const dataDir = resolve(process.env.STATS_BENCH_DATA_DIR ?? '.data/district');
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'error',
    NEED_SCHEDULER_INTERVAL_SECONDS: '0',
    // Each timed query costs 1000 of the 20 000 points a minute an actor or address may spend (docs/security.md).
    RATE_LIMIT_POINTS: '100000000',
  });
  const fresh = !existsSync(join(dataDir, 'pg'));
  const server = await startEmbeddedPostgres({ dir: join(dataDir, 'pg'), password: loadDevSecrets(dataDir).embeddedDbPassword });
  try {
    await ensureDatabase(server.adminUrl, 'timebank');
    const url = server.urlFor('timebank');
    if (fresh) {
      process.stdout.write(`no generated city in ${dataDir}: generating one district (a few minutes) …\n`);
      const r = await generateInto(url, parseArgs(['--scale', 'district']), config.piiKey);
      process.stdout.write(`generated in ${r.seconds.toFixed(0)} s\n`);
    }
    const app = await createApp(config, url);
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const db = app.get(DataSource);
    const [counts] = await db.query(
      `SELECT (SELECT count(*) FROM needs)::int AS needs, (SELECT count(*) FROM need_events)::int AS events,
              (SELECT count(*) FROM service_records)::int AS records, (SELECT count(*) FROM ledger_postings)::int AS postings`,
    );
    process.stdout.write(
      `data: ${dataDir} — ${counts.needs} needs, ${counts.events} need events, ${counts.records} service records, ${counts.postings} ledger postings\n`,
    );

    const t = Date.now();
    const slices = await app.get(StatisticsService).rollUp();
    process.stdout.write(`rolled up ${slices} steps (day slices of ≤ 31 days and months) in ${Date.now() - t} ms (0 when an earlier run rolled them up)\n`);

    // A district admin for the bench: the first street's admin, also granted the district (idempotent).
    const [district] = await db.query(`SELECT id, code, name, path::text AS path FROM regions WHERE level = 'DISTRICT' ORDER BY code LIMIT 1`);
    const [admin] = await db.query(
      `SELECT p.id, p.phone FROM role_grants g JOIN persons p ON p.id = g.person_id WHERE g.role = 'STREET_ADMIN' AND g.revoked_at IS NULL
        ORDER BY p.phone LIMIT 1`,
    );
    await db.query(
      `INSERT INTO role_grants (person_id, role, region_id) SELECT $1, 'STREET_ADMIN', $2
        WHERE NOT EXISTS (SELECT 1 FROM role_grants WHERE person_id = $1 AND role = 'STREET_ADMIN' AND region_id = $2 AND revoked_at IS NULL)`,
      [admin.id, district.id],
    );
    const actor = new Actor(admin.id, (await app.get(ActorRepository).grantsOf(admin.id))!);
    const post = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data!;
    };
    const { login } = await post(`mutation ($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { phone: admin.phone, password: DEMO_PASSWORD } });
    const token: string = login.accessToken;

    const to = new Date();
    const from = new Date(to.getTime() - 365 * 86400_000);
    const vars = { r: district.id, f: from.toISOString(), t: to.toISOString() };
    const service = app.get(StatisticsService);
    process.stdout.write(
      `district ${district.code} ${district.name}, ${from.toISOString().slice(0, 10)} … ${to.toISOString().slice(0, 10)}, median of ${RUNS} runs:\n`,
    );

    const svc = await timed(() => service.regionStats(actor, district.id, from, to));
    const s = svc.value;
    process.stdout.write(
      `  regionStats (service, with ${s.children.length} children and ${s.series.length} months): ${svc.ms} ms — needsPosted ${s.needsPosted}, needsClosed ${s.needsClosed}, minutesServed ${s.minutesServed}, minutesBanked ${s.minutesBanked}\n`,
    );
    const gql = await timed(() =>
      post(`query ($r: ID!, $f: DateTime!, $t: DateTime!) { regionStats(regionId: $r, from: $f, to: $t) { ${ALL} children { ${ALL} } } }`, vars, token),
    );
    process.stdout.write(`  regionStats (HTTP GraphQL, every field, children and series): ${gql.ms} ms\n`);
    const pub = await timed(() =>
      post(
        `query ($r: ID!, $f: DateTime!, $t: DateTime!) { publicRegionStats(regionId: $r, from: $f, to: $t) { suppressed ${ALL} children { ${ALL} } } }`,
        vars,
      ),
    );
    process.stdout.write(`  publicRegionStats (HTTP GraphQL, no login): ${pub.ms} ms — suppressed ${pub.value.publicRegionStats.suppressed ?? false}\n`);
    const csvUrl = `${base}/export/region-stats.csv?regionId=${district.id}&from=${encodeURIComponent(vars.f)}&to=${encodeURIComponent(vars.t)}`;
    const csv = await timed(async () => {
      const res = await fetch(csvUrl, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`CSV: HTTP ${res.status}`);
      return (await res.arrayBuffer()).byteLength;
    });
    process.stdout.write(`  CSV export (HTTP): ${csv.ms} ms — ${csv.value} bytes\n`);
    // A calendar year (the last whole one: whole months only, all from the monthly rollup) and this year so far.
    const year = new Date(to.getTime() + 8 * 3600_000).getUTCFullYear();
    for (const [label, f, t] of [
      [`calendar year ${year - 1}`, new Date(`${year - 1}-01-01T00:00:00+08:00`), new Date(`${year}-01-01T00:00:00+08:00`)],
      [`${year} so far`, new Date(`${year}-01-01T00:00:00+08:00`), to],
    ] as const) {
      const cal = await timed(() => service.regionStats(actor, district.id, f, t));
      const calHttp = await timed(() =>
        post(
          `query ($r: ID!, $f: DateTime!, $t: DateTime!) { regionStats(regionId: $r, from: $f, to: $t) { ${ALL} children { ${ALL} } } }`,
          {
            r: district.id,
            f: f.toISOString(),
            t: t.toISOString(),
          },
          token,
        ),
      );
      process.stdout.write(
        `  ${label}: regionStats (service) ${cal.ms} ms, over HTTP every field ${calHttp.ms} ms — ${cal.value.series.length} months, needsPosted ${cal.value.needsPosted}\n`,
      );
    }
    const repo = app.get(StatisticsRepository);
    const { d0, d1 } = await repo.days(from, to);
    // From the raw rows a city district's year takes longer than a request may (DB_STATEMENT_TIMEOUT_MS): a batch question.
    const raw = await timed(() =>
      db.transaction(async (m) => {
        await m.query(`SET LOCAL statement_timeout = 0`);
        return repo.rawFacts(district.path, d0, d1, m);
      }),
    );
    process.stdout.write(`  the same facts from the raw rows only (no rollup): ${raw.ms} ms\n`);
    // At scale, the rollups (monthly, daily and raw parts) and the raw rows must give the same figures in every cell.
    const rolled = await db.transaction('REPEATABLE READ', async (m) => {
      await repo.reportSettings(m);
      return repo.facts(m, district.path, d0, d1);
    });
    const differing = differences(rolled, raw.value);
    if (differing.cells === 0 || differing.first) throw new Error(`rollup ≠ raw rows: ${differing.first ?? 'no cells'}`);
    process.stdout.write(`  rollup = raw rows in all ${differing.cells} cells (the district and each street, the period and each month)\n`);
    await app.close();
  } finally {
    await server.stop();
  }
}

/** Compares the operational figures of every cell (region or child × period or month) of two reads. */
function differences(a: Facts, b: Facts): { cells: number; first?: string } {
  const children = [...new Set([...a.sums, ...b.sums].map((f) => f.child))];
  const months = [null, ...new Set([...a.sums, ...b.sums].map((f) => f.month).filter((mo) => mo !== null))];
  const cell = (f: Facts, child: string | null, whole: boolean, month: string | null) =>
    JSON.stringify(
      operations({
        sums: f.sums.filter((s) => s.whole === whole && (whole || s.child === child) && s.month === month),
        histograms: f.histograms.filter((h) => (whole || h.child === child) && (month === null || h.month === month)),
      }),
    );
  let cells = 0;
  for (const [child, whole] of [[null, true] as const, ...children.map((c) => [c, false] as const)])
    for (const month of months) {
      cells++;
      if (cell(a, child, whole, month) !== cell(b, child, whole, month)) return { cells, first: `${child ?? 'region'} ${month ?? 'period'}` };
    }
  return { cells };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
