/**
 * The load driver of `npm run bench`, a process of its own so that it does not take CPU from the server's event loop:
 * a closed loop with a fixed number of workers, each sending one iteration (one request, or a sequence such as
 * claim → start → complete → confirm) after the other; a warm-up first, then a measured window. Prints one JSON
 * line: iterations, throughput and the p50/p95/p99 latency of an iteration, and the errors seen.
 *
 * Usage: node client.js <spec.json>. A step's url, headers and body may hold `$KEY` placeholders filled, per worker
 * and iteration, from `perWorker[w][i]` (each entry used once: a worker stops when its list runs out; with `cycle`,
 * the list is used round and round). `$SEQ` is unique to each iteration of each run.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface Step {
  url: string;
  headers?: Record<string, string>;
  body: string;
}

export interface LoadSpec {
  concurrency: number;
  seconds: number;
  warmupSeconds: number;
  steps: Step[];
  perWorker?: Record<string, string>[][];
  cycle?: boolean;
}

export interface LoadResult {
  iterations: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  firstError: string | null;
  /** Iterations completed over the whole run, warm-up included (to divide the server's CPU time by). */
  total: number;
}

const fill = (s: string, vars: Record<string, string> | undefined) => (vars ? s.replace(/\$([A-Z_]+)/g, (m, k: string) => vars[k] ?? m) : s);

async function run(spec: LoadSpec): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let total = 0;
  let firstError: string | null = null;
  const start = Date.now();
  const measureFrom = start + spec.warmupSeconds * 1000;
  const end = measureFrom + spec.seconds * 1000;
  let measuredEnd = end;
  const cursor = new Array(spec.concurrency).fill(0);
  const runId = randomBytes(4).toString('hex');
  await Promise.all(
    Array.from({ length: spec.concurrency }, async (_, w) => {
      for (;;) {
        const now = Date.now();
        if (now >= end) return;
        let vars: Record<string, string> | undefined;
        if (spec.perWorker) {
          const list = spec.perWorker[w] ?? [];
          const i = cursor[w]++;
          vars = spec.cycle && list.length ? list[i % list.length] : list[i];
          if (!vars) {
            measuredEnd = Math.min(measuredEnd, now);
            return;
          }
          vars = { ...vars, SEQ: `${runId}-${w}-${i}` };
        }
        const t0 = performance.now();
        for (const step of spec.steps) {
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          for (const [k, v] of Object.entries(step.headers ?? {})) headers[k] = fill(v, vars);
          const res = await fetch(fill(step.url, vars), { method: 'POST', headers, body: fill(step.body, vars) });
          const text = await res.text();
          if (res.status !== 200 || text.includes('"errors"')) {
            errors++;
            firstError ??= `${res.status} ${text.slice(0, 300)}`;
          }
        }
        const ms = performance.now() - t0;
        total++;
        if (Date.now() > measureFrom && Date.now() <= end) latencies.push(ms);
      }
    }),
  );
  const seconds = Math.max(0.001, (Math.min(measuredEnd, end) - measureFrom) / 1000);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : NaN);
  return { iterations: latencies.length, seconds, perSecond: latencies.length / seconds, p50: pct(50), p95: pct(95), p99: pct(99), errors, firstError, total };
}

if (process.argv[1]?.endsWith('client.js')) {
  const spec = JSON.parse(readFileSync(process.argv[2], 'utf8')) as LoadSpec;
  run(spec).then(
    (r) => process.stdout.write(JSON.stringify(r) + '\n'),
    (err) => {
      process.stderr.write(String(err instanceof Error ? err.stack : err) + '\n');
      process.exit(1);
    },
  );
}
