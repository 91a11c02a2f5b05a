/**
 * `npm run generate -- --scale district|city|full [--seed N] [--anchor YYYY-MM-DD]`: builds a city (docs/city-scale.md)
 * into DATABASE_URL, or into the embedded PostgreSQL under DATA_DIR (default `.data/city`, apart from the app's
 * `.data`), migrating it first with the app's migrations. The database must hold no regions yet.
 */
import 'reflect-metadata';
import { SingleBar } from 'cli-progress';
import { join } from 'node:path';
import pg from 'pg';
import { hashPassword } from '../auth/password.js';
import { loadConfig, loadDevSecrets } from '../config/config.js';
import { closeDatabase, openDatabase } from '../database/data-source.js';
import { ensureDatabase, startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { DEMO_PASSWORD } from '../seed/demo-data.js';
import { generateCity, PHASES } from './city.js';
import { SCALES, Scale } from './scales.js';

export interface GenerateArgs {
  scale: Scale;
  seed: number;
  anchor: Date;
}

export function parseArgs(argv: string[], today = new Date()): GenerateArgs {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  };
  const scaleName = get('scale') ?? 'district';
  const scale = SCALES[scaleName as Scale['name']];
  if (!scale) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  const seed = Number(get('seed') ?? 1);
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a non-negative integer');
  // The anchor: midnight in Asia/Shanghai of the given day (default today there).
  const day = get('anchor') ?? new Date(today.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error('--anchor must be YYYY-MM-DD');
  return { scale, seed, anchor: new Date(`${day}T00:00:00+08:00`) };
}

/** Generates into `url` (migrating first) and returns the counts and the seconds it took. */
export async function generateInto(url: string, args: GenerateArgs, piiKey: Buffer, onProgress: (phase: string, fraction: number) => void = () => undefined) {
  const started = Date.now();
  const ds = await openDatabase(url);
  await closeDatabase(ds);
  const client = new pg.Client({ connectionString: url, application_name: 'wushe-generate' });
  await client.connect();
  try {
    const total = PHASES.reduce((s, [, w]) => s + w, 0);
    const before = new Map<string, number>();
    let acc = 0;
    for (const [name, w] of PHASES) {
      before.set(name, acc);
      acc += w;
    }
    const counts = await generateCity(client, {
      ...args,
      piiKey,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      progress: (phase, f) => onProgress(phase, (before.get(phase)! + f * PHASES.find(([n]) => n === phase)![1]) / total),
    });
    const [{ size }] = (await client.query<{ size: number }>(`SELECT pg_database_size(current_database())::float8 AS size`)).rows;
    return { counts, seconds: (Date.now() - started) / 1000, bytes: size };
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig({ ...process.env, DATA_DIR: process.env.DATA_DIR ?? '.data/city' });
  let url = config.databaseUrl;
  let stop: (() => Promise<void>) | undefined;
  if (!url) {
    // Fewer checkpoints while tens of GB are written (each one flushes everything and restarts full-page writes); the
    // app's own later starts of this cluster use the defaults again.
    const server = await startEmbeddedPostgres({
      dir: join(config.dataDir, 'pg'),
      password: loadDevSecrets(config.dataDir).embeddedDbPassword,
      settings: { max_wal_size: '4GB', checkpoint_timeout: '30min' },
    });
    await ensureDatabase(server.adminUrl, 'timebank');
    url = server.urlFor('timebank');
    stop = server.stop;
  }
  process.stdout.write(
    `generating scale ${args.scale.name}, seed ${args.seed}, anchor ${args.anchor.toISOString()} into ${config.databaseUrl ? 'DATABASE_URL' : config.dataDir}\n`,
  );
  const bar = new SingleBar({
    format: '{bar} {percentage}% | ETA {eta_formatted} | elapsed {duration_formatted} | {phase}',
    etaBuffer: 50,
    fps: 5,
    hideCursor: true,
  });
  bar.start(1000, 0, { phase: 'migrating' });
  const timings: [string, number][] = [['migrating', Date.now()]];
  try {
    const r = await generateInto(url, args, config.piiKey, (phase, f) => {
      if (timings[timings.length - 1][0] !== phase) timings.push([phase, Date.now()]);
      bar.update(Math.round(f * 1000), { phase });
    });
    bar.update(1000, { phase: 'done' });
    bar.stop();
    for (const [t, n] of Object.entries(r.counts)) process.stdout.write(`${t.padEnd(22)} ${n.toLocaleString('en-US').padStart(12)}\n`);
    timings.push(['end', Date.now()]);
    process.stdout.write(
      `phases: ${timings
        .slice(0, -1)
        .map(([p, t], i) => `${p} ${((timings[i + 1][1] - t) / 1000).toFixed(1)} s`)
        .join(', ')}\n`,
    );
    process.stdout.write(`took ${r.seconds.toFixed(0)} s; database size ${(r.bytes / 1024 ** 3).toFixed(2)} GiB\n`);
    process.stdout.write(`every generated person logs in with phone 17xxxxxxxxx (17 + 9-digit index) and password ${DEMO_PASSWORD}\n`);
  } finally {
    bar.stop();
    if (stop) await stop();
  }
}

if (process.argv[1]?.endsWith('generate.js')) {
  main().catch((err) => {
    process.stderr.write(`\n${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
