import { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password.js';
import { AppConfig } from '../config/config.js';
import { ID_NUMBER_FIELD } from '../people/people.service.js';
import { parseIdNumber } from '../privacy/id-number.js';
import { PiiCipher } from '../privacy/pii-cipher.js';
import { RegionLevel } from '../regions/region-level.js';
import { StationKind } from '../regions/station.model.js';
import { Role } from '../scope/role.js';
import { seedDemoLedger } from './demo-ledger.js';
import { seedDemoProjects } from './demo-projects.js';
import { seedDemoBrokering } from './demo-brokering.js';
import { seedDemoEveryday } from './demo-everyday.js';
import { DEFAULT_DEADLINES, Urgency } from '../needs/need-deadlines.js';
import { seedDemoCare } from './demo-care.js';
import { seedDemoStats } from './demo-stats.js';

export const DEMO_PASSWORD = 'demo1234';

/** Region tree: 江苏省 › 南京市 › 玄武区 › two streets › two communities each › two grids each. */
export const DEMO_REGIONS = {
  province: { code: '32', name: '江苏省', level: RegionLevel.PROVINCE, parent: null },
  city: { code: '3201', name: '南京市', level: RegionLevel.CITY, parent: '32' },
  district: { code: '320102', name: '玄武区', level: RegionLevel.DISTRICT, parent: '3201' },
  streetA: { code: '320102002', name: '梅园新村街道', level: RegionLevel.STREET, parent: '320102' },
  streetB: { code: '320102003', name: '新街口街道', level: RegionLevel.STREET, parent: '320102' },
  A1: { code: '320102002001', name: '长江新村社区', level: RegionLevel.COMMUNITY, parent: '320102002' },
  A2: { code: '320102002002', name: '大悲巷社区', level: RegionLevel.COMMUNITY, parent: '320102002' },
  B1: { code: '320102003001', name: '文昌巷社区', level: RegionLevel.COMMUNITY, parent: '320102003' },
  B2: { code: '320102003002', name: '估衣廊社区', level: RegionLevel.COMMUNITY, parent: '320102003' },
  A1g1: { code: '32010200200101', name: '长江新村社区第一网格', level: RegionLevel.GRID, parent: '320102002001' },
  A1g2: { code: '32010200200102', name: '长江新村社区第二网格', level: RegionLevel.GRID, parent: '320102002001' },
  A2g1: { code: '32010200200201', name: '大悲巷社区第一网格', level: RegionLevel.GRID, parent: '320102002002' },
  A2g2: { code: '32010200200202', name: '大悲巷社区第二网格', level: RegionLevel.GRID, parent: '320102002002' },
  B1g1: { code: '32010200300101', name: '文昌巷社区第一网格', level: RegionLevel.GRID, parent: '320102003001' },
  B1g2: { code: '32010200300102', name: '文昌巷社区第二网格', level: RegionLevel.GRID, parent: '320102003001' },
  B2g1: { code: '32010200300201', name: '估衣廊社区第一网格', level: RegionLevel.GRID, parent: '320102003002' },
  B2g2: { code: '32010200300202', name: '估衣廊社区第二网格', level: RegionLevel.GRID, parent: '320102003002' },
} as const;

type RegionKey = keyof typeof DEMO_REGIONS;

const STATIONS: { kind: StationKind; name: string; region: RegionKey; address: string }[] = [
  { kind: StationKind.SOCIAL_WORK_STATION, name: '梅园新村街道社工站', region: 'streetA', address: '长江路288号' },
  { kind: StationKind.SOCIAL_WORK_STATION, name: '新街口街道社工站', region: 'streetB', address: '文昌巷52号' },
  { kind: StationKind.SOCIAL_WORK_ROOM, name: '长江新村社区社工室', region: 'A1', address: '长江新村12幢一楼' },
  { kind: StationKind.VOLUNTEER_STATION, name: '长江新村社区志愿服务站', region: 'A1', address: '长江新村社区党群服务中心' },
  { kind: StationKind.SOCIAL_WORK_ROOM, name: '文昌巷社区社工室', region: 'B1', address: '文昌巷社区党群服务中心' },
];

export interface DemoAccount {
  phone: string;
  name: string;
  who: string;
  role: Role;
  scope: RegionKey | null;
  grid?: RegionKey;
  idNumber?: string;
  address?: string;
}

/** The accounts of the README's table, all with password demo1234. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    phone: '13800000001',
    name: '王秀英',
    who: '居民, 独居老人, A1 第一网格',
    role: Role.RESIDENT,
    scope: 'A1g1',
    grid: 'A1g1',
    idNumber: '320102194503120022',
    address: '长江新村3幢201室',
  },
  {
    phone: '13800000002',
    name: '李建国',
    who: '居民, A1 第二网格',
    role: Role.RESIDENT,
    scope: 'A1g2',
    grid: 'A1g2',
    idNumber: '320102195011050034',
    address: '长江新村8幢502室',
  },
  {
    phone: '13900000001',
    name: '张伟',
    who: '志愿者 (党员), A1',
    role: Role.VOLUNTEER,
    scope: 'A1',
    grid: 'A1g1',
    idNumber: '320102198505200016',
    address: '长江新村5幢101室',
  },
  {
    phone: '13900000002',
    name: '刘洋',
    who: '志愿者, A1',
    role: Role.VOLUNTEER,
    scope: 'A1',
    grid: 'A1g2',
    idNumber: '320102199003010057',
    address: '长江新村9幢302室',
  },
  { phone: '13900000003', name: '陈静', who: '志愿者, B1 (另一街道)', role: Role.VOLUNTEER, scope: 'B1', grid: 'B1g1', address: '文昌巷17号' },
  { phone: '13700000001', name: '赵敏', who: '网格员, A1 第一网格', role: Role.GRID_WORKER, scope: 'A1g1' },
  { phone: '13600000001', name: '孙丽', who: '社区工作者, A1', role: Role.COMMUNITY_WORKER, scope: 'A1' },
  { phone: '13600000002', name: '周强', who: '社区工作者, B1', role: Role.COMMUNITY_WORKER, scope: 'B1' },
  { phone: '13500000001', name: '吴芳', who: '社工, 梅园新村街道社工站', role: Role.SOCIAL_WORKER, scope: 'streetA' },
  { phone: '13400000001', name: '郑磊', who: '社会组织管理员, 梅园新村街道', role: Role.ORG_ADMIN, scope: 'streetA' },
  { phone: '13300000001', name: '冯静', who: '慈善管理员, 梅园新村街道', role: Role.CHARITY_ADMIN, scope: 'streetA' },
  { phone: '13200000001', name: '何军', who: '街道管理员, 梅园新村街道', role: Role.STREET_ADMIN, scope: 'streetA' },
  { phone: '13100000001', name: '系统管理员', who: '系统管理员', role: Role.SYSTEM_ADMIN, scope: null },
];

interface DemoVolunteer {
  phone: string;
  community: RegionKey;
  volunteerNo: string;
  partyMember: boolean;
  vetted: boolean;
  skills: string[];
  /** [ISO weekday, 'HH:MM', 'HH:MM'] in local time */
  availability: [number, string, string][];
  at: [number, number];
}

const everyDay = (from: string, to: string): [number, string, string][] => [1, 2, 3, 4, 5, 6, 7].map((d) => [d, from, to]);

export const DEMO_VOLUNTEERS: DemoVolunteer[] = [
  {
    phone: '13900000001',
    community: 'A1',
    volunteerNo: 'V320102002001001',
    partyMember: true,
    vetted: true,
    skills: ['助老陪护', '助餐送餐'],
    availability: everyDay('08:00', '20:00'),
    at: [32.0603, 118.7969],
  },
  {
    phone: '13900000002',
    community: 'A1',
    volunteerNo: 'V320102002001002',
    partyMember: false,
    vetted: true,
    skills: ['家电维修', '助老陪护'],
    availability: [
      [1, '18:00', '21:00'],
      [2, '18:00', '21:00'],
      [3, '18:00', '21:00'],
      [4, '18:00', '21:00'],
      [5, '18:00', '21:00'],
      [6, '09:00', '17:00'],
      [7, '09:00', '17:00'],
    ],
    at: [32.0581, 118.8012],
  },
  {
    phone: '13900000003',
    community: 'B1',
    volunteerNo: 'V320102003001001',
    partyMember: false,
    vetted: false,
    skills: ['心理疏导', '儿童看护'],
    availability: [1, 2, 3, 4, 5].map((d) => [d, '09:00', '17:00'] as [number, string, string]),
    at: [32.0452, 118.7836],
  },
];

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/** Residents and volunteers are residents of their grid too. */
const alsoResident = (a: DemoAccount) => a.role === Role.VOLUNTEER;

/**
 * Loads the demo district idempotently: every row is keyed by a natural key (region code, phone, station name)
 * and inserted only when missing, under an advisory lock so that two instances starting at once do not race.
 */
export async function seedDemoData(db: DataSource, config: Pick<AppConfig, 'piiKey'>): Promise<void> {
  const cipher = new PiiCipher(config.piiKey);
  await db.transaction(async (m) => {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('wushe:seed-demo'))`);
    const regionIds = await seedRegions(m);
    for (const s of STATIONS) {
      await m.query(`INSERT INTO stations (kind, name, region_id, address) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
        s.kind,
        s.name,
        regionIds[s.region],
        s.address,
      ]);
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const a of DEMO_ACCOUNTS) {
      const existing = await m.query(`SELECT id FROM persons WHERE phone = $1`, [a.phone]);
      let personId: string = existing[0]?.id;
      if (!personId) {
        const parsed = a.idNumber ? parseIdNumber(a.idNumber) : null;
        if (parsed && 'problem' in parsed) throw new Error(`demo ID number of ${a.phone} is invalid`);
        // On a generated city (docs/city-scale.md) a generated resident may already hold the demo's ID number (the
        // generator draws valid numbers of the same district): the demo account is then added without one.
        const idHash = parsed ? cipher.lookupHash(parsed.normalized, ID_NUMBER_FIELD) : null;
        const held = idHash !== null && (await m.query(`SELECT 1 FROM persons WHERE id_number_hash = $1`, [idHash])).length > 0;
        const rows = await m.query(
          `INSERT INTO persons (name, phone, password_hash, id_number_cipher, id_number_hash, birth_date, address, grid_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [
            a.name,
            a.phone,
            passwordHash,
            parsed && !held ? cipher.encrypt(parsed.normalized, ID_NUMBER_FIELD) : null,
            held ? null : idHash,
            parsed?.birthDate ?? null,
            a.address ?? null,
            a.grid ? regionIds[a.grid] : null,
          ],
        );
        personId = rows[0].id;
      }
      const grant = (role: Role, region: string | null) =>
        m.query(`INSERT INTO role_grants (person_id, role, region_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [personId, role, region]);
      await grant(a.role, a.scope ? regionIds[a.scope] : null);
      if (alsoResident(a) && a.grid) await grant(Role.RESIDENT, regionIds[a.grid]);
    }
    await seedVolunteers(m, regionIds);
    await seedRelationsAndFlags(m);
    await seedDemoLedger(db, m);
    await seedNeeds(m, regionIds);
    await seedRegistry(m, regionIds);
    await seedDemoProjects(db, m);
    await seedDemoCare(m);
    await seedDemoBrokering(m);
    await seedDemoStats(m);
    await seedDemoEveryday(m);
  });
}

const personIdByPhone = async (m: EntityManager, phone: string): Promise<string> => (await m.query(`SELECT id FROM persons WHERE phone = $1`, [phone]))[0].id;

async function seedVolunteers(m: EntityManager, regionIds: Record<RegionKey, string>): Promise<void> {
  const reviewer = await personIdByPhone(m, '13600000001');
  for (const v of DEMO_VOLUNTEERS) {
    const personId = await personIdByPhone(m, v.phone);
    const inserted = await m.query(
      `INSERT INTO volunteers (person_id, community_id, status, volunteer_no, is_party_member, is_vetted, latitude, longitude, reviewed_by, reviewed_at)
       VALUES ($1, $2, 'APPROVED', $3, $4, $5, $6, $7, $8, now()) ON CONFLICT (person_id) DO NOTHING RETURNING id`,
      [personId, regionIds[v.community], v.volunteerNo, v.partyMember, v.vetted, v.at[0], v.at[1], reviewer],
    );
    if (!inserted[0]) continue;
    const id = inserted[0].id;
    for (const skill of v.skills) await m.query(`INSERT INTO volunteer_skills (volunteer_id, skill) VALUES ($1, $2)`, [id, skill]);
    await m.query(`INSERT INTO volunteer_regions (volunteer_id, region_id, path) SELECT $1, id, path FROM regions WHERE id = $2`, [id, regionIds[v.community]]);
    for (const [weekday, from, to] of v.availability) {
      await m.query(`INSERT INTO volunteer_availability (volunteer_id, weekday, start_minute, end_minute) VALUES ($1, $2, $3, $4)`, [
        id,
        weekday,
        minutesOf(from),
        minutesOf(to),
      ]);
    }
    await m.query(`INSERT INTO volunteer_stats (volunteer_id) VALUES ($1)`, [id]);
  }
}

/** 李建国 is recorded as 张伟's relative (his father-in-law 岳父), and 王秀英's 独居 flag with her consent, both by 孙丽. */
async function seedRelationsAndFlags(m: EntityManager): Promise<void> {
  const worker = await personIdByPhone(m, '13600000001');
  const zhangWei = await personIdByPhone(m, '13900000001');
  const liJianguo = await personIdByPhone(m, '13800000002');
  const wangXiuying = await personIdByPhone(m, '13800000001');
  await m.query(
    `INSERT INTO relatives (person_id, relative_id, relation, recorded_by) VALUES ($1, $2, '岳父', $3), ($2, $1, '女婿', $3) ON CONFLICT DO NOTHING`,
    [zhangWei, liJianguo, worker],
  );
  const flagged = await m.query(
    `INSERT INTO person_flags (person_id, flag, consent_given_by, consent_at, recorded_by) VALUES ($1, 'ALONE_OR_EMPTY_NEST', $1, now(), $2) ON CONFLICT DO NOTHING RETURNING flag`,
    [wangXiuying, worker],
  );
  if (flagged.length) {
    await m.query(`INSERT INTO person_flag_consents (person_id, flag, action, by_person_id, recorded_by) VALUES ($1, 'ALONE_OR_EMPTY_NEST', 'GIVEN', $1, $2)`, [
      wangXiuying,
      worker,
    ]);
  }
}

async function seedRegions(m: EntityManager): Promise<Record<RegionKey, string>> {
  const ids = {} as Record<RegionKey, string>;
  const byCode: Record<string, { id: string; path: string }> = {};
  for (const [key, r] of Object.entries(DEMO_REGIONS) as [RegionKey, (typeof DEMO_REGIONS)[RegionKey]][]) {
    const parent = r.parent ? byCode[r.parent] : null;
    const path = parent ? `${parent.path}.${r.code}` : r.code;
    await m.query(`INSERT INTO regions (code, name, level, parent_id, path) VALUES ($1, $2, $3, $4, $5::ltree) ON CONFLICT (code) DO NOTHING`, [
      r.code,
      r.name,
      r.level,
      parent?.id ?? null,
      path,
    ]);
    const [row] = await m.query(`SELECT id, path::text AS path FROM regions WHERE code = $1`, [r.code]);
    byCode[r.code] = row;
    ids[key] = row.id;
  }
  return ids;
}

/** `days` from today at hh:mm Asia/Shanghai. */
function shanghaiAt(days: number, hhmm: string): Date {
  const local = new Date(Date.now() + 8 * 3600_000);
  return new Date(
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + days) +
      (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000 -
      8 * 3600_000,
  );
}

/** Days until the next ISO weekday (1 = Monday) at least `min` days away, in Shanghai. */
function daysToWeekday(weekday: number, min: number): number {
  const day = new Date(Date.now() + 8 * 3600_000).getUTCDay() || 7;
  let d = (weekday - day + 7) % 7;
  while (d < min) d += 7;
  return d;
}

interface DemoNeed {
  title: string;
  category: string;
  beneficiary: string;
  poster: string;
  grid: RegionKey;
  skills: string[];
  window: [Date, Date];
  minutes: number;
  preferPartyMember?: boolean;
  /** The history to replay: [action, to, actor phone or null, reason?] */
  steps: [string, string, string | null, string?][];
  volunteer?: string;
  served?: number;
}

/**
 * Needs in the states of the loop, so that the consoles have something to show: one waiting to be accepted, one
 * open (party members preferred), one claimed by 刘洋, and one 刘洋 served last week that waits for 李建国 to confirm
 * and rate (no confirmed service is seeded here: confirmation must go through the time bank's hook). Keyed by title
 * and beneficiary, with their history.
 */
async function seedNeeds(m: EntityManager, regionIds: Record<RegionKey, string>): Promise<void> {
  const nextSunday = daysToWeekday(7, 9);
  const nextTuesday = daysToWeekday(2, 2);
  const lastWednesday = -(((new Date(Date.now() + 8 * 3600_000).getUTCDay() || 7) - 3 + 7) % 7 || 7);
  const needs: DemoNeed[] = [
    {
      title: '电视机没有信号，请帮忙看看',
      category: 'REPAIR',
      beneficiary: '13800000002',
      poster: '13800000002',
      grid: 'A1g2',
      skills: ['家电维修'],
      window: [shanghaiAt(nextSunday, '19:00'), shanghaiAt(nextSunday, '20:00')],
      minutes: 45,
      steps: [['POST', 'SUBMITTED', '13800000002']],
    },
    {
      title: '每周二送午餐上门',
      category: 'MEAL_ASSISTANCE',
      beneficiary: '13800000001',
      poster: '13700000001',
      grid: 'A1g1',
      skills: ['助餐送餐'],
      window: [shanghaiAt(nextTuesday, '11:00'), shanghaiAt(nextTuesday, '12:00')],
      minutes: 30,
      preferPartyMember: true,
      steps: [
        ['POST', 'SUBMITTED', '13700000001'],
        ['ACCEPT', 'ACCEPTED', '13600000001'],
        ['PUBLISH', 'OPEN', '13600000001'],
      ],
    },
    {
      title: '洗衣机漏水维修',
      category: 'REPAIR',
      beneficiary: '13800000002',
      poster: '13800000002',
      grid: 'A1g2',
      skills: ['家电维修'],
      window: [shanghaiAt(nextSunday, '10:00'), shanghaiAt(nextSunday, '11:00')],
      minutes: 60,
      volunteer: '13900000002',
      steps: [
        ['POST', 'SUBMITTED', '13800000002'],
        ['ACCEPT', 'ACCEPTED', '13600000001'],
        ['PUBLISH', 'OPEN', '13600000001'],
        ['CLAIM', 'CLAIMED', '13900000002'],
      ],
    },
    {
      title: '台灯和电饭煲检修',
      category: 'REPAIR',
      beneficiary: '13800000002',
      poster: '13800000002',
      grid: 'A1g2',
      skills: ['家电维修'],
      window: [shanghaiAt(lastWednesday, '18:30'), shanghaiAt(lastWednesday, '20:00')],
      minutes: 60,
      volunteer: '13900000002',
      served: 60,
      steps: [
        ['POST', 'SUBMITTED', '13800000002'],
        ['ACCEPT', 'ACCEPTED', '13600000001'],
        ['PUBLISH', 'OPEN', '13600000001'],
        ['CLAIM', 'CLAIMED', '13900000002'],
        ['START', 'IN_SERVICE', '13900000002'],
        ['COMPLETE', 'COMPLETED', '13900000002'],
      ],
    },
  ];
  for (const n of needs) {
    const beneficiary = await personIdByPhone(m, n.beneficiary);
    if ((await m.query(`SELECT 1 FROM needs WHERE title = $1 AND beneficiary_id = $2`, [n.title, beneficiary])).length > 0) continue;
    const poster = await personIdByPhone(m, n.poster);
    const [grid] = await m.query(`SELECT id, path::text AS path FROM regions WHERE id = $1`, [regionIds[n.grid]]);
    const [person] = await m.query(`SELECT address FROM persons WHERE id = $1`, [beneficiary]);
    const status = n.steps[n.steps.length - 1][1];
    const volunteer = n.volunteer
      ? (await m.query(`SELECT v.id FROM volunteers v JOIN persons p ON p.id = v.person_id WHERE p.phone = $1`, [n.volunteer]))[0].id
      : null;
    const posted = n.served ? new Date(n.window[0].getTime() - 3 * 24 * 3600_000) : new Date();
    const policy = DEFAULT_DEADLINES[Urgency.NORMAL];
    const [{ id }] = await m.query(
      `INSERT INTO needs (title, category, urgency, status, beneficiary_id, posted_by, grid_id, grid_path, address, window_start, window_end, estimated_minutes,
                          required_skills, prefer_party_member, accept_deadline, claim_deadline, accepted_by, accepted_at, claimed_by, claimed_at, started_at,
                          completed_at, service_minutes, auto_confirm_at, created_at)
       VALUES ($1, $2, 'NORMAL', $3, $4, $5, $6, $7::ltree, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)
       RETURNING id`,
      [
        n.title,
        n.category,
        status,
        beneficiary,
        poster,
        grid.id,
        grid.path,
        person.address,
        n.window[0],
        n.window[1],
        n.minutes,
        n.skills,
        n.preferPartyMember ?? false,
        new Date(posted.getTime() + policy.acceptMinutes * 60_000),
        new Date(posted.getTime() + policy.claimMinutes * 60_000),
        n.steps.length > 1 ? await personIdByPhone(m, '13600000001') : null,
        n.steps.length > 1 ? posted : null,
        volunteer,
        volunteer ? posted : null,
        n.served ? n.window[0] : null,
        n.served ? n.window[1] : null,
        n.served ?? null,
        n.served ? new Date(Date.now() + 72 * 3600_000) : null,
        posted,
      ],
    );
    let from: string | null = null;
    for (const [action, to, actor] of n.steps) {
      await m.query(`INSERT INTO need_events (need_id, action, from_status, to_status, actor_id, at) VALUES ($1, $2, $3, $4, $5, $6)`, [
        id,
        action,
        from,
        to,
        actor ? await personIdByPhone(m, actor) : null,
        posted,
      ]);
      from = to;
    }
  }
}

// —— 五社 registry: organizations, social workers, charity, teams, resources (issue 3) ——

/** Organizations of different categories in both streets; codes carry valid GB 32100-2015 check characters. */
export const DEMO_ORGANIZATIONS = [
  {
    code: '52320102MJ5800012H',
    name: '梅园新村为老服务中心',
    category: 'LIFE_SERVICE',
    registration: 'REGISTERED',
    region: 'streetA',
    status: 'APPROVED',
    admin: '13400000001',
  },
  {
    code: '51320102MJ58000275',
    name: '长江新村邻里互助会',
    category: 'MUTUAL_AID',
    registration: 'FILED',
    region: 'A1',
    status: 'APPROVED',
    admin: '13400000001',
  },
  {
    code: '53320102MJ58000686',
    name: '新街口社区发展基金会',
    category: 'PUBLIC_WELFARE',
    registration: 'REGISTERED',
    region: 'streetB',
    status: 'APPROVED',
    admin: '13100000001',
  },
  {
    code: '52320102MJ5800051J',
    name: '文昌巷文体活动队',
    category: 'CULTURE_SPORTS',
    registration: 'FILED',
    region: 'B1',
    status: 'PENDING',
    admin: '13100000001',
  },
] as const;

async function seedRegistry(m: EntityManager, regionIds: Record<RegionKey, string>): Promise<void> {
  const streetAdmin = await personIdByPhone(m, '13200000001');
  const orgIds: Record<string, string> = {};
  for (const o of DEMO_ORGANIZATIONS) {
    const admin = await personIdByPhone(m, o.admin);
    await m.query(
      `INSERT INTO organizations (name, credit_code, category, registration, region_id, path, status, registered_by, reviewed_by, reviewed_at)
       SELECT $1, $2, $3::organization_category, $4::organization_registration, r.id, r.path, $6::organization_status, $7, CASE WHEN $6::text = 'APPROVED' THEN $8::uuid END, CASE WHEN $6::text = 'APPROVED' THEN now() END
         FROM regions r WHERE r.id = $5
       ON CONFLICT (credit_code) DO NOTHING`,
      [o.name, o.code, o.category, o.registration, regionIds[o.region], o.status, admin, streetAdmin],
    );
    const [{ id }] = await m.query(`SELECT id FROM organizations WHERE credit_code = $1`, [o.code]);
    orgIds[o.code] = id;
    await m.query(`INSERT INTO organization_members (organization_id, person_id, is_admin, added_by) VALUES ($1, $2, true, $2) ON CONFLICT DO NOTHING`, [
      id,
      admin,
    ]);
    if (o.status === 'APPROVED' && o.admin === '13400000001') {
      await m.query(
        `INSERT INTO role_grants (person_id, role, region_id, organization_id, granted_by) VALUES ($1, 'ORG_ADMIN', $2, $3, $4) ON CONFLICT DO NOTHING`,
        [admin, regionIds[o.region], id, streetAdmin],
      );
    }
  }

  // 吴芳: 社会工作师 at the street A station.
  await m.query(
    `INSERT INTO social_workers (person_id, level, certificate_no, station_id, created_by)
     SELECT $1, 'INTERMEDIATE', 'SW-320102-2021-0087', s.id, $2 FROM stations s WHERE s.name = '梅园新村街道社工站'
     ON CONFLICT DO NOTHING`,
    [await personIdByPhone(m, '13500000001'), streetAdmin],
  );

  const charityAdmin = await personIdByPhone(m, '13300000001');
  const charity = async (kind: string, name: string, region: RegionKey, address: string) => {
    await m.query(
      `INSERT INTO charities (kind, name, region_id, path, address, created_by) SELECT $1, $2, r.id, r.path, $4, $5 FROM regions r WHERE r.id = $3
       ON CONFLICT (region_id, name) DO NOTHING`,
      [kind, name, regionIds[region], address, charityAdmin],
    );
    return (await m.query(`SELECT id FROM charities WHERE region_id = $1 AND name = $2`, [regionIds[region], name]))[0].id as string;
  };
  const fund = await charity('FUND', '梅园新村街道社区慈善基金', 'streetA', '长江路288号');
  const market = await charity('SUPERMARKET', '长江新村慈善超市', 'A1', '长江新村社区党群服务中心一楼');
  const zhangWei = await personIdByPhone(m, '13900000001');
  const entries: [string, string, number, string | null, string | null, number, string, string | null, boolean, string, string][] = [
    // charity, kind, fen, item, unit, quantity, donor, donor person, anonymous, purpose, receipt
    [fund, 'MONEY_DONATION', 5_000_000, null, null, 0, '南京玄武某科技有限公司', null, false, '助老助餐', 'MY-2026-0001'],
    [fund, 'MONEY_DONATION', 20_000, null, null, 0, '张伟', zhangWei, false, '困境儿童关爱', 'MY-2026-0002'],
    [fund, 'MONEY_DONATION', 10_000, null, null, 0, '爱心居民', null, true, '不限定', 'MY-2026-0003'],
    [market, 'GOODS_DONATION', 0, '大米', '袋', 50, '长江新村业主委员会', null, false, '慈善超市', 'WZ-2026-0001'],
    [market, 'GOODS_DONATION', 0, '食用油', '桶', 20, '南京玄武某超市', null, false, '慈善超市', 'WZ-2026-0002'],
  ];
  for (const [charityId, kind, fen, item, unit, qty, donor, donorPerson, anonymous, purpose, receipt] of entries) {
    await m.query(
      `INSERT INTO charity_entries (charity_id, kind, amount_fen, item_name, item_unit, quantity, value_fen, donor_name, donor_person_id, anonymous, purpose, receipt_no, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $8, $9, $10, $11, $12) ON CONFLICT (charity_id, receipt_no) DO NOTHING`,
      [charityId, kind, fen, item, unit, qty, donor, donorPerson, anonymous, purpose, receipt, charityAdmin],
    );
  }

  // Teams 志愿服务队 in A1, led by 张伟 (an adult, approved volunteer).
  const communityWorker = await personIdByPhone(m, '13600000001');
  const volunteerOf = async (phone: string) =>
    (await m.query(`SELECT v.id FROM volunteers v JOIN persons p ON p.id = v.person_id WHERE p.phone = $1`, [phone]))[0].id as string;
  const team = async (name: string, organization: string | null, members: [string, boolean][]) => {
    await m.query(
      `INSERT INTO volunteer_teams (name, community_id, path, organization_id, created_by) SELECT $1, r.id, r.path, $3, $4 FROM regions r WHERE r.id = $2
       ON CONFLICT (community_id, name) DO NOTHING`,
      [name, regionIds.A1, organization, communityWorker],
    );
    const [{ id }] = await m.query(`SELECT id FROM volunteer_teams WHERE community_id = $1 AND name = $2`, [regionIds.A1, name]);
    for (const [phone, leader] of members) {
      await m.query(`INSERT INTO volunteer_team_members (team_id, volunteer_id, is_leader) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
        id,
        await volunteerOf(phone),
        leader,
      ]);
    }
    return id as string;
  };
  const mealTeam = await team('长江新村为老服务队', orgIds['52320102MJ5800012H'], [
    ['13900000001', true],
    ['13900000002', false],
  ]);
  await team('长江新村党员先锋队', null, [['13900000001', true]]);

  // Resources of each kind 服务资源清单.
  const resource = async (r: {
    name: string;
    kind: string;
    categories: string[];
    region: RegionKey;
    provider: string;
    ref: string | null;
    unit?: string;
    capacity?: number;
    capacityUnit?: string;
    note?: string;
    by: string;
  }) => {
    const col = (k: string) => (r.provider === k ? r.ref : null);
    await m.query(
      `INSERT INTO resources (name, kind, categories, capacity, capacity_unit, availability_note, region_id, path, provider, volunteer_id, team_id, organization_id, charity_id, unit_name, created_by)
       SELECT $1, $2, $3::text[], $4, $5, $6, r.id, r.path, $8, $9, $10, $11, $12, $13, $14 FROM regions r
        WHERE r.id = $7 AND NOT EXISTS (SELECT 1 FROM resources x WHERE x.name = $1 AND x.region_id = r.id)`,
      [
        r.name,
        r.kind,
        r.categories,
        r.capacity ?? null,
        r.capacityUnit ?? null,
        r.note ?? null,
        regionIds[r.region],
        r.provider,
        col('VOLUNTEER'),
        col('TEAM'),
        col('ORGANIZATION'),
        col('CHARITY'),
        r.unit ?? null,
        r.by,
      ],
    );
  };
  await resource({
    name: '家电上门维修',
    kind: 'SERVICE',
    categories: ['REPAIR'],
    region: 'A1',
    provider: 'VOLUNTEER',
    ref: await volunteerOf('13900000002'),
    note: '工作日晚上、周末白天',
    by: await personIdByPhone(m, '13900000002'),
  });
  await resource({
    name: '老年助餐送餐',
    kind: 'SERVICE',
    categories: ['MEAL_ASSISTANCE', 'ELDERLY_CARE'],
    region: 'A1',
    provider: 'TEAM',
    ref: mealTeam,
    capacity: 40,
    capacityUnit: '份/天',
    note: '每日11:00-12:30',
    by: communityWorker,
  });
  await resource({
    name: '居家助浴服务',
    kind: 'SERVICE',
    categories: ['ELDERLY_CARE'],
    region: 'streetA',
    provider: 'ORGANIZATION',
    ref: orgIds['52320102MJ5800012H'],
    capacity: 6,
    capacityUnit: '人次/天',
    by: await personIdByPhone(m, '13400000001'),
  });
  await resource({
    name: '第十三中学体育馆及停车场',
    kind: 'VENUE',
    categories: ['CULTURE_SPORTS', 'EMERGENCY_RELIEF'],
    region: 'streetA',
    provider: 'RESIDENT_UNIT',
    ref: null,
    unit: '南京市第十三中学',
    capacity: 300,
    capacityUnit: '人',
    note: '周末及寒暑假开放',
    by: streetAdmin,
  });
  await resource({
    name: '慈善超市爱心物资',
    kind: 'GOODS',
    categories: ['ELDERLY_CARE', 'OTHER'],
    region: 'A1',
    provider: 'CHARITY',
    ref: market,
    note: '凭社区证明领取',
    by: charityAdmin,
  });
  await resource({
    name: '助老助餐专项资金',
    kind: 'FUNDS',
    categories: ['MEAL_ASSISTANCE', 'ELDERLY_CARE'],
    region: 'streetA',
    provider: 'CHARITY',
    ref: fund,
    by: charityAdmin,
  });
}
