import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createApp } from '../../src/bootstrap.js';
import { CareVisitsScheduler } from '../../src/care-visits/care-visits.scheduler.js';
import { startOfDay, monthOf } from '../../src/care-visits/visit-schedule.js';
import { VisitSignals } from '../../src/care-visits/visit-signals.js';
import { ok, PHONE } from '../helpers/needs.js';
import { idNumberFor, newResident, regionId } from '../helpers/registry.js';
import { createTestApp, TestApp } from '../helpers/test-app.js';

/** 探访提醒 (issue 14): the assignee hears of a new task and of an overdue one, on another app instance. */
describe('care visits: notices to the assignee', () => {
  let t: TestApp;
  let other: NestFastifyApplication;
  let client: Client;

  beforeAll(async () => {
    t = await createTestApp();
    other = await createApp(t.config, t.databaseUrl);
    await other.listen(0, '127.0.0.1');
    const { port } = other.getHttpServer().address() as { port: number };
    client = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${await t.login(PHONE.zhaoMin)}` },
      lazy: true,
      retryAttempts: 0,
    });
  });
  afterAll(async () => {
    await client.dispose();
    await other.close();
    await t.close();
  });

  const until = async (cond: () => boolean) => {
    for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(cond()).toBe(true);
  };

  it('tells 赵敏 of the task planned for her grid, and once when it is past its due day', async () => {
    const events: { type: string; taskId: string }[] = [];
    const signals = other.get(VisitSignals);
    client.subscribe(
      { query: `subscription { myVisitTaskNotices { type taskId at } }` },
      { next: (v) => events.push((v.data as any).myVisitTaskNotices), error: () => undefined, complete: () => undefined },
    );
    await until(() => signals.subscriberCount > 0);

    const r = await newResident(t, { idNumber: idNumberFor('19420303', '615') });
    await ok(t, `mutation ($i: EnrollCareInput!) { enrollCare(input: $i) { id } }`, { i: { personId: r.id, group: 'SPECIAL_HARDSHIP_ELDERLY' } }, PHONE.sunLi);
    const month = monthOf(new Date());
    await ok(t, `mutation ($r: ID!, $m: String!) { planVisits(regionId: $r, month: $m) }`, { r: await regionId(t, '320102002001'), m: month }, PHONE.sunLi);
    const [task] = await t.db.query(`SELECT id, to_char(due, 'YYYY-MM-DD') AS due, to_char(last, 'YYYY-MM-DD') AS last FROM visit_tasks WHERE person_id = $1`, [
      r.id,
    ]);
    await until(() => events.some((e) => e.taskId === task.id && e.type === 'ASSIGNED'));

    // The day after the due day (before the last day, if there is one in between): overdue, told once.
    const clock = new Date(startOfDay(task.due).getTime() + 24 * 3600_000 + 3600_000);
    const scheduler = t.app.get(CareVisitsScheduler);
    await scheduler.run(clock, { plan: false });
    await scheduler.run(clock, { plan: false });
    await until(() => events.some((e) => e.taskId === task.id && e.type === 'OVERDUE'));
    await new Promise((r) => setTimeout(r, 200));
    expect(events.filter((e) => e.taskId === task.id).map((e) => e.type)).toEqual(['ASSIGNED', 'OVERDUE']);
  });
});
