import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';
import { ok, openNeed, PHONE, saturday, volunteerId } from '../helpers/needs.js';
import { activityHappened, CHARITY_PHONE, DAY, ids, mealVolunteers, must, ORG_PHONE, PROJECT_FIELDS, proposalInput } from '../helpers/projects.js';

const FUND = `query ($id: ID!) { charity(id: $id) { balanceFen availableFen reservedFen paidOutFen booksBalanced entries(first: 10) { edges { node { kind account amountFen transferId projectId } } } } }`;

/**
 * The station's whole loop with the demo accounts (docs/projects.md): 吴芳 proposes a 助餐 project for street A
 * linking needs (half government purchase, half 冯静's fund) → 何军 approves (the fund shows the reservation) →
 * publish → 郑磊's organization applies → award → start → an activity with 3 slots, volunteers sign up,
 * attendance confirmed, each earns → indicators → a tranche → final evaluation → CLOSED; anonymous `projects`
 * shows it without personal data.
 */
describe('projects: the loop end to end', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('proposes, funds, awards, runs, evaluates, closes and discloses a 助餐 project', async () => {
    const r = await ids(t);
    const before = (await must(t, FUND, { id: r.fund }, CHARITY_PHONE)).charity;

    // Two meal needs of 长江新村, and the consultation 议事协商 that put them first.
    const mealNeed = {
      category: 'MEAL_ASSISTANCE',
      title: '每日午餐送餐',
      requiredSkills: ['助餐送餐'],
      ...saturday(3, '11:00', '12:00'),
      estimatedMinutes: 60,
    };
    const need1 = await openNeed(t, mealNeed);
    const need2 = await openNeed(t, { ...mealNeed, ...saturday(4, '11:00', '12:00') }, PHONE.li);
    const { recordConsultation } = await must(
      t,
      `mutation ($i: RecordConsultationInput!) { recordConsultation(input: $i) { id needCount } }`,
      {
        i: {
          communityId: r.A1,
          topic: '老年人吃饭难问题议事会',
          heldAt: new Date(Date.now() - DAY).toISOString(),
          participants: 23,
          decisions: '申请助餐项目，优先独居老人',
          needIds: [need1, need2],
        },
      },
      PHONE.sunLi,
    );
    expect(recordConsultation.needCount).toBe(2);

    // 吴芳 proposes: the needs leave the open feed and show the project.
    const { proposeProject } = await must(
      t,
      `mutation ($i: ProposeProjectInput!) { proposeProject(input: $i) { ${PROJECT_FIELDS} } }`,
      { i: await proposalInput(t, { needIds: [need1, need2], consultationId: recordConsultation.id, targetGroups: ['独居老人'] }) },
      PHONE.wuFang,
    );
    const id = proposeProject.id;
    expect(proposeProject).toMatchObject({ status: 'PROPOSED', budgetFen: '2000000', reservedFen: '0', needCount: 2 });
    expect(proposeProject.history).toEqual([{ action: 'PROPOSE', from: 'PROPOSED', to: 'PROPOSED', reason: null, actor: { name: '吴芳' } }]);
    const feed = await must(t, `{ openNeedsForMe(first: 50) { edges { node { id } } } }`, {}, PHONE.zhangWei);
    expect(feed.openNeedsForMe.edges.map((e: any) => e.node.id)).not.toContain(need1);
    const claim = await t.gql(`mutation ($id: ID!) { claimNeed(id: $id) { id } }`, { id: need1 }, await t.login(PHONE.zhangWei));
    expect(codeOf(claim)).toBe('CONFLICT');
    expect(claim.errors![0].extensions!.reason).toBe('NEED_IN_PROJECT');
    expect((await must(t, `query ($id: ID!) { need(id: $id) { status project { id title } } }`, { id: need1 }, PHONE.wuFang)).need).toEqual({
      status: 'OPEN',
      project: { id, title: '长江新村老年助餐服务项目' },
    });

    // 何军 approves: the charity line is reserved from the fund, double-entry.
    const { approveProject } = await must(
      t,
      `mutation ($id: ID!) { approveProject(id: $id, note: "同意立项") { status reservedFen fundingLines { source reservedFen } } }`,
      { id },
      PHONE.heJun,
    );
    expect(approveProject).toEqual({
      status: 'APPROVED',
      reservedFen: '1000000',
      fundingLines: [
        { source: 'GOVERNMENT_PURCHASE', reservedFen: '0' },
        { source: 'CHARITY_FUND', reservedFen: '1000000' },
      ],
    });
    const reserved = (await must(t, FUND, { id: r.fund }, CHARITY_PHONE)).charity;
    expect(BigInt(reserved.availableFen)).toBe(BigInt(before.availableFen) - 1_000_000n);
    expect(BigInt(reserved.reservedFen)).toBe(BigInt(before.reservedFen) + 1_000_000n);
    expect(reserved.balanceFen).toBe(before.balanceFen);
    expect(reserved.booksBalanced).toBe(true);
    const pair = reserved.entries.edges.map((e: any) => e.node).filter((e: any) => e.projectId === id);
    expect(pair.map((e: any) => [e.kind, e.account, e.amountFen]).sort()).toEqual([
      ['PROJECT_RESERVE', 'AVAILABLE', '-1000000'],
      ['PROJECT_RESERVE', 'RESERVED', '1000000'],
    ]);
    expect(pair[0].transferId).toBe(pair[1].transferId);

    // Publish; 郑磊's two organizations apply; the station awards one with a reason, the other is told.
    await must(
      t,
      `mutation ($id: ID!, $by: DateTime!) { publishProject(id: $id, applyBy: $by) { status } }`,
      { id, by: new Date(Date.now() + 7 * DAY).toISOString() },
      PHONE.wuFang,
    );
    const apply = `mutation ($i: ApplyForProjectInput!) { applyForProject(input: $i) { id status quoteFen } }`;
    const mine = (
      await must(
        t,
        apply,
        { i: { projectId: id, organizationId: r.oldPeople, plan: '中央厨房配餐，志愿者送餐到户', quoteFen: 1_900_000, team: '社工2名、厨师1名' } },
        ORG_PHONE,
      )
    ).applyForProject;
    const other = (await must(t, apply, { i: { projectId: id, organizationId: r.mutualAid, plan: '邻里互助送餐', quoteFen: 1_500_000 } }, ORG_PHONE))
      .applyForProject;
    expect(mine).toMatchObject({ status: 'SUBMITTED', quoteFen: '1900000' });
    const seen = (
      await must(
        t,
        `query ($id: ID!) { project(id: $id) { applications { id organizationName pastEvaluations { projectTitle stage totalScore } } } }`,
        { id },
        PHONE.wuFang,
      )
    ).project;
    expect(seen.applications.map((a: any) => a.organizationName)).toEqual(['梅园新村为老服务中心', '长江新村邻里互助会']);
    // The demo's closed project of 为老服务中心 shows beside its application.
    expect(seen.applications[0].pastEvaluations.length).toBeGreaterThan(0);
    const awarded = (
      await must(
        t,
        `mutation ($p: ID!, $a: ID!) { awardProject(projectId: $p, applicationId: $a, reason: "方案完整、有助餐经验") { status organization { name } applications { id status decisionReason } } }`,
        { p: id, a: mine.id },
        PHONE.wuFang,
      )
    ).awardProject;
    expect(awarded.status).toBe('UNDERTAKEN');
    expect(awarded.organization.name).toBe('梅园新村为老服务中心');
    expect(awarded.applications.find((a: any) => a.id === other.id)).toMatchObject({
      status: 'NOT_AWARDED',
      decisionReason: expect.stringContaining('梅园新村为老服务中心'),
    });
    expect((await must(t, `mutation ($id: ID!) { startProject(id: $id) { status } }`, { id }, PHONE.wuFang)).startProject.status).toBe('RUNNING');

    // An activity with 3 slots: 张伟 and two more sign up; 刘洋 lacks the skill; a fourth waits.
    const w = saturday(2, '10:30', '12:00');
    const { scheduleActivity } = await must(
      t,
      `mutation ($i: ScheduleActivityInput!) { scheduleActivity(input: $i) { id volunteerSlots signedUpCount } }`,
      {
        i: {
          projectId: id,
          title: '午间助餐送餐',
          startsAt: w.windowStart,
          endsAt: w.windowEnd,
          address: '长江新村社区老年食堂',
          volunteerSlots: 3,
          requiredSkills: ['助餐送餐'],
          regionId: r.A1,
        },
      },
      ORG_PHONE,
    );
    const act = scheduleActivity.id;
    const [v2, v3, v4] = await mealVolunteers(t, 3);
    const signUp = `mutation ($a: ID!, $w: Boolean) { signUpForActivity(activityId: $a, waitlist: $w) { signedUpCount waitlistCount mySignup { status waitlistPosition } } }`;
    expect((await must(t, signUp, { a: act }, PHONE.zhangWei)).signUpForActivity).toMatchObject({ signedUpCount: 1, mySignup: { status: 'SIGNED_UP' } });
    const liu = await t.gql(signUp, { a: act }, await t.login(PHONE.liuYang));
    expect(codeOf(liu)).toBe('FORBIDDEN');
    expect(liu.errors![0].extensions!.reason).toBe('NOT_ELIGIBLE');
    await must(t, signUp, { a: act }, v2);
    await must(t, signUp, { a: act }, v3);
    expect(codeOf(await t.gql(signUp, { a: act }, await t.login(v4)))).toBe('CONFLICT');
    expect((await must(t, signUp, { a: act, w: true }, v4)).signUpForActivity).toMatchObject({
      signedUpCount: 3,
      waitlistCount: 1,
      mySignup: { status: 'WAITLISTED', waitlistPosition: 1 },
    });
    // v3 cannot come: v4 moves up.
    await must(t, `mutation ($a: ID!) { cancelActivitySignup(activityId: $a) { signedUpCount } }`, { a: act }, v3);
    expect(
      (await must(t, `query ($id: ID!) { project(id: $id) { activities { signedUpCount waitlistCount } } }`, { id }, PHONE.wuFang)).project.activities,
    ).toEqual([{ signedUpCount: 3, waitlistCount: 0 }]);

    // The session took place: the organization confirms attendance; each attendee earns in the same transaction.
    await activityHappened(t, act);
    const balance = async (phone: string) => (await must(t, `{ myAccount { balanceMinutes donateOnlyMinutes } }`, {}, phone)).myAccount;
    const zhangBefore = await balance(PHONE.zhangWei);
    const attendance = [
      { volunteerId: await volunteerId(t, PHONE.zhangWei), minutes: 90 },
      { volunteerId: await volunteerId(t, v2), minutes: 90 },
      { volunteerId: await volunteerId(t, v4), minutes: 60 },
    ];
    const confirmed = (
      await must(
        t,
        `mutation ($a: ID!, $att: [AttendanceInput!]!, $n: [ID!], $s: SatisfactionInput) {
        confirmActivity(activityId: $a, attendance: $att, peopleServed: 12, needIds: $n, satisfaction: $s) { status attendedCount peopleServed } }`,
        { a: act, att: attendance, n: [need1, need2], s: { surveyed: 12, satisfied: 11 } },
        ORG_PHONE,
      )
    ).confirmActivity;
    expect(confirmed).toEqual({ status: 'CONFIRMED', attendedCount: 3, peopleServed: 12 });
    const zhangAfter = await balance(PHONE.zhangWei);
    expect(zhangAfter.balanceMinutes - zhangBefore.balanceMinutes).toBe(90);
    expect(zhangAfter.donateOnlyMinutes - zhangBefore.donateOnlyMinutes).toBe(90);
    const records = (
      await must(t, `{ myServiceRecords(first: 5) { edges { node { source needId minutes groupActivity beneficiary content } } } }`, {}, v2)
    ).myServiceRecords.edges.map((e: any) => e.node);
    expect(records).toEqual([
      { source: 'ACTIVITY', needId: null, minutes: 90, groupActivity: true, beneficiary: null, content: expect.stringContaining('午间助餐送餐') },
    ]);
    const cert = (
      await must(
        t,
        `mutation ($f: DateTime!, $to: DateTime!) { issueCertificate(from: $f, to: $to) { totalMinutes records { content minutes } } }`,
        { f: new Date(Date.now() - DAY).toISOString(), to: new Date(Date.now() + DAY).toISOString() },
        v2,
      )
    ).issueCertificate;
    expect(cert.totalMinutes).toBe(90);
    expect(cert.records[0].content).toContain('午间助餐送餐');
    expect(Number((await t.db.query(`SELECT count(*) FROM service_records WHERE source = 'ACTIVITY' AND source_id = $1`, [act]))[0].count)).toBe(3);

    // Indicators show the actuals, computed.
    const running = (
      await must(t, `query ($id: ID!) { project(id: $id) { indicators { metric target actual } needs { id fulfilled } } }`, { id }, PHONE.wuFang)
    ).project;
    expect(running.indicators).toEqual(
      expect.arrayContaining([
        { metric: 'SERVICE_MINUTES', target: 6000, actual: 240 },
        { metric: 'PEOPLE_SERVED', target: 200, actual: 12 },
        { metric: 'NEEDS_FULFILLED', target: 2, actual: 2 },
        { metric: 'SESSIONS_HELD', target: 20, actual: 1 },
        { metric: 'VOLUNTEERS_ENGAGED', target: 10, actual: 3 },
        { metric: 'SATISFACTION_RATE', target: 90, actual: 92 },
      ]),
    );
    expect(running.needs.every((n: any) => n.fulfilled)).toBe(true);

    // 冯静 pays a tranche at the start milestone; the same key again pays nothing more.
    const disburse = `mutation ($i: DisburseProjectFundsInput!) { disburseProjectFunds(input: $i) { reservedFen disbursedFen } }`;
    const tranche = { projectId: id, amountFen: 400_000, milestone: '项目启动', idempotencyKey: `start-${id}` };
    expect((await must(t, disburse, { i: tranche }, CHARITY_PHONE)).disburseProjectFunds).toEqual({ reservedFen: '600000', disbursedFen: '400000' });
    expect((await must(t, disburse, { i: tranche }, CHARITY_PHONE)).disburseProjectFunds).toEqual({ reservedFen: '600000', disbursedFen: '400000' });
    const paid = (await must(t, FUND, { id: r.fund }, CHARITY_PHONE)).charity;
    expect(BigInt(paid.paidOutFen)).toBe(BigInt(before.paidOutFen) + 400_000n);
    expect(BigInt(paid.balanceFen)).toBe(BigInt(before.balanceFen) - 400_000n);
    expect(paid.booksBalanced).toBe(true);

    // Final evaluation by the street admin → EVALUATED; then CLOSED.
    const scores = [
      { criterion: '项目管理', weight: 20, score: 90 },
      { criterion: '服务成效', weight: 40, score: 85 },
      { criterion: '财务管理', weight: 20, score: 95 },
      { criterion: '满意度', weight: 20, score: 88 },
    ];
    const evaluation = (
      await must(
        t,
        `mutation ($i: EvaluateProjectInput!) { evaluateProject(input: $i) { stage totalScore indicators { metric actual } } }`,
        { i: { projectId: id, stage: 'FINAL', scores, conclusion: '项目达到预期，建议续期' } },
        PHONE.heJun,
      )
    ).evaluateProject;
    expect(evaluation).toMatchObject({ stage: 'FINAL', totalScore: 88.6 });
    expect(evaluation.indicators).toContainEqual({ metric: 'SERVICE_MINUTES', actual: 240 });
    const closed = (await must(t, `mutation ($id: ID!) { closeProject(id: $id) { ${PROJECT_FIELDS} } }`, { id }, PHONE.wuFang)).closeProject;
    expect(closed.status).toBe('CLOSED');
    expect(closed.history.map((h: any) => `${h.action}:${h.to}`)).toEqual([
      'PROPOSE:PROPOSED',
      'APPROVE:APPROVED',
      'PUBLISH:PUBLISHED',
      'AWARD:UNDERTAKEN',
      'START:RUNNING',
      'DISBURSE:RUNNING',
      'EVALUATE_FINAL:EVALUATED',
      'CLOSE:CLOSED',
    ]);
    expect(closed.history.find((h: any) => h.action === 'AWARD')).toMatchObject({ reason: '方案完整、有助餐经验', actor: { name: '吴芳' } });

    // Anyone, without login: the project is listed and readable, with no personal data.
    const anonymous = await t.gql(
      `query ($r: ID!) { projects(filter: { regionId: $r, status: CLOSED }) { totalCount edges { node { ${PROJECT_FIELDS} } } } }`,
      { r: r.streetA },
    );
    expect(anonymous.errors).toBeUndefined();
    const node = anonymous.data.projects.edges.map((e: any) => e.node).find((p: any) => p.id === id);
    expect(node).toMatchObject({
      status: 'CLOSED',
      needCount: 2,
      needs: [],
      organization: { name: '梅园新村为老服务中心' },
      evaluations: [{ stage: 'FINAL', totalScore: 88.6 }],
    });
    expect(node.activities).toEqual([{ id: act, volunteerSlots: 3, signedUpCount: 3, waitlistCount: 0, attendedCount: 3, status: 'CONFIRMED', signedUp: [] }]);
    expect(node.applications.map((a: any) => a.status)).toEqual(['AWARDED']);
    expect(node.history.every((h: any) => h.actor === null)).toBe(true);
    const text = JSON.stringify(anonymous.data);
    for (const secret of ['王秀英', '李建国', '张伟', '吴芳', '何军', '郑磊', '13800000001', '139', '长江新村3幢']) expect(text).not.toContain(secret);
    const single = await t.gql(`query ($id: ID!) { project(id: $id) { id status needs { id } } }`, { id });
    expect(single.data.project).toEqual({ id, status: 'CLOSED', needs: [] });
  });

  it('hides a project before publication from anyone without a part in it', async () => {
    const { proposeProject } = await ok(
      t,
      `mutation ($i: ProposeProjectInput!) { proposeProject(input: $i) { id } }`,
      { i: await proposalInput(t, {}, 1000, 1000) },
      PHONE.wuFang,
    );
    expect((await t.gql(`query ($id: ID!) { project(id: $id) { id } }`, { id: proposeProject.id })).data.project).toBeNull();
    expect((await t.gql(`query ($id: ID!) { project(id: $id) { id } }`, { id: proposeProject.id }, await t.login(PHONE.zhangWei))).data.project).toBeNull();
    expect((await t.gql(`query ($id: ID!) { project(id: $id) { id } }`, { id: proposeProject.id }, await t.login(PHONE.heJun))).data.project).toEqual({
      id: proposeProject.id,
    });
    const list = await t.gql(`{ projects(first: 100) { edges { node { id status } } } }`);
    expect(list.data.projects.edges.map((e: any) => e.node.status)).not.toContain('PROPOSED');
  });
});
