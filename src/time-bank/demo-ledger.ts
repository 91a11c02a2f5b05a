import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../scope/actor.js';
import { Role } from '../scope/role.js';
import { earn } from './earn.listener.js';
import { LedgerRepository } from './ledger.repository.js';
import { ServiceRecordsRepository } from './service-records.repository.js';
import { TimeBankService } from './time-bank.service.js';

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

/** Services confirmed before the dispatch loop existed in this demo; their need ids are fixed so that re-seeding skips them. */
const SERVICES: DemoService[] = [
  { needId: '00000000-0000-4000-8000-00000000d001', volunteer: '13900000001', beneficiary: '13800000001', grid: '32010200200101', minutes: 120, title: '陪王奶奶去社区医院复诊', category: '医疗陪护', day: '2026-10-08' },
  { needId: '00000000-0000-4000-8000-00000000d002', volunteer: '13900000001', beneficiary: '13800000001', grid: '32010200200101', minutes: 90, title: '助餐送餐一周', category: '助餐', day: '2026-10-20' },
  { needId: '00000000-0000-4000-8000-00000000d003', volunteer: '13900000002', beneficiary: '13800000002', grid: '32010200200102', minutes: 180, title: '修理洗衣机和热水器', category: '维修', day: '2026-10-25' },
  { needId: '00000000-0000-4000-8000-00000000d004', volunteer: '13900000001', beneficiary: '13800000002', grid: '32010200200102', minutes: 60, title: '教智能手机挂号', category: '教育', day: '2026-11-03' },
  { needId: '00000000-0000-4000-8000-00000000d005', volunteer: '13900000002', beneficiary: '13800000001', grid: '32010200200101', minutes: 60, title: '助老陪护聊天', category: '养老助老', day: '2026-11-10' },
];

/**
 * A short living ledger for the demo (idempotent: services are keyed by need id, operations by idempotency key):
 * 张伟 earns 270 min, donates 30 and gives 60 to his father-in-law 李建国; 刘洋 earns 240 and donates 60;
 * 李建国 spends 30 on a service from 刘洋; 孙丽 grants 20 from the A1 pool to 王秀英.
 */
export async function seedDemoLedger(db: DataSource, m: EntityManager): Promise<void> {
  const ledger = new LedgerRepository(db);
  const records = new ServiceRecordsRepository(db);
  const bank = new TimeBankService(db, ledger, records);
  const person = async (phone: string): Promise<string> => (await m.query(`SELECT id FROM persons WHERE phone = $1`, [phone]))[0].id;
  const worker = await person('13600000001');
  for (const s of SERVICES) {
    if (await records.recordOfNeed(m, s.needId)) continue;
    const volunteerPersonId = await person(s.volunteer);
    const [grid] = await m.query(`SELECT id FROM regions WHERE code = $1`, [s.grid]);
    const [vol] = await m.query(`SELECT id FROM volunteers WHERE person_id = $1`, [volunteerPersonId]);
    const start = new Date(`${s.day}T09:00:00+08:00`);
    const end = new Date(start.getTime() + s.minutes * 60_000);
    await earn(m, ledger, records, {
      needId: s.needId, volunteerId: vol.id, volunteerPersonId, beneficiaryPersonId: await person(s.beneficiary), gridId: grid.id,
      minutes: s.minutes, title: s.title, category: s.category, address: null, startedAt: start, endedAt: end, confirmedBy: worker, confirmedAt: end,
    });
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
  await bank.spend(liJianguo, { minutes: 30, providerPersonId: liuYang.personId, memo: '上门修理', idempotencyKey: 'demo-spend-1' }, m);
  await bank.grant(sunLi, { toPersonId: await person('13800000001'), minutes: 20, memo: '独居老人助浴', idempotencyKey: 'demo-grant-1' }, m);
}
