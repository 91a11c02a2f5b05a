import { createClient, Client } from 'graphql-ws';
import WebSocket from 'ws';
import { needInput, PHONE, POST } from '../helpers/needs.js';
import { ServerProcess, startServerProcess } from '../helpers/server-process.js';
import { createTestApp, TestApp } from '../helpers/test-app.js';

/**
 * Two instances of the built server (separate processes) on one database, as behind a load balancer (
 * docs/city-scale.md): claims racing across them have one winner, a subscription on one sees what the other caused,
 * and their schedulers, both running every second, handle each due need once.
 */
describe('two app instances on one database', () => {
  let t: TestApp;
  let a: ServerProcess;
  let b: ServerProcess;
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const env = { DATABASE_URL: t.databaseUrl, SEED_DEMO: 'false', NEED_SCHEDULER_INTERVAL_SECONDS: '1' };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    for (const s of [a, b]) {
      s?.child.kill('SIGTERM');
      await s?.exited;
    }
    await t.close();
  });

  const gql = async (server: ServerProcess, query: string, variables: Record<string, unknown>, token: string) => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
  };
  const must = async (server: ServerProcess, query: string, variables: Record<string, unknown>, token: string) => {
    const r = await gql(server, query, variables, token);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  const until = async (cond: () => boolean | Promise<boolean>, what: string) => {
    for (let i = 0; i < 300; i++) {
      if (await cond()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`gave up waiting for ${what}`);
  };
  const openNeedOn = async (server: ServerProcess, over: Record<string, unknown> = {}) => {
    const id = (await must(server, POST, { i: needInput(over) }, await t.login(PHONE.wang))).postNeed.id;
    const staff = await t.login(PHONE.sunLi);
    await must(server, `mutation ($id: ID!) { acceptNeed(id: $id) { id } }`, { id }, staff);
    await must(server, `mutation ($id: ID!) { publishNeed(id: $id) { id } }`, { id }, staff);
    return id as string;
  };

  it('a subscription on instance B sees the claim made on instance A, and racing claims on both have one winner', async () => {
    const events: { needId: string; action: string }[] = [];
    const errors: unknown[] = [];
    const client = createClient({
      url: `${b.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${await t.login(PHONE.wang)}` },
      retryAttempts: 0,
    });
    clients.push(client);
    client.subscribe(
      { query: `subscription { myNeedChanged { needId action } }` },
      {
        next: (v) => (v.errors ? errors.push(...v.errors) : events.push(v.data!.myNeedChanged as any)),
        error: (e) => errors.push(e),
        complete: () => undefined,
      },
    );
    // The subscription is live once a need posted on A shows up on B.
    const wang = await t.login(PHONE.wang);
    await until(async () => {
      const id = (await must(a, POST, { i: needInput() }, wang)).postNeed.id;
      await new Promise((r) => setTimeout(r, 300));
      if (errors.length) throw new Error(`subscription failed: ${JSON.stringify(errors)}`);
      return events.some((e) => e.needId === id);
    }, 'the subscription on B');

    const need = await openNeedOn(a);
    const tokens = [await t.login(PHONE.zhangWei), await t.login(PHONE.liuYang)];
    const attempts = Array.from({ length: 20 }, (_, i) =>
      gql(i % 2 ? a : b, `mutation ($id: ID!) { claimNeed(id: $id) { id status } }`, { id: need }, tokens[Math.floor(i / 2) % 2]),
    );
    const results = await Promise.all(attempts);
    const wins = results.filter((r) => r.data?.claimNeed?.status === 'CLAIMED');
    expect(wins.length).toBe(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT').length).toBe(19);
    const [{ claims }] = await t.db.query(`SELECT count(*)::int AS claims FROM need_events WHERE need_id = $1 AND action = 'CLAIM'`, [need]);
    expect(claims).toBe(1);
    await until(() => events.some((e) => e.needId === need && e.action === 'CLAIM'), 'the CLAIM event on B');
    expect(events.filter((e) => e.needId === need && e.action === 'CLAIM').length).toBe(1);
  });

  it('both schedulers run, and each due need is handled once', async () => {
    // 30 needs waiting to be accepted past their deadline, and 30 open needs whose window has ended.
    const wang = await t.login(PHONE.wang);
    const late: string[] = [];
    const over: string[] = [];
    for (let i = 0; i < 30; i++) late.push((await must(i % 2 ? a : b, POST, { i: needInput() }, wang)).postNeed.id);
    for (let i = 0; i < 30; i++) over.push(await openNeedOn(i % 2 ? a : b));
    await t.db.query(`UPDATE needs SET accept_deadline = now() - interval '1 minute' WHERE id = ANY($1::uuid[])`, [late]);
    await t.db.query(
      `UPDATE needs SET window_start = now() - interval '3 hours', window_end = now() - interval '2 hours', claim_deadline = now() + interval '1 day' WHERE id = ANY($1::uuid[])`,
      [over],
    );
    await until(async () => {
      const [{ breached, expired }] = await t.db.query(
        `SELECT count(*) FILTER (WHERE accept_breached_at IS NOT NULL)::int AS breached, count(*) FILTER (WHERE status = 'EXPIRED')::int AS expired FROM needs WHERE id = ANY($1::uuid[])`,
        [[...late, ...over]],
      );
      return breached === 30 && expired === 30;
    }, 'the schedulers');
    // Give both timers a few more rounds: nothing may happen twice.
    await new Promise((r) => setTimeout(r, 3000));
    const events = await t.db.query(
      `SELECT need_id, action, count(*)::int AS n FROM need_events WHERE need_id = ANY($1::uuid[]) AND action IN ('ESCALATE', 'EXPIRE') GROUP BY 1, 2`,
      [[...late, ...over]],
    );
    expect(events.length).toBe(60);
    expect(events.every((e: { n: number }) => e.n === 1)).toBe(true);
    const reviews = await t.db.query(`SELECT need_id, kind, count(*)::int AS n FROM need_reviews WHERE need_id = ANY($1::uuid[]) GROUP BY 1, 2`, [
      [...late, ...over],
    ]);
    expect(reviews.filter((r: { kind: string }) => r.kind === 'DEADLINE_CALLBACK').length).toBe(30);
    expect(reviews.filter((r: { kind: string }) => r.kind === 'EXPIRED_CALLBACK').length).toBe(30);
    expect(reviews.every((r: { n: number }) => r.n === 1)).toBe(true);
    // Both instances took part (each logs what its runs did) — or at least both ran without error.
    for (const s of [a, b]) expect(s.output()).not.toMatch(/need scheduler failed/);
  });
});
