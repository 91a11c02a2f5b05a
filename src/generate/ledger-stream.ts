import type { Client, QueryResultRow } from 'pg';
import { DraftTransaction, JournalWriter } from './ledger-writer.js';
import { Rng, uid } from './rng.js';

/** The default balance cap of a person (1500 h, see the README's time bank policy table): an EARN beyond it goes to the community pool. */
const BALANCE_CAP = 90_000;
/** Default yearly transfer cap per sender. */
const YEARLY_TRANSFER_CAP = 12_000;

/**
 * The generated city's time bank: accounts (issuance, redemption and expiry sink per street, a pool per community,
 * one per volunteer, relative and flagged resident), then the journal in time order: one EARN per service record
 * (capped, overflow to the pool, as `earn()` does), and between them transfers to relatives, donations to the pool,
 * grants from the pool to residents flagged 独居, spends by residents of 60 and over, and now and then the reversal of
 * a donation — each only when the balances allow it, so that no floor is crossed — until about `targetPostings`.
 * The journal itself is written by `JournalWriter` (ledger-writer.ts), the only part that knows its format.
 */
export async function writeLedger(client: Client, o: { seed: number; targetPostings: number; progress: (f: number) => void }): Promise<void> {
  const q = <R extends QueryResultRow = QueryResultRow>(sql: string, params: unknown[] = []) => client.query<R>(sql, params);
  await q(`INSERT INTO ledger_accounts (id, kind, region_id, floor_minutes, created_at)
           SELECT pg_temp.uid('account-' || k.kind, r.code::bigint), k.kind::ledger_account_kind, r.id, CASE WHEN k.kind = 'ISSUANCE' THEN NULL ELSE 0 END, now() - interval '3 years'
             FROM regions r JOIN (VALUES ('ISSUANCE', 'STREET'), ('REDEMPTION_SINK', 'STREET'), ('EXPIRY_SINK', 'STREET'), ('COMMUNITY_POOL', 'COMMUNITY')) AS k(kind, level)
               ON r.level::text = k.level`);
  await q(`INSERT INTO ledger_accounts (id, kind, person_id, region_id, created_at)
           SELECT pg_temp.uid('account-person', p.i), 'PERSON', p.id, p.community_id, now() - interval '3 years'
             FROM gen_person p WHERE p.id IN (SELECT person_id FROM gen_vol UNION SELECT elder_id FROM gen_relative UNION SELECT person_id FROM gen_flag)`);
  const accounts = (
    await q<{ id: string; kind: string; person_id: string | null; region_id: string; identity_hash: string }>(
      `SELECT id, kind, person_id, region_id, identity_hash FROM ledger_accounts`,
    )
  ).rows;
  const identities = new Map(accounts.map((a) => [a.id, a.identity_hash]));
  const region = new Map(accounts.map((a) => [a.id, a.region_id]));
  const owner = new Map(accounts.filter((a) => a.person_id).map((a) => [a.id, a.person_id!]));
  const personAccount = new Map(accounts.filter((a) => a.person_id).map((a) => [a.person_id!, a.id]));
  const system = new Map(accounts.filter((a) => !a.person_id).map((a) => [`${a.kind}:${a.region_id}`, a.id]));
  const streetOf = new Map<string, string>(
    (await q<{ community_id: string; street_id: string }>(`SELECT DISTINCT community_id, street_id FROM gen_grid`)).rows.map((r) => [
      r.community_id,
      r.street_id,
    ]),
  );
  const staff = new Map<string, string>(
    (
      await q<{ k: string; person_id: string }>(
        `SELECT role::text || ':' || region_id AS k, person_id FROM gen_staff WHERE role IN ('COMMUNITY_WORKER', 'STREET_ADMIN')`,
      )
    ).rows.map((r) => [r.k, r.person_id]),
  );
  const relativeOf = new Map<string, string>();
  for (const r of (await q<{ volunteer_person_id: string; elder_id: string }>(`SELECT volunteer_person_id, elder_id FROM gen_relative`)).rows)
    relativeOf.set(personAccount.get(r.volunteer_person_id)!, personAccount.get(r.elder_id)!);
  const flaggedIn = new Map<string, string[]>();
  for (const r of (await q<{ person_id: string }>(`SELECT person_id FROM gen_flag ORDER BY person_id`)).rows) {
    const acc = personAccount.get(r.person_id)!;
    const c = region.get(acc)!;
    flaggedIn.set(c, [...(flaggedIn.get(c) ?? []), acc]);
  }

  const writer = new JournalWriter(client, identities);
  await writer.begin();
  const rng = new Rng(o.seed, 'ledger');
  let n = 0;
  const nextId = () => uid(o.seed, 'ledger', ++n);
  const draft = (t: Omit<DraftTransaction, 'id' | 'sourceType' | 'sourceId' | 'reversesId' | 'reason'> & Partial<DraftTransaction>): DraftTransaction => ({
    id: nextId(),
    sourceType: null,
    sourceId: null,
    reversesId: null,
    reason: null,
    ...t,
  });

  // Accounts that may have something to give, sampled at random; stale entries are dropped when met.
  const pools = { volunteers: new Bag(), givers: new Bag(), elders: new Bag(), pools: new Bag() };
  const yearly = new Map<string, { year: number; total: number }>();
  let lastDonation: { id: string; from: string; pool: string; amount: number } | null = null;
  const amount = (lo: number, hi: number) => lo + Math.floor(rng.next() * (hi - lo + 1));

  const extras: ((at: Date) => DraftTransaction | null)[] = [
    // TRANSFER to a registered relative, within the yearly cap and the receiver's balance cap.
    (at) => {
      const from = pools.givers.draw(rng, (a) => writer.balance(a) > 0);
      if (!from) return null;
      const to = relativeOf.get(from)!;
      const year = at.getUTCFullYear();
      const y = yearly.get(from);
      const sent = y && y.year === year ? y.total : 0;
      const minutes = Math.min(writer.balance(from) - writer.donateOnlyOf(from), amount(10, 60), YEARLY_TRANSFER_CAP - sent, BALANCE_CAP - writer.balance(to));
      if (minutes <= 0) return null;
      yearly.set(from, { year, total: sent + minutes });
      pools.elders.add(to);
      return draft({
        kind: 'TRANSFER',
        regionId: region.get(from)!,
        memo: '赠与亲属',
        initiatorId: owner.get(from)!,
        createdAt: at,
        postings: [
          { accountId: from, amount: -minutes },
          { accountId: to, amount: minutes },
        ],
      });
    },
    // DONATE to the community pool.
    (at) => {
      const from = pools.volunteers.draw(rng, (a) => writer.balance(a) > 0);
      if (!from) return null;
      const pool = system.get(`COMMUNITY_POOL:${region.get(from)}`)!;
      const minutes = Math.min(writer.balance(from), amount(10, 60));
      pools.pools.add(pool);
      const t = draft({
        kind: 'DONATE',
        regionId: region.get(from)!,
        memo: '捐赠至社区爱心池',
        initiatorId: owner.get(from)!,
        createdAt: at,
        postings: [
          { accountId: from, amount: -minutes },
          { accountId: pool, amount: minutes },
        ],
      });
      lastDonation = { id: t.id, from, pool, amount: minutes };
      return t;
    },
    // GRANT from a pool to a resident of its community flagged 独居/空巢 (consent on record), by the community worker.
    (at) => {
      const pool = pools.pools.draw(rng, (a) => writer.balance(a) >= 10 && (flaggedIn.get(region.get(a)!)?.length ?? 0) > 0);
      if (!pool) return null;
      const community = region.get(pool)!;
      const to = rng.pick(flaggedIn.get(community)!);
      const minutes = Math.min(writer.balance(pool), amount(30, 120), BALANCE_CAP - writer.balance(to));
      if (minutes <= 0) return null;
      pools.elders.add(to);
      return draft({
        kind: 'GRANT',
        regionId: community,
        memo: '爱心池资助',
        initiatorId: staff.get(`COMMUNITY_WORKER:${community}`)!,
        createdAt: at,
        postings: [
          { accountId: pool, amount: -minutes },
          { accountId: to, amount: minutes },
        ],
      });
    },
    // SPEND by a resident of 60 or over, redeemed at the street.
    (at) => {
      const from = pools.elders.draw(rng, (a) => writer.balance(a) > 0);
      if (!from) return null;
      const sink = system.get(`REDEMPTION_SINK:${streetOf.get(region.get(from)!)}`)!;
      const minutes = Math.min(writer.balance(from), amount(30, 120));
      return draft({
        kind: 'SPEND',
        regionId: region.get(from)!,
        memo: '兑换助老服务',
        initiatorId: owner.get(from)!,
        createdAt: at,
        postings: [
          { accountId: from, amount: -minutes },
          { accountId: sink, amount: minutes },
        ],
      });
    },
  ];
  const reversal = (at: Date): DraftTransaction | null => {
    const d = lastDonation;
    if (!d || writer.balance(d.pool) < d.amount || writer.balance(d.from) + d.amount > BALANCE_CAP) return null;
    lastDonation = null;
    const street = streetOf.get(region.get(d.pool)!)!;
    return draft({
      kind: 'REVERSAL',
      regionId: region.get(d.from)!,
      reversesId: d.id,
      reason: '重复登记，予以冲正',
      memo: '冲正 DONATE',
      initiatorId: staff.get(`STREET_ADMIN:${street}`)!,
      createdAt: at,
      postings: [
        { accountId: d.pool, amount: -d.amount },
        { accountId: d.from, amount: d.amount },
      ],
    });
  };

  const [{ earns }] = (await q<{ earns: number }>(`SELECT count(*)::int AS earns FROM service_records`)).rows;
  const perEarn = earns === 0 ? 0 : Math.max(0, (o.targetPostings - 2 * earns) / 2 / earns);
  let carry = 0;
  let prevAt: Date | null = null;
  let done = 0;
  let cursor: [Date, string] | null = null;
  type EarnRow = { id: string; community_id: string; minutes: number; confirmed_at: Date; verifier_id: string; title: string; volunteer_person_id: string };
  for (;;) {
    const rows: EarnRow[] = (
      await q<EarnRow>(
        `SELECT id, community_id, minutes, confirmed_at, verifier_id, title, volunteer_person_id FROM service_records
        WHERE ($1::timestamptz IS NULL OR (confirmed_at, id) > ($1::timestamptz, $2::uuid)) ORDER BY confirmed_at, id LIMIT 20000`,
        [cursor?.[0] ?? null, cursor?.[1] ?? null],
      )
    ).rows;
    if (rows.length === 0) break;
    for (const r of rows) {
      // Between the previous EARN and this one, the other operations, spread evenly in time.
      carry += perEarn;
      const k = Math.floor(carry);
      carry -= k;
      const from = prevAt ?? new Date(r.confirmed_at.getTime() - 3600_000);
      for (let j = 0; j < k; j++) {
        const at = new Date(from.getTime() + ((r.confirmed_at.getTime() - from.getTime()) * (j + 1)) / (k + 1));
        let t = rng.next() < 0.003 ? reversal(at) : null;
        const start = Math.floor(rng.next() * 10);
        // TRANSFER 30 %, DONATE 20 %, GRANT 20 %, SPEND 30 %; when one is not possible now, the next is tried.
        const order = [0, 0, 0, 1, 1, 2, 2, 3, 3, 3];
        for (let tries = 0; !t && tries < 4; tries++) t = extras[(order[start] + tries) % 4](at);
        if (t) await writer.append(t);
      }
      const account = personAccount.get(r.volunteer_person_id)!;
      const home = region.get(account)!;
      const street = streetOf.get(r.community_id)!;
      const kept = Math.min(r.minutes, BALANCE_CAP - writer.balance(account));
      await writer.append(
        draft({
          kind: 'EARN',
          regionId: r.community_id,
          memo: r.title.slice(0, 200),
          sourceType: 'SERVICE_RECORD',
          sourceId: r.id,
          initiatorId: r.verifier_id,
          createdAt: r.confirmed_at,
          postings: [
            { accountId: system.get(`ISSUANCE:${street}`)!, amount: -r.minutes },
            { accountId: account, amount: kept },
            { accountId: system.get(`COMMUNITY_POOL:${home}`)!, amount: r.minutes - kept },
          ],
        }),
      );
      pools.volunteers.add(account);
      if (relativeOf.has(account)) pools.givers.add(account);
      prevAt = r.confirmed_at;
    }
    done += rows.length;
    o.progress(Math.min(0.98, done / Math.max(1, earns)));
    const last = rows[rows.length - 1];
    cursor = [last.confirmed_at, last.id];
  }
  await writer.finish();
}

/** A set of account ids to draw from at random; an entry that no longer qualifies is removed when drawn. */
class Bag {
  private readonly items: string[] = [];
  private readonly members = new Set<string>();
  add(id: string): void {
    if (this.members.has(id)) return;
    this.members.add(id);
    this.items.push(id);
  }
  draw(rng: Rng, ok: (id: string) => boolean): string | null {
    for (let tries = 0; tries < 6 && this.items.length > 0; tries++) {
      const i = Math.floor(rng.next() * this.items.length);
      const id = this.items[i];
      if (ok(id)) return id;
      this.items[i] = this.items[this.items.length - 1];
      this.items.pop();
      this.members.delete(id);
    }
    return null;
  }
}
