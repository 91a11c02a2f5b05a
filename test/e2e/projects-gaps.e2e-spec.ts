import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createApp } from '../../src/bootstrap.js';
import { ProjectSignals } from '../../src/projects/project-signals.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';
import { openNeed, PHONE, saturday, volunteerId } from '../helpers/needs.js';
import { DAY, ids, mealVolunteers, must, ORG_PHONE, PROPOSE, proposalInput, runningProject } from '../helpers/projects.js';

const SIGN_UP = `mutation ($a: ID!, $w: Boolean) { signUpForActivity(activityId: $a, waitlist: $w) { id } }`;
const CLAIM = `mutation ($id: ID!) { claimNeed(id: $id) { status } }`;
const DISPATCH = `mutation ($id: ID!, $v: ID!) { dispatchNeed(id: $id, volunteerId: $v, reason: "就近") { status } }`;

/** The gaps of the projects loop closed later (docs/projects.md "Overlapping commitments", "Waitlist", "Notices"). */
describe('projects: commitments, waitlist fitness, notices, community reach', () => {
  let t: TestApp;
  let projectId: string;
  let week = 30;
  beforeAll(async () => {
    t = await createTestApp();
    projectId = await runningProject(t);
  });
  afterAll(() => t.close());

  /** An activity of the running project at a given window (or a fresh Saturday). */
  const schedule = async (slots: number, w = saturday(week++, '10:30', '12:00')) => {
    const r = await ids(t);
    const { scheduleActivity } = await must(
      t,
      `mutation ($i: ScheduleActivityInput!) { scheduleActivity(input: $i) { id } }`,
      {
        i: {
          projectId,
          title: '午间助餐送餐',
          startsAt: w.windowStart,
          endsAt: w.windowEnd,
          address: '长江新村社区老年食堂',
          volunteerSlots: slots,
          requiredSkills: ['助餐送餐'],
          regionId: r.A1,
        },
      },
      ORG_PHONE,
    );
    return { id: scheduleActivity.id as string, w };
  };
  const mealNeed = (w: { windowStart: string; windowEnd: string }) =>
    openNeed(t, { title: '送午餐上门', category: 'MEAL_ASSISTANCE', requiredSkills: ['助餐送餐'], estimatedMinutes: 60, ...w });
  const needStatus = async (id: string) => (await t.db.query(`SELECT status, claimed_by FROM needs WHERE id = $1`, [id]))[0];

  it('a volunteer holding an activity slot cannot claim, nor be dispatched to, an overlapping need (OVERLAPPING_COMMITMENT)', async () => {
    const [v] = await mealVolunteers(t, 1);
    const a = await schedule(3);
    await must(t, SIGN_UP, { a: a.id }, v);
    const need = await mealNeed({ windowStart: a.w.windowStart, windowEnd: new Date(new Date(a.w.windowStart).getTime() + 60 * 60_000).toISOString() });

    const claimed = await t.gql(CLAIM, { id: need }, await t.login(v));
    expect(codeOf(claimed)).toBe('CONFLICT');
    expect(claimed.errors![0].extensions!.reason).toBe('OVERLAPPING_COMMITMENT');
    const dispatched = await t.gql(DISPATCH, { id: need, v: await volunteerId(t, v) }, await t.login(PHONE.sunLi));
    expect(codeOf(dispatched)).toBe('CONFLICT');
    expect(dispatched.errors![0].extensions!.reason).toBe('OVERLAPPING_COMMITMENT');
    expect(await needStatus(need)).toEqual({ status: 'OPEN', claimed_by: null });

    // Once the slot is given up, the same claim goes through.
    await must(t, `mutation ($a: ID!) { cancelActivitySignup(activityId: $a) { id } }`, { a: a.id }, v);
    expect((await must(t, CLAIM, { id: need }, v)).claimNeed.status).toBe('CLAIMED');
  });

  it('a waitlist place is no commitment: a waitlisted volunteer may still claim an overlapping need', async () => {
    const [holder, waiting] = await mealVolunteers(t, 2);
    const a = await schedule(1);
    await must(t, SIGN_UP, { a: a.id }, holder);
    await must(t, SIGN_UP, { a: a.id, w: true }, waiting);
    const need = await mealNeed(a.w);
    expect((await must(t, CLAIM, { id: need }, waiting)).claimNeed.status).toBe('CLAIMED');
  });

  it('the reverse: a volunteer holding a need cannot sign up for an overlapping activity', async () => {
    const [v] = await mealVolunteers(t, 1);
    const w = saturday(week++, '10:00', '12:00');
    const need = await mealNeed(w);
    await must(t, CLAIM, { id: need }, v);
    const a = await schedule(3, w);
    const res = await t.gql(SIGN_UP, { a: a.id }, await t.login(v));
    expect(codeOf(res)).toBe('CONFLICT');
    expect(res.errors![0].extensions!.reason).toBe('OVERLAPPING_COMMITMENT');
    expect((await t.db.query(`SELECT count(*)::int AS n FROM activity_signups WHERE activity_id = $1`, [a.id]))[0].n).toBe(0);
  });

  it('waitlist promotion re-checks fitness: an unfit first-in-line keeps waiting, the next fit one moves up', async () => {
    const [holder, busy, next] = await mealVolunteers(t, 3);
    const a = await schedule(1);
    await must(t, SIGN_UP, { a: a.id }, holder);
    await must(t, SIGN_UP, { a: a.id, w: true }, busy);
    await must(t, SIGN_UP, { a: a.id, w: true }, next);
    // The first in line has since taken a slot in another activity at the same time: no longer fit for this one.
    const other = await schedule(2, a.w);
    await must(t, SIGN_UP, { a: other.id }, busy);

    await must(t, `mutation ($a: ID!) { cancelActivitySignup(activityId: $a) { id } }`, { a: a.id }, holder);
    const statusOf = async (phone: string) =>
      (
        await must(t, `query ($id: ID!) { activity: project(id: $id) { activities { id mySignup { status } } } }`, { id: projectId }, phone)
      ).activity.activities.find((x: any) => x.id === a.id).mySignup.status;
    expect(await statusOf(next)).toBe('SIGNED_UP');
    expect(await statusOf(busy)).toBe('WAITLISTED');
    expect(await statusOf(holder)).toBe('CANCELLED');
    // Exactly one slot is held: never above the activity's capacity.
    expect((await t.db.query(`SELECT count(*)::int AS n FROM activity_signups WHERE activity_id = $1 AND status = 'SIGNED_UP'`, [a.id]))[0].n).toBe(1);
  });

  it('the admins of every applying organization are told, on another instance, who was awarded and who was not; the reason stays readable', async () => {
    const r = await ids(t);
    const id = (await must(t, PROPOSE, { i: await proposalInput(t, { title: '助餐通知测试项目' }, 100_000, 100_000) }, PHONE.wuFang)).proposeProject.id;
    await must(t, `mutation ($id: ID!) { approveProject(id: $id) { status } }`, { id }, PHONE.heJun);
    await must(
      t,
      `mutation ($id: ID!, $by: DateTime!) { publishProject(id: $id, applyBy: $by) { status } }`,
      { id, by: new Date(Date.now() + 7 * DAY).toISOString() },
      PHONE.wuFang,
    );
    const apply = `mutation ($i: ApplyForProjectInput!) { applyForProject(input: $i) { id } }`;
    const won = (await must(t, apply, { i: { projectId: id, organizationId: r.oldPeople, plan: '每日助餐送餐', quoteFen: 150_000 } }, ORG_PHONE))
      .applyForProject.id;
    const lost = (await must(t, apply, { i: { projectId: id, organizationId: r.mutualAid, plan: '邻里互助送餐', quoteFen: 120_000 } }, ORG_PHONE))
      .applyForProject.id;

    // 郑磊 administers both applicants; he listens on a second instance, so the notice crosses instances.
    const other: NestFastifyApplication = await createApp(t.config, t.databaseUrl);
    await other.listen(0, '127.0.0.1');
    const { port } = other.getHttpServer().address() as { port: number };
    const client = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${await t.login(ORG_PHONE)}` },
      lazy: true,
      retryAttempts: 0,
    });
    try {
      const events: { type: string; projectId: string; applicationId: string; organizationId: string }[] = [];
      client.subscribe(
        { query: `subscription { myProjectNotices { type projectId applicationId organizationId at } }` },
        { next: (v) => events.push((v.data as any).myProjectNotices), error: () => undefined, complete: () => undefined },
      );
      const signals = other.get(ProjectSignals);
      for (let i = 0; i < 500 && signals.subscriberCount === 0; i++) await new Promise((res) => setTimeout(res, 10));
      expect(signals.subscriberCount).toBe(1);

      await must(
        t,
        `mutation ($p: ID!, $a: ID!) { awardProject(projectId: $p, applicationId: $a, reason: "经验丰富") { status } }`,
        { p: id, a: won },
        PHONE.wuFang,
      );
      for (let i = 0; i < 500 && events.length < 2; i++) await new Promise((res) => setTimeout(res, 10));
      expect(events.sort((a, b) => a.type.localeCompare(b.type))).toEqual([
        { type: 'AWARDED', projectId: id, applicationId: won, organizationId: r.oldPeople, at: expect.any(String) },
        { type: 'NOT_AWARDED', projectId: id, applicationId: lost, organizationId: r.mutualAid, at: expect.any(String) },
      ]);
    } finally {
      await client.dispose();
      await other.close();
    }
    // Later, the losing organization reads its application's status and the reason.
    const apps = (await must(t, `query ($id: ID!) { project(id: $id) { applications { id status decisionReason } } }`, { id }, ORG_PHONE)).project.applications;
    expect(apps.find((a: any) => a.id === lost)).toEqual({ id: lost, status: 'NOT_AWARDED', decisionReason: expect.stringContaining('经验丰富') });
  });

  it('a community worker reads the street-level projects that concern their community (a linked need of it), not the others', async () => {
    const plain = (await must(t, PROPOSE, { i: await proposalInput(t, { title: '街道助餐项目（未关联）' }, 10_000, 10_000) }, PHONE.wuFang)).proposeProject.id;
    const need = await mealNeed(saturday(week++, '11:00', '12:00'));
    const linked = (
      await must(t, PROPOSE, { i: await proposalInput(t, { title: '街道助餐项目（关联长江新村需求）', needIds: [need] }, 10_000, 10_000) }, PHONE.wuFang)
    ).proposeProject.id;
    const read = `query ($id: ID!) { project(id: $id) { id status } }`;
    // 孙丽 works for 长江新村 (a community of street A); both projects are street-level and not yet public.
    expect((await must(t, read, { id: plain }, PHONE.sunLi)).project).toBeNull();
    expect((await must(t, read, { id: linked }, PHONE.sunLi)).project).toEqual({ id: linked, status: 'PROPOSED' });
    const listed = (await must(t, `{ projects(first: 100, filter: { status: PROPOSED }) { edges { node { id } } } }`, {}, PHONE.sunLi)).projects.edges.map(
      (e: any) => e.node.id,
    );
    expect(listed).toContain(linked);
    expect(listed).not.toContain(plain);
  });
});
