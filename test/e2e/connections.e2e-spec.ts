import { createTestApp, codeOf, TestApp } from '../helpers/test-app.js';
import { needInput, ok, PHONE, POST } from '../helpers/needs.js';

/**
 * Relay-complete connections (docs/client-guide.md "Pagination"): the lists browsed backwards — a statement's
 * entries, a need's messages, a need's history — page with first/after and with last/before; walking the same list
 * both ways gives the same edges in mirror order, and pageInfo's flags are exact in both directions.
 */
interface Page {
  edges: { cursor: string; node: { id?: string; text?: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

const PAGE_INFO = `pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount`;

describe('Relay connections paged both ways', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** Walks a whole list forward (first/after) and backward (last/before) in pages of `size`. */
  async function walkBothWays(fetch: (args: Record<string, unknown>) => Promise<Page>, size: number) {
    const forward: string[] = [];
    const forwardPages: Page[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await fetch({ first: size, after });
      forwardPages.push(page);
      forward.push(...page.edges.map((e) => e.cursor));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const backward: string[] = [];
    const backwardPages: Page[] = [];
    let before: string | null = null;
    for (;;) {
      const page = await fetch({ last: size, before });
      backwardPages.push(page);
      backward.push(...[...page.edges].reverse().map((e) => e.cursor));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    return { forward, backward, forwardPages, backwardPages };
  }

  function expectMirror(w: Awaited<ReturnType<typeof walkBothWays>>, total: number) {
    expect(w.forward).toHaveLength(total);
    expect(new Set(w.forward).size).toBe(total);
    expect(w.backward).toEqual([...w.forward].reverse());
    // Exact flags both ways: only the first forward page has nothing before it, only the last has nothing after it.
    expect(w.forwardPages.map((p) => p.pageInfo.hasPreviousPage)).toEqual(w.forwardPages.map((_, i) => i > 0));
    expect(w.forwardPages.map((p) => p.pageInfo.hasNextPage)).toEqual(w.forwardPages.map((_, i) => i < w.forwardPages.length - 1));
    expect(w.backwardPages.map((p) => p.pageInfo.hasNextPage)).toEqual(w.backwardPages.map((_, i) => i > 0));
    expect(w.backwardPages.map((p) => p.pageInfo.hasPreviousPage)).toEqual(w.backwardPages.map((_, i) => i < w.backwardPages.length - 1));
    for (const p of [...w.forwardPages, ...w.backwardPages]) {
      expect(p.totalCount).toBe(total);
      expect(p.pageInfo.startCursor).toBe(p.edges[0].cursor);
      expect(p.pageInfo.endCursor).toBe(p.edges[p.edges.length - 1].cursor);
    }
  }

  let needId: string;

  beforeAll(async () => {
    // 王秀英 posts a need, edits it four times (each edit is a history event) and writes seven messages.
    needId = (await ok(t, POST, { i: needInput({ title: '分页测试：陪同买菜' }) }, PHONE.wang)).postNeed.id;
    for (let i = 1; i <= 4; i++) {
      await ok(
        t,
        `mutation ($id: ID!, $i: UpdateNeedInput!) { updateNeed(id: $id, input: $i) { id } }`,
        { id: needId, i: { description: `第${i}次补充说明` } },
        PHONE.wang,
      );
    }
    for (let i = 1; i <= 7; i++) {
      await ok(t, `mutation ($n: ID!, $t: String!) { sendNeedMessage(needId: $n, text: $t) { id } }`, { n: needId, t: `留言${i}` }, PHONE.wang);
    }
  });

  it('a need’s messages: forward and backward walks are mirrors, and `last` gives the newest', async () => {
    const fetch = async (args: Record<string, unknown>) =>
      (
        await ok(
          t,
          `query ($n: ID!, $first: Int, $after: String, $last: Int, $before: String) {
            needMessages(needId: $n, first: $first, after: $after, last: $last, before: $before) { edges { cursor node { id text } } ${PAGE_INFO} } }`,
          { n: needId, ...args },
          PHONE.wang,
        )
      ).needMessages as Page;
    const w = await walkBothWays(fetch, 3);
    expectMirror(w, 7);
    expect(w.forwardPages.flatMap((p) => p.edges.map((e) => e.node.text))).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `留言${i}`));
    expect(w.backwardPages[0].edges.map((e) => e.node.text)).toEqual(['留言5', '留言6', '留言7']);
    // Cursors are stable: the same edge has the same cursor on a forward and on a backward page.
    expect(w.backwardPages[0].pageInfo.endCursor).toBe(w.forwardPages[2].pageInfo.endCursor);
  });

  it('a need’s history as a connection matches `history`, both ways', async () => {
    const fetch = async (args: Record<string, unknown>) =>
      (
        await ok(
          t,
          `query ($n: ID!, $first: Int, $after: String, $last: Int, $before: String) {
            need(id: $n) { historyConnection(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { id } } ${PAGE_INFO} } } }`,
          { n: needId, ...args },
          PHONE.wang,
        )
      ).need.historyConnection as Page;
    const w = await walkBothWays(fetch, 2);
    const history = (await ok(t, `query ($n: ID!) { need(id: $n) { history { action } } }`, { n: needId }, PHONE.wang)).need.history;
    expect(history.length).toBeGreaterThanOrEqual(5);
    expectMirror(w, history.length);
  });

  it('a statement’s entries (newest first): forward and backward walks are mirrors', async () => {
    const [holder] = await t.db.query(
      `SELECT p.phone, count(*)::int AS n FROM ledger_postings lp JOIN ledger_accounts a ON a.id = lp.account_id JOIN persons p ON p.id = a.person_id
        WHERE a.kind = 'PERSON' GROUP BY p.phone ORDER BY n DESC, p.phone LIMIT 1`,
    );
    expect(holder.n).toBeGreaterThanOrEqual(3);
    const fetch = async (args: Record<string, unknown>) =>
      (
        await ok(
          t,
          `query ($first: Int, $after: String, $last: Int, $before: String) {
            myAccount { entries(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { transactionId } } ${PAGE_INFO} } } }`,
          args,
          holder.phone,
        )
      ).myAccount.entries as Page;
    const w = await walkBothWays(fetch, 2);
    expectMirror(w, holder.n);
  });

  it('refuses first with last, and a crafted before cursor, as BAD_USER_INPUT on the argument', async () => {
    const token = await t.login(PHONE.wang);
    const both = await t.gql(`query ($n: ID!) { needMessages(needId: $n, first: 2, last: 2) { totalCount } }`, { n: needId }, token);
    expect(codeOf(both)).toBe('BAD_USER_INPUT');
    expect(both.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'last' })]);
    const crafted = await t.gql(`query ($n: ID!) { needMessages(needId: $n, last: 2, before: "bm90LWEtY3Vyc29y") { totalCount } }`, { n: needId }, token);
    expect(codeOf(crafted)).toBe('BAD_USER_INPUT');
    expect(crafted.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'before' })]);
  });

  it('a forward-only list states hasPreviousPage false and its start cursor', async () => {
    const res = await ok(t, `{ needs(first: 2) { edges { cursor } pageInfo { hasPreviousPage startCursor endCursor } } }`, {}, PHONE.admin);
    expect(res.needs.pageInfo.hasPreviousPage).toBe(false);
    expect(res.needs.pageInfo.startCursor).toBe(res.needs.edges[0].cursor);
  });
});
