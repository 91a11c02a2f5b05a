/**
 * Transfer throughput (docs/ledger.md "Throughput"): `transferMinutes` through GraphQL with 32 closed-loop clients,
 * each on its own pair of accounts (no two clients share an account), against, in the same run and on the same
 * database, (a) the bare side: the same transfer as one SQL call (`SELECT ledger_transfer(...)`, autocommit) on the
 * bare Fastify route, and (b) the reference: `{ __typename }` through the same server with the same clients.
 * Afterwards `check` proves the invariants: balances sum to 0, no account below its floor, `verifyLedger` ok.
 */
import { randomUUID } from 'node:crypto';
import { LedgerRepository } from '../../src/time-bank/ledger.repository.js';
import { DEFAULT_POLICY } from '../../src/time-bank/time-bank-policy.js';
import { VerifyLedgerService } from '../../src/time-bank/verify-ledger.service.js';
import type { WriteCase } from './cases.js';

const CLIENTS = Number(process.env.BENCH_TRANSFER_CLIENTS ?? 32);
const TRANSFER = `mutation ($i: TransferMinutesInput!) { transferMinutes(input: $i) { id } }`;

/** The policy defaults as `ledger_transfer` takes them (time-bank.service.ts passes the same). */
const DEFAULTS = JSON.stringify({
  balance_cap_minutes: DEFAULT_POLICY.balanceCapMinutes,
  relatives_only: DEFAULT_POLICY.relativesOnly,
  group_hours_donate_only: DEFAULT_POLICY.groupHoursDonateOnly,
  daily_transfer_cap_minutes: DEFAULT_POLICY.dailyTransferCapMinutes,
  yearly_transfer_cap_minutes: DEFAULT_POLICY.yearlyTransferCapMinutes,
});

export const ledgerTransfers: WriteCase = {
  kind: 'write',
  name: 'transfers: transferMinutes, disjoint account pairs',
  concurrency: CLIENTS,
  // Each worker alternates the direction of its pair (so that no balance runs dry); `$SEQ` keeps every idempotency key new.
  cycle: true,
  reference: { name: '{ __typename } (same server, same clients)', query: '{ __typename }' },
  goals: { perSecond: 1000, ofBare: 0.25, ofReference: 0.35 },
  scaling: [1, 4, 8, 16],
  async prepare({ db, gql, login, bare, appUrl }, workers) {
    // Gifts between any members and caps out of the way: what is measured is the ledger write, not the policy's refusals.
    const admin = await login('13100000001');
    const [{ id: province }] = await db.query(`SELECT id FROM regions WHERE parent_id IS NULL ORDER BY code LIMIT 1`);
    await gql(
      `mutation ($r: ID!) { setTimeBankPolicy(regionId: $r, input: { relativesOnly: false, dailyTransferCapMinutes: 90000, yearlyTransferCapMinutes: 1000000 }) { relativesOnly } }`,
      { r: province },
      admin,
    );
    // 2 × workers members in the first grids, with the demo password, each account funded with 100 hours.
    await db.query(
      `INSERT INTO persons (name, phone, grid_id, password_hash)
       SELECT '转赠测试' || g, '140' || lpad(g::text, 8, '0'), (SELECT id FROM regions WHERE level = 'GRID' ORDER BY code OFFSET (g % 4) LIMIT 1),
              (SELECT password_hash FROM persons WHERE phone = '13900000001')
         FROM generate_series(1, $1::int) g
       ON CONFLICT DO NOTHING`,
      [2 * workers],
    );
    const people: { id: string; phone: string }[] = await db.query(`SELECT id, phone FROM persons WHERE phone LIKE '140%' ORDER BY phone LIMIT $1`, [
      2 * workers,
    ]);
    const ledger = new LedgerRepository(db);
    await db.transaction(async (m) => {
      const [{ id: street }] = await m.query(`SELECT id FROM regions WHERE level = 'STREET' ORDER BY code LIMIT 1`);
      const issuance = await ledger.systemAccountId(m, 'ISSUANCE', street);
      const accounts: string[] = [];
      for (const p of people) accounts.push((await ledger.personAccountId(m, p.id))!);
      const locked = await ledger.lockAccounts(m, [issuance, ...accounts]);
      for (const a of accounts)
        await ledger.append(
          m,
          {
            kind: 'EARN',
            regionId: street,
            memo: '压测开户',
            initiatorId: null,
            legs: new Map([
              [issuance, -6000],
              [a, 6000],
            ]),
          },
          locked,
        );
    });
    // A few logins at a time: 64 password checks at once stall the server long enough for PostgreSQL to drop new
    // connections mid-authentication (authentication_timeout) on a loaded machine.
    const tokens: string[] = [];
    for (let i = 0; i < people.length; i += 4) tokens.push(...(await Promise.all(people.slice(i, i + 4).map((p) => login(p.phone)))));
    const pairs = Array.from({ length: workers }, (_, w) => [2 * w, 2 * w + 1] as const);

    const sql = bare.handle('transfer', async (pool, b: { from: string; to: string; key: string }) => {
      const { rows } = await pool.query(`SELECT ledger_transfer($1, $2, 1, NULL, $3, 'bench', $4, now(), $5) AS r`, [
        b.from,
        b.to,
        b.key,
        randomUUID(),
        DEFAULTS,
      ]);
      if (!rows[0].r.id) throw new Error(`transfer refused: ${JSON.stringify(rows[0].r)}`);
      return rows[0].r;
    });
    return {
      app: {
        steps: [
          {
            url: appUrl,
            headers: { authorization: 'Bearer $TOKEN' },
            body: JSON.stringify({ query: TRANSFER, variables: { i: { toPersonId: '$TO', minutes: 1, idempotencyKey: 'a$SEQ' } } }),
          },
        ],
        perWorker: pairs.map(([a, b]) => [
          { TOKEN: tokens[a], TO: people[b].id },
          { TOKEN: tokens[b], TO: people[a].id },
        ]),
      },
      bare: {
        steps: [{ url: sql, body: JSON.stringify({ from: '$FROM', to: '$TO', key: 'b$SEQ' }) }],
        perWorker: pairs.map(([a, b]) => [
          { FROM: people[a].id, TO: people[b].id },
          { FROM: people[b].id, TO: people[a].id },
        ]),
      },
    };
  },
  async check({ db }) {
    const problems: string[] = [];
    const [{ sum, below }] = await db.query(
      `SELECT coalesce(sum(balance), 0)::float8 AS sum, count(*) FILTER (WHERE floor_minutes IS NOT NULL AND balance < floor_minutes)::int AS below FROM ledger_accounts`,
    );
    if (sum !== 0) problems.push(`sum of balances ${sum}`);
    if (below !== 0) problems.push(`${below} accounts below their floor`);
    const verified = await new VerifyLedgerService(db, new LedgerRepository(db)).run(null);
    if (!verified.ok) problems.push(`verifyLedger failed: ${verified.problems.slice(0, 3).join('; ')}`);
    return {
      summary: `sum of balances ${sum}, accounts below floor ${below}, verifyLedger ${verified.ok ? 'ok' : 'FAILED'} (${verified.checkedEntries} entries)`,
      problems,
    };
  },
};
