import { codeOf, createTestApp, GqlResponse, TestApp } from '../helpers/test-app.js';
import { openNeed, PHONE } from '../helpers/needs.js';
import { activity, CHARITY_PHONE, DAY, ids, must, ORG_PHONE, PROPOSE, proposalInput, runningProject } from '../helpers/projects.js';
import { PROJECT_MACHINE, ProjectAction, ProjectStatus } from '../../src/projects/project-transitions.js';

/** What a project looks like in the database: status, history, money and applications (to prove a refusal changed nothing). */
async function snapshot(t: TestApp, id: string) {
  const [row] = await t.db.query(
    `SELECT p.status, p.organization_id,
            (SELECT count(*)::int FROM project_events e WHERE e.project_id = p.id) AS events,
            (SELECT coalesce(sum(reserved_fen), 0)::int FROM project_funding_lines f WHERE f.project_id = p.id) AS reserved,
            (SELECT coalesce(sum(disbursed_fen), 0)::int FROM project_funding_lines f WHERE f.project_id = p.id) AS disbursed,
            (SELECT count(*)::int FROM charity_entries c WHERE c.target_type = 'PROJECT' AND c.target_id = p.id) AS charity_entries,
            (SELECT count(*)::int FROM project_applications a WHERE a.project_id = p.id) AS applications,
            (SELECT count(*)::int FROM project_activities a WHERE a.project_id = p.id) AS activities,
            (SELECT count(*)::int FROM project_evaluations a WHERE a.project_id = p.id) AS evaluations
       FROM projects p WHERE p.id = $1`,
    [id],
  );
  return row;
}

const fundRow = async (t: TestApp, fund: string) =>
  (await must(t, `query ($id: ID!) { charity(id: $id) { availableFen reservedFen paidOutFen booksBalanced } }`, { id: fund }, CHARITY_PHONE)).charity;

describe('projects: refusals change nothing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // 周强 also administers street B (the other street): he has the permissions, not the scope.
    await t.db.query(
      `INSERT INTO role_grants (person_id, role, region_id) SELECT p.id, 'STREET_ADMIN', r.id FROM persons p, regions r WHERE p.phone = $1 AND r.code = '320102003'`,
      [PHONE.zhouQiang],
    );
  });
  afterAll(() => t.close());

  it('a street-B worker acting on a street-A project: FORBIDDEN', async () => {
    const r = await ids(t);
    const id = (await must(t, PROPOSE, { i: await proposalInput(t) }, PHONE.wuFang)).proposeProject.id;
    const before = await snapshot(t, id);
    const fund = await fundRow(t, r.fund);
    const token = await t.login(PHONE.zhouQiang);
    for (const q of [
      `mutation ($id: ID!) { approveProject(id: $id) { id } }`,
      `mutation ($id: ID!) { rejectProject(id: $id, reason: "不同意") { id } }`,
      `mutation ($id: ID!) { cancelProject(id: $id, reason: "取消") { id } }`,
    ]) {
      const res = await t.gql(q, { id }, token);
      expect(codeOf(res)).toBe('FORBIDDEN');
    }
    const propose = await t.gql(PROPOSE, { i: await proposalInput(t, { title: '越界立项' }) }, token);
    expect(codeOf(propose)).toBe('FORBIDDEN');
    expect((await t.db.query(`SELECT count(*)::int AS n FROM projects WHERE title = '越界立项'`))[0].n).toBe(0);
    const consult = await t.gql(
      `mutation ($i: RecordConsultationInput!) { recordConsultation(input: $i) { id } }`,
      { i: { communityId: r.A1, topic: '越界议事', heldAt: new Date().toISOString(), participants: 3, decisions: '越界决定' } },
      token,
    );
    expect(codeOf(consult)).toBe('FORBIDDEN');
    expect(await snapshot(t, id)).toEqual(before);
    expect(await fundRow(t, r.fund)).toEqual(fund);
  });

  it("over-reservation: approving beyond the fund's available balance is INSUFFICIENT_BALANCE", async () => {
    const r = await ids(t);
    const fund = await fundRow(t, r.fund);
    const id = (await must(t, PROPOSE, { i: await proposalInput(t, {}, Number(fund.availableFen) + 1) }, PHONE.wuFang)).proposeProject.id;
    const before = await snapshot(t, id);
    const res = await t.gql(`mutation ($id: ID!) { approveProject(id: $id) { id } }`, { id }, await t.login(PHONE.heJun));
    expect(codeOf(res)).toBe('INSUFFICIENT_BALANCE');
    expect(await snapshot(t, id)).toEqual(before);
    expect(await fundRow(t, r.fund)).toEqual(fund);
  });

  it('over-disbursement is LIMIT_EXCEEDED; a reused key with other figures is CONFLICT; cancelling releases the rest', async () => {
    const r = await ids(t);
    const need = await openNeed(t, { category: 'MEAL_ASSISTANCE', requiredSkills: ['助餐送餐'] });
    const id = await runningProject(t, { needIds: [need] }, 100_000);
    const disburse = `mutation ($i: DisburseProjectFundsInput!) { disburseProjectFunds(input: $i) { disbursedFen reservedFen } }`;
    const token = await t.login(CHARITY_PHONE);
    const fund = await fundRow(t, r.fund);
    let before = await snapshot(t, id);
    const over = await t.gql(disburse, { i: { projectId: id, amountFen: 100_001, milestone: '项目启动', idempotencyKey: 'over' } }, token);
    expect(codeOf(over)).toBe('LIMIT_EXCEEDED');
    expect(over.errors![0].extensions!.reason).toBe('DISBURSEMENT_EXCEEDS_RESERVED');
    expect(await snapshot(t, id)).toEqual(before);
    expect(await fundRow(t, r.fund)).toEqual(fund);

    expect(
      (await must(t, disburse, { i: { projectId: id, amountFen: 30_000, milestone: '项目启动', idempotencyKey: 'k1' } }, CHARITY_PHONE)).disburseProjectFunds,
    ).toEqual({ disbursedFen: '30000', reservedFen: '70000' });
    before = await snapshot(t, id);
    const reused = await t.gql(disburse, { i: { projectId: id, amountFen: 40_000, milestone: '项目启动', idempotencyKey: 'k1' } }, token);
    expect(codeOf(reused)).toBe('CONFLICT');
    expect(reused.errors![0].extensions!.reason).toBe('IDEMPOTENCY_KEY_REUSED');
    const second = await t.gql(disburse, { i: { projectId: id, amountFen: 70_001, milestone: '中期', idempotencyKey: 'k2' } }, token);
    expect(codeOf(second)).toBe('LIMIT_EXCEEDED');
    expect(await snapshot(t, id)).toEqual(before);

    // Cancelling releases what is left (70 000 fen) back to the fund's available money; the need returns to the feed.
    const mid = await fundRow(t, r.fund);
    const cancelled = (
      await must(
        t,
        `mutation ($id: ID!) { cancelProject(id: $id, reason: "承接组织被暂停") { status reservedFen disbursedFen statusReason fundingLines { source releasedFen } } }`,
        { id },
        PHONE.heJun,
      )
    ).cancelProject;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', reservedFen: '0', disbursedFen: '30000', statusReason: '承接组织被暂停' });
    expect(cancelled.fundingLines).toContainEqual({ source: 'CHARITY_FUND', releasedFen: '70000' });
    const after = await fundRow(t, r.fund);
    expect(BigInt(after.availableFen) - BigInt(mid.availableFen)).toBe(70_000n);
    expect(BigInt(mid.reservedFen) - BigInt(after.reservedFen)).toBe(70_000n);
    expect(after.booksBalanced).toBe(true);
    expect((await must(t, `query ($id: ID!) { need(id: $id) { project { id } } }`, { id: need }, PHONE.sunLi)).need.project).toBeNull();
  });

  it('a quote above the budget is BAD_USER_INPUT on quoteFen; one live application per organization; withdraw and apply again', async () => {
    const r = await ids(t);
    const id = (await must(t, PROPOSE, { i: await proposalInput(t, {}, 1000, 1000) }, PHONE.wuFang)).proposeProject.id;
    await must(t, `mutation ($id: ID!) { approveProject(id: $id) { id } }`, { id }, PHONE.heJun);
    await must(
      t,
      `mutation ($id: ID!, $by: DateTime!) { publishProject(id: $id, applyBy: $by) { id } }`,
      { id, by: new Date(Date.now() + DAY).toISOString() },
      PHONE.wuFang,
    );
    const apply = `mutation ($i: ApplyForProjectInput!) { applyForProject(input: $i) { id status } }`;
    const before = await snapshot(t, id);
    const res = await t.gql(apply, { i: { projectId: id, organizationId: r.oldPeople, plan: '送餐', quoteFen: 2001 } }, await t.login(ORG_PHONE));
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.fields).toEqual([{ field: 'quoteFen', message: '报价不能超过项目预算 2000 分' }]);
    expect(await snapshot(t, id)).toEqual(before);
    const first = (await must(t, apply, { i: { projectId: id, organizationId: r.oldPeople, plan: '送餐', quoteFen: 2000 } }, ORG_PHONE)).applyForProject;
    expect(codeOf(await t.gql(apply, { i: { projectId: id, organizationId: r.oldPeople, plan: '再次', quoteFen: 1000 } }, await t.login(ORG_PHONE)))).toBe(
      'CONFLICT',
    );
    // Another organization's admin may not apply in its name.
    expect(codeOf(await t.gql(apply, { i: { projectId: id, organizationId: r.oldPeople, plan: '冒名', quoteFen: 1000 } }, await t.login(PHONE.sunLi)))).toBe(
      'FORBIDDEN',
    );
    expect(
      (await must(t, `mutation ($id: ID!) { withdrawProjectApplication(id: $id) { status } }`, { id: first.id }, ORG_PHONE)).withdrawProjectApplication.status,
    ).toBe('WITHDRAWN');
    expect(
      (await must(t, apply, { i: { projectId: id, organizationId: r.oldPeople, plan: '修订方案', quoteFen: 1800 } }, ORG_PHONE)).applyForProject.status,
    ).toBe('SUBMITTED');
  });

  it('evaluation: weights must sum to 100; a granted evaluator organization may evaluate, the undertaking one may not', async () => {
    const r = await ids(t);
    const id = await runningProject(t);
    const evaluate = `mutation ($i: EvaluateProjectInput!) { evaluateProject(input: $i) { stage totalScore } }`;
    const before = await snapshot(t, id);
    const bad = await t.gql(
      evaluate,
      {
        i: {
          projectId: id,
          stage: 'MIDTERM',
          scores: [
            { criterion: '成效', weight: 60, score: 80 },
            { criterion: '管理', weight: 30, score: 80 },
          ],
          conclusion: '中期',
        },
      },
      await t.login(PHONE.heJun),
    );
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    const scores = [
      { criterion: '成效', weight: 60, score: 80 },
      { criterion: '管理', weight: 40, score: 70 },
    ];
    // 郑磊 admins both organizations: as the undertaking one he may not evaluate; as an ungranted one neither.
    for (const org of [r.oldPeople, r.mutualAid]) {
      const res = await t.gql(
        evaluate,
        { i: { projectId: id, stage: 'MIDTERM', scores, conclusion: '中期', evaluatorOrganizationId: org } },
        await t.login(ORG_PHONE),
      );
      expect(codeOf(res)).toBe('FORBIDDEN');
    }
    expect(await snapshot(t, id)).toEqual(before);
    await must(
      t,
      `mutation ($o: ID!, $r: ID!) { grantProjectEvaluator(organizationId: $o, regionId: $r) { id } }`,
      { o: r.mutualAid, r: r.streetA },
      PHONE.heJun,
    );
    const ok = (
      await must(t, evaluate, { i: { projectId: id, stage: 'MIDTERM', scores, conclusion: '进度正常', evaluatorOrganizationId: r.mutualAid } }, ORG_PHONE)
    ).evaluateProject;
    expect(ok).toEqual({ stage: 'MIDTERM', totalScore: 76 });
    expect((await snapshot(t, id)).status).toBe('RUNNING');
  });

  it('suspend and resume a running project, with the reason in its history', async () => {
    const id = await runningProject(t);
    expect(
      (await must(t, `mutation ($id: ID!) { suspendProject(id: $id, reason: "承接组织整改") { status statusReason } }`, { id }, PHONE.heJun)).suspendProject,
    ).toEqual({ status: 'SUSPENDED', statusReason: '承接组织整改' });
    const a = await t.gql(
      `mutation ($i: ScheduleActivityInput!) { scheduleActivity(input: $i) { id } }`,
      {
        i: {
          projectId: id,
          title: '暂停中',
          startsAt: new Date(Date.now() + DAY).toISOString(),
          endsAt: new Date(Date.now() + DAY + 3600_000).toISOString(),
          address: '食堂',
          volunteerSlots: 1,
        },
      },
      await t.login(ORG_PHONE),
    );
    expect(codeOf(a)).toBe('CONFLICT');
    expect(
      (await must(t, `mutation ($id: ID!) { resumeProject(id: $id) { status statusReason history { action reason } } }`, { id }, PHONE.wuFang)).resumeProject,
    ).toMatchObject({ status: 'RUNNING', statusReason: null });
    expect(await activity(t, id, 2)).toBeTruthy();
  });

  it('a rejected proposal gives its needs back to the open feed', async () => {
    const need = await openNeed(t, { category: 'MEAL_ASSISTANCE', requiredSkills: ['助餐送餐'] });
    const id = (await must(t, PROPOSE, { i: await proposalInput(t, { needIds: [need] }) }, PHONE.wuFang)).proposeProject.id;
    const twice = await t.gql(PROPOSE, { i: await proposalInput(t, { needIds: [need] }) }, await t.login(PHONE.wuFang));
    expect(codeOf(twice)).toBe('CONFLICT');
    const noReason = await t.gql(`mutation ($id: ID!) { rejectProject(id: $id, reason: " ") { id } }`, { id }, await t.login(PHONE.heJun));
    expect(codeOf(noReason)).toBe('BAD_USER_INPUT');
    expect(
      (await must(t, `mutation ($id: ID!) { rejectProject(id: $id, reason: "预算依据不足") { status statusReason } }`, { id }, PHONE.heJun)).rejectProject,
    ).toEqual({ status: 'REJECTED', statusReason: '预算依据不足' });
    expect((await must(t, `query ($id: ID!) { need(id: $id) { project { id } } }`, { id: need }, PHONE.sunLi)).need.project).toBeNull();
  });

  /**
   * The table over HTTP: a project is put in each status (by SQL: reaching every status through the API is the
   * journey's job) and every operation is tried by a party that holds its permission. Where the table does not
   * allow the action from that status the answer is CONFLICT and nothing changes.
   */
  it('walks the table: every operation from every status it does not allow is CONFLICT, changing nothing', async () => {
    const r = await ids(t);
    const id = (await must(t, PROPOSE, { i: await proposalInput(t, {}, 1000, 1000) }, PHONE.wuFang)).proposeProject.id;
    await t.db.query(`UPDATE projects SET organization_id = $2 WHERE id = $1`, [id, r.oldPeople]);
    const scores = [{ criterion: '成效', weight: 100, score: 80 }];
    const ops: Record<ProjectAction, [string, string, Record<string, unknown>]> = {
      APPROVE: [PHONE.heJun, `mutation ($id: ID!) { approveProject(id: $id) { id } }`, {}],
      REJECT: [PHONE.heJun, `mutation ($id: ID!) { rejectProject(id: $id, reason: "r") { id } }`, {}],
      PUBLISH: [
        PHONE.wuFang,
        `mutation ($id: ID!, $by: DateTime!) { publishProject(id: $id, applyBy: $by) { id } }`,
        { by: new Date(Date.now() + DAY).toISOString() },
      ],
      APPLY: [
        ORG_PHONE,
        `mutation ($id: ID!, $o: ID!) { applyForProject(input: { projectId: $id, organizationId: $o, plan: "方案", quoteFen: 100 }) { id } }`,
        { o: r.oldPeople },
      ],
      AWARD: [
        PHONE.wuFang,
        `mutation ($id: ID!, $a: ID!) { awardProject(projectId: $id, applicationId: $a, reason: "r") { id } }`,
        { a: '00000000-0000-4000-8000-000000000000' },
      ],
      START: [PHONE.wuFang, `mutation ($id: ID!) { startProject(id: $id) { id } }`, {}],
      SCHEDULE_ACTIVITY: [
        ORG_PHONE,
        `mutation ($id: ID!, $s: DateTime!, $e: DateTime!, $r: ID) { scheduleActivity(input: { projectId: $id, title: "活动", startsAt: $s, endsAt: $e, address: "食堂", volunteerSlots: 1, regionId: $r }) { id } }`,
        { s: new Date(Date.now() + DAY).toISOString(), e: new Date(Date.now() + DAY + 3600_000).toISOString(), r: r.A1 },
      ],
      CONFIRM_ACTIVITY: [ORG_PHONE, '', {}],
      DISBURSE: [
        CHARITY_PHONE,
        `mutation ($id: ID!) { disburseProjectFunds(input: { projectId: $id, amountFen: 1, milestone: "m", idempotencyKey: "walk" }) { id } }`,
        {},
      ],
      EVALUATE_MIDTERM: [
        PHONE.heJun,
        `mutation ($id: ID!, $s: [ScoreInput!]!) { evaluateProject(input: { projectId: $id, stage: MIDTERM, scores: $s, conclusion: "中期" }) { id } }`,
        { s: scores },
      ],
      EVALUATE_FINAL: [
        PHONE.heJun,
        `mutation ($id: ID!, $s: [ScoreInput!]!) { evaluateProject(input: { projectId: $id, stage: FINAL, scores: $s, conclusion: "终期" }) { id } }`,
        { s: scores },
      ],
      SUSPEND: [PHONE.heJun, `mutation ($id: ID!) { suspendProject(id: $id, reason: "r") { id } }`, {}],
      RESUME: [PHONE.heJun, `mutation ($id: ID!) { resumeProject(id: $id) { id } }`, {}],
      CLOSE: [PHONE.wuFang, `mutation ($id: ID!) { closeProject(id: $id) { id } }`, {}],
      CANCEL: [PHONE.heJun, `mutation ($id: ID!) { cancelProject(id: $id, reason: "r") { id } }`, {}],
    };
    let checked = 0;
    for (const status of Object.values(ProjectStatus)) {
      await t.db.query(`UPDATE projects SET status = $2 WHERE id = $1`, [id, status]);
      for (const action of Object.values(ProjectAction)) {
        const [phone, query, vars] = ops[action];
        if (!query || PROJECT_MACHINE.from(action).includes(status)) continue;
        const before = await snapshot(t, id);
        const res: GqlResponse = await t.gql(query, { id, ...vars }, await t.login(phone));
        expect([action, status, codeOf(res)]).toEqual([action, status, 'CONFLICT']);
        expect(await snapshot(t, id)).toEqual(before);
        checked++;
      }
    }
    // 10 statuses × 14 operations minus the 22 cells the table allows.
    expect(checked).toBe(10 * 14 - 22);
  });
});
