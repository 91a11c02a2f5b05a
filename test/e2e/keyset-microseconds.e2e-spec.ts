import { needInput, ok, personId, PHONE, POST } from '../helpers/needs.js';
import { createTestApp, TestApp } from '../helpers/test-app.js';

/**
 * Keyset cursors keep PostgreSQL's microseconds (docs/client-guide.md "Pagination"). Rows written in one transaction
 * share their timestamp (a need series posts several occurrences at once, planVisits a month of tasks); a cursor of
 * the millisecond JS Date would sort before that timestamp, so page 2 would skip every row sharing it. Paging one row
 * at a time through such rows must give each exactly once.
 */
const SHARED = '2026-06-01 10:00:00.123456+00';

interface Page {
  totalCount: number;
  edges: { node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('keyset cursors of rows sharing a timestamp', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** Walks `field` one row per page (as `phone`, or anonymously) and returns the ids seen and the total. */
  async function walk(field: string, phone: string | null): Promise<{ ids: string[]; total: number }> {
    const token = phone ? await t.login(phone) : undefined;
    const ids: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let guard = 0; guard < 500; guard++) {
      const res = await t.gql<Record<string, Page>>(
        `query ($a: String) { ${field}(first: 1, after: $a) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { a: after },
        token,
      );
      expect(res.errors).toBeUndefined();
      const page = res.data[field];
      total = page.totalCount;
      ids.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return { ids, total };
  }

  /** The whole list in one page (no cursor involved). */
  async function all(field: string, phone: string | null): Promise<string[]> {
    const res = await t.gql<Record<string, Page>>(`{ ${field}(first: 100) { edges { node { id } } } }`, {}, phone ? await t.login(phone) : undefined);
    expect(res.errors).toBeUndefined();
    return res.data[field].edges.map((e) => e.node.id);
  }

  /** Paging one by one gives every row exactly once, the same rows as one big page (two sharing rows suffice: page 2 skipped the second). */
  async function expectEachOnce(field: string, phone: string | null) {
    const whole = await all(field, phone);
    expect(whole.length).toBeGreaterThanOrEqual(2);
    const w = await walk(field, phone);
    expect(w.total).toBe(whole.length);
    expect(w.ids).toEqual(whole);
  }

  it('needs: three needs posted at the same microsecond are each paged once', async () => {
    for (let i = 1; i <= 3; i++) await ok(t, POST, { i: needInput({ title: `同一时刻发布 ${i}` }) }, PHONE.wang);
    // As one transaction writes them (a need series posts its occurrences so).
    await t.db.query(`UPDATE needs SET created_at = $1 WHERE posted_by = $2`, [SHARED, await personId(t, PHONE.wang)]);
    await expectEachOnce('needs', PHONE.wang);
  });

  it('projects: projects created at the same microsecond are each paged once (the public list, anonymously)', async () => {
    await t.db.query(`UPDATE projects SET created_at = $1`, [SHARED]);
    await expectEachOnce('projects', null);
  });

  it('care enrolments, visit tasks and follow-ups sharing a timestamp are each paged once', async () => {
    await t.db.query(`UPDATE care_enrollments SET enrolled_at = $1`, [SHARED]);
    // Tasks sort by (due, created_at, id): one due day, one creation instant (as planVisits writes a month at once).
    await t.db.query(`UPDATE visit_tasks SET created_at = $1, earliest = least(earliest, d.m), due = d.m FROM (SELECT min(due) AS m FROM visit_tasks) d`, [
      SHARED,
    ]);
    // Two more follow-ups beside each seeded one, all written at the same instant.
    await t.db.query(
      `INSERT INTO care_follow_ups (kind, task_id, visit_id, person_id, region_id, region_path, note, due_at)
       SELECT kind, task_id, visit_id, person_id, region_id, region_path, note || ' (' || g || ')', due_at FROM care_follow_ups, generate_series(1, 2) g`,
    );
    await t.db.query(`UPDATE care_follow_ups SET created_at = $1`, [SHARED]);
    await expectEachOnce('careEnrollments', PHONE.sunLi);
    await expectEachOnce('visitTasks', PHONE.sunLi);
    await expectEachOnce('careFollowUps', PHONE.sunLi);
  });
});
