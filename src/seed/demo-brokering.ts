import { EntityManager } from 'typeorm';

const DAY = 24 * 3600_000;
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

/** The Asia/Shanghai midnight `days` from today, plus hh:mm. */
function shanghai(days: number, hhmm: string): Date {
  const local = new Date(Date.now() + 8 * 3600_000);
  const base = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + days);
  return new Date(base + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000 - 8 * 3600_000);
}

/**
 * Demo data of three-list brokering 三项清单对接 (docs/brokering.md), in 长江新村 (street A): a 社区食堂 with 50
 * meals a day (lunch and supper every day), an activity room, rice in the 慈善超市 (its stock is the charity's
 * entries), and needs of 李建国 that no volunteer of street A has the skills for — the demand board's first rows.
 * Idempotent: each row is found by its name (or title) first.
 */
export async function seedDemoBrokering(m: EntityManager): Promise<void> {
  const one = async (sql: string, params: unknown[]) => (await m.query(sql, params))[0];
  const region = async (code: string): Promise<{ id: string; path: string }> => one(`SELECT id, path::text AS path FROM regions WHERE code = $1`, [code]);
  const person = async (phone: string): Promise<string> => (await one(`SELECT id FROM persons WHERE phone = $1`, [phone])).id;
  const a1 = await region('320102002001');
  const a1g2 = await region('32010200200102');
  const sunLi = await person('13600000001');
  const org = (await one(`SELECT id FROM organizations WHERE credit_code = '52320102MJ5800012H'`, [])).id as string;
  const market = (await one(`SELECT id FROM charities WHERE name = '长江新村慈善超市'`, [])).id as string;

  const resource = async (r: {
    name: string;
    kind: string;
    categories: string[];
    provider: string;
    organizationId?: string;
    charityId?: string;
    unitName?: string;
    capacity: number;
    unit: string;
    note: string;
    slots: [number[], string, string][];
    by: string;
    description: string;
  }) => {
    if ((await m.query(`SELECT 1 FROM resources WHERE name = $1 AND region_id = $2`, [r.name, a1.id])).length > 0) return;
    const { id } = await one(
      `INSERT INTO resources (name, kind, categories, description, capacity, capacity_unit, availability_note, region_id, path, provider, organization_id, charity_id, unit_name, created_by)
       VALUES ($1, $2, $3::text[], $4, $5, $6, $7, $8, $9::ltree, $10, $11, $12, $13, $14) RETURNING id`,
      [
        r.name,
        r.kind,
        r.categories,
        r.description,
        r.capacity,
        r.unit,
        r.note,
        a1.id,
        a1.path,
        r.provider,
        r.organizationId ?? null,
        r.charityId ?? null,
        r.unitName ?? null,
        r.by,
      ],
    );
    for (const [days, from, to] of r.slots) {
      for (const d of days) {
        const min = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
        await m.query(`INSERT INTO resource_availability (resource_id, weekday, start_minute, end_minute) VALUES ($1, $2, $3, $4)`, [
          id,
          d,
          min(from),
          min(to),
        ]);
      }
    }
  };
  await resource({
    name: '长江新村社区食堂',
    kind: 'SERVICE',
    categories: ['MEAL_ASSISTANCE'],
    provider: 'ORGANIZATION',
    organizationId: org,
    capacity: 50,
    unit: '份',
    note: '每日 10:30-13:00、16:30-18:30',
    slots: [
      [EVERY_DAY, '10:30', '13:00'],
      [EVERY_DAY, '16:30', '18:30'],
    ],
    by: sunLi,
    description: '老年助餐点：堂食或由志愿者送餐上门，每日限 50 份',
  });
  await resource({
    name: '长江新村党群服务中心活动室',
    kind: 'VENUE',
    categories: ['CULTURE_SPORTS', 'EDUCATION', 'PSYCHOLOGICAL'],
    provider: 'RESIDENT_UNIT',
    unitName: '长江新村社区党群服务中心',
    capacity: 40,
    unit: '人',
    note: '工作日 9:00-17:00',
    slots: [[[1, 2, 3, 4, 5], '09:00', '17:00']],
    by: sunLi,
    description: '可容纳 40 人，配投影',
  });
  await resource({
    name: '大米',
    kind: 'GOODS',
    categories: ['EMERGENCY_RELIEF', 'ELDERLY_CARE'],
    provider: 'CHARITY',
    charityId: market,
    capacity: 10,
    unit: '袋',
    note: '慈善超市库存，每日最多发放 10 袋',
    slots: [],
    by: sunLi,
    description: '长江新村慈善超市的大米（预订即从库存出库）',
  });

  // Needs nobody in street A can serve: no volunteer there has 法律咨询 or 心理疏导.
  const li = await person('13800000002');
  const needs = [
    { title: '遗产继承问题咨询', category: 'LEGAL_AID', skills: ['法律咨询'], days: 5 },
    { title: '拖欠工资如何维权', category: 'LEGAL_AID', skills: ['法律咨询'], days: 6 },
    { title: '老伴去世后情绪低落，想找人聊聊', category: 'PSYCHOLOGICAL', skills: ['心理疏导'], days: 5 },
  ];
  for (const n of needs) {
    if ((await m.query(`SELECT 1 FROM needs WHERE title = $1 AND beneficiary_id = $2`, [n.title, li])).length > 0) continue;
    const start = shanghai(n.days, '14:00');
    const posted = new Date(Date.now() - DAY);
    const { id } = await one(
      `INSERT INTO needs (title, category, urgency, status, beneficiary_id, posted_by, grid_id, grid_path, address, window_start, window_end, estimated_minutes,
                          required_skills, accept_deadline, claim_deadline, accepted_by, accepted_at, created_at)
       VALUES ($1, $2, 'NORMAL', 'ACCEPTED', $3, $3, $4, $5::ltree, '长江新村8幢502室', $6, $7, 60, $8, $9, $6, $10, $9, $9) RETURNING id`,
      [n.title, n.category, li, a1g2.id, a1g2.path, start, new Date(start.getTime() + 2 * 3600_000), n.skills, posted, sunLi],
    );
    await m.query(
      `INSERT INTO need_events (need_id, action, from_status, to_status, actor_id, at) VALUES ($1, 'POST', NULL, 'SUBMITTED', $2, $3), ($1, 'ACCEPT', 'SUBMITTED', 'ACCEPTED', $4, $3)`,
      [id, li, posted, sunLi],
    );
  }
}
