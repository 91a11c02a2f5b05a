import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { signAccessToken } from '../../src/auth/access-token.js';
import { createApp } from '../../src/bootstrap.js';
import { NotificationBus } from '../../src/notifications/notification-bus.js';
import { DEMO_PASSWORD } from '../../src/seed/demo-data.js';
import { PHONE } from '../helpers/needs.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

/**
 * Issue 10 §4: sessions that end. A second app instance on the same database checks tokens too, so revocation
 * has to reach it (auth_sessions + NOTIFY) while it holds the session as live in its cache.
 */
describe('hardening: sessions that end', () => {
  let t: TestApp;
  let other: NestFastifyApplication;
  let url: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    // A long cache TTL: only the NOTIFY can make the other instance forget a live session in time.
    t = await createTestApp({ SESSION_CACHE_SECONDS: '3600' });
    other = await createApp({ ...t.config, sessionCacheSeconds: 3600 }, t.databaseUrl);
    await other.listen(0, '127.0.0.1');
    url = `ws://127.0.0.1:${(other.getHttpServer().address() as { port: number }).port}/graphql`;
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await other.close();
    await t.close();
  });

  const LOGIN = `mutation ($i: LoginInput!) { login(input: $i) { accessToken refreshToken } }`;
  const login = async (phone: string, password = DEMO_PASSWORD) =>
    (await t.gql(LOGIN, { i: { phone, password } })).data.login as { accessToken: string; refreshToken: string };
  const meOn = async (app: NestFastifyApplication, token: string) => {
    const { default: request } = await import('supertest');
    const res = await request(app.getHttpServer()).post('/graphql').set('authorization', `Bearer ${token}`).send({ query: '{ me { id } }' });
    return { data: res.body.data, errors: res.body.errors, status: res.status };
  };
  async function until(cond: () => boolean | Promise<boolean>): Promise<void> {
    for (let i = 0; i < 500 && !(await cond()); i++) await new Promise((r) => setTimeout(r, 10));
    expect(await cond()).toBe(true);
  }

  it('logout ends the access token at once, on this instance and on another that had it cached as live', async () => {
    const s = await login(PHONE.li);
    expect((await t.gql(`{ me { id } }`, {}, s.accessToken)).errors).toBeUndefined();
    expect((await meOn(other, s.accessToken)).errors).toBeUndefined();
    expect((await t.gql(`mutation { logout }`, {}, s.accessToken)).data.logout).toBe(true);
    const here = await t.gql(`{ me { id } }`, {}, s.accessToken);
    expect(here.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
    await until(async () => codeOf(await meOn(other, s.accessToken)) === 'UNAUTHENTICATED');
    expect(codeOf(await t.gql(`mutation ($t: String!) { refreshToken(token: $t) { accessToken } }`, { t: s.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('lists my sessions, ends one of them, and logoutEverywhere ends the rest', async () => {
    const a = await login(PHONE.zhangWei);
    const b = await login(PHONE.zhangWei);
    const c = await login(PHONE.zhangWei);
    const PAGE = `query ($first: Int, $after: String) { mySessions(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id current createdAt expiresAt } } } }`;
    const page = async (vars: Record<string, unknown>) => (await t.gql(PAGE, vars, a.accessToken)).data.mySessions;
    const all = await page({});
    const mine = all.edges.map((e: any) => e.node);
    expect(mine.length).toBeGreaterThanOrEqual(3);
    expect(all.totalCount).toBe(mine.length);
    // A Relay connection paged by a keyset cursor: two pages of two hold the first four, in the same order, once each.
    const first = await page({ first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page({ first: 2, after: first.pageInfo.endCursor });
    expect([...first.edges, ...second.edges].map((e: any) => e.node.id)).toEqual(mine.slice(0, 4).map((x: any) => x.id));
    const crafted = await t.gql(PAGE, { first: 2, after: Buffer.from(JSON.stringify(['x', 'y'])).toString('base64url') }, a.accessToken);
    expect(crafted.errors![0]).toMatchObject({ message: '分页游标无效', extensions: { code: 'BAD_USER_INPUT' } });
    expect(mine.filter((x: any) => x.current)).toHaveLength(1);
    const sidOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sid;
    expect(mine.find((x: any) => x.current).id).toBe(sidOf(a.accessToken));
    // Another person's session cannot be ended by its id.
    const stranger = await login(PHONE.liuYang);
    expect(
      (await t.gql(`mutation ($id: ID!) { revokeSession(id: $id) }`, { id: sidOf(stranger.accessToken) }, a.accessToken)).errors![0].extensions,
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect((await t.gql(`{ me { id } }`, {}, stranger.accessToken)).errors).toBeUndefined();
    expect((await t.gql(`mutation ($id: ID!) { revokeSession(id: $id) }`, { id: sidOf(b.accessToken) }, a.accessToken)).data.revokeSession).toBe(true);
    expect(codeOf(await t.gql(`{ me { id } }`, {}, b.accessToken))).toBe('UNAUTHENTICATED');
    expect((await t.gql(`{ me { id } }`, {}, c.accessToken)).errors).toBeUndefined();
    const ended = (await t.gql(`mutation { logoutEverywhere }`, {}, c.accessToken)).data.logoutEverywhere;
    expect(ended).toBeGreaterThanOrEqual(2);
    for (const s of [a, c]) expect(codeOf(await t.gql(`{ me { id } }`, {}, s.accessToken))).toBe('UNAUTHENTICATED');
  });

  it('changePassword checks the current password, ends every session and returns a new one', async () => {
    const phone = PHONE.chenJing;
    const first = await login(phone);
    const second = await login(phone);
    const CHANGE = `mutation ($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken } }`;
    const wrong = await t.gql(CHANGE, { i: { currentPassword: 'wrong-pass1', newPassword: 'newpass2026' } }, first.accessToken);
    expect(wrong.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'WRONG_PASSWORD' });
    const weak = await t.gql(CHANGE, { i: { currentPassword: DEMO_PASSWORD, newPassword: 'short' } }, first.accessToken);
    expect(weak.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WEAK_PASSWORD' });
    const changed = await t.gql(CHANGE, { i: { currentPassword: DEMO_PASSWORD, newPassword: 'newpass2026' } }, first.accessToken);
    expect(changed.errors).toBeUndefined();
    for (const s of [first, second]) expect((await t.gql(`{ me { id } }`, {}, s.accessToken)).errors![0].extensions!.reason).toBe('SESSION_REVOKED');
    expect((await t.gql(`{ me { id } }`, {}, changed.data.changePassword.accessToken)).errors).toBeUndefined();
    expect(codeOf(await t.gql(LOGIN, { i: { phone, password: DEMO_PASSWORD } }))).toBe('UNAUTHENTICATED');
    expect((await t.gql(LOGIN, { i: { phone, password: 'newpass2026' } })).data.login.accessToken).toBeDefined();
  });

  function subscribe(token: string): { events: any[]; closed: { code?: number; reason?: string } | null; errors: any[]; client: Client } {
    const out = { events: [] as any[], closed: null as { code?: number; reason?: string } | null, errors: [] as any[], client: null as unknown as Client };
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: true,
      retryAttempts: 0,
      on: { closed: (e) => (out.closed = { code: (e as { code?: number }).code, reason: (e as { reason?: string }).reason }) },
    });
    clients.push(client);
    out.client = client;
    client.subscribe(
      { query: `subscription { myNeedChanged { needId } }` },
      { next: (v) => out.events.push(v), error: (e) => out.errors.push(e), complete: () => undefined },
    );
    return out;
  }

  it('closes an open subscription on logout, and another when its token expires', async () => {
    const bus = other.get(NotificationBus);
    const s = await login(PHONE.wang);
    const before = bus.subscriberCount;
    const sub = subscribe(s.accessToken);
    await until(() => bus.subscriberCount > before);
    await t.gql(`mutation { logout }`, {}, s.accessToken);
    await until(() => sub.closed !== null);
    expect(sub.closed).toMatchObject({ code: 4401, reason: 'SESSION_REVOKED' });

    // A token that expires in two seconds: the socket opened with it is closed then, though the session lives on.
    const live = await login(PHONE.wang);
    const claims = JSON.parse(Buffer.from(live.accessToken.split('.')[1], 'base64url').toString());
    const short = signAccessToken(claims.sub, t.config.tokenSecret, 2, Date.now(), claims.sid);
    const count = bus.subscriberCount;
    const expiring = subscribe(short);
    await until(() => bus.subscriberCount > count || expiring.closed !== null);
    for (let i = 0; i < 40 && !expiring.closed; i++) await new Promise((r) => setTimeout(r, 100));
    expect(expiring.closed).toMatchObject({ code: 4401, reason: 'TOKEN_EXPIRED' });
    expect((await t.gql(`{ me { id } }`, {}, live.accessToken)).errors).toBeUndefined();
  });

  it('logs operations that come over the WebSocket', () => {
    const log = readFileSync(join(process.env.TEST_RUN_DIR!, 'server.log'), 'utf8');
    // pino writes the fields first and "msg" last.
    expect(log).toMatch(/"transport":"ws".*"msg":"graphql"/);
  });
});
