import { DataSource, EntityManager } from 'typeorm';
import { CharityRepository } from '../charity/charity.repository.js';
import { CharityService } from '../charity/charity.service.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { RegionsService } from '../regions/regions.service.js';
import { PeopleRepository } from '../people/people.repository.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import { NeedsRepository } from '../needs/needs.repository.js';
import { earn } from '../time-bank/earn.listener.js';
import { LedgerRepository } from '../time-bank/ledger.repository.js';
import { ServiceRecordsRepository } from '../time-bank/service-records.repository.js';

/** Fixed ids: re-seeding finds them and adds nothing (`npm run seed` only adds what is missing). */
export const DEMO_PROJECT_IDS = {
  running: '00000000-0000-4000-8000-00000000b001',
  published: '00000000-0000-4000-8000-00000000b002',
  closed: '00000000-0000-4000-8000-00000000b003',
  pastActivity: '00000000-0000-4000-8000-00000000b101',
  nextActivity: '00000000-0000-4000-8000-00000000b102',
} as const;

/**
 * Two volunteers of 大悲巷社区 (A2) for the project's meal rounds there: they touch neither the demo ledger of 张伟
 * and 刘洋 nor the needs, numbering and matching of 长江新村 (A1).
 */
const MEAL_VOLUNTEERS = [
  { phone: '13900000011', name: '钱芳', no: 'V320102002002001', birth: '1978-04-02' },
  { phone: '13900000012', name: '孙浩', no: 'V320102002002002', birth: '1995-09-17' },
];

const DAY = 24 * 3600_000;

/**
 * Demo data of projects 民生项目 (docs/projects.md): the street A charity fund (seeded with the registry) funds a
 * RUNNING 助餐 project with a confirmed activity and its attendance and an upcoming one; a PUBLISHED project is
 * open for applications; a CLOSED project of 梅园新村为老服务中心 carries its mid-term and final evaluations.
 */
export async function seedDemoProjects(db: DataSource, m: EntityManager): Promise<void> {
  if ((await m.query(`SELECT 1 FROM projects WHERE id = $1`, [DEMO_PROJECT_IDS.running])).length > 0) return;
  const one = async (sql: string, params: unknown[]) => (await m.query(sql, params))[0];
  const person = async (phone: string): Promise<string> => (await one(`SELECT id FROM persons WHERE phone = $1`, [phone])).id;
  const region = async (code: string): Promise<{ id: string; path: string }> => one(`SELECT id, path::text AS path FROM regions WHERE code = $1`, [code]);
  const streetA = await region('320102002');
  const a2 = await region('320102002002');
  const a2g1 = await region('32010200200201');
  const wuFang = await person('13500000001');
  const heJun = await person('13200000001');
  const zhengLei = await person('13400000001');
  const org = (await one(`SELECT id FROM organizations WHERE credit_code = '52320102MJ5800012H'`, [])).id as string;
  const fund = (await one(`SELECT id FROM charities WHERE name = '梅园新村街道社区慈善基金'`, [])).id as string;
  const charity = new CharityService(
    db,
    new CharityRepository(db),
    new RegionsService(new RegionsRepository(db)),
    new PeopleRepository(db),
    new OrganizationsRepository(db),
    new NeedsRepository(db),
  );

  const project = async (
    id: string,
    p: {
      title: string;
      category: string;
      description: string;
      status: string;
      start: Date;
      end: Date;
      budget: number;
      applyBy?: Date;
      organizationId?: string;
      groups: string[];
    },
  ) => {
    await m.query(
      `INSERT INTO projects (id, title, category, description, target_groups, region_id, path, starts_on, ends_on, budget_fen, status, apply_by, organization_id, proposed_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::ltree, $8, $9, $10, $11, $12, $13, $14, $8::timestamptz - interval '60 days')`,
      [
        id,
        p.title,
        p.category,
        p.description,
        p.groups,
        streetA.id,
        streetA.path,
        p.start,
        p.end,
        p.budget,
        p.status,
        p.applyBy ?? null,
        p.organizationId ?? null,
        wuFang,
      ],
    );
  };
  const line = (projectId: string, position: number, source: string, amount: number, charityId: string | null = null, reserved = 0, disbursed = 0) =>
    m.query(
      `INSERT INTO project_funding_lines (project_id, position, source, amount_fen, charity_id, reserved_fen, disbursed_fen) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [projectId, position, source, amount, charityId, reserved, disbursed],
    );
  const indicators = async (projectId: string, targets: [string, number][]) => {
    for (const [metric, target] of targets)
      await m.query(`INSERT INTO project_indicators (project_id, metric, target) VALUES ($1, $2, $3)`, [projectId, metric, target]);
  };
  const history = async (projectId: string, steps: [string, string, string, string, string | null][], at: Date) => {
    for (const [i, [action, from, to, actor, reason]] of steps.entries()) {
      await m.query(`INSERT INTO project_events (project_id, action, from_status, to_status, actor_id, reason, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        projectId,
        action,
        from,
        to,
        actor,
        reason,
        new Date(at.getTime() + i * DAY),
      ]);
    }
  };
  const application = (projectId: string, status: string, quote: number, reason: string | null) =>
    m.query(
      `INSERT INTO project_applications (project_id, organization_id, plan, quote_fen, team, status, decision_reason, applied_by, decided_at)
             VALUES ($1, $2, '中央厨房配餐，志愿者分片送餐到户；建立老人用餐档案', $3, '社工2名、厨师1名、志愿者若干', $4, $5, $6, CASE WHEN $4 = 'SUBMITTED' THEN NULL ELSE now() END)`,
      [projectId, org, quote, status, reason, zhengLei],
    );

  // —— a closed, evaluated project (2025) ——
  const closed = DEMO_PROJECT_IDS.closed;
  const closedStart = new Date('2025-03-01T00:00:00+08:00');
  await project(closed, {
    title: '长江新村助老陪护项目（2025）',
    category: 'ELDERLY_CARE',
    description: '为高龄独居老人提供陪护、陪诊和精神慰藉',
    status: 'CLOSED',
    start: closedStart,
    end: new Date('2025-12-31T00:00:00+08:00'),
    budget: 2_000_000,
    organizationId: org,
    groups: ['高龄独居老人'],
  });
  await line(closed, 0, 'GOVERNMENT_PURCHASE', 1_500_000);
  await line(closed, 1, 'SELF_RAISED', 500_000);
  await indicators(closed, [
    ['SERVICE_MINUTES', 30000],
    ['PEOPLE_SERVED', 600],
    ['SATISFACTION_RATE', 90],
  ]);
  await application(closed, 'AWARDED', 1_950_000, '唯一申请组织，方案可行');
  const evaluation = (stage: string, scores: [string, number, number][], total: number, conclusion: string, actual: [number, number, number], at: string) =>
    m.query(
      `INSERT INTO project_evaluations (project_id, stage, scores, total_score, conclusion, indicators, evaluator_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        closed,
        stage,
        JSON.stringify(scores.map(([criterion, weight, score]) => ({ criterion, weight, score }))),
        total,
        conclusion,
        JSON.stringify([
          { metric: 'SERVICE_MINUTES', target: 30000, actual: actual[0], progress: actual[0] / 30000 },
          { metric: 'PEOPLE_SERVED', target: 600, actual: actual[1], progress: actual[1] / 600 },
          { metric: 'SATISFACTION_RATE', target: 90, actual: actual[2], progress: actual[2] / 90 },
        ]),
        heJun,
        new Date(at),
      ],
    );
  await evaluation(
    'MIDTERM',
    [
      ['项目管理', 20, 80],
      ['服务成效', 40, 82],
      ['财务管理', 20, 85],
      ['满意度', 20, 80],
    ],
    81.8,
    '进度正常，陪诊服务需加强',
    [14200, 280, 88],
    '2025-07-15T10:00:00+08:00',
  );
  await evaluation(
    'FINAL',
    [
      ['项目管理', 20, 90],
      ['服务成效', 40, 90],
      ['财务管理', 20, 92],
      ['满意度', 20, 91],
    ],
    90.6,
    '全面完成目标，群众满意',
    [31500, 640, 93],
    '2026-01-10T10:00:00+08:00',
  );
  await history(
    closed,
    [
      ['PROPOSE', 'PROPOSED', 'PROPOSED', wuFang, null],
      ['APPROVE', 'PROPOSED', 'APPROVED', heJun, null],
      ['PUBLISH', 'APPROVED', 'PUBLISHED', wuFang, null],
      ['AWARD', 'PUBLISHED', 'UNDERTAKEN', wuFang, '唯一申请组织，方案可行'],
      ['START', 'UNDERTAKEN', 'RUNNING', wuFang, null],
      ['EVALUATE_MIDTERM', 'RUNNING', 'RUNNING', heJun, '进度正常，陪诊服务需加强'],
      ['EVALUATE_FINAL', 'RUNNING', 'EVALUATED', heJun, '全面完成目标，群众满意'],
      ['CLOSE', 'EVALUATED', 'CLOSED', wuFang, null],
    ],
    new Date('2025-01-10T10:00:00+08:00'),
  );

  // —— a running 助餐 project, half of it reserved from the street A fund ——
  const running = DEMO_PROJECT_IDS.running;
  const runningStart = new Date(Date.now() - 30 * DAY);
  await project(running, {
    title: '梅园新村老年助餐点（2026）',
    category: 'MEAL_ASSISTANCE',
    description: '社区老年食堂午餐供应，行动不便老人送餐到户',
    status: 'RUNNING',
    start: runningStart,
    end: new Date(Date.now() + 300 * DAY),
    budget: 6_000_000,
    organizationId: org,
    groups: ['独居老人', '高龄老人'],
  });
  await line(running, 0, 'GOVERNMENT_PURCHASE', 3_000_000);
  await line(running, 1, 'CHARITY_FUND', 3_000_000, fund);
  await indicators(running, [
    ['SERVICE_MINUTES', 20000],
    ['PEOPLE_SERVED', 3000],
    ['SESSIONS_HELD', 200],
    ['VOLUNTEERS_ENGAGED', 20],
    ['SATISFACTION_RATE', 90],
  ]);
  await application(running, 'AWARDED', 5_800_000, '有老年助餐运营经验');
  await charity.reserveForProject(m, {
    charityId: fund,
    projectId: running,
    amountFen: 3_000_000,
    recordedBy: heJun,
    purpose: '项目预留：梅园新村老年助餐点（2026）',
  });
  await m.query(`UPDATE project_funding_lines SET reserved_fen = 3000000 WHERE project_id = $1 AND position = 1`, [running]);
  await history(
    running,
    [
      ['PROPOSE', 'PROPOSED', 'PROPOSED', wuFang, null],
      ['APPROVE', 'PROPOSED', 'APPROVED', heJun, '同意立项'],
      ['PUBLISH', 'APPROVED', 'PUBLISHED', wuFang, null],
      ['AWARD', 'PUBLISHED', 'UNDERTAKEN', wuFang, '有老年助餐运营经验'],
      ['START', 'UNDERTAKEN', 'RUNNING', wuFang, null],
    ],
    new Date(runningStart.getTime() - 40 * DAY),
  );

  // Its volunteers, a confirmed session with attendance (each earned through the time bank), and the next session.
  const communityWorker = await person('13600000001');
  const volunteers: { id: string; personId: string }[] = [];
  for (const v of MEAL_VOLUNTEERS) {
    const [{ hash }] = await m.query(`SELECT password_hash AS hash FROM persons WHERE phone = '13900000001'`);
    let personId: string | undefined = (await m.query(`SELECT id FROM persons WHERE phone = $1`, [v.phone]))[0]?.id;
    if (!personId) {
      personId = (
        await one(`INSERT INTO persons (name, phone, password_hash, grid_id, birth_date) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
          v.name,
          v.phone,
          hash,
          a2g1.id,
          v.birth,
        ])
      ).id as string;
    }
    await m.query(`INSERT INTO role_grants (person_id, role, region_id) VALUES ($1, 'VOLUNTEER', $2), ($1, 'RESIDENT', $3) ON CONFLICT DO NOTHING`, [
      personId,
      a2.id,
      a2g1.id,
    ]);
    const id = (
      await one(
        `INSERT INTO volunteers (person_id, community_id, status, is_vetted, volunteer_no, reviewed_by, reviewed_at) VALUES ($1, $2, 'APPROVED', true, $3, $4, now())
       ON CONFLICT (person_id) DO UPDATE SET status = volunteers.status RETURNING id`,
        [personId, a2.id, v.no, communityWorker],
      )
    ).id as string;
    await m.query(`INSERT INTO volunteer_skills (volunteer_id, skill) VALUES ($1, '助餐送餐'), ($1, '助老陪护') ON CONFLICT DO NOTHING`, [id]);
    for (const area of [a2])
      await m.query(`INSERT INTO volunteer_regions (volunteer_id, region_id, path) VALUES ($1, $2, $3::ltree) ON CONFLICT DO NOTHING`, [
        id,
        area.id,
        area.path,
      ]);
    for (let d = 1; d <= 7; d++)
      await m.query(`INSERT INTO volunteer_availability (volunteer_id, weekday, start_minute, end_minute) VALUES ($1, $2, 600, 840) ON CONFLICT DO NOTHING`, [
        id,
        d,
      ]);
    volunteers.push({ id, personId });
  }
  const past = new Date(Date.now() - 7 * DAY);
  past.setUTCHours(3, 0, 0, 0); // 11:00 Asia/Shanghai
  const pastEnd = new Date(past.getTime() + 90 * 60_000);
  await m.query(
    `INSERT INTO project_activities (id, project_id, title, starts_at, ends_at, address, region_id, path, volunteer_slots, required_skills, status, people_served, surveyed, satisfied, confirmed_by, confirmed_at, created_by)
     VALUES ($1, $2, '午间助餐送餐', $3, $4, '大悲巷社区老年食堂', $5, $6::ltree, 3, '{助餐送餐}', 'CONFIRMED', 18, 18, 17, $7, $4, $7)`,
    [DEMO_PROJECT_IDS.pastActivity, running, past, pastEnd, a2.id, a2.path, zhengLei],
  );
  const ledger = new LedgerRepository(db);
  const records = new ServiceRecordsRepository(db);
  for (const v of volunteers) {
    await m.query(`INSERT INTO activity_signups (activity_id, volunteer_id, status, minutes, attended) VALUES ($1, $2, 'SIGNED_UP', 90, true)`, [
      DEMO_PROJECT_IDS.pastActivity,
      v.id,
    ]);
    await earn(m, ledger, records, {
      source: 'ACTIVITY',
      sourceId: DEMO_PROJECT_IDS.pastActivity,
      needId: null,
      volunteerId: v.id,
      volunteerPersonId: v.personId,
      beneficiaryPersonId: null,
      gridId: a2.id,
      minutes: 90,
      title: '梅园新村老年助餐点（2026）：午间助餐送餐',
      category: 'MEAL_ASSISTANCE',
      address: '大悲巷社区老年食堂',
      startedAt: past,
      endedAt: pastEnd,
      confirmedBy: zhengLei,
      confirmedAt: pastEnd,
      groupActivity: true,
    });
  }
  const next = new Date(Date.now() + 9 * DAY);
  next.setUTCHours(3, 0, 0, 0); // 11:00 Asia/Shanghai
  await m.query(
    `INSERT INTO project_activities (id, project_id, title, starts_at, ends_at, address, region_id, path, volunteer_slots, required_skills, created_by)
     VALUES ($1, $2, '老年食堂帮厨与送餐', $3, $4, '大悲巷社区老年食堂', $5, $6::ltree, 3, '{助餐送餐}', $7)`,
    [DEMO_PROJECT_IDS.nextActivity, running, next, new Date(next.getTime() + 90 * 60_000), a2.id, a2.path, zhengLei],
  );

  // —— a published project open for applications ——
  const published = DEMO_PROJECT_IDS.published;
  await project(published, {
    title: '大悲巷社区四点半课堂',
    category: 'CHILD_CARE',
    description: '为双职工家庭小学生提供放学后托管、作业辅导和安全教育',
    status: 'PUBLISHED',
    start: new Date(Date.now() + 40 * DAY),
    end: new Date(Date.now() + 220 * DAY),
    budget: 1_200_000,
    applyBy: new Date(Date.now() + 20 * DAY),
    groups: ['双职工家庭儿童'],
  });
  await line(published, 0, 'GOVERNMENT_PURCHASE', 1_200_000);
  await indicators(published, [
    ['SESSIONS_HELD', 80],
    ['PEOPLE_SERVED', 1600],
    ['SATISFACTION_RATE', 90],
  ]);
  await history(
    published,
    [
      ['PROPOSE', 'PROPOSED', 'PROPOSED', wuFang, null],
      ['APPROVE', 'PROPOSED', 'APPROVED', heJun, null],
      ['PUBLISH', 'APPROVED', 'PUBLISHED', wuFang, null],
    ],
    new Date(Date.now() - 10 * DAY),
  );
}
