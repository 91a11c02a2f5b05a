import type { Client, QueryResultRow } from 'pg';
import { CATEGORY_LABEL, RATING_TAGS } from '../needs/need.model.js';
import { creditCodeCheckChar, CREDIT_CODE_ALPHABET } from '../organizations/credit-code.js';
import { ID_NUMBER_FIELD } from '../people/people.service.js';
import { idCheckChar } from '../privacy/id-number.js';
import { PiiCipher } from '../privacy/pii-cipher.js';
import { BULK_SESSION_SETTINGS, deferIndexes } from './bulk.js';
import { copyRows } from './copy.js';
import { writeLedger } from './ledger-stream.js';
import { Rng, sqlFunctions, uid } from './rng.js';
import { DISTRICTS, Scale } from './scales.js';

/**
 * The city generator (docs/city-scale.md): builds a whole city into an empty, migrated database, set-based
 * (INSERT … SELECT over generate_series) where PostgreSQL can compute the rows, COPY where only Node can (ID numbers
 * encrypted with the registry's own cipher, the hash-chained journal). Every id and every draw is a function of the
 * seed (rng.ts), and times are relative to `anchor` (a day): the same seed and anchor give the same city.
 */
export interface GenerateOptions {
  scale: Scale;
  seed: number;
  /** Midnight (Asia/Shanghai) of the day the city is "now": three years of history end here, open needs lie after it. */
  anchor: Date;
  piiKey: Buffer;
  /** The password hash every generated person logs in with (one scrypt hash, computed once). */
  passwordHash: string;
  progress: (phase: string, fraction: number) => void;
}

/** Phases and their share of the work (for the progress bar's ETA), measured on the district scale. */
export const PHASES: [string, number][] = [
  ['regions', 1],
  ['persons', 18],
  ['staff', 4],
  ['volunteers', 8],
  ['organizations', 1],
  ['needs', 20],
  ['history', 14],
  ['records', 6],
  ['ledger', 24],
  ['stats', 4],
];

const TITLES: Record<string, string[]> = {
  ELDERLY_CARE: ['陪同散步、聊天', '上门陪护', '代购生活用品'],
  DISABILITY_SUPPORT: ['助残出行陪同', '轮椅推行'],
  MEAL_ASSISTANCE: ['送餐上门', '助餐点取餐'],
  CHILD_CARE: ['放学接送看护', '周末看护'],
  MEDICAL_ESCORT: ['陪同就医', '代取药品'],
  HOUSEKEEPING: ['居家保洁', '整理房间'],
  REPAIR: ['家电检修', '水管维修', '更换灯具'],
  PSYCHOLOGICAL: ['心理疏导谈心'],
  LEGAL_AID: ['法律咨询'],
  EMPLOYMENT: ['求职指导'],
  EDUCATION: ['智能手机教学', '课业辅导'],
  CULTURE_SPORTS: ['文艺活动陪同', '健身指导'],
  EMERGENCY_RELIEF: ['应急帮扶'],
  OTHER: ['上门理发', '驾车接送'],
};
const SKILLS_FOR: Record<string, string[]> = {
  ELDERLY_CARE: ['助老陪护', '助浴助洁', '代购代办'],
  DISABILITY_SUPPORT: ['助残服务'],
  MEAL_ASSISTANCE: ['助餐送餐'],
  CHILD_CARE: ['儿童看护', '课业辅导'],
  MEDICAL_ESCORT: ['就医陪诊', '医疗护理'],
  HOUSEKEEPING: ['家政保洁'],
  REPAIR: ['家电维修', '水电维修'],
  PSYCHOLOGICAL: ['心理疏导'],
  LEGAL_AID: ['法律咨询'],
  EMPLOYMENT: ['就业指导'],
  EDUCATION: ['智能手机教学', '课业辅导'],
  CULTURE_SPORTS: ['文艺表演', '体育健身'],
  EMERGENCY_RELIEF: ['应急救护'],
  OTHER: ['理发', '驾驶接送'],
};
/** Category weights (elderly care and meals dominate community needs). */
const CATEGORY_WEIGHTS: [string, number][] = [
  ['ELDERLY_CARE', 30],
  ['MEAL_ASSISTANCE', 14],
  ['MEDICAL_ESCORT', 10],
  ['REPAIR', 10],
  ['HOUSEKEEPING', 8],
  ['DISABILITY_SUPPORT', 5],
  ['CHILD_CARE', 5],
  ['EDUCATION', 5],
  ['PSYCHOLOGICAL', 3],
  ['LEGAL_AID', 2],
  ['EMPLOYMENT', 2],
  ['CULTURE_SPORTS', 3],
  ['EMERGENCY_RELIEF', 1],
  ['OTHER', 2],
];
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建国建华志强海燕小红晓东晓明金凤淑珍德明国华永强春梅文杰子轩雨涵梓涵浩然欣怡宇轩俊杰思远一诺佳怡';
const STREET_STEMS = [
  '梅园',
  '新街口',
  '玄武门',
  '红山',
  '锁金村',
  '孝陵卫',
  '玄武湖',
  '洪武',
  '夫子庙',
  '中华门',
  '双塘',
  '朝天宫',
  '湖南路',
  '宁海路',
  '华侨路',
  '挹江门',
  '热河南路',
  '江东',
  '兴隆',
  '沙洲',
  '莫愁湖',
  '南苑',
  '雨花',
  '铁心桥',
];
const COMMUNITY_STEMS = [
  '长江',
  '大悲巷',
  '文昌巷',
  '估衣廊',
  '丹凤',
  '北门桥',
  '珠江路',
  '樱驼村',
  '北京东路',
  '成贤街',
  '蓝旗街',
  '梅花山',
  '东苑',
  '紫金',
  '锁金',
  '龙蟠',
  '太平门',
  '童卫路',
  '卫岗',
  '后宰门',
  '百子亭',
  '黄埔',
  '仙鹤',
  '聚宝',
];

const DAY = 86_400_000;

export async function generateCity(client: Client, o: GenerateOptions): Promise<Record<string, number>> {
  const { scale: s, seed } = o;
  const anchor = o.anchor.toISOString();
  const q = <R extends QueryResultRow = QueryResultRow>(sql: string, params: unknown[] = []) => client.query<R>(sql, params);
  for (const f of [...BULK_SESSION_SETTINGS, ...sqlFunctions(seed)]) await q(f);
  const [{ n: existing }] = (await q<{ n: number }>(`SELECT count(*)::int AS n FROM regions`)).rows;
  if (existing > 0) throw new Error('the database already holds regions: the generator builds a city into an empty, migrated database');

  // ── regions: province › city › districts › streets › communities › grids, codes as on statistics tables ──
  o.progress('regions', 0);
  const districts = DISTRICTS.slice(0, s.districts);
  await q(`INSERT INTO regions (id, code, name, level, parent_id, path) VALUES
             (pg_temp.uid('region', 32), '32', '江苏省', 'PROVINCE', NULL, '32'),
             (pg_temp.uid('region', 3201), '3201', '南京市', 'CITY', pg_temp.uid('region', 32), '32.3201')`);
  await q(
    `INSERT INTO regions (id, code, name, level, parent_id, path)
           SELECT pg_temp.uid('region', c::bigint), c, nm, 'DISTRICT', pg_temp.uid('region', 3201), ('32.3201.' || c)::ltree FROM unnest($1::text[], $2::text[]) AS d(c, nm)`,
    [districts.map((d) => d[0]), districts.map((d) => d[1])],
  );
  await q(
    `INSERT INTO regions (id, code, name, level, parent_id, path)
           SELECT pg_temp.uid('region', (d.code || (100 + k))::bigint), d.code || (100 + k), ($2::text[])[1 + (k + d.code::int) % cardinality($2::text[])] || CASE WHEN k > cardinality($2::text[]) THEN k::text ELSE '' END || '街道',
                  'STREET', d.id, (d.path::text || '.' || d.code || (100 + k))::ltree
             FROM regions d CROSS JOIN generate_series(1, $1) k WHERE d.level = 'DISTRICT'`,
    [s.streetsPerDistrict, STREET_STEMS],
  );
  await q(
    `INSERT INTO regions (id, code, name, level, parent_id, path)
           SELECT pg_temp.uid('region', (st.code || lpad(k::text, 3, '0'))::bigint), st.code || lpad(k::text, 3, '0'),
                  ($2::text[])[1 + (k * 7 + st.code::bigint % 97)::int % cardinality($2::text[])] || (CASE WHEN k % 3 = 0 THEN '新村' WHEN k % 3 = 1 THEN '' ELSE '花园' END) || '社区',
                  'COMMUNITY', st.id, (st.path::text || '.' || st.code || lpad(k::text, 3, '0'))::ltree
             FROM regions st CROSS JOIN generate_series(1, $1) k WHERE st.level = 'STREET'`,
    [s.communitiesPerStreet, COMMUNITY_STEMS],
  );
  const GRID_NAMES = ['第一', '第二', '第三', '第四', '第五', '第六', '第七', '第八', '第九'];
  await q(
    `INSERT INTO regions (id, code, name, level, parent_id, path)
           SELECT pg_temp.uid('region', (c.code || lpad(k::text, 2, '0'))::bigint), c.code || lpad(k::text, 2, '0'), c.name || ($2::text[])[k] || '网格',
                  'GRID', c.id, (c.path::text || '.' || c.code || lpad(k::text, 2, '0'))::ltree
             FROM regions c CROSS JOIN generate_series(1, $1) k WHERE c.level = 'COMMUNITY'`,
    [s.gridsPerCommunity, GRID_NAMES],
  );
  // Populations: each grid about the city's population over its grids; a community's resident population 常住人口 is
  // the sum of its grids, stored where statistics reads it and admins set it (stats_region_attributes, the one source;
  // a region above sums its communities). Urban communities, as a city's are.
  const [{ grids }] = (await q<{ grids: number }>(`SELECT count(*)::int AS grids FROM regions WHERE level = 'GRID'`)).rows;
  await q(
    `INSERT INTO stats_region_attributes (region_id, resident_population, kind)
     SELECT g.parent_id, sum(round($1::float8 * (0.6 + 0.8 * pg_temp.rnd(1, g.code::bigint)))::int), 'URBAN'
       FROM regions g WHERE g.level = 'GRID' GROUP BY g.parent_id`,
    [s.population / grids],
  );
  // Geography (not stored on regions): district centres around 南京 (32.06, 118.79), streets and communities around them.
  await q(`CREATE TEMP TABLE gen_geo (id uuid PRIMARY KEY, lat float8, lng float8)`);
  await q(
    `INSERT INTO gen_geo SELECT id, 32.06 + (pg_temp.rnd(2, code::bigint) - 0.5) * 0.45, 118.79 + (pg_temp.rnd(3, code::bigint) - 0.5) * 0.55 FROM regions WHERE level = 'DISTRICT'`,
  );
  for (const [level, spread] of [
    ['STREET', 0.08],
    ['COMMUNITY', 0.025],
    ['GRID', 0.006],
  ] as const) {
    await q(
      `INSERT INTO gen_geo SELECT r.id, g.lat + (pg_temp.rnd(2, r.code::bigint) - 0.5) * $2, g.lng + (pg_temp.rnd(3, r.code::bigint) - 0.5) * $2
               FROM regions r JOIN gen_geo g ON g.id = r.parent_id WHERE r.level = $1`,
      [level, spread],
    );
  }
  // Grids numbered 0..G-1 with their community, street and district, for the draws below.
  await q(`CREATE TEMP TABLE gen_grid AS
           SELECT (row_number() OVER (ORDER BY g.code) - 1)::int AS idx, g.id, g.code, g.path, c.id AS community_id, c.code AS community_code, c.name AS community_name,
                  c.path AS community_path, st.id AS street_id, d.code AS district_code, geo.lat, geo.lng
             FROM regions g JOIN regions c ON c.id = g.parent_id JOIN regions st ON st.id = c.parent_id JOIN regions d ON d.id = st.parent_id JOIN gen_geo geo ON geo.id = g.id
            WHERE g.level = 'GRID'`);
  await q(`CREATE UNIQUE INDEX ON gen_grid (id)`);
  await q(`CREATE UNIQUE INDEX ON gen_grid (idx)`);
  await q(`ANALYZE gen_grid`);
  await q(`INSERT INTO stations (kind, name, region_id, address)
           SELECT 'SOCIAL_WORK_STATION'::station_kind, name || '社工站', id, name || '社区服务中心' FROM regions WHERE level = 'STREET'
           UNION ALL SELECT 'SOCIAL_WORK_ROOM'::station_kind, name || '社工室', id, name || '党群服务中心' FROM regions WHERE level = 'COMMUNITY'`);
  await q(`ANALYZE regions`);
  o.progress('regions', 1);

  // ── persons: residents with valid ID numbers, encrypted and hashed exactly as the registry stores them ──
  const gridRows = (
    await q<{ id: string; community_name: string; district_code: string }>(`SELECT id, community_name, district_code FROM gen_grid ORDER BY idx`)
  ).rows;
  const cipher = new PiiCipher(o.piiKey);
  const rng = new Rng(seed, 'persons');
  const usedSeq = new Map<string, number>();
  const anchorMs = o.anchor.getTime();
  function* persons(): Generator<unknown[]> {
    for (let i = 0; i < s.residents; i++) {
      if (i % 10_000 === 0) o.progress('persons', i / s.residents);
      const grid = gridRows[Math.floor(rng.next() * gridRows.length)];
      const volunteer = i < s.volunteers;
      // Volunteers 18–75, mostly of working age; registered residents 0–95, a third of them 60 or over.
      const age = volunteer ? 18 + Math.floor(rng.next() ** 1.3 * 57) : rng.next() < 0.35 ? 60 + Math.floor(rng.next() * 36) : Math.floor(rng.next() * 60);
      let birth = new Date(anchorMs - age * 365.25 * DAY - Math.floor(rng.next() * 364) * DAY - DAY);
      const name =
        SURNAMES[Math.floor(rng.next() * SURNAMES.length)] +
        GIVEN[Math.floor(rng.next() * GIVEN.length)] +
        (rng.next() < 0.6 ? GIVEN[Math.floor(rng.next() * GIVEN.length)] : '');
      let id17: string;
      for (;;) {
        const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
        const key = grid.district_code + ymd;
        const seq = (usedSeq.get(key) ?? 0) + 1;
        if (seq > 999) {
          birth = new Date(birth.getTime() - DAY);
          continue;
        }
        usedSeq.set(key, seq);
        // Odd sequence = male, even = female (GB 11643); the sequence numbers stay unique per code and day.
        id17 = key + String(seq).padStart(3, '0');
        break;
      }
      const idNumber = id17 + idCheckChar(id17);
      yield [
        uid(seed, 'person', i),
        name,
        '17' + String(i).padStart(9, '0'),
        o.passwordHash,
        cipher.encrypt(idNumber, ID_NUMBER_FIELD),
        cipher.lookupHash(idNumber, ID_NUMBER_FIELD),
        birth.toISOString().slice(0, 10),
        `${grid.community_name}${1 + Math.floor(rng.next() * 40)}幢${1 + Math.floor(rng.next() * 6)}0${1 + Math.floor(rng.next() * 4)}室`,
        grid.id,
        new Date(anchorMs - Math.floor(rng.next() * 3 * 365 * DAY)),
      ];
    }
  }
  // The big loads run with their tables' indexes and constraints dropped and rebuilt once afterwards (bulk.ts).
  await deferIndexes(client, ['persons'], () =>
    copyRows(client, 'persons (id, name, phone, password_hash, id_number_cipher, id_number_hash, birth_date, address, grid_id, created_at)', persons()),
  );
  await q(`CREATE TEMP TABLE gen_person AS
           SELECT (substr(p.phone, 3))::int AS i, p.id, p.birth_date, g.id AS grid_id, g.community_id, g.street_id FROM persons p JOIN gen_grid g ON g.id = p.grid_id`);
  await q(`CREATE UNIQUE INDEX ON gen_person (i)`);
  await q(`ANALYZE gen_person`);
  await q(`ANALYZE persons`);
  o.progress('persons', 1);

  // ── staff: a community worker per community, a grid worker per grid, a street admin per street (adult residents who are not volunteers) ──
  o.progress('staff', 0);
  await q(`CREATE TEMP TABLE gen_staff (role role, region_id uuid, person_id uuid)`);
  await q(
    `INSERT INTO gen_staff
           SELECT DISTINCT ON (community_id) 'COMMUNITY_WORKER'::role, community_id, id FROM gen_person
            WHERE i >= $1 AND birth_date BETWEEN ($2::date - interval '55 years') AND ($2::date - interval '22 years') ORDER BY community_id, pg_temp.rnd(50, i)`,
    [s.volunteers, anchor],
  );
  await q(
    `INSERT INTO gen_staff
           SELECT DISTINCT ON (grid_id) 'GRID_WORKER'::role, grid_id, id FROM gen_person
            WHERE i >= $1 AND birth_date BETWEEN ($2::date - interval '55 years') AND ($2::date - interval '22 years') ORDER BY grid_id, pg_temp.rnd(51, i)`,
    [s.volunteers, anchor],
  );
  await q(
    `INSERT INTO gen_staff
           SELECT DISTINCT ON (street_id) 'STREET_ADMIN'::role, street_id, id FROM gen_person
            WHERE i >= $1 AND birth_date BETWEEN ($2::date - interval '55 years') AND ($2::date - interval '30 years') ORDER BY street_id, pg_temp.rnd(52, i)`,
    [s.volunteers, anchor],
  );
  // Social workers: distinct adults of each street, registered at the street's station.
  await q(
    `INSERT INTO gen_staff
           SELECT 'SOCIAL_WORKER'::role, street_id, id FROM (
             SELECT street_id, id, row_number() OVER (PARTITION BY street_id ORDER BY pg_temp.rnd(53, i)) AS k FROM gen_person
              WHERE i >= $2 AND birth_date BETWEEN ($3::date - interval '55 years') AND ($3::date - interval '22 years')) x WHERE k <= $1`,
    [s.socialWorkersPerStreet, s.volunteers, anchor],
  );
  await q(`CREATE INDEX ON gen_staff (role, region_id)`);
  await q(`ANALYZE gen_staff`);
  await deferIndexes(client, ['role_grants'], async () => {
    await q(
      `INSERT INTO role_grants (person_id, role, region_id, granted_at) SELECT id, 'RESIDENT', grid_id, $1::timestamptz - interval '3 years' FROM gen_person`,
      [anchor],
    );
    await q(
      `INSERT INTO role_grants (person_id, role, region_id, granted_at) SELECT person_id, role, region_id, $1::timestamptz - interval '3 years' FROM gen_staff`,
      [anchor],
    );
  });
  await q(
    `INSERT INTO social_workers (person_id, level, certificate_no, station_id, created_by, created_at)
           SELECT w.person_id, (ARRAY['ASSISTANT','INTERMEDIATE','SENIOR']::social_worker_level[])[1 + floor(pg_temp.rnd(54, row_number() OVER ()) * 3)::int],
                  'SW-' || r.code || '-' || lpad((row_number() OVER (PARTITION BY w.region_id ORDER BY w.person_id))::text, 3, '0'), st.id, a.person_id, $1::timestamptz - interval '2 years'
             FROM gen_staff w JOIN regions r ON r.id = w.region_id JOIN stations st ON st.region_id = w.region_id AND st.kind = 'SOCIAL_WORK_STATION'
             JOIN gen_staff a ON a.role = 'STREET_ADMIN' AND a.region_id = w.region_id
            WHERE w.role = 'SOCIAL_WORKER'`,
    [anchor],
  );
  o.progress('staff', 1);

  // ── volunteers: the first `volunteers` persons, with skills, service areas and weekly availability ──
  o.progress('volunteers', 0);
  await q(
    `INSERT INTO volunteers (id, person_id, community_id, status, volunteer_no, is_party_member, is_vetted, vetted_by, vetted_at, latitude, longitude,
                                   emergency_contact_name, emergency_contact_phone, reviewed_by, reviewed_at, created_at)
           SELECT pg_temp.uid('volunteer', p.i), p.id, p.community_id, x.status,
                  CASE WHEN x.status = 'APPROVED' THEN 'V' || g.community_code || lpad((row_number() OVER (PARTITION BY p.community_id, x.status = 'APPROVED' ORDER BY p.i))::text, 5, '0') END,
                  pg_temp.rnd(11, p.i) < 0.2, x.vetted, CASE WHEN x.vetted THEN cw.person_id END, CASE WHEN x.vetted THEN $2::timestamptz - interval '200 days' END,
                  g.lat + (pg_temp.rnd(12, p.i) - 0.5) * 0.01, g.lng + (pg_temp.rnd(13, p.i) - 0.5) * 0.012,
                  '家属', '139' || lpad(p.i::text, 8, '0'), cw.person_id, $2::timestamptz - interval '400 days', $2::timestamptz - make_interval(days => 400 + (pg_temp.rnd(14, p.i) * 600)::int)
             FROM gen_person p JOIN gen_grid g ON g.id = p.grid_id
             JOIN gen_staff cw ON cw.role = 'COMMUNITY_WORKER' AND cw.region_id = p.community_id
             CROSS JOIN LATERAL (SELECT (CASE WHEN pg_temp.rnd(10, p.i) < 0.92 THEN 'APPROVED' WHEN pg_temp.rnd(10, p.i) < 0.96 THEN 'PENDING'
                                              WHEN pg_temp.rnd(10, p.i) < 0.98 THEN 'SUSPENDED' ELSE 'REJECTED' END)::volunteer_status AS status,
                                        pg_temp.rnd(15, p.i) < 0.4 AS vetted) x
            WHERE p.i < $1`,
    [s.volunteers, anchor],
  );
  o.progress('volunteers', 0.3);
  await q(`CREATE TEMP TABLE gen_vol AS
           SELECT v.id, v.person_id, v.community_id, v.status, p.i,
                  CASE WHEN v.status = 'APPROVED' THEN row_number() OVER (PARTITION BY v.community_id, v.status = 'APPROVED' ORDER BY p.i) END AS k
             FROM volunteers v JOIN gen_person p ON p.id = v.person_id`);
  await q(`CREATE INDEX ON gen_vol (community_id, k)`);
  await q(`ANALYZE gen_vol`);
  await q(`CREATE TEMP TABLE gen_vol_count AS SELECT community_id, count(*)::int AS n FROM gen_vol WHERE status = 'APPROVED' GROUP BY community_id`);
  await q(`CREATE UNIQUE INDEX ON gen_vol_count (community_id)`);
  await q(`ANALYZE gen_vol_count`);
  await q(`ANALYZE volunteers`);
  await q(
    `INSERT INTO role_grants (person_id, role, region_id, granted_at) SELECT person_id, 'VOLUNTEER', community_id, $1::timestamptz - interval '400 days' FROM gen_vol WHERE status = 'APPROVED'`,
    [anchor],
  );
  await q(`INSERT INTO volunteer_number_counters (community_id, last_value) SELECT community_id, n FROM gen_vol_count`);
  // Service areas: the home community, and for a third of them a neighbouring community of the same street.
  await q(
    `INSERT INTO volunteer_regions (volunteer_id, region_id, path)
           SELECT v.id, c.id, c.path FROM gen_vol v JOIN regions c ON c.id = v.community_id
           UNION ALL
           SELECT v.id, n.id, n.path FROM gen_vol v JOIN regions c ON c.id = v.community_id
             JOIN regions n ON n.parent_id = c.parent_id AND n.code = left(c.code, 9) || lpad((1 + right(c.code, 3)::int % $1)::text, 3, '0') AND n.id <> c.id
            WHERE pg_temp.rnd(16, v.i) < 0.33`,
    [s.communitiesPerStreet],
  );
  await q(`INSERT INTO volunteer_skills (volunteer_id, skill)
           SELECT v.id, sk.names[1 + floor(pg_temp.rnd(20 + j, v.i) * cardinality(sk.names))::int]
             FROM gen_vol v CROSS JOIN (SELECT array_agg(name ORDER BY sort) AS names FROM skills) sk
             CROSS JOIN LATERAL generate_series(1, 1 + floor(pg_temp.rnd(19, v.i) * 3)::int) j
           ON CONFLICT DO NOTHING`);
  await q(`INSERT INTO volunteer_availability (volunteer_id, weekday, start_minute, end_minute)
           SELECT v.id, 1 + floor(pg_temp.rnd(30 + j, v.i) * 7)::int, 480 + 60 * floor(pg_temp.rnd(40 + j, v.i) * 10)::int,
                  480 + 60 * floor(pg_temp.rnd(40 + j, v.i) * 10)::int + 120 + 60 * floor(pg_temp.rnd(50 + j, v.i) * 3)::int
             FROM gen_vol v CROSS JOIN LATERAL generate_series(1, 2 + floor(pg_temp.rnd(29, v.i) * 3)::int) j
           ON CONFLICT DO NOTHING`);
  // Relatives 亲属: half of the volunteers have a registered relative among the residents 60 and over of their street.
  await q(
    `CREATE TEMP TABLE gen_elder AS
           SELECT street_id, id, row_number() OVER (PARTITION BY street_id ORDER BY i)::int AS k FROM gen_person WHERE i >= $1 AND birth_date <= $2::date - interval '60 years'`,
    [s.volunteers, anchor],
  );
  await q(`CREATE INDEX ON gen_elder (street_id, k)`);
  await q(`ANALYZE gen_elder`);
  await q(`CREATE TEMP TABLE gen_relative AS
           SELECT v.person_id AS volunteer_person_id, e.id AS elder_id, cw.person_id AS recorded_by
             FROM gen_vol v JOIN gen_person p ON p.id = v.person_id
             JOIN (SELECT street_id, count(*)::int AS n FROM gen_elder GROUP BY street_id) en ON en.street_id = p.street_id
             JOIN gen_elder e ON e.street_id = p.street_id AND e.k = 1 + floor(pg_temp.rnd(60, v.i) * en.n)::int
             JOIN gen_staff cw ON cw.role = 'COMMUNITY_WORKER' AND cw.region_id = v.community_id
            WHERE pg_temp.rnd(61, v.i) < 0.5`);
  await q(
    `INSERT INTO relatives (person_id, relative_id, relation, recorded_by, recorded_at)
           SELECT volunteer_person_id, elder_id, '父母', recorded_by, $1::timestamptz - interval '2 years' FROM gen_relative
           UNION ALL SELECT elder_id, volunteer_person_id, '子女', recorded_by, $1::timestamptz - interval '2 years' FROM gen_relative
           ON CONFLICT DO NOTHING`,
    [anchor],
  );
  // Sensitive flags with the person's own consent: one in ten residents of 60 and over lives alone (独居/空巢).
  await q(`CREATE TEMP TABLE gen_flag AS
           SELECT e.id AS person_id, cw.person_id AS recorded_by FROM gen_elder e JOIN gen_person p ON p.id = e.id
             JOIN gen_staff cw ON cw.role = 'COMMUNITY_WORKER' AND cw.region_id = p.community_id WHERE pg_temp.rnd(62, p.i) < 0.1`);
  await q(`ANALYZE gen_flag`);
  await q(
    `INSERT INTO person_flags (person_id, flag, consent_given_by, consent_at, recorded_by, recorded_at)
           SELECT person_id, 'ALONE_OR_EMPTY_NEST', person_id, $1::timestamptz - interval '1 year', recorded_by, $1::timestamptz - interval '1 year' FROM gen_flag`,
    [anchor],
  );
  await q(
    `INSERT INTO person_flag_consents (person_id, flag, action, by_person_id, recorded_by, at)
           SELECT person_id, 'ALONE_OR_EMPTY_NEST', 'GIVEN', person_id, recorded_by, $1::timestamptz - interval '1 year' FROM gen_flag`,
    [anchor],
  );
  o.progress('volunteers', 1);

  // ── organizations 社会组织 with valid unified social credit codes, their registrant as admin ──
  o.progress('organizations', 0);
  const streets = (
    await q<{ id: string; code: string; name: string; path: string; district_code: string; admin: string }>(
      `SELECT st.id, st.code, st.name, st.path::text AS path, d.code AS district_code, a.person_id AS admin
       FROM regions st JOIN regions d ON d.id = st.parent_id JOIN gen_staff a ON a.role = 'STREET_ADMIN' AND a.region_id = st.id
      WHERE st.level = 'STREET' ORDER BY st.code`,
    )
  ).rows;
  const ORG_CATEGORIES = ['LIFE_SERVICE', 'PUBLIC_WELFARE', 'ASSISTANCE', 'MUTUAL_AID', 'CULTURE_SPORTS', 'MEDIATION', 'COMMUNITY_AFFAIRS'];
  const ORG_SUFFIX: Record<string, string> = {
    LIFE_SERVICE: '居家养老服务中心',
    PUBLIC_WELFARE: '公益服务社',
    ASSISTANCE: '助老志愿者协会',
    MUTUAL_AID: '邻里互助会',
    CULTURE_SPORTS: '文体协会',
    MEDIATION: '人民调解工作室',
    COMMUNITY_AFFAIRS: '社区服务社',
  };
  const orgs: unknown[][] = [];
  const orgRng = new Rng(seed, 'organizations');
  let orgNo = 0;
  for (const st of streets) {
    for (let k = 1; k <= s.organizationsPerStreet; k++) {
      orgNo++;
      const category = ORG_CATEGORIES[(k - 1) % ORG_CATEGORIES.length];
      let body = '';
      let x = orgNo * 7919 + seed;
      for (let c = 0; c < 9; c++) {
        body += CREDIT_CODE_ALPHABET[x % 31];
        x = Math.floor(x / 31) + c * 131;
      }
      const first17 = '52' + st.district_code + body;
      const status = orgRng.next() < 0.9 ? 'APPROVED' : 'PENDING';
      orgs.push([
        uid(seed, 'organization', orgNo),
        `${st.name.replace('街道', '')}${ORG_SUFFIX[category]}${k > ORG_CATEGORIES.length ? Math.ceil(k / ORG_CATEGORIES.length) : ''}`,
        first17 + creditCodeCheckChar(first17),
        category,
        orgRng.next() < 0.7 ? 'REGISTERED' : 'FILED',
        st.id,
        st.path,
        status,
        st.admin,
        status === 'APPROVED' ? st.admin : null,
        status === 'APPROVED' ? new Date(anchorMs - 300 * DAY) : null,
        new Date(anchorMs - 400 * DAY),
      ]);
    }
  }
  await copyRows(
    client,
    'organizations (id, name, credit_code, category, registration, region_id, path, status, registered_by, reviewed_by, reviewed_at, created_at)',
    orgs,
  );
  await q(
    `INSERT INTO organization_members (organization_id, person_id, is_admin, added_by, added_at) SELECT id, registered_by, true, registered_by, created_at FROM organizations`,
  );
  await q(`INSERT INTO role_grants (person_id, role, region_id, organization_id, granted_at)
           SELECT registered_by, 'ORG_ADMIN', region_id, id, reviewed_at FROM organizations WHERE status = 'APPROVED'`);
  o.progress('organizations', 1);

  // ── needs over three years, across every state ──
  o.progress('needs', 0);
  const categories = CATEGORY_WEIGHTS.map(([c]) => c);
  const cumulative: number[] = [];
  let acc = 0;
  const totalWeight = CATEGORY_WEIGHTS.reduce((t, [, w]) => t + w, 0);
  for (const [, w] of CATEGORY_WEIGHTS) cumulative.push((acc += w) / totalWeight);
  const titles = categories.map((c) => TITLES[c]);
  const maxTitles = Math.max(...titles.map((t) => t.length));
  const skillsFor = categories.map((c) => SKILLS_FOR[c]);
  const maxSkills = Math.max(...skillsFor.map((t) => t.length));
  // Shares: 93 % old (closed, cancelled, rejected, expired), 3 % of the last ten days (completed, confirmed),
  // 4 % current (waiting, open, claimed, in service) with windows in the coming two weeks.
  const chunk = 200_000;
  await q(`CREATE TEMP TABLE gen_need_draw (n int PRIMARY KEY, period text, status need_status, cat int, beneficiary_i int, created_at timestamptz)`);
  for (let from = 0; from < s.needs; from += chunk) {
    const to = Math.min(s.needs, from + chunk) - 1;
    await q(
      `INSERT INTO gen_need_draw
             SELECT n, x.period,
                    (CASE x.period
                      WHEN 'old' THEN CASE WHEN u < 0.77 THEN 'CLOSED' WHEN u < 0.86 THEN 'CANCELLED' WHEN u < 0.90 THEN 'REJECTED' ELSE 'EXPIRED' END
                      WHEN 'recent' THEN CASE WHEN u < 0.25 THEN 'COMPLETED' WHEN u < 0.80 THEN 'CONFIRMED' WHEN u < 0.90 THEN 'EXPIRED' ELSE 'CANCELLED' END
                      ELSE CASE WHEN u < 0.08 THEN 'SUBMITTED' WHEN u < 0.14 THEN 'ACCEPTED' WHEN u < 0.68 THEN 'OPEN' WHEN u < 0.93 THEN 'CLAIMED'
                                WHEN u < 0.95 THEN 'IN_SERVICE' ELSE 'CANCELLED' END END)::need_status,
                    (SELECT count(*)::int FROM unnest($3::float8[]) c WHERE c <= pg_temp.rnd(101, n)),
                    $5::int + floor(pg_temp.rnd(102, n) * ($6::int - $5::int))::int,
                    CASE x.period WHEN 'old' THEN $4::timestamptz - interval '3 years' + pg_temp.rnd(103, n) * (interval '3 years' - interval '14 days')
                                  WHEN 'recent' THEN $4::timestamptz - interval '10 days' + pg_temp.rnd(103, n) * interval '4 days'
                                  ELSE $4::timestamptz - interval '2 days' + pg_temp.rnd(103, n) * interval '2 days' END
               FROM generate_series($1::int, $2::int) n
               CROSS JOIN LATERAL (SELECT CASE WHEN pg_temp.rnd(100, n) < 0.93 THEN 'old' WHEN pg_temp.rnd(100, n) < 0.96 THEN 'recent' ELSE 'current' END AS period,
                                          pg_temp.rnd(104, n) AS u) x`,
      [from, to, cumulative, anchor, s.volunteers, s.residents],
    );
    o.progress('needs', (0.5 * (to + 1)) / s.needs);
  }
  // A held need (claimed or in service) goes to a distinct approved volunteer of its community, so that no volunteer
  // holds two at once (the exclusion constraint); a community without enough volunteers leaves it open.
  await q(`ANALYZE gen_need_draw`);
  await q(`CREATE TEMP TABLE gen_need_held AS
           SELECT d.n, row_number() OVER (PARTITION BY p.community_id ORDER BY d.n)::int AS k FROM gen_need_draw d JOIN gen_person p ON p.i = d.beneficiary_i
            WHERE d.status IN ('CLAIMED', 'IN_SERVICE')`);
  await q(`CREATE UNIQUE INDEX ON gen_need_held (n)`);
  await q(`ANALYZE gen_need_held`);
  await deferIndexes(client, ['needs'], async () => {
    for (let from = 0; from < s.needs; from += chunk) {
      const to = Math.min(s.needs, from + chunk) - 1;
      await q(
        `INSERT INTO needs (id, title, category, urgency, status, beneficiary_id, posted_by, grid_id, grid_path, address, latitude, longitude, window_start, window_end,
                                  estimated_minutes, required_skills, prefer_party_member, home_entry, requires_vetting, accept_deadline, claim_deadline,
                                  accepted_by, accepted_at, published_at, claimed_by, claimed_at, started_at, completed_at, service_minutes, auto_confirm_at,
                                  confirmed_at, confirmed_by, rating, rating_comment, rating_tags, closed_at, status_reason, created_at, updated_at)
               SELECT s.*, greatest(s.created_at, s.accepted_at, s.published_at, s.claimed_at, s.started_at, s.completed_at, s.confirmed_at, s.closed_at) FROM (
               SELECT pg_temp.uid('need', d.n), ($4::text[][])[d.cat + 1][1 + floor(pg_temp.rnd(110, d.n) * $6::int)::int % $6::int], c.cat, t.urgency, t.status, p.id,
                      CASE WHEN pg_temp.rnd(111, d.n) < 0.7 OR gw.person_id IS NULL THEN p.id ELSE gw.person_id END, g.id, g.path, per.address,
                      g.lat + (pg_temp.rnd(112, d.n) - 0.5) * 0.004, g.lng + (pg_temp.rnd(113, d.n) - 0.5) * 0.005,
                      t.ws, t.ws + make_interval(mins => t.minutes), t.minutes,
                      CASE WHEN pg_temp.rnd(114, d.n) < 0.8 THEN ARRAY[($5::text[][])[d.cat + 1][1 + floor(pg_temp.rnd(115, d.n) * $7::int)::int % $7::int]] ELSE '{}' END,
                      pg_temp.rnd(116, d.n) < 0.1, t.home_entry, t.home_entry OR c.cat = 'CHILD_CARE',
                      d.created_at + CASE t.urgency WHEN 'EMERGENCY' THEN interval '30 minutes' WHEN 'URGENT' THEN interval '2 hours' ELSE interval '24 hours' END,
                      d.created_at + CASE t.urgency WHEN 'EMERGENCY' THEN interval '2 hours' WHEN 'URGENT' THEN interval '24 hours' ELSE interval '72 hours' END,
                      CASE WHEN t.status NOT IN ('SUBMITTED') THEN cw.person_id END, CASE WHEN t.status NOT IN ('SUBMITTED') THEN t.accepted_at END,
                      CASE WHEN t.status NOT IN ('SUBMITTED', 'ACCEPTED', 'REJECTED') THEN t.accepted_at + interval '1 minute' END,
                      CASE WHEN t.served OR t.status IN ('CLAIMED', 'IN_SERVICE') THEN t.volunteer_id END,
                      CASE WHEN t.served OR t.status IN ('CLAIMED', 'IN_SERVICE') THEN t.accepted_at + interval '1 minute' + (t.ws - t.accepted_at) * pg_temp.rnd(117, d.n) * 0.5 END,
                      CASE WHEN t.served OR t.status = 'IN_SERVICE' THEN t.started END,
                      CASE WHEN t.served THEN t.started + make_interval(mins => t.served_minutes) END,
                      CASE WHEN t.served THEN t.served_minutes END,
                      CASE WHEN t.status = 'COMPLETED' THEN t.started + make_interval(mins => t.served_minutes) + interval '72 hours' END,
                      CASE WHEN t.status IN ('CONFIRMED', 'CLOSED') THEN t.confirmed END,
                      CASE WHEN t.status IN ('CONFIRMED', 'CLOSED') THEN p.id END,
                      CASE WHEN t.status IN ('CONFIRMED', 'CLOSED') THEN t.rating END,
                      CASE WHEN t.status IN ('CONFIRMED', 'CLOSED') AND pg_temp.rnd(118, d.n) < 0.3 THEN CASE WHEN t.rating >= 4 THEN '服务很好，谢谢志愿者' ELSE '希望下次准时一些' END END,
                      CASE WHEN t.status IN ('CONFIRMED', 'CLOSED') AND pg_temp.rnd(119, d.n) < 0.5
                           THEN ARRAY[($8::text[])[CASE WHEN t.rating >= 4 THEN 1 + floor(pg_temp.rnd(120, d.n) * 4)::int ELSE 5 + floor(pg_temp.rnd(120, d.n) * 4)::int END]] ELSE '{}' END,
                      CASE WHEN t.status = 'CLOSED' THEN t.confirmed + interval '7 days' END,
                      CASE t.status WHEN 'REJECTED' THEN '不属于社区服务范围，已转介相关部门' WHEN 'CANCELLED' THEN '居民已自行解决' WHEN 'EXPIRED' THEN '服务时间已过，无人接单' END,
                      d.created_at
                 FROM gen_need_draw d
                 JOIN gen_person p ON p.i = d.beneficiary_i JOIN persons per ON per.id = p.id JOIN gen_grid g ON g.id = p.grid_id
                 JOIN gen_staff cw ON cw.role = 'COMMUNITY_WORKER' AND cw.region_id = p.community_id
                 LEFT JOIN gen_staff gw ON gw.role = 'GRID_WORKER' AND gw.region_id = p.grid_id
                 LEFT JOIN gen_vol_count vc ON vc.community_id = p.community_id
                 LEFT JOIN gen_need_held h ON h.n = d.n
                 CROSS JOIN LATERAL (SELECT ($9::text[])[d.cat + 1] AS cat) c
                 CROSS JOIN LATERAL (
                   SELECT (CASE WHEN d.status IN ('CLAIMED', 'IN_SERVICE') AND (h.k IS NULL OR vc.n IS NULL OR h.k > vc.n) THEN 'OPEN'
                                WHEN d.status IN ('CLOSED', 'COMPLETED', 'CONFIRMED') AND vc.n IS NULL THEN 'EXPIRED' ELSE d.status::text END)::need_status AS status,
                          d.status IN ('CLAIMED', 'IN_SERVICE') AND h.k <= vc.n AS held_ok
                 ) st
                 CROSS JOIN LATERAL (
                   SELECT st.status,
                          (CASE WHEN pg_temp.rnd(121, d.n) < 0.85 THEN 'NORMAL' WHEN pg_temp.rnd(121, d.n) < 0.97 THEN 'URGENT' ELSE 'EMERGENCY' END)::need_urgency AS urgency,
                          st.status IN ('COMPLETED', 'CONFIRMED', 'CLOSED') AS served,
                          c.cat IN ('ELDERLY_CARE', 'HOUSEKEEPING', 'REPAIR') AND pg_temp.rnd(122, d.n) < 0.5 AS home_entry,
                          60 + 30 * floor(pg_temp.rnd(123, d.n) * 5)::int AS minutes,
                          greatest(15, 60 + 30 * floor(pg_temp.rnd(123, d.n) * 5)::int + (floor(pg_temp.rnd(124, d.n) * 31)::int - 15)) AS served_minutes,
                          CASE WHEN st.status = 'IN_SERVICE' THEN $3::timestamptz + interval '9 hours'
                               WHEN d.period = 'current' THEN date_trunc('day', d.created_at + interval '8 hours') - interval '8 hours' + make_interval(days => 3 + floor(pg_temp.rnd(125, d.n) * 12)::int, hours => 8 + floor(pg_temp.rnd(126, d.n) * 11)::int)
                               ELSE date_trunc('day', d.created_at + interval '8 hours') - interval '8 hours' + make_interval(days => 1 + floor(pg_temp.rnd(125, d.n) * 2)::int, hours => 8 + floor(pg_temp.rnd(126, d.n) * 11)::int) END AS ws,
                          d.created_at + make_interval(mins => 5 + floor(pg_temp.rnd(127, d.n) * 115)::int) AS accepted_at,
                          CASE WHEN st.held_ok THEN (SELECT id FROM gen_vol WHERE community_id = p.community_id AND k = h.k)
                               WHEN vc.n IS NOT NULL THEN (SELECT id FROM gen_vol WHERE community_id = p.community_id AND k = 1 + floor(pg_temp.rnd(128, d.n) * vc.n)::int) END AS volunteer_id,
                          1 + (CASE WHEN pg_temp.rnd(129, d.n) < 0.6 THEN 4 WHEN pg_temp.rnd(129, d.n) < 0.85 THEN 3 WHEN pg_temp.rnd(129, d.n) < 0.95 THEN 2 WHEN pg_temp.rnd(129, d.n) < 0.98 THEN 1 ELSE 0 END) AS rating
                 ) t0
                 CROSS JOIN LATERAL (
                   SELECT t0.*, t0.ws + make_interval(mins => floor(pg_temp.rnd(130, d.n) * 21)::int - 10) AS started,
                          t0.ws + make_interval(mins => t0.served_minutes + 60 + floor(pg_temp.rnd(131, d.n) * 2880)::int) AS confirmed
                 ) t
                WHERE d.n BETWEEN $1 AND $2
               ) s (id, title, category, urgency, status, beneficiary_id, posted_by, grid_id, grid_path, address, latitude, longitude, window_start, window_end,
                    estimated_minutes, required_skills, prefer_party_member, home_entry, requires_vetting, accept_deadline, claim_deadline,
                    accepted_by, accepted_at, published_at, claimed_by, claimed_at, started_at, completed_at, service_minutes, auto_confirm_at,
                    confirmed_at, confirmed_by, rating, rating_comment, rating_tags, closed_at, status_reason, created_at)`,
        [from, to, anchor, pad2(titles, maxTitles), pad2(skillsFor, maxSkills), maxTitles, maxSkills, [...RATING_TAGS], categories],
      );
      o.progress('needs', 0.5 + (0.5 * (to + 1)) / s.needs);
    }
  });
  o.progress('needs', 1);

  // ── history: every need's transitions as need_events, in order; low ratings open a review ──
  o.progress('history', 0);
  await deferIndexes(client, ['need_events', 'need_reviews'], async () => {
    await q(`INSERT INTO need_events (need_id, action, from_status, to_status, actor_id, reason, at)
             SELECT n.id, e.action, e.from_status::need_status, e.to_status::need_status, e.actor, e.reason, e.at
               FROM needs n
               LEFT JOIN volunteers v ON v.id = n.claimed_by
               CROSS JOIN LATERAL (VALUES
                 (1, 'POST', NULL, 'SUBMITTED', n.posted_by, NULL, n.created_at),
                 (2, 'REJECT', 'SUBMITTED', 'REJECTED', n.accepted_by, n.status_reason, CASE WHEN n.status = 'REJECTED' THEN n.accepted_at END),
                 (3, 'ACCEPT', 'SUBMITTED', 'ACCEPTED', n.accepted_by, NULL, CASE WHEN n.status <> 'REJECTED' THEN n.accepted_at END),
                 (4, 'PUBLISH', 'ACCEPTED', 'OPEN', n.accepted_by, NULL, n.published_at),
                 (5, 'CLAIM', 'OPEN', 'CLAIMED', v.person_id, NULL, n.claimed_at),
                 (6, 'START', 'CLAIMED', 'IN_SERVICE', v.person_id, NULL, n.started_at),
                 (7, 'COMPLETE', 'IN_SERVICE', 'COMPLETED', v.person_id, NULL, n.completed_at),
                 (8, 'CONFIRM', 'COMPLETED', 'CONFIRMED', n.confirmed_by, NULL, n.confirmed_at),
                 (9, 'CLOSE', 'CONFIRMED', 'CLOSED', NULL, NULL, n.closed_at),
                 (10, 'CANCEL', CASE WHEN n.published_at IS NULL THEN 'ACCEPTED' ELSE 'OPEN' END, 'CANCELLED', n.posted_by, n.status_reason,
                      CASE WHEN n.status = 'CANCELLED' THEN coalesce(n.published_at, n.accepted_at) + interval '2 hours' END),
                 (11, 'EXPIRE', 'OPEN', 'EXPIRED', NULL, n.status_reason, CASE WHEN n.status = 'EXPIRED' THEN n.window_end END)
               ) AS e(step, action, from_status, to_status, actor, reason, at)
              WHERE e.at IS NOT NULL
              ORDER BY n.id, e.step`);
    o.progress('history', 0.85);
    await q(`INSERT INTO need_reviews (need_id, kind, region_id, region_path, rating, note, due_at, status, resolution, resolved_by, resolved_at, created_at)
             SELECT n.id, 'LOW_RATING', g.community_id, g.community_path, n.rating, n.rating_comment, n.confirmed_at + interval '7 days',
                    CASE WHEN n.status = 'CLOSED' THEN 'RESOLVED' ELSE 'OPEN' END,
                    CASE WHEN n.status = 'CLOSED' THEN '已回访，志愿者已改进' END, CASE WHEN n.status = 'CLOSED' THEN cw.person_id END,
                    CASE WHEN n.status = 'CLOSED' THEN n.confirmed_at + interval '3 days' END, n.confirmed_at
               FROM needs n JOIN gen_grid g ON g.id = n.grid_id JOIN gen_staff cw ON cw.role = 'COMMUNITY_WORKER' AND cw.region_id = g.community_id
              WHERE n.rating <= 2`);
  });
  o.progress('history', 1);

  // ── service records 志愿服务记录 of every confirmed service, and the volunteers' statistics ──
  o.progress('records', 0);
  await deferIndexes(client, ['service_records'], async () => {
    await q(
      `INSERT INTO service_records (id, record_no, need_id, source, source_id, volunteer_id, volunteer_person_id, beneficiary_person_id, grid_id, community_id,
                                          title, category, started_at, ended_at, minutes, verifier_id, confirmed_at, created_at)
             SELECT pg_temp.uid('record', row_number() OVER (ORDER BY n.confirmed_at, n.id)),
                    'FW' || to_char(n.confirmed_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad((row_number() OVER (ORDER BY n.confirmed_at, n.id))::text, 8, '0'),
                    n.id, 'NEED', n.id, n.claimed_by, v.person_id, n.beneficiary_id, n.grid_id, g.community_id, n.title, (($1::jsonb) ->> n.category),
                    n.started_at, n.completed_at, n.service_minutes, n.confirmed_by, n.confirmed_at, n.confirmed_at
               FROM needs n JOIN volunteers v ON v.id = n.claimed_by JOIN gen_grid g ON g.id = n.grid_id
              WHERE n.status IN ('CONFIRMED', 'CLOSED')`,
      [JSON.stringify(CATEGORY_LABEL)],
    );
  });
  await q(`INSERT INTO volunteer_stats (volunteer_id, completed_count, rating_sum, rating_count, verified_minutes, last_served_at)
           SELECT v.id, coalesce(x.completed, 0), coalesce(x.rating_sum, 0), coalesce(x.rating_count, 0), coalesce(x.minutes, 0), x.last
             FROM volunteers v LEFT JOIN (
               SELECT claimed_by, count(*) FILTER (WHERE status IN ('CONFIRMED', 'CLOSED'))::int AS completed, sum(rating)::int AS rating_sum, count(rating)::int AS rating_count,
                      sum(service_minutes) FILTER (WHERE status IN ('CONFIRMED', 'CLOSED'))::int AS minutes, max(completed_at) AS last
                 FROM needs WHERE claimed_by IS NOT NULL GROUP BY claimed_by) x ON x.claimed_by = v.id`);
  o.progress('records', 1);

  // ── the time bank: accounts, then a journal that verifies ──
  o.progress('ledger', 0);
  await writeLedger(client, { seed, targetPostings: s.postings, progress: (f) => o.progress('ledger', f) });
  o.progress('ledger', 1);

  o.progress('stats', 0);
  for (const t of [
    'regions',
    'persons',
    'role_grants',
    'volunteers',
    'volunteer_regions',
    'volunteer_skills',
    'volunteer_availability',
    'volunteer_stats',
    'needs',
    'need_events',
    'service_records',
    'ledger_accounts',
    'ledger_transactions',
    'ledger_postings',
    'relatives',
    'organizations',
  ]) {
    await q(`ANALYZE ${t}`);
  }
  const counts: Record<string, number> = {};
  for (const t of [
    'regions',
    'persons',
    'volunteers',
    'organizations',
    'social_workers',
    'needs',
    'need_events',
    'service_records',
    'ledger_accounts',
    'ledger_transactions',
    'ledger_postings',
  ]) {
    counts[t] = Number((await q<{ n: string }>(`SELECT count(*) AS n FROM ${t}`)).rows[0].n);
  }
  o.progress('stats', 1);
  return counts;
}

/** A ragged list of lists as a rectangular text[][] (PostgreSQL arrays are rectangular), padded with each row's first item. */
function pad2(rows: string[][], width: number): string[][] {
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill(r[0])]);
}
