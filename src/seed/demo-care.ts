import { EntityManager } from 'typeorm';
import { addWorkingDays } from '../needs/need-deadlines.js';
import { CareGroup, monthOf, startOfDay, windowsOf } from '../care-visits/visit-schedule.js';

/**
 * Care visits 探访关爱 demo (docs/care-visits.md): the special-hardship elderly roster of 长江新村社区 (A1) — 王秀英
 * (独居, grid 1, visited by 赵敏) and 李建国 (grid 2, which has no grid worker: 孙丽 visits) — both with their own
 * consent; this month's tasks, 李建国's done with a concern that raised a proxy need (主动发现) and opened a
 * follow-up, 王秀英's still due. Idempotent: the enrolments and tasks are keyed, visits are added only with a new task.
 */
export async function seedDemoCare(m: EntityManager): Promise<void> {
  const id = async (phone: string): Promise<string> => (await m.query(`SELECT id FROM persons WHERE phone = $1`, [phone]))[0].id;
  const sunLi = await id('13600000001');
  const zhaoMin = await id('13700000001');
  const roster = [
    { person: await id('13800000001'), visitor: zhaoMin, concern: false },
    { person: await id('13800000002'), visitor: sunLi, concern: true },
  ];
  const month = monthOf(new Date());
  const [w] = windowsOf(month, 1);
  for (const r of roster) {
    const [home] = await m.query(`SELECT p.grid_id, g.path::text AS grid_path, p.address FROM persons p JOIN regions g ON g.id = p.grid_id WHERE p.id = $1`, [
      r.person,
    ]);
    await m
      .query(
        `INSERT INTO care_enrollments (person_id, care_group, high_risk, grid_id, grid_path, consent_by, consent_at, enrolled_by)
       VALUES ($1, $2, false, $3, $4::ltree, $1, now(), $5) ON CONFLICT (person_id, care_group) WHERE ended_at IS NULL DO NOTHING RETURNING id`,
        [r.person, CareGroup.SPECIAL_HARDSHIP_ELDERLY, home.grid_id, home.grid_path, sunLi],
      )
      .then(async (rows: { id: string }[]) => {
        if (rows[0])
          await m.query(`INSERT INTO care_enrollment_events (enrollment_id, action, actor_id, data) VALUES ($1, 'ENROL', $2, $3)`, [
            rows[0].id,
            sunLi,
            JSON.stringify({ group: CareGroup.SPECIAL_HARDSHIP_ELDERLY, consentBy: r.person }),
          ]);
      });
    const [enrolment] = await m.query(`SELECT id FROM care_enrollments WHERE person_id = $1 AND care_group = $2 AND ended_at IS NULL`, [
      r.person,
      CareGroup.SPECIAL_HARDSHIP_ELDERLY,
    ]);
    const [task] = await m.query(
      `INSERT INTO visit_tasks (enrollment_id, person_id, care_group, month, slot, earliest, due, last, modes, grid_id, grid_path, assignee_id, assigned_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ARRAY['HOME','PHONE','VIDEO'], $9, $10::ltree, $11, $12) ON CONFLICT (enrollment_id, month, slot) DO NOTHING RETURNING id`,
      [
        enrolment.id,
        r.person,
        CareGroup.SPECIAL_HARDSHIP_ELDERLY,
        month,
        w.slot,
        w.earliest,
        w.due,
        w.last,
        home.grid_id,
        home.grid_path,
        r.visitor,
        r.visitor === zhaoMin ? null : sunLi,
      ],
    );
    if (!task || !r.concern) continue;
    const visitedAt = new Date(Math.max(startOfDay(w.earliest).getTime(), Date.now() - 2 * 3600_000));
    const tomorrow = startOfDay(new Date(Date.now() + 8 * 3600_000 + 86400_000).toISOString().slice(0, 10));
    const [need] = await m.query(
      `INSERT INTO needs (title, category, urgency, status, beneficiary_id, posted_by, grid_id, grid_path, address, window_start, window_end, estimated_minutes,
                          required_skills, prefer_party_member, accept_deadline, claim_deadline, created_at)
       VALUES ('探访发现：家中米面油不足，请帮忙采购送上门', 'MEAL_ASSISTANCE', 'NORMAL', 'SUBMITTED', $1, $2, $3, $4::ltree, $5, $6, $7, 60, '{助餐送餐}', false, $8, $9, $10)
       RETURNING id`,
      [
        r.person,
        sunLi,
        home.grid_id,
        home.grid_path,
        home.address,
        new Date(tomorrow.getTime() + 10 * 3600_000),
        new Date(tomorrow.getTime() + 12 * 3600_000),
        new Date(visitedAt.getTime() + 24 * 3600_000),
        new Date(visitedAt.getTime() + 72 * 3600_000),
        visitedAt,
      ],
    );
    await m.query(
      `INSERT INTO need_events (need_id, action, from_status, to_status, actor_id, data, at) VALUES ($1, 'POST', NULL, 'SUBMITTED', $2, '{"proxy":true}', $3)`,
      [need.id, sunLi, visitedAt],
    );
    const [visit] = await m.query(
      `INSERT INTO care_visits (task_id, visitor_id, visited_at, mode, outcome, counted, minutes, findings, risks, raised_need_id)
       VALUES ($1, $2, $3, 'HOME', 'CONCERN', true, 40, '老人腿脚不便，家中米面油所剩不多，近期无人采购', '{NO_FOOD,HEALTH_DECLINE}', $4) RETURNING id`,
      [task.id, sunLi, visitedAt, need.id],
    );
    await m.query(`UPDATE visit_tasks SET status = 'DONE', done_at = $2 WHERE id = $1`, [task.id, visitedAt]);
    await m.query(
      `INSERT INTO visit_task_events (task_id, action, from_status, to_status, actor_id, data, at) VALUES ($1, 'COMPLETE', 'DUE', 'DONE', $2, $3, $4)`,
      [task.id, sunLi, JSON.stringify({ visitId: visit.id, outcome: 'CONCERN', mode: 'HOME', needId: need.id }), visitedAt],
    );
    const [community] = await m.query(`SELECT id, path::text AS path FROM regions WHERE path @> $1::ltree AND level = 'COMMUNITY'`, [home.grid_path]);
    await m.query(
      `INSERT INTO care_follow_ups (kind, task_id, visit_id, person_id, region_id, region_path, note, due_at) VALUES ('CONCERN', $1, $2, $3, $4, $5::ltree, $6, $7)`,
      [
        task.id,
        visit.id,
        r.person,
        community.id,
        community.path,
        '探访发现问题，请跟进：老人腿脚不便，家中米面油所剩不多，近期无人采购',
        addWorkingDays(visitedAt, 3),
      ],
    );
  }
}
