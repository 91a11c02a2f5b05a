/**
 * `npm run bench`: throughput of representative operations, each printed as a ratio against a baseline measured
 * in the same run on the same machine (a trivial `{ __typename }` query through the whole HTTP + GraphQL stack).
 * Uses its own embedded PostgreSQL in a temporary directory, so nothing else is touched.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import { createApp } from '../../src/bootstrap.js';
import { logger } from '../../src/common/logging/logger.js';
import { loadConfig } from '../../src/config/config.js';
import { ensureDatabase, startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { seedDemoData } from '../../src/seed/demo-data.js';
import { DataSource } from 'typeorm';
import { benchmarks } from './cases.js';
import { benchLedgerTransfers } from './ledger-transfer.js';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
async function measure(run) {
    const deadline = Date.now() + SECONDS * 1000;
    let done = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
        while (Date.now() < deadline) {
            await run();
            done++;
        }
    }));
    return done / SECONDS;
}
async function main() {
    logger.level = 'error';
    const dir = mkdtempSync(join(tmpdir(), 'wushe-bench-'));
    chmodSync(dir, 0o755); // as root, PostgreSQL runs as the postgres user and must reach its data dir
    const server = await startEmbeddedPostgres({ dir: join(dir, 'pg'), password: randomBytes(8).toString('hex') });
    try {
        await ensureDatabase(server.adminUrl, 'bench');
        const config = loadConfig({ ...process.env, NODE_ENV: 'test', DATA_DIR: dir, SEED_DEMO: 'false', LOG_LEVEL: 'error', GRAPHQL_MAX_COMPLEXITY: '100000' });
        const app = await createApp(config, server.urlFor('bench'));
        await seedDemoData(app.get(DataSource), config);
        await app.listen(0, '127.0.0.1');
        const url = `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
        const call = async (query, variables, token) => {
            const res = await fetch(url, {
                method: 'POST',
                headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
                body: JSON.stringify({ query, variables }),
            });
            const body = (await res.json());
            if (body.errors)
                throw new Error(JSON.stringify(body.errors));
            return body;
        };
        await measure(() => call('{ __typename }')); // warm-up
        const baseline = await measure(() => call('{ __typename }'));
        process.stdout.write(`baseline { __typename }: ${baseline.toFixed(0)} req/s (${CONCURRENCY} concurrent, ${SECONDS}s each)\n`);
        // BENCH_ONLY=transfers runs only the ledger transfer case (test/bench/ledger-transfer.ts).
        for (const b of process.env.BENCH_ONLY === 'transfers' ? [] : benchmarks) {
            const run = await b.prepare(call, app.get(DataSource));
            const rate = await measure(run);
            process.stdout.write(`${b.name.padEnd(58)} ${rate.toFixed(0).padStart(7)} req/s  ratio ${(rate / baseline).toFixed(3)}\n`);
        }
        if (!(await benchLedgerTransfers(call, app.get(DataSource))))
            process.exitCode = 1;
        await app.close();
    }
    finally {
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
    }
}
main().catch((err) => {
    process.stderr.write(String(err instanceof Error ? err.stack : err) + '\n');
    process.exit(1);
});
//# sourceMappingURL=run.js.map