import { PHONE, saturday } from './needs.js';
import { TestApp } from './test-app.js';

export const ORG_PHONE = '13400000001'; // 郑磊
export const CHARITY_PHONE = '13300000001'; // 冯静

export const PROJECT_FIELDS = `id title status category budgetFen reservedFen disbursedFen statusReason applyBy
  fundingLines { source amountFen charityId reservedFen disbursedFen releasedFen }
  organization { id name } needCount needs { id status fulfilled }
  applications { id organizationName status quoteFen decisionReason pastEvaluations { projectTitle stage totalScore } }
  activities { id volunteerSlots signedUpCount waitlistCount attendedCount status signedUp { id } }
  indicators { metric target actual } evaluations { stage totalScore }
  history { action from to reason actor { name } }`;

export async function ids(
  t: TestApp,
): Promise<{ streetA: string; streetB: string; A1: string; A1g1: string; fund: string; oldPeople: string; mutualAid: string }> {
  const [r] = await t.db.query(
    `SELECT (SELECT id FROM regions WHERE code = '320102002') AS "streetA", (SELECT id FROM regions WHERE code = '320102003') AS "streetB",
            (SELECT id FROM regions WHERE code = '320102002001') AS "A1", (SELECT id FROM regions WHERE code = '32010200200101') AS "A1g1",
            (SELECT id FROM charities WHERE name = '梅园新村街道社区慈善基金') AS fund,
            (SELECT id FROM organizations WHERE credit_code = '52320102MJ5800012H') AS "oldPeople",
            (SELECT id FROM organizations WHERE credit_code = '51320102MJ58000275') AS "mutualAid"`,
  );
  return r;
}

export const DAY = 24 * 3600_000;

/** A 助餐 proposal for street A: half government purchase, half 冯静's fund. */
export async function proposalInput(
  t: TestApp,
  over: Record<string, unknown> = {},
  charityFen = 1_000_000,
  govFen = 1_000_000,
): Promise<Record<string, unknown>> {
  const r = await ids(t);
  return {
    regionId: r.streetA,
    title: '长江新村老年助餐服务项目',
    category: 'MEAL_ASSISTANCE',
    description: '为独居、高龄老人提供助餐送餐和陪伴服务',
    startsOn: new Date(Date.now() + DAY).toISOString(),
    endsOn: new Date(Date.now() + 120 * DAY).toISOString(),
    fundingLines: [
      { source: 'GOVERNMENT_PURCHASE', amountFen: govFen },
      { source: 'CHARITY_FUND', amountFen: charityFen, charityId: r.fund },
    ],
    indicators: [
      { metric: 'SERVICE_MINUTES', target: 6000 },
      { metric: 'PEOPLE_SERVED', target: 200 },
      { metric: 'NEEDS_FULFILLED', target: 2 },
      { metric: 'SESSIONS_HELD', target: 20 },
      { metric: 'VOLUNTEERS_ENGAGED', target: 10 },
      { metric: 'SATISFACTION_RATE', target: 90 },
    ],
    ...over,
  };
}

export const PROPOSE = `mutation ($i: ProposeProjectInput!) { proposeProject(input: $i) { id status budgetFen } }`;

let volunteerBatch = 0;
/**
 * `n` approved, vetted volunteers of 长江新村 (A1) with 助餐送餐, available all day, with 张伟's demo password.
 * Returns their phones.
 */
export async function mealVolunteers(t: TestApp, n: number): Promise<string[]> {
  const batch = volunteerBatch++;
  const phones: string[] = [];
  await t.db.transaction(async (m) => {
    const [{ hash }] = await m.query(`SELECT password_hash AS hash FROM persons WHERE phone = $1`, [PHONE.zhangWei]);
    const [{ a1, grid }] = await m.query(
      `SELECT (SELECT id FROM regions WHERE code = '320102002001') AS a1, (SELECT id FROM regions WHERE code = '32010200200102') AS grid`,
    );
    for (let i = 0; i < n; i++) {
      const phone = `1392${String(process.pid % 100).padStart(2, '0')}${String(batch).padStart(2, '0')}${String(i).padStart(3, '0')}`;
      phones.push(phone);
      const [{ id: person }] = await m.query(
        `INSERT INTO persons (name, phone, password_hash, grid_id, birth_date) VALUES ($1, $2, $3, $4, '1990-01-01') RETURNING id`,
        [`助餐志愿者${batch}-${i}`, phone, hash, grid],
      );
      await m.query(`INSERT INTO role_grants (person_id, role, region_id) VALUES ($1, 'VOLUNTEER', $2), ($1, 'RESIDENT', $3)`, [person, a1, grid]);
      const [{ id: v }] = await m.query(`INSERT INTO volunteers (person_id, community_id, status, is_vetted) VALUES ($1, $2, 'APPROVED', true) RETURNING id`, [
        person,
        a1,
      ]);
      await m.query(`INSERT INTO volunteer_skills (volunteer_id, skill) VALUES ($1, '助餐送餐')`, [v]);
      await m.query(`INSERT INTO volunteer_regions (volunteer_id, region_id, path) SELECT $1, id, path FROM regions WHERE id = $2`, [v, a1]);
      for (let d = 1; d <= 7; d++)
        await m.query(`INSERT INTO volunteer_availability (volunteer_id, weekday, start_minute, end_minute) VALUES ($1, $2, 0, 1440)`, [v, d]);
    }
  });
  return phones;
}

/** Runs a mutation and returns its data, failing loudly otherwise. */
export async function must<T = any>(t: TestApp, query: string, variables: Record<string, unknown>, phone: string): Promise<T> {
  const res = await t.gql(query, variables, await t.login(phone));
  if (res.errors) throw new Error(`${query.slice(0, 70)}… as ${phone}: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

/** Proposed by 吴芳, approved by 何军, published, 郑磊's 为老服务中心 awarded, started: a RUNNING project. */
export async function runningProject(t: TestApp, over: Record<string, unknown> = {}, charityFen = 100_000): Promise<string> {
  const r = await ids(t);
  const { proposeProject } = await must(t, PROPOSE, { i: await proposalInput(t, over, charityFen, charityFen) }, PHONE.wuFang);
  const id = proposeProject.id;
  await must(t, `mutation ($id: ID!) { approveProject(id: $id) { status } }`, { id }, PHONE.heJun);
  await must(
    t,
    `mutation ($id: ID!, $by: DateTime!) { publishProject(id: $id, applyBy: $by) { status } }`,
    { id, by: new Date(Date.now() + 7 * DAY).toISOString() },
    PHONE.wuFang,
  );
  const { applyForProject } = await must(
    t,
    `mutation ($i: ApplyForProjectInput!) { applyForProject(input: $i) { id } }`,
    { i: { projectId: id, organizationId: r.oldPeople, plan: '每日助餐送餐', quoteFen: charityFen } },
    ORG_PHONE,
  );
  await must(
    t,
    `mutation ($p: ID!, $a: ID!) { awardProject(projectId: $p, applicationId: $a, reason: "经验丰富") { status } }`,
    { p: id, a: applyForProject.id },
    PHONE.wuFang,
  );
  await must(t, `mutation ($id: ID!) { startProject(id: $id) { status } }`, { id }, PHONE.wuFang);
  return id;
}

let activityWeek = 1;
/** An activity of a running project in A1 next Saturdays (one later week per call, so sign-ups never overlap). */
export async function activity(t: TestApp, projectId: string, slots: number, skills: string[] = ['助餐送餐']): Promise<string> {
  const r = await ids(t);
  const w = saturday(activityWeek++, '10:30', '12:00');
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
        requiredSkills: skills,
        regionId: r.A1,
      },
    },
    ORG_PHONE,
  );
  return scheduleActivity.id;
}

/** As if the session had taken place: moved into the past by SQL (tests cannot wait for Saturday). */
export async function activityHappened(t: TestApp, activityId: string): Promise<void> {
  await t.db.query(`UPDATE project_activities SET starts_at = now() - interval '2 hours', ends_at = now() - interval '30 minutes' WHERE id = $1`, [activityId]);
}
