import { CareVisitsScheduler } from '../../src/care-visits/care-visits.scheduler.js';
import { endOfDay, monthOf } from '../../src/care-visits/visit-schedule.js';
import { needInput, ok, PHONE, saturday } from '../helpers/needs.js';
import { idNumberFor, newResident, personId, regionId } from '../helpers/registry.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

/** Care visits 探访关爱 (issue 14, docs/care-visits.md): the journey, atomic discovery, refusals, the scheduler, races. */
const ENROL = `mutation ($i: EnrollCareInput!) { enrollCare(input: $i) { id status group highRisk person { id name } consentBy { id } history { action reason actor { name } } } }`;
const PLAN = `mutation ($r: ID!, $m: String!) { planVisits(regionId: $r, month: $m) }`;
const TASKS = `query ($f: VisitTaskFilter) { visitTasks(filter: $f, first: 100) { totalCount edges { node {
  id status earliest due last attempts address person { id name masked } assignee { id } visits { outcome counted } } } } }`;
const RECORD = `mutation ($i: RecordVisitInput!) { recordVisit(input: $i) { id outcome counted raisedNeed { id status proxy beneficiary { id } postedBy { id } } task { id status attempts } } }`;
const RATE = `query ($r: ID!, $m: String!, $g: CareGroup) { visitRate(regionId: $r, month: $m, group: $g) {
  due done missed pending rate region { id } children { region { code } due done } groups { group due done } visitors { visitor { id } due done } } }`;
const ROSTER = `query ($f: CareEnrollmentFilter) { careEnrollments(filter: $f, first: 100) { totalCount edges { node { id person { id } status } } } }`;

describe('care visits', () => {
  let t: TestApp;
  let a1: string;
  let month: string;
  const count = async (sql: string, params: unknown[]) => (await t.db.query(sql, params))[0].n as number;

  beforeAll(async () => {
    t = await createTestApp();
    a1 = await regionId(t, '320102002001');
    month = monthOf(new Date());
  });
  afterAll(() => t.close());

  /** A new adult resident of grid A1g1 enrolled by 孙丽, and this month's task for them (assigned to 赵敏, the grid worker). */
  async function enrolledWithTask(): Promise<{ person: string; enrolment: string; task: string; token: string }> {
    const r = await newResident(t, { idNumber: idNumberFor('19440101', String(100 + Math.floor(Math.random() * 800))) });
    const e = await ok(t, ENROL, { i: { personId: r.id, group: 'SPECIAL_HARDSHIP_ELDERLY' } }, PHONE.sunLi);
    expect((await ok(t, PLAN, { r: a1, m: month }, PHONE.sunLi)).planVisits).toBeGreaterThanOrEqual(1);
    const tasks = await t.db.query(`SELECT id FROM visit_tasks WHERE enrollment_id = $1`, [e.enrollCare.id]);
    expect(tasks).toHaveLength(1);
    const [task] = tasks;
    return { person: r.id, enrolment: e.enrollCare.id, task: task.id, token: r.token };
  }

  it('孙丽 enrols with consent → planVisits makes the task → 赵敏 records NOT_HOME (still due) then WELL (done) → visitRate counts it; a second plan creates nothing', async () => {
    const resident = await newResident(t, { idNumber: idNumberFor('19430205', '611') });
    const enrolled = await ok(t, ENROL, { i: { personId: resident.id, group: 'SPECIAL_HARDSHIP_ELDERLY' } }, PHONE.sunLi);
    expect(enrolled.enrollCare).toMatchObject({
      status: 'ACTIVE',
      highRisk: false,
      person: { id: resident.id },
      consentBy: { id: resident.id },
      history: [{ action: 'ENROL', actor: { name: '孙丽' } }],
    });

    const rateBefore = (await ok(t, RATE, { r: a1, m: month }, PHONE.sunLi)).visitRate;
    expect(await ok(t, PLAN, { r: a1, m: month }, PHONE.sunLi)).toEqual({ planVisits: 1 });

    const mine = (await ok(t, TASKS, { f: { mine: true, month } }, PHONE.zhaoMin)).visitTasks;
    const task = mine.edges.map((e: any) => e.node).find((n: any) => n.person.id === resident.id);
    expect(task).toMatchObject({
      status: 'DUE',
      earliest: `${month}-01`,
      attempts: 0,
      person: { name: '测试居民', masked: false },
      assignee: { id: await personId(t, PHONE.zhaoMin) },
    });
    expect(task.due > task.earliest && task.last >= task.due).toBe(true);

    const visitedAt = new Date().toISOString();
    const notHome = await ok(t, RECORD, { i: { taskId: task.id, visitedAt, mode: 'HOME', outcome: 'NOT_HOME' } }, PHONE.zhaoMin);
    expect(notHome.recordVisit).toMatchObject({ outcome: 'NOT_HOME', counted: false, raisedNeed: null, task: { status: 'DUE', attempts: 1 } });
    const well = await ok(t, RECORD, { i: { taskId: task.id, visitedAt, mode: 'HOME', outcome: 'WELL', findings: '身体不错，冰箱有菜' } }, PHONE.zhaoMin);
    expect(well.recordVisit).toMatchObject({ outcome: 'WELL', counted: true, task: { status: 'DONE', attempts: 1 } });

    const rate = (await ok(t, RATE, { r: a1, m: month }, PHONE.sunLi)).visitRate;
    expect(rate).toMatchObject({ region: { id: a1 }, due: rateBefore.due + 1, done: rateBefore.done + 1 });
    expect(rate.rate).toBeCloseTo(rate.done / rate.due);
    const grid1 = (v: any) => v.children.find((c: any) => c.region.code === '32010200200101');
    expect(grid1(rate).done).toBe(grid1(rateBefore).done + 1);
    const zhao = await personId(t, PHONE.zhaoMin);
    expect(rate.visitors.find((v: any) => v.visitor.id === zhao).done).toBe((rateBefore.visitors.find((v: any) => v.visitor.id === zhao)?.done ?? 0) + 1);
    expect(rate.groups.find((g: any) => g.group === 'SPECIAL_HARDSHIP_ELDERLY').done).toBe(rate.done);

    expect(await ok(t, PLAN, { r: a1, m: month }, PHONE.sunLi)).toEqual({ planVisits: 0 });
    expect(await count(`SELECT count(*)::int AS n FROM visit_tasks WHERE person_id = $1`, [resident.id])).toBe(1);

    // The resident sees their own enrolment, not the roster; the staff reads went to the access log.
    expect((await t.gql(`{ myCareEnrollments { id group } }`, {}, resident.token)).data.myCareEnrollments).toEqual([
      { id: enrolled.enrollCare.id, group: 'SPECIAL_HARDSHIP_ELDERLY' },
    ]);
    expect(codeOf(await t.gql(ROSTER, {}, resident.token))).toBe('FORBIDDEN');
    const roster = (await ok(t, ROSTER, { f: { regionId: a1 } }, PHONE.sunLi)).careEnrollments;
    expect(roster.edges.map((e: any) => e.node.person.id)).toContain(resident.id);
    expect(
      await count(`SELECT count(*)::int AS n FROM pii_access_log WHERE viewer_id = $1 AND subject_id = $2 AND field = 'care_enrollment'`, [
        await personId(t, PHONE.sunLi),
        resident.id,
      ]),
    ).toBeGreaterThan(0);
  });

  it('raiseNeed posts a SUBMITTED proxy need linked to the visit in the same transaction: a bad need input leaves no visit either', async () => {
    const { person, task } = await enrolledWithTask();
    const visitedAt = new Date().toISOString();
    const bad = await t.gql(
      RECORD,
      {
        i: {
          taskId: task,
          visitedAt,
          mode: 'HOME',
          outcome: 'CONCERN',
          findings: '家中缺米',
          risks: ['NO_FOOD'],
          raiseNeed: needInput({
            title: '帮忙买米',
            category: 'MEAL_ASSISTANCE',
            requiredSkills: ['助餐送餐'],
            windowStart: '2020-01-01T02:00:00Z',
            windowEnd: '2020-01-01T04:00:00Z',
          }),
        },
      },
      await t.login(PHONE.zhaoMin),
    );
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'windowStart' }] });
    expect(await count(`SELECT count(*)::int AS n FROM care_visits WHERE task_id = $1`, [task])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM needs WHERE beneficiary_id = $1`, [person])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM care_follow_ups WHERE task_id = $1`, [task])).toBe(0);
    expect((await t.db.query(`SELECT status FROM visit_tasks WHERE id = $1`, [task]))[0].status).toBe('DUE');

    const good = await ok(
      t,
      RECORD,
      {
        i: {
          taskId: task,
          visitedAt,
          mode: 'HOME',
          outcome: 'CONCERN',
          findings: '家中缺米',
          risks: ['NO_FOOD'],
          raiseNeed: needInput({
            title: '帮忙买米',
            category: 'MEAL_ASSISTANCE',
            requiredSkills: ['助餐送餐'],
            ...saturday(0, '10:00', '11:00'),
            estimatedMinutes: 60,
          }),
        },
      },
      PHONE.zhaoMin,
    );
    const zhao = await personId(t, PHONE.zhaoMin);
    expect(good.recordVisit).toMatchObject({
      outcome: 'CONCERN',
      counted: true,
      task: { status: 'DONE' },
      raisedNeed: { status: 'SUBMITTED', proxy: true, beneficiary: { id: person }, postedBy: { id: zhao } },
    });
    const [visit] = await t.db.query(`SELECT raised_need_id FROM care_visits WHERE id = $1`, [good.recordVisit.id]);
    expect(visit.raised_need_id).toBe(good.recordVisit.raisedNeed.id);
    const followUps = await t.db.query(`SELECT kind, status, due_at > now() AS later FROM care_follow_ups WHERE task_id = $1`, [task]);
    expect(followUps).toEqual([{ kind: 'CONCERN', status: 'OPEN', later: true }]);
  });

  it("refuses, with codes, and changes nothing: a volunteer reading the roster, B1 staff on an A1 person, a child without a guardian, someone else's task", async () => {
    const wang = await personId(t, PHONE.wang);
    const enrolments = () => count(`SELECT count(*)::int AS n FROM care_enrollments`, []);
    const before = await enrolments();

    expect(codeOf(await t.gql(ROSTER, {}, await t.login(PHONE.zhangWei)))).toBe('FORBIDDEN');
    const zhangTasks = (await ok(t, TASKS, { f: {} }, PHONE.zhangWei)).visitTasks;
    expect(zhangTasks.totalCount).toBe(0);

    const zhou = await t.login(PHONE.zhouQiang);
    const byB1 = await t.gql(ENROL, { i: { personId: await personId(t, PHONE.li), group: 'DISABLED' } }, zhou);
    expect(byB1.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CARE_SCOPE' });
    const [wangEnrolment] = await t.db.query(`SELECT id FROM care_enrollments WHERE person_id = $1`, [wang]);
    expect(codeOf(await t.gql(`query ($id: ID!) { careEnrollment(id: $id) { id } }`, { id: wangEnrolment.id }, zhou))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(ROSTER, { f: { regionId: a1 } }, zhou))).toBe('FORBIDDEN');
    const b1Roster = (await ok(t, ROSTER, {}, PHONE.zhouQiang)).careEnrollments;
    expect(b1Roster.edges.map((e: any) => e.node.person.id)).not.toContain(wang);
    expect(
      await count(`SELECT count(*)::int AS n FROM pii_access_log WHERE viewer_id = $1 AND subject_id = $2`, [await personId(t, PHONE.zhouQiang), wang]),
    ).toBe(0);

    const child = await newResident(t, { idNumber: idNumberFor('20170601', '612') });
    const noGuardian = await t.gql(ENROL, { i: { personId: child.id, group: 'CHILD_IN_DIFFICULTY' } }, await t.login(PHONE.sunLi));
    expect(noGuardian.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'GUARDIAN_CONSENT_REQUIRED', fields: [{ field: 'consentBy' }] });
    const stranger = await newResident(t, { idNumber: idNumberFor('19800601', '613') });
    const notRelative = await t.gql(ENROL, { i: { personId: child.id, group: 'CHILD_IN_DIFFICULTY', consentBy: stranger.id } }, await t.login(PHONE.sunLi));
    expect(notRelative.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CONSENT_NOT_RELATIVE' });
    expect(await enrolments()).toBe(before);
    // With a guardian (an adult recorded relative) the child is enrolled.
    await ok(
      t,
      `mutation ($p: ID!, $r: ID!) { recordRelative(personId: $p, relativeId: $r, relation: "母亲", reverseRelation: "子女") { id } }`,
      { p: child.id, r: stranger.id },
      PHONE.sunLi,
    );
    const withGuardian = await ok(t, ENROL, { i: { personId: child.id, group: 'CHILD_IN_DIFFICULTY', consentBy: stranger.id } }, PHONE.sunLi);
    expect(withGuardian.enrollCare.consentBy.id).toBe(stranger.id);

    const [wangTask] = await t.db.query(`SELECT id, status, attempts FROM visit_tasks WHERE person_id = $1 AND month = $2`, [wang, month]);
    const input = { taskId: wangTask.id, visitedAt: new Date().toISOString(), mode: 'HOME', outcome: 'WELL' };
    for (const phone of [PHONE.zhangWei, PHONE.sunLi, PHONE.wang]) {
      const res = await t.gql(RECORD, { i: input }, await t.login(phone));
      expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ASSIGNEE' });
    }
    expect(await count(`SELECT count(*)::int AS n FROM care_visits WHERE task_id = $1`, [wangTask.id])).toBe(0);
    expect((await t.db.query(`SELECT status, attempts FROM visit_tasks WHERE id = $1`, [wangTask.id]))[0]).toEqual({
      status: wangTask.status,
      attempts: wangTask.attempts,
    });
  });

  it('a vetted volunteer given a task sees only it (masked name, exact address) and earns its minutes once', async () => {
    const { task, person } = await enrolledWithTask();
    await t.db.query(`UPDATE persons SET address = '长江新村7幢303室' WHERE id = $1`, [person]);
    const zhang = await personId(t, PHONE.zhangWei);
    const notEligible = await t.gql(
      `mutation ($t: ID!, $v: ID!) { assignVisit(taskId: $t, visitorId: $v) { id } }`,
      { t: task, v: await personId(t, PHONE.chenJing) },
      await t.login(PHONE.sunLi),
    );
    expect(notEligible.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VISITOR_NOT_ELIGIBLE' });
    const assigned = await ok(
      t,
      `mutation ($t: ID!, $v: ID!) { assignVisit(taskId: $t, visitorId: $v) { id assignee { id } } }`,
      { t: task, v: zhang },
      PHONE.sunLi,
    );
    expect(assigned.assignVisit.assignee.id).toBe(zhang);
    const seen = (await ok(t, TASKS, { f: { mine: true } }, PHONE.zhangWei)).visitTasks;
    expect(seen.totalCount).toBe(1);
    expect(seen.edges[0].node).toMatchObject({ id: task, person: { masked: true, name: '测*' } });
    expect(seen.edges[0].node.address).toBe('长江新村7幢303室');
    // Before the task was theirs, the same volunteer saw nothing of it.
    expect(
      codeOf(
        await t.gql(
          `query ($id: ID!) { visitTask(id: $id) { id } }`,
          { id: (await t.db.query(`SELECT id FROM visit_tasks WHERE person_id = $1`, [await personId(t, PHONE.wang)]))[0].id },
          await t.login(PHONE.zhangWei),
        ),
      ),
    ).toBe('FORBIDDEN');
    await ok(t, RECORD, { i: { taskId: task, visitedAt: new Date().toISOString(), mode: 'PHONE', outcome: 'WELL', minutes: 25 } }, PHONE.zhangWei);
    const records = await t.db.query(`SELECT r.source, r.minutes FROM service_records r JOIN care_visits v ON v.id = r.source_id WHERE v.task_id = $1`, [task]);
    expect(records).toEqual([{ source: 'VISIT', minutes: 25 }]);
    const again = await t.gql(
      RECORD,
      { i: { taskId: task, visitedAt: new Date().toISOString(), mode: 'PHONE', outcome: 'WELL' } },
      await t.login(PHONE.zhangWei),
    );
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'TASK_NOT_DUE' });
    expect(await count(`SELECT count(*)::int AS n FROM service_records WHERE source = 'VISIT' AND volunteer_person_id = $1`, [zhang])).toBe(1);
  });

  it('pauseCare and endCare keep reasons and history; paused persons are not due; MOVED by a grid worker waits for staff to confirm', async () => {
    const paused = await enrolledWithTask();
    const until = new Date(Date.now() + 40 * 86400_000).toISOString();
    const p = await ok(
      t,
      `mutation ($id: ID!, $u: DateTime!) { pauseCare(id: $id, until: $u, reason: "住院治疗") { status pauseReason history { action reason } } }`,
      { id: paused.enrolment, u: until },
      PHONE.sunLi,
    );
    expect(p.pauseCare).toMatchObject({ status: 'PAUSED', pauseReason: '住院治疗', history: [{ action: 'ENROL' }, { action: 'PAUSE', reason: '住院治疗' }] });
    expect((await t.db.query(`SELECT status FROM visit_tasks WHERE id = $1`, [paused.task]))[0].status).toBe('CANCELLED');
    expect(await ok(t, PLAN, { r: a1, m: month }, PHONE.sunLi)).toEqual({ planVisits: 0 });

    const moved = await enrolledWithTask();
    await ok(t, RECORD, { i: { taskId: moved.task, visitedAt: new Date().toISOString(), mode: 'HOME', outcome: 'MOVED' } }, PHONE.zhaoMin);
    const [item] = await t.db.query(`SELECT id, kind, status FROM care_follow_ups WHERE task_id = $1`, [moved.task]);
    expect(item).toMatchObject({ kind: 'END_CONFIRMATION', status: 'OPEN' });
    expect((await t.db.query(`SELECT ended_at FROM care_enrollments WHERE id = $1`, [moved.enrolment]))[0].ended_at).toBeNull();
    const ended = await ok(
      t,
      `mutation ($id: ID!) { endCare(id: $id, reason: "已迁往外地") { status endReason history { action } } }`,
      { id: moved.enrolment },
      PHONE.sunLi,
    );
    expect(ended.endCare).toMatchObject({ status: 'ENDED', endReason: '已迁往外地' });
    expect(ended.endCare.history.map((h: any) => h.action)).toEqual(['ENROL', 'END_REPORTED', 'END']);
    expect((await t.db.query(`SELECT status FROM care_follow_ups WHERE id = $1`, [item.id]))[0].status).toBe('RESOLVED');
    const twice = await t.gql(`mutation ($id: ID!) { endCare(id: $id, reason: "再次") { status } }`, { id: moved.enrolment }, await t.login(PHONE.sunLi));
    expect(twice.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ENROLLMENT_ENDED' });
  });

  it('visit rules are set per region and inherited; a high-risk person is visited at home only; HOSPITALIZED pauses', async () => {
    const streetA = await regionId(t, '320102002');
    const RULE = `query ($r: ID!, $g: CareGroup!, $h: Boolean) { visitRule(regionId: $r, group: $g, highRisk: $h) { visitsPerMonth modes setByRegionId } }`;
    expect((await ok(t, RULE, { r: a1, g: 'SPECIAL_HARDSHIP_ELDERLY', h: true }, PHONE.sunLi)).visitRule).toEqual({
      visitsPerMonth: 4,
      modes: ['HOME'],
      setByRegionId: null,
    });
    const SET = `mutation ($i: SetVisitRuleInput!) { setVisitRule(input: $i) { visitsPerMonth } }`;
    const input = { regionId: streetA, group: 'CHILD_IN_DIFFICULTY', highRisk: false, visitsPerMonth: 2, modes: ['HOME', 'VIDEO'] };
    expect(codeOf(await t.gql(SET, { i: input }, await t.login(PHONE.sunLi)))).toBe('FORBIDDEN');
    expect(await ok(t, SET, { i: input }, PHONE.heJun)).toEqual({ setVisitRule: { visitsPerMonth: 2 } });
    expect((await ok(t, RULE, { r: a1, g: 'CHILD_IN_DIFFICULTY' }, PHONE.sunLi)).visitRule).toEqual({
      visitsPerMonth: 2,
      modes: ['HOME', 'VIDEO'],
      setByRegionId: streetA,
    });
    const bad = await t.gql(SET, { i: { ...input, visitsPerMonth: 0 } }, await t.login(PHONE.heJun));
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RULE_INVALID' });

    const r = await newResident(t, { idNumber: idNumberFor('19380808', '616') });
    const e = await ok(t, ENROL, { i: { personId: r.id, group: 'SPECIAL_HARDSHIP_ELDERLY', highRisk: true } }, PHONE.sunLi);
    await ok(t, PLAN, { r: a1, m: month }, PHONE.sunLi);
    const tasks = await t.db.query(`SELECT id, modes FROM visit_tasks WHERE enrollment_id = $1 ORDER BY slot`, [e.enrollCare.id]);
    expect(tasks.length).toBeGreaterThanOrEqual(1);
    expect(tasks.length).toBeLessThanOrEqual(4);
    expect(tasks[0].modes).toEqual(['HOME']);
    const current = tasks[0].id;
    const phone = await ok(t, RECORD, { i: { taskId: current, visitedAt: new Date().toISOString(), mode: 'PHONE', outcome: 'WELL' } }, PHONE.zhaoMin);
    expect(phone.recordVisit).toMatchObject({ counted: false, task: { status: 'DUE', attempts: 1 } });
    const hospital = await ok(
      t,
      RECORD,
      { i: { taskId: current, visitedAt: new Date().toISOString(), mode: 'PHONE', outcome: 'HOSPITALIZED' } },
      PHONE.zhaoMin,
    );
    expect(hospital.recordVisit.task.status).toBe('CANCELLED');
    const [enrolment] = await t.db.query(`SELECT paused_until IS NOT NULL AS paused, pause_reason FROM care_enrollments WHERE id = $1`, [e.enrollCare.id]);
    expect(enrolment).toEqual({ paused: true, pause_reason: '探访时得知住院' });
  });

  it('planVisits run twice at once creates each task once', async () => {
    const people = [];
    for (let i = 0; i < 3; i++) {
      const r = await newResident(t, { idNumber: idNumberFor('19400101', String(700 + i)) });
      await ok(t, ENROL, { i: { personId: r.id, group: 'LOW_INCOME' } }, PHONE.sunLi);
      people.push(r.id);
    }
    const token = await t.login(PHONE.sunLi);
    const runs = await Promise.all([t.gql(PLAN, { r: a1, m: month }, token), t.gql(PLAN, { r: a1, m: month }, token)]);
    expect(runs.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(runs[0].data.planVisits + runs[1].data.planVisits).toBe(3);
    expect(await count(`SELECT count(*)::int AS n FROM visit_tasks WHERE person_id = ANY($1::uuid[])`, [people])).toBe(3);
  });

  it('the scheduler past the last day marks a task MISSED once and opens its callback once, with two runs at once (as on two instances)', async () => {
    const { task } = await enrolledWithTask();
    const [row] = await t.db.query(`SELECT to_char(last, 'YYYY-MM-DD') AS last FROM visit_tasks WHERE id = $1`, [task]);
    const clock = new Date(endOfDay(row.last).getTime() + 3600_000);
    const scheduler = t.app.get(CareVisitsScheduler);
    const [first, second] = await Promise.all([scheduler.run(clock), scheduler.run(clock)]);
    expect(first.missed + second.missed).toBeGreaterThanOrEqual(1);
    await scheduler.run(clock);
    expect((await t.db.query(`SELECT status, missed_at IS NOT NULL AS marked FROM visit_tasks WHERE id = $1`, [task]))[0]).toEqual({
      status: 'MISSED',
      marked: true,
    });
    expect(await count(`SELECT count(*)::int AS n FROM visit_task_events WHERE task_id = $1 AND action = 'MISS'`, [task])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM care_follow_ups WHERE task_id = $1 AND kind = 'MISSED_CALLBACK'`, [task])).toBe(1);
    const rate = (await ok(t, RATE, { r: a1, m: month }, PHONE.sunLi)).visitRate;
    expect(rate.missed).toBeGreaterThanOrEqual(1);
    const followUps = (await ok(t, `{ careFollowUps(filter: { status: "OPEN" }, first: 100) { edges { node { kind task { id } } } } }`, {}, PHONE.sunLi))
      .careFollowUps;
    expect(followUps.edges.filter((e: any) => e.node.task.id === task).map((e: any) => e.node.kind)).toEqual(['MISSED_CALLBACK']);
  });
});
