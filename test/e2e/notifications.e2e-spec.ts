import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createClient, Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createApp } from '../../src/bootstrap.js';
import { NeedsScheduler } from '../../src/needs/needs.scheduler.js';
import { NotificationBus } from '../../src/notifications/notification-bus.js';
import { needInput, ok, openNeed, PHONE, POST, saturday, volunteerId } from '../helpers/needs.js';
import { createTestApp, TestApp } from '../helpers/test-app.js';

/**
 * Subscriptions over graphql-ws. The socket is opened on a second app instance on the same database while the
 * mutations go through the first one, so delivery has to cross instances (PostgreSQL LISTEN/NOTIFY).
 */
describe('notifications: graphql-ws subscriptions across instances', () => {
  let t: TestApp;
  let other: NestFastifyApplication;
  let url: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    other = await createApp(t.config, t.databaseUrl);
    await other.listen(0, '127.0.0.1');
    const addr = other.getHttpServer().address() as { port: number };
    url = `ws://127.0.0.1:${addr.port}/graphql`;
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await other.close();
    await t.close();
  });

  /** Subscribes as `phone` on the other instance; resolves once the subscription is registered there. */
  async function subscribe(phone: string | null, query: string): Promise<{ events: any[]; errors: any[] }> {
    const token = phone ? await t.login(phone) : null;
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      lazy: true,
      retryAttempts: 0,
    });
    clients.push(client);
    const out = { events: [] as any[], errors: [] as any[] };
    const bus = other.get(NotificationBus);
    const before = bus.subscriberCount;
    client.subscribe(
      { query },
      { next: (v) => (v.errors ? out.errors.push(...v.errors) : out.events.push(v.data)), error: (e) => out.errors.push(e), complete: () => undefined },
    );
    await until(() => bus.subscriberCount > before || out.errors.length > 0);
    return out;
  }

  async function until(cond: () => boolean): Promise<void> {
    for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(cond()).toBe(true);
  }

  it('holds subscriptions to the same depth limit as HTTP operations', async () => {
    const deep = `subscription { myNeedChanged { need { beneficiary { grid { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } } }`;
    const s = await subscribe(PHONE.wang, deep);
    await until(() => s.errors.length > 0);
    expect(s.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(s.errors[0]?.extensions?.reason).toBe('QUERY_TOO_DEEP');
  });

  it('refuses a socket without a token', async () => {
    const s = await subscribe(null, `subscription { myNeedChanged { needId } }`);
    expect(s.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('tells 张伟 a need was dispatched to him, 王秀英 her need changed, and 吴芳 (street station) of a breach', async () => {
    const dispatched = await subscribe(PHONE.zhangWei, `subscription { needDispatchedToMe { type needId action status need { id title address } } }`);
    const liuDispatched = await subscribe(PHONE.liuYang, `subscription { needDispatchedToMe { needId } }`);
    const changed = await subscribe(PHONE.wang, `subscription { myNeedChanged { type needId action status } }`);
    const breached = await subscribe(PHONE.wuFang, `subscription { deadlineBreached { type needId action need { id } } }`);
    const otherStreet = await subscribe(PHONE.zhouQiang, `subscription { deadlineBreached { needId } }`);

    const id = await openNeed(t, { ...saturday(1, '09:00', '11:00') });
    await ok(
      t,
      `mutation ($id: ID!, $v: ID!) { dispatchNeed(id: $id, volunteerId: $v, reason: "老人点名要张伟") { status } }`,
      { id, v: await volunteerId(t, PHONE.zhangWei) },
      PHONE.sunLi,
    );
    await until(() => dispatched.events.length >= 1 && changed.events.length >= 4);
    expect(dispatched.events[0].needDispatchedToMe).toEqual({
      type: 'NEED_DISPATCHED',
      needId: id,
      action: 'DISPATCH',
      status: 'CLAIMED',
      need: { id, title: '陪同散步、聊天', address: '长江新村3幢201室' },
    });
    expect(changed.events.map((e) => e.myNeedChanged.action)).toEqual(['POST', 'ACCEPT', 'PUBLISH', 'DISPATCH']);
    expect(changed.events.every((e) => e.myNeedChanged.needId === id)).toBe(true);

    const { postNeed } = await ok(t, POST, { i: needInput({ ...saturday(2, '09:00', '11:00'), urgency: 'EMERGENCY' }) }, PHONE.wang);
    await t.app.get(NeedsScheduler).run(new Date(new Date(postNeed.deadlines.acceptBy).getTime() + 1000));
    await until(() => breached.events.some((e) => e.deadlineBreached.needId === postNeed.id));
    expect(breached.events.find((e) => e.deadlineBreached.needId === postNeed.id).deadlineBreached).toEqual({
      type: 'DEADLINE_BREACHED',
      needId: postNeed.id,
      action: 'ACCEPT_DEADLINE',
      need: { id: postNeed.id },
    });
    // Nothing for people outside: 刘洋 was not dispatched, 周强 works in another street.
    expect(liuDispatched.events).toEqual([]);
    expect(otherStreet.events).toEqual([]);
    expect(otherStreet.errors).toEqual([]);
  });
});
