import { randomUUID } from 'node:crypto';
import { inTransaction } from './bare.js';
import type { WriteCase } from './cases.js';

/**
 * claim → start → complete → confirm (with its EARN) of one need, four HTTP requests per iteration on both sides.
 * Setup by SQL in the demo community A1: one bench volunteer per worker (approved, skill 助老陪护, available all week,
 * an open time-bank account) and, per worker and iteration, an OPEN need of 王秀英 starting in 20 minutes (so that
 * the service may start at once). The bare side is the same work as hand-written transactions: lock the need,
 * update it, append the event; the confirmation also writes the service record, the volunteer's statistics and
 * the EARN (accounts locked in id order, then `ledger_append`, as the ledger does: format 3, docs/ledger.md).
 */
export const claimConfirmCycle: WriteCase = {
  kind: 'write',
  name: 'claim → start → complete → confirm (+EARN)',
  concurrency: 8,
  async prepare({ db, login, bare, appUrl }, workers, perWorker) {
    const one = async (sql: string, p: unknown[] = []) => (await db.query(sql, p))[0];
    const { a1, grid, street, path } = await one(
      `SELECT c.id AS a1, g.id AS grid, c.parent_id AS street, g.path::text AS path FROM regions c JOIN regions g ON g.parent_id = c.id WHERE c.code = '320102002001' ORDER BY g.code LIMIT 1`,
    );
    const { id: wang } = await one(`SELECT id FROM persons WHERE phone = '13800000001'`);
    const { id: sunLi } = await one(`SELECT id FROM persons WHERE phone = '13600000001'`);
    const { password_hash: hash } = await one(`SELECT password_hash FROM persons WHERE phone = '13900000001'`);
    await db.query(
      `INSERT INTO ledger_accounts (kind, region_id, floor_minutes) VALUES ('ISSUANCE', $1, NULL), ('COMMUNITY_POOL', $2, 0) ON CONFLICT DO NOTHING`,
      [street, a1],
    );
    const volunteers: { person: string; volunteer: string; phone: string }[] = [];
    for (let w = 0; w < workers; w++) {
      const phone = `1990000${String(w).padStart(4, '0')}`;
      let row = await one(`SELECT p.id AS person, v.id AS volunteer FROM persons p JOIN volunteers v ON v.person_id = p.id WHERE p.phone = $1`, [phone]);
      if (!row) {
        const { id: person } = await one(
          `INSERT INTO persons (name, phone, password_hash, birth_date, grid_id) VALUES ($1, $2, $3, '1985-05-05', $4) RETURNING id`,
          [`压测志愿者${w}`, phone, hash, grid],
        );
        const { id: volunteer } = await one(
          `INSERT INTO volunteers (person_id, community_id, status, is_vetted, latitude, longitude) VALUES ($1, $2, 'APPROVED', true, 32.0601, 118.7968) RETURNING id`,
          [person, a1],
        );
        await db.query(`INSERT INTO volunteer_regions (volunteer_id, region_id, path) SELECT $1, id, path FROM regions WHERE id = $2`, [volunteer, a1]);
        await db.query(`INSERT INTO volunteer_skills (volunteer_id, skill) VALUES ($1, '助老陪护')`, [volunteer]);
        await db.query(
          `INSERT INTO volunteer_availability (volunteer_id, weekday, start_minute, end_minute) SELECT $1, d, 0, 1440 FROM generate_series(1, 7) d`,
          [volunteer],
        );
        await db.query(`INSERT INTO volunteer_stats (volunteer_id) VALUES ($1)`, [volunteer]);
        await db.query(`INSERT INTO role_grants (person_id, role, region_id) VALUES ($1, 'VOLUNTEER', $2), ($1, 'RESIDENT', $3)`, [person, a1, grid]);
        await db.query(`INSERT INTO ledger_accounts (kind, person_id, region_id) VALUES ('PERSON', $1, $2)`, [person, a1]);
        row = { person, volunteer };
      }
      volunteers.push({ ...row, phone });
    }
    const needs = async () => {
      const ids: string[] = (
        await db.query(
          `INSERT INTO needs (title, category, status, beneficiary_id, posted_by, grid_id, grid_path, latitude, longitude, window_start, window_end, estimated_minutes,
                            required_skills, accept_deadline, claim_deadline, accepted_by, accepted_at, published_at)
         SELECT '压测：陪同散步', 'ELDERLY_CARE', 'OPEN', $1, $1, $2, $3::ltree, 32.0602, 118.7969, now() + interval '20 minutes', now() + interval '80 minutes', 60,
                '{助老陪护}', now() + interval '1 day', now() + interval '2 days', $4, now(), now()
           FROM generate_series(1, $5) RETURNING id`,
          [wang, grid, path, sunLi, workers * perWorker],
        )
      ).map((r: { id: string }) => r.id);
      return volunteers.map((_, w) => ids.slice(w * perWorker, (w + 1) * perWorker));
    };
    const beneficiary = await login('13800000001');
    const tokens = await Promise.all(volunteers.map((v) => login(v.phone)));
    const gql = (query: string, token: string) => ({
      url: `${appUrl}`,
      headers: { authorization: `Bearer $${token}` },
      body: JSON.stringify({ query, variables: { id: '$NEED' } }),
    });
    const appNeeds = await needs();
    const bareNeeds = await needs();

    const step = (name: string) => ({
      url: bare.handle(name, BARE[name]),
      body: '{"need":"$NEED","volunteer":"$VOLUNTEER","person":"$PERSON","confirmer":"$CONFIRMER","street":"$STREET","community":"$COMMUNITY"}',
    });
    return {
      app: {
        steps: [
          gql(`mutation ($id: ID!) { claimNeed(id: $id) { id status } }`, 'VTOKEN'),
          gql(`mutation ($id: ID!) { startService(id: $id) { id status } }`, 'VTOKEN'),
          gql(`mutation ($id: ID!) { completeService(id: $id, minutes: 15) { id status } }`, 'VTOKEN'),
          gql(`mutation ($id: ID!) { confirmService(id: $id, rating: 5) { id status } }`, 'BTOKEN'),
        ],
        perWorker: appNeeds.map((ids, w) => ids.map((NEED) => ({ NEED, VTOKEN: tokens[w], BTOKEN: beneficiary }))),
      },
      bare: {
        steps: ['claim', 'start', 'complete', 'confirm'].map(step),
        perWorker: bareNeeds.map((ids, w) =>
          ids.map((NEED) => ({ NEED, VOLUNTEER: volunteers[w].volunteer, PERSON: volunteers[w].person, CONFIRMER: wang, STREET: street, COMMUNITY: a1 })),
        ),
      },
    };
  },
};

type Body = { need: string; volunteer: string; person: string; confirmer: string; street: string; community: string };

/** One transition by hand: lock the need, check its state, update it, append the event. */
const transition =
  (from: string, to: string, action: string, set: string, withVolunteer = false) =>
  async (pool: import('pg').Pool, b: Body) =>
    inTransaction(pool, async (c) => {
      const { rows } = await c.query(`SELECT status FROM needs WHERE id = $1 FOR UPDATE`, [b.need]);
      if (rows[0]?.status !== from) throw new Error(`need is ${rows[0]?.status}, not ${from}`);
      await c.query(`UPDATE needs SET status = '${to}', ${set}, updated_at = now() WHERE id = $1`, withVolunteer ? [b.need, b.volunteer] : [b.need]);
      await c.query(`INSERT INTO need_events (need_id, action, from_status, to_status, actor_id) VALUES ($1, '${action}', '${from}', '${to}', $2)`, [
        b.need,
        b.person,
      ]);
      return { id: b.need, status: to };
    });

const BARE: Record<string, (pool: import('pg').Pool, body: any) => Promise<unknown>> = {
  claim: transition('OPEN', 'CLAIMED', 'CLAIM', `claimed_by = $2, claimed_at = now()`, true),
  start: transition('CLAIMED', 'IN_SERVICE', 'START', `started_at = now()`),
  complete: transition('IN_SERVICE', 'COMPLETED', 'COMPLETE', `completed_at = now(), service_minutes = 15, auto_confirm_at = now() + interval '72 hours'`),
  confirm: async (pool, b: Body) =>
    inTransaction(pool, async (c) => {
      const { rows } = await c.query(
        `SELECT n.status, n.title, n.category, n.grid_id, n.started_at, n.completed_at, n.service_minutes FROM needs n WHERE n.id = $1 FOR UPDATE`,
        [b.need],
      );
      const n = rows[0];
      if (n?.status !== 'COMPLETED') throw new Error('need is not COMPLETED');
      await c.query(`UPDATE needs SET status = 'CONFIRMED', confirmed_at = now(), confirmed_by = $2, rating = 5, updated_at = now() WHERE id = $1`, [
        b.need,
        b.confirmer,
      ]);
      await c.query(`INSERT INTO need_events (need_id, action, from_status, to_status, actor_id) VALUES ($1, 'CONFIRM', 'COMPLETED', 'CONFIRMED', $2)`, [
        b.need,
        b.confirmer,
      ]);
      await c.query(
        `UPDATE volunteer_stats SET completed_count = completed_count + 1, rating_sum = rating_sum + 5, rating_count = rating_count + 1,
                       verified_minutes = verified_minutes + $2, last_served_at = now() WHERE volunteer_id = $1`,
        [b.volunteer, n.service_minutes],
      );
      const { rows: rec } = await c.query(
        `INSERT INTO service_records (record_no, need_id, source, source_id, volunteer_id, volunteer_person_id, beneficiary_person_id, grid_id, community_id, title, category,
                                      started_at, ended_at, minutes, verifier_id, confirmed_at)
         VALUES ('FW' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('service_record_no_seq')::text, 6, '0'), $1, 'NEED', $1, $2, $3, $4, $5, $6, $7, '养老助老',
                 $8, $9, $10, $4, now()) RETURNING id`,
        [b.need, b.volunteer, b.person, b.confirmer, n.grid_id, b.community, n.title, n.started_at, n.completed_at, n.service_minutes],
      );
      await bareEarn(c, b, rec[0].id, n.service_minutes, n.title);
      return { id: b.need, status: 'CONFIRMED' };
    }),
};

/** The EARN by hand, as the ledger writes format 3: lock the two accounts in id order, then one `ledger_append` (content hash, entry, postings linked to each account's chain). */
async function bareEarn(c: import('pg').PoolClient, b: Body, recordId: string, minutes: number, title: string): Promise<void> {
  const { rows: accounts } = await c.query(
    `SELECT id, kind FROM ledger_accounts WHERE (kind = 'ISSUANCE' AND region_id = $1) OR (kind = 'PERSON' AND person_id = $2) ORDER BY id FOR UPDATE`,
    [b.street, b.person],
  );
  const issuance = accounts.find((a) => a.kind === 'ISSUANCE');
  const mine = accounts.find((a) => a.kind === 'PERSON');
  await c.query(
    `SELECT ledger_append($1, 'EARN', $2, $3, 'SERVICE_RECORD', $4, NULL, NULL, $5, NULL, NULL, now(), $6::uuid[], $7::bigint[], ARRAY[0, 0]::bigint[])`,
    [randomUUID(), b.community, title, recordId, b.confirmer, [issuance.id, mine.id], [-minutes, minutes]],
  );
}
