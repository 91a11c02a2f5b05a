/**
 * Transfer throughput (docs/ledger.md "Throughput"): `transferMinutes` through GraphQL with `clients` closed-loop
 * clients, each on its own pair of accounts (no two clients share an account), against, in the same run and on the
 * same database, (a) the same transfer as one SQL call (`SELECT ledger_transfer(...)`, autocommit, bare `pg`) and
 * (b) `{ __typename }` through the same server. Prints the ratios, then checks the invariants and `verifyLedger`.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { LedgerRepository } from '../../src/time-bank/ledger.repository.js';
import { VerifyLedgerService } from '../../src/time-bank/verify-ledger.service.js';
import { DEFAULT_POLICY } from '../../src/time-bank/time-bank-policy.js';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CLIENTS = Number(process.env.BENCH_TRANSFER_CLIENTS ?? 32);
const TRANSFER = `mutation ($i: TransferMinutesInput!) { transferMinutes(input: $i) { id } }`;
/** `clients` closed loops for `SECONDS` after a one-second warm-up; `op(client, n)` is one request. */
async function closedLoop(clients, op) {
    const run = async (seconds, record) => {
        const deadline = Date.now() + seconds * 1000;
        let done = 0;
        await Promise.all(Array.from({ length: clients }, async (_, client) => {
            for (let n = 0; Date.now() < deadline; n++) {
                const start = performance.now();
                await op(client, n);
                record?.push(performance.now() - start);
                done++;
            }
        }));
        return done / seconds;
    };
    await run(1, null);
    const latencies = [];
    const perSecond = await run(SECONDS, latencies);
    latencies.sort((a, b) => a - b);
    const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
    return { perSecond, p50: at(0.5), p95: at(0.95) };
}
const line = (name, r, extra = '') => process.stdout.write(`${name.padEnd(58)} ${r.perSecond.toFixed(0).padStart(7)} req/s  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms${extra}\n`);
/** Runs the transfer case; returns false when an invariant or `verifyLedger` failed. */
export async function benchLedgerTransfers(call, db) {
    const login = async (phone) => (await call(`mutation ($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { phone, password: 'demo1234' } })).data.login.accessToken;
    // Gifts between any members and no caps: what is measured is the ledger write, not the policy's refusals.
    const admin = await login('13100000001');
    const [{ id: province }] = await db.query(`SELECT id FROM regions WHERE parent_id IS NULL`);
    await call(`mutation ($r: ID!) { setTimeBankPolicy(regionId: $r, input: { relativesOnly: false, dailyTransferCapMinutes: 90000, yearlyTransferCapMinutes: 1000000 }) { relativesOnly } }`, { r: province }, admin);
    // 2 × CLIENTS members in the demo communities, with the demo password, each account funded with 100 hours.
    await db.query(`INSERT INTO persons (name, phone, grid_id, password_hash)
     SELECT '转赠测试' || g, '14' || lpad(g::text, 9, '0'), (SELECT id FROM regions WHERE level = 'GRID' ORDER BY code OFFSET (g % 4) LIMIT 1),
            (SELECT password_hash FROM persons WHERE phone = '13900000001')
       FROM generate_series(1, $1::int) g`, [2 * CLIENTS]);
    const people = await db.query(`SELECT id, phone FROM persons WHERE phone LIKE '14%' ORDER BY phone`);
    const ledger = new LedgerRepository(db);
    await db.transaction(async (m) => {
        const [{ id: street }] = await m.query(`SELECT id FROM regions WHERE level = 'STREET' ORDER BY code LIMIT 1`);
        const issuance = await ledger.systemAccountId(m, 'ISSUANCE', street);
        const accounts = [];
        for (const p of people)
            accounts.push((await ledger.personAccountId(m, p.id)));
        const locked = await ledger.lockAccounts(m, [issuance, ...accounts]);
        for (const a of accounts)
            await ledger.append(m, { kind: 'EARN', regionId: street, memo: '压测开户', initiatorId: null, legs: new Map([[issuance, -6000], [a, 6000]]) }, locked);
    });
    const tokens = await Promise.all(people.map((p) => login(p.phone)));
    const pairs = Array.from({ length: CLIENTS }, (_, c) => [2 * c, 2 * c + 1]);
    // Each client alternates the direction of its pair, so that no balance runs dry.
    const direction = (client, n) => (n % 2 === 0 ? pairs[client] : [pairs[client][1], pairs[client][0]]);
    const typename = await closedLoop(CLIENTS, () => call('{ __typename }'));
    const app = await closedLoop(CLIENTS, (client, n) => {
        const [from, to] = direction(client, n);
        return call(TRANSFER, { i: { toPersonId: people[to].id, minutes: 1, idempotencyKey: randomUUID() } }, tokens[from]);
    });
    const pool = new pg.Pool({ connectionString: db.options.url, max: CLIENTS });
    const defaults = JSON.stringify({
        balance_cap_minutes: DEFAULT_POLICY.balanceCapMinutes, relatives_only: DEFAULT_POLICY.relativesOnly, group_hours_donate_only: DEFAULT_POLICY.groupHoursDonateOnly,
        daily_transfer_cap_minutes: DEFAULT_POLICY.dailyTransferCapMinutes, yearly_transfer_cap_minutes: DEFAULT_POLICY.yearlyTransferCapMinutes,
    });
    let sqlRefused = 0;
    const sql = await closedLoop(CLIENTS, async (client, n) => {
        const [from, to] = direction(client, n);
        const { rows } = await pool.query(`SELECT ledger_transfer($1, $2, 1, NULL, $3, 'bench', $4, now(), $5) AS r`, [people[from].id, people[to].id, randomUUID(), randomUUID(), defaults]);
        if (!rows[0].r.id)
            sqlRefused++;
    });
    await pool.end();
    process.stdout.write(`\nledger transfers, ${CLIENTS} clients on disjoint account pairs, ${SECONDS}s each after 1s warm-up:\n`);
    line('{ __typename } (same server, same clients)', typename);
    line('SELECT ledger_transfer(...) over bare pg (one call, autocommit)', sql, sqlRefused ? `  (${sqlRefused} refused!)` : '');
    line('transferMinutes through GraphQL', app);
    const goal = (label, ratio, target) => `${label} ${(ratio * 100).toFixed(0)} % (goal ≥ ${target} %${ratio * 100 >= target ? ', met' : `, missed by ${(target - ratio * 100).toFixed(0)} points`})`;
    process.stdout.write(`  transfers/s ${app.perSecond.toFixed(0)} (goal ≥ 1000${app.perSecond >= 1000 ? ', met' : ', missed'}); ` +
        `${goal('of { __typename }', app.perSecond / typename.perSecond, 35)}; ${goal('of the SQL function', app.perSecond / sql.perSecond, 25)}\n`);
    const [{ sum, below }] = await db.query(`SELECT coalesce(sum(balance), 0)::float8 AS sum, count(*) FILTER (WHERE floor_minutes IS NOT NULL AND balance < floor_minutes)::int AS below FROM ledger_accounts`);
    const verified = await new VerifyLedgerService(db, ledger).run(null);
    process.stdout.write(`  after: sum of balances ${sum}, accounts below floor ${below}, verifyLedger ${verified.ok ? 'ok' : 'FAILED'} (${verified.checkedEntries} entries)\n`);
    if (!verified.ok)
        process.stdout.write(verified.problems.slice(0, 5).map((p) => `    ${p}\n`).join(''));
    return sum === 0 && below === 0 && verified.ok && sqlRefused === 0;
}
//# sourceMappingURL=ledger-transfer.js.map