import { EntityManager } from 'typeorm';
import { maskPhonesInText } from '../privacy/mask.js';

/**
 * Demo data of everyday use (docs/everyday.md), idempotent like the rest of the seed. Chosen so that nothing new is
 * open or claimable (other demos and tests count those): a weekly meal series of October–November 2026 that has run
 * its course, messages on 李建国's claimed washing-machine repair (刘洋), a far check-in on a confirmed service, and a hand-out of cooking
 * oil from 长江新村慈善超市 to 王秀英.
 */
export async function seedDemoEveryday(m: EntityManager): Promise<void> {
  const person = async (phone: string): Promise<string> => (await m.query(`SELECT id FROM persons WHERE phone = $1`, [phone]))[0].id;
  const sunLi = await person('13600000001');
  const wang = await person('13800000001');
  const li = await person('13800000002');
  const liuYang = await person('13900000002');

  // 周期需求: every Tuesday 11:00–12:00 for 8 weeks from 2026-10-06, ended when 王秀英 moved to the canteen.
  if ((await m.query(`SELECT 1 FROM need_series WHERE beneficiary_id = $1 AND template->>'title' = '每周二送午餐上门（十月至十一月）'`, [wang])).length === 0) {
    const [grid] = await m.query(`SELECT id, path::text AS path FROM regions WHERE code = '32010200200101'`);
    const template = {
      title: '每周二送午餐上门（十月至十一月）',
      description: '社区食堂午餐送到家',
      category: 'MEAL_ASSISTANCE',
      urgency: 'NORMAL',
      gridId: grid.id,
      address: '长江新村3幢201室',
      latitude: 32.0601,
      longitude: 118.7968,
      estimatedMinutes: 30,
      requiredSkills: ['助餐送餐'],
      preferPartyMember: false,
      homeEntry: false,
      groupActivity: false,
      requiresVetting: false,
    };
    await m.query(
      `INSERT INTO need_series (status, weekdays, until, occurrence_count, first_start, window_minutes, template, publish, beneficiary_id, posted_by, grid_path, ended_reason)
       VALUES ('ENDED', '{2}', NULL, 8, '2026-10-06T03:00:00Z', 60, $1, true, $2, $3, $4::ltree, '王秀英改为到社区长者食堂就餐')`,
      [JSON.stringify(template), wang, sunLi, grid.path],
    );
  }

  // 留言 on 李建国's washing-machine repair, claimed by 刘洋: the number typed in is masked like every message.
  const [tv] = await m.query(`SELECT id FROM needs WHERE title = '洗衣机漏水维修' AND beneficiary_id = $1`, [li]);
  if (tv && (await m.query(`SELECT 1 FROM need_messages WHERE need_id = $1`, [tv.id])).length === 0) {
    await m.query(`INSERT INTO need_messages (need_id, author_id, text) VALUES ($1, $2, $3), ($1, $4, $5)`, [
      tv.id,
      li,
      maskPhonesInText('我下午都在家，到了打我电话13800000002'),
      liuYang,
      '好的，我三点左右到，带上工具',
    ]);
  }

  // 签到核查: 刘洋 checked in about 820 m from 王秀英's home for the chat of 2026-11-10.
  // 签到核查距离: street B's grids are large and its residents spread out, so it reviews check-ins beyond 1 km (street A keeps the 500 m default).
  await m.query(
    `INSERT INTO need_checkin_policies (region_id, far_checkin_m, updated_by) SELECT id, 1000, $1 FROM regions WHERE code = '320102003'
     ON CONFLICT (region_id) DO NOTHING`,
    [await person('13100000001')],
  );
  await m.query(`UPDATE needs SET checkin_distance_m = 820 WHERE id = '00000000-0000-4000-8000-00000000d005' AND checkin_distance_m IS NULL`);

  // 物资发放: 2 桶 of cooking oil to 王秀英 (idempotency key: once only).
  const [market] = await m.query(`SELECT id FROM charities WHERE name = '长江新村慈善超市'`);
  if (market) {
    await m.query(
      `INSERT INTO charity_entries (charity_id, kind, item_name, item_unit, quantity, purpose, target_type, target_id, recipient_person_id, idempotency_key, recorded_by)
       SELECT $1, 'GRANT', '食用油', '桶', -2, '物资发放', 'PERSON', $2, $2, 'demo-handout-oil-1', p.id FROM persons p WHERE p.phone = '13300000001'
       ON CONFLICT (charity_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING`,
      [market.id, wang],
    );
  }
}
