/**
 * `npm run bench:stats`: a district's figures over a year (docs/statistics.md "Scale"). Loads BENCH_NEEDS needs
 * (default 200 000) spread over the demo district's grids and the last 365 days, each with its acceptance, claim and
 * confirmation events and a service record, rolls the finished days up, then prints how long `regionStats` for the
 * district over the year takes (rollup path) and how long the same facts take from the raw rows alone.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap.js';
import { logger } from '../../src/common/logging/logger.js';
import { loadConfig } from '../../src/config/config.js';
import { ensureDatabase, startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { seedDemoData } from '../../src/seed/demo-data.js';
import { StatisticsRepository } from '../../src/statistics/statistics.repository.js';
import { StatisticsService } from '../../src/statistics/statistics.service.js';
import { Actor } from '../../src/scope/actor.js';
import { ActorRepository } from '../../src/scope/actor.repository.js';

const NEEDS = Number(process.env.BENCH_NEEDS ?? 200_000);

async function main(): Promise<void> {
  logger.level = 'error';
  const dir = mkdtempSync(join(tmpdir(), 'wushe-stats-bench-'));
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dir: join(dir, 'pg'), password: randomBytes(8).toString('hex') });
  try {
    await ensureDatabase(server.adminUrl, 'bench');
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'test',
      DATA_DIR: dir,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'error',
      NEED_SCHEDULER_INTERVAL_SECONDS: '0',
    });
    const app = await createApp(config, server.urlFor('bench'));
    const db = app.get(DataSource);
    await seedDemoData(db, config);
    let t = Date.now();
    await db.query(
      `WITH g AS (SELECT array_agg(id ORDER BY code) AS ids, array_agg(path ORDER BY code) AS paths FROM regions WHERE level = 'GRID'),
            p AS (SELECT id FROM persons WHERE phone = '13800000001')
       INSERT INTO needs (title, category, urgency, status, beneficiary_id, posted_by, grid_id, grid_path, window_start, window_end, estimated_minutes,
                          accept_deadline, claim_deadline, created_at, rating)
       SELECT 'bench', (ARRAY['ELDERLY_CARE','REPAIR','MEAL_ASSISTANCE','HOUSEKEEPING'])[1 + i % 4], (ARRAY['NORMAL','URGENT'])[1 + i % 2]::need_urgency,
              'CANCELLED', p.id, p.id, g.ids[1 + i % cardinality(g.ids)], g.paths[1 + i % cardinality(g.ids)], now(), now() + interval '1 hour', 60, now(), now(),
              now() - (i % 365) * interval '1 day' - (i % 1440) * interval '1 minute', 1 + i % 5
         FROM generate_series(1, $1::int) i, g, p`,
      [NEEDS],
    );
    await db.query(
      `INSERT INTO need_events (need_id, action, from_status, to_status, at)
       SELECT id, a.action, a.f::need_status, a.t::need_status, created_at + a.after
         FROM needs n, (VALUES ('ACCEPT','SUBMITTED','ACCEPTED', interval '17 minutes'), ('CLAIM','OPEN','CLAIMED', interval '95 minutes'),
                               ('CONFIRM','COMPLETED','CONFIRMED', interval '5 hours')) a(action, f, t, after)
        WHERE n.title = 'bench'`,
    );
    await db.query(
      `INSERT INTO service_records (record_no, need_id, source, source_id, volunteer_id, volunteer_person_id, beneficiary_person_id, grid_id, community_id,
                                   title, category, started_at, ended_at, minutes, verifier_id, confirmed_at)
       SELECT 'B' || n.id, n.id, 'NEED', n.id, v.id, v.person_id, n.beneficiary_id, n.grid_id, g.parent_id, 'bench', n.category,
              n.created_at + interval '4 hours', n.created_at + interval '5 hours', 60, n.beneficiary_id, n.created_at + interval '5 hours'
         FROM needs n JOIN regions g ON g.id = n.grid_id, (SELECT id, person_id FROM volunteers ORDER BY created_at LIMIT 1) v WHERE n.title = 'bench'`,
    );
    await db.query(`ANALYZE`);
    console.log(`loaded ${NEEDS} needs with 3 events and a service record each in ${Date.now() - t} ms`);
    t = Date.now();
    const slices = await app.get(StatisticsService).rollUp();
    console.log(`rolled up ${slices} slices of ≤ 31 days in ${Date.now() - t} ms`);

    const [district] = await db.query(`SELECT id, path::text AS path FROM regions WHERE level = 'DISTRICT' ORDER BY code LIMIT 1`);
    const [admin] = await db.query(`SELECT id FROM persons WHERE phone = '13100000001'`);
    const actor = new Actor(admin.id, (await app.get(ActorRepository).grantsOf(admin.id))!);
    const to = new Date();
    const from = new Date(to.getTime() - 365 * 86400_000);
    const service = app.get(StatisticsService);
    await service.regionStats(actor, district.id, from, to); // warm
    t = Date.now();
    const s = await service.regionStats(actor, district.id, from, to);
    console.log(
      `regionStats(district, one year) with children and series: ${Date.now() - t} ms (needsPosted ${s.needsPosted}, minutesServed ${s.minutesServed})`,
    );
    const repo = app.get(StatisticsRepository);
    const { d0, d1 } = await repo.days(from, to);
    t = Date.now();
    await repo.rawFacts(district.path, d0, d1);
    console.log(`the same facts from the raw rows only: ${Date.now() - t} ms`);
    await app.close();
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
