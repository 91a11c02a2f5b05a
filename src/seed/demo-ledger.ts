import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../scope/actor.js';
import { Role } from '../scope/role.js';
import { CATEGORY_LABEL } from '../needs/need.model.js';
import { earn } from '../time-bank/earn.listener.js';
import { NeedsRepository } from '../needs/needs.repository.js';
import { VolunteersRepository } from '../volunteers/volunteers.repository.js';
import { LedgerRepository } from '../time-bank/ledger.repository.js';
import { ServiceRecordsRepository } from '../time-bank/service-records.repository.js';
import { TimeBankService } from '../time-bank/time-bank.service.js';

interface DemoService {
  needId: string;
  volunteer: string;
  beneficiary: string;
  grid: string;
  minutes: number;
  title: string;
  category: string;
  day: string;
}

/** Services confirmed in the weeks before today; their needs are seeded as CONFIRMED with these fixed ids (re-seeding skips them). */
const SERVICES: DemoService[] = [
  {
    needId: '00000000-0000-4000-8000-00000000d001',
    volunteer: '13900000001',
    beneficiary: '13800000001',
    grid: '32010200200101',
    minutes: 120,
    title: '陪王奶奶去社区医院复诊',
    category: '医疗陪护',
    day: '2026-10-08',
  },
  {
    needId: '00000000-0000-4000-8000-00000000d002',
    volunteer: '13900000001',
    beneficiary: '13800000001',
    grid: '32010200200101',
    minutes: 90,
    title: '助餐送餐一周',
    category: '助餐',
    day: '2026-10-20',
  },
  {
    needId: '00000000-0000-4000-8000-00000000d003',
    volunteer: '13900000002',
    beneficiary: '13800000002',
    grid: '32010200200102',
    minutes: 180,
    title: '修理洗衣机和热水器',
    category: '维修',
    day: '2026-10-25',
  },
  {
    needId: '00000000-0000-4000-8000-00000000d004',
    volunteer: '13900000001',
    beneficiary: '13800000002',
    grid: '32010200200102',
    minutes: 60,
    title: '教智能手机挂号',
    category: '教育',
    day: '2026-11-03',
  },
  {
    needId: '00000000-0000-4000-8000-00000000d005',
    volunteer: '13900000002',
    beneficiary: '13800000001',
    grid: '32010200200101',
    minutes: 60,
    title: '助老陪护聊天',
    category: '养老助老',
    day: '2026-11-10',
  },
];

/**
 * A short living ledger for the demo (idempotent: services are keyed by need id, operations by idempotency key):
 * 张伟 earns 270 min, donates 30 and gives 60 to his father-in-law 李建国; 刘洋 earns 240 and donates 60;
 * 李建国 spends 30 on the repair 刘洋 did for him (need d003); 孙丽 grants 20 from the A1 pool to 王秀英.
 */
export async function seedDemoLedger(db: DataSource, m: EntityManager): Promise<void> {
  const ledger = new LedgerRepository(db);
  const records = new ServiceRecordsRepository(db);
  const bank = new TimeBankService(db, ledger, records, new NeedsRepository(db), new VolunteersRepository(db));
  const person = async (phone: string): Promise<string> => (await m.query(`SELECT id FROM persons WHERE phone = $1`, [phone]))[0].id;
  const worker = await person('13600000001');
  for (const s of SERVICES) {
    if (await records.recordOfNeed(m, s.needId)) continue;
    const volunteerPersonId = await person(s.volunteer);
    const [grid] = await m.query(`SELECT id FROM regions WHERE code = $1`, [s.grid]);
    const [vol] = await m.query(`SELECT id FROM volunteers WHERE person_id = $1`, [volunteerPersonId]);
    const start = new Date(`${s.day}T09:00:00+08:00`);
    const end = new Date(start.getTime() + s.minutes * 60_000);
    await seedConfirmedNeed(m, s, { volunteerId: vol.id, beneficiaryId: await person(s.beneficiary), worker, start, end });
    await earn(
      m,
      ledger,
      records,
      {
        needId: s.needId,
        volunteerId: vol.id,
        volunteerPersonId,
        beneficiaryPersonId: await person(s.beneficiary),
        gridId: grid.id,
        minutes: s.minutes,
        title: s.title,
        category: s.category,
        address: null,
        startedAt: start,
        endedAt: end,
        confirmedBy: worker,
        confirmedAt: end,
      },
      end,
    );
  }
  const member = async (phone: string) => new Actor(await person(phone), []);
  const [a1] = await m.query(`SELECT id, path::text AS path FROM regions WHERE code = '320102002001'`);
  const sunLi = new Actor(worker, [{ role: Role.COMMUNITY_WORKER, regionId: a1.id, regionPath: a1.path, organizationId: null }]);
  const zhangWei = await member('13900000001');
  const liuYang = await member('13900000002');
  const liJianguo = await member('13800000002');
  await bank.donate(zhangWei, { minutes: 30, memo: '捐给社区爱心池', idempotencyKey: 'demo-donate-1' }, m);
  await bank.donate(liuYang, { minutes: 60, memo: '捐给社区爱心池', idempotencyKey: 'demo-donate-2' }, m);
  await bank.transfer(zhangWei, { toPersonId: liJianguo.personId, minutes: 60, memo: '给岳父', idempotencyKey: 'demo-transfer-1' }, m);
  await bank.spend(
    liJianguo,
    { minutes: 30, needId: SERVICES[2].needId, providerPersonId: liuYang.personId, memo: '上门修理', idempotencyKey: 'demo-spend-1' },
    m,
  );
  await bank.grant(sunLi, { toPersonId: await person('13800000001'), minutes: 20, memo: '独居老人助浴', idempotencyKey: 'demo-grant-1' }, m);
}

/** The need behind a demo service record, with the history the dispatch loop would have written. */
async function seedConfirmedNeed(
  m: EntityManager,
  s: DemoService,
  p: { volunteerId: string; beneficiaryId: string; worker: string; start: Date; end: Date },
): Promise<void> {
  const code = Object.entries(CATEGORY_LABEL).find(([, label]) => label === s.category)?.[0] ?? 'OTHER';
  const [grid] = await m.query(`SELECT id, path FROM regions WHERE code = $1`, [s.grid]);
  const [beneficiary] = await m.query(`SELECT address FROM persons WHERE id = $1`, [p.beneficiaryId]);
  const [volunteerPerson] = await m.query(`SELECT person_id FROM volunteers WHERE id = $1`, [p.volunteerId]);
  const posted = new Date(p.start.getTime() - 3 * 86400_000);
  const inserted = await m.query(
    `INSERT INTO needs (id, title, category, status, beneficiary_id, posted_by, grid_id, grid_path, address, window_start, window_end,
                        estimated_minutes, accept_deadline, claim_deadline, accepted_by, accepted_at, published_at, claimed_by, claimed_at,
                        started_at, completed_at, service_minutes, confirmed_at, confirmed_by, rating, created_at)
     VALUES ($1, $2, $3, 'CONFIRMED', $4, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $11, $11, $14, $11, $8, $9, $10, $9, $4, 5, $15)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      s.needId,
      s.title,
      code,
      p.beneficiaryId,
      grid.id,
      grid.path,
      beneficiary.address,
      p.start,
      p.end,
      s.minutes,
      new Date(posted.getTime() + 3600_000),
      new Date(posted.getTime() + 72 * 3600_000),
      p.worker,
      p.volunteerId,
      posted,
    ],
  );
  if (!inserted[0]) return;
  await m.query(
    `UPDATE volunteer_stats SET completed_count = completed_count + 1, rating_sum = rating_sum + 5, rating_count = rating_count + 1,
            last_served_at = greatest(last_served_at, $2) WHERE volunteer_id = $1`,
    [p.volunteerId, p.end],
  );
  const steps: [string, string | null, string, string, Date][] = [
    ['POST', null, 'SUBMITTED', p.beneficiaryId, posted],
    ['ACCEPT', 'SUBMITTED', 'ACCEPTED', p.worker, new Date(posted.getTime() + 3600_000)],
    ['PUBLISH', 'ACCEPTED', 'OPEN', p.worker, new Date(posted.getTime() + 3600_000)],
    ['CLAIM', 'OPEN', 'CLAIMED', volunteerPerson.person_id, new Date(posted.getTime() + 2 * 3600_000)],
    ['START', 'CLAIMED', 'IN_SERVICE', volunteerPerson.person_id, p.start],
    ['COMPLETE', 'IN_SERVICE', 'COMPLETED', volunteerPerson.person_id, p.end],
    ['CONFIRM', 'COMPLETED', 'CONFIRMED', p.beneficiaryId, p.end],
  ];
  for (const [action, from, to, actor, at] of steps) {
    await m.query(`INSERT INTO need_events (need_id, action, from_status, to_status, actor_id, at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      s.needId,
      action,
      from,
      to,
      actor,
      at,
    ]);
  }
}
