import { PHONE } from '../helpers/needs.js';
import { changedTables, checksumOfAllTables } from '../helpers/checksum.js';
import { createTestApp, TestApp } from '../helpers/test-app.js';

/**
 * What the long attack run (ATTACK_SEED=7351 ATTACK_BUDGET=20, docs/security.md §7) found, each as a regression
 * test: a coded refusal, nothing written.
 */
describe('hardening: findings of the long attack run', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('farCheckIns(thresholdM: 1e308) is BAD_USER_INPUT on thresholdM, not an integer overflow in SQL', async () => {
    const res = await t.gql(`query ($m: Float) { farCheckIns(thresholdM: $m) { totalCount } }`, { m: 1e308 }, await t.login(PHONE.sunLi));
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'thresholdM' })] });
    expect(res.errors![0].message).toMatch(/[\u4e00-\u9fff]/);
    const fine = await t.gql(`{ farCheckIns(thresholdM: 100000) { totalCount } }`, {}, await t.login(PHONE.sunLi));
    expect(fine.errors).toBeUndefined();
  });

  it('regions(parentId: "") is refused as a malformed id instead of answering the roots', async () => {
    const res = await t.gql(`{ regions(parentId: "") { id } }`);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'parentId' })] });
    expect((await t.gql(`{ regions { code } }`)).data.regions.length).toBeGreaterThan(0);
  });

  it('logout(refreshToken: <emoji>) is REFRESH_TOKEN_MALFORMED and leaves the session live', async () => {
    const token = await t.login(PHONE.zhangWei);
    const before = await checksumOfAllTables(t.db);
    for (const bad of ['🙂', '', 'not-a-token', '00000000-0000-4000-8000-000000000000.a b']) {
      const res = await t.gql(`mutation ($r: String) { logout(refreshToken: $r) }`, { r: bad }, token);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REFRESH_TOKEN_MALFORMED' });
    }
    expect((await t.gql(`{ me { id } }`, {}, token)).errors).toBeUndefined();
    expect(changedTables(before, await checksumOfAllTables(t.db))).toEqual([]);
    // A well-formed token still logs out.
    expect((await t.gql(`mutation { logout }`, {}, token)).data.logout).toBe(true);
  });
});
