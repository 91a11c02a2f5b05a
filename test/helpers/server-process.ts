import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/database/embedded-postgres.js';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/**
 * Servers still running when a test file ends (a failed assertion skipped the test's own stop) are killed, so that
 * no child process keeps the Jest worker alive ("A worker process has failed to exit gracefully").
 */
const live = new Set<ChildProcess>();
afterAll(async () => {
  await Promise.all(
    [...live].map(async (child) => {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM'); // lets a server with embedded PostgreSQL stop its database too
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await gone;
      clearTimeout(timer);
    }),
  );
});

/**
 * Runs the built server (`node dist/src/main.js`, as `npm start` does after building) in a child process with
 * `env`, and resolves once it listens. `npm test` builds before Jest runs, so dist/ is current.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = env.PORT ?? String(await freePort());
  // A DATA_DIR of its own unless the test gives one; removed when the process has exited.
  const ownDataDir = env.DATA_DIR ? null : mkdtempSync(join(tmpdir(), 'wushe-srv-'));
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH!,
      NODE_ENV: 'test',
      ...(ownDataDir ? { DATA_DIR: ownDataDir } : {}),
      TOKEN_SECRET: process.env.TOKEN_SECRET!,
      PII_KEY: process.env.PII_KEY!,
      ...env,
      PORT: port,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  live.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      live.delete(child);
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
      resolve(code);
    }),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`server did not start:\n${out}`));
    }, 60_000);
    const check = () => {
      if (out.includes('"msg":"listening"')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return { child, url: `http://127.0.0.1:${port}`, output: () => out, exited };
}
