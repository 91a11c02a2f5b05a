import { ConfirmedService, ServiceConfirmationHooks } from '../../src/common/service-confirmed.js';
import { needInput, NEED_FIELDS, ok, PHONE, POST, serve, startedAgo, volunteerId, windowStartsIn } from '../helpers/needs.js';
import { createTestApp, TestApp } from '../helpers/test-app.js';

/** The done-when journeys of the dispatch loop, through GraphQL as the demo accounts. */
describe('needs: the order-dispatch-claim loop end to end', () => {
  let t: TestApp;
  const confirmed: ConfirmedService[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    t.app.get(ServiceConfirmationHooks).register({ onServiceConfirmed: async (_m, s) => void confirmed.push(s) });
  });
  afterAll(() => t.close());

  it('王秀英 posts → 孙丽 accepts and publishes → matching ranks 张伟 and 刘洋 → 张伟 claims, serves 90 minutes → 王秀英 confirms with 5 stars', async () => {
    const { postNeed } = await ok(t, POST, { i: needInput() }, PHONE.wang);
    expect(postNeed).toMatchObject({
      status: 'SUBMITTED',
      proxy: false,
      beneficiary: { name: '王秀英' },
      postedBy: { name: '王秀英' },
      address: '长江新村3幢201室',
    });
    const id = postNeed.id;
    // Normal urgency: accept within 24 h, claim within 72 h of posting.
    expect(new Date(postNeed.deadlines.claimBy).getTime() - new Date(postNeed.deadlines.acceptBy).getTime()).toBe(48 * 3600_000);

    expect((await ok(t, `mutation ($id: ID!) { acceptNeed(id: $id) { status } }`, { id }, PHONE.sunLi)).acceptNeed.status).toBe('ACCEPTED');
    expect((await ok(t, `mutation ($id: ID!) { publishNeed(id: $id) { status } }`, { id }, PHONE.sunLi)).publishNeed.status).toBe('OPEN');

    const { matchCandidates } = await ok(
      t,
      `query ($id: ID!) { matchCandidates(needId: $id) { rank score reasons distanceKm components { name weight value points } volunteer { id person { name } } } }`,
      { id },
      PHONE.sunLi,
    );
    // Both fit (助老陪护, free on Saturday morning, in 长江新村); the order follows the score.
    expect(matchCandidates.map((c: any) => c.volunteer.person.name).sort()).toEqual(['刘洋', '张伟']);
    expect(matchCandidates[0].score).toBeGreaterThanOrEqual(matchCandidates[1].score);
    expect(matchCandidates.map((c: any) => c.rank)).toEqual([1, 2]);
    for (const c of matchCandidates) {
      expect(c.reasons).toContain('技能匹配：具备所需技能「助老陪护」（1/1）');
      expect(c.reasons).toContain('可服务时段完全覆盖需求时间（周六 09:00–11:00）');
      expect(c.components.map((x: any) => x.name)).toEqual(['SKILL_FIT', 'DISTANCE', 'AVAILABILITY', 'RELIABILITY', 'CONTINUITY', 'FAIRNESS']);
      expect(c.score).toBeCloseTo(
        c.components.reduce((s: number, x: any) => s + x.weight * x.value, 0),
        0,
      );
    }
    const zhang = matchCandidates.find((c: any) => c.volunteer.person.name === '张伟');
    const liu = matchCandidates.find((c: any) => c.volunteer.person.name === '刘洋');
    // Both match on skills and time; the demo history (confirmed services, ratings) shows in the reasons.
    expect(liu.reasons.some((r: string) => /^可靠度 0\.\d+：完成 \d+ 次、爽约 0 次、退单 0 次，平均评分 5$/.test(r))).toBe(true);
    expect(zhang.distanceKm).toBeLessThan(liu.distanceKm);
    expect(matchCandidates[0].volunteer.person.name).toBe('张伟');
    // 张伟 served 王秀英 twice in the demo ledger's history (continuity) and lives closer.
    const servedBefore = Number(
      (
        await t.db.query(
          `SELECT count(*) AS n FROM needs n JOIN volunteers v ON v.id = n.claimed_by JOIN persons p ON p.id = v.person_id
        WHERE p.phone = $1 AND n.beneficiary_id = (SELECT id FROM persons WHERE phone = $2) AND n.status IN ('CONFIRMED','CLOSED')`,
          [PHONE.zhangWei, PHONE.wang],
        )
      )[0].n,
    );
    expect(servedBefore).toBe(2);
    expect(zhang.reasons.slice(0, 3)).toEqual([
      '技能匹配：具备所需技能「助老陪护」（1/1）',
      '距离约 0.1 公里以内',
      '可服务时段完全覆盖需求时间（周六 09:00–11:00）',
    ]);
    expect(zhang.reasons).toContain('曾为该居民服务 2 次，熟悉情况');
    const completedBefore = (await ok(t, `{ me { volunteer { completedCount } } }`, {}, PHONE.zhangWei)).me.volunteer.completedCount;

    // The volunteer feed ranks the same need for 刘洋 too; before claiming, 张伟 sees no exact address.
    const feed = await ok(t, `{ openNeedsForMe(first: 5) { totalCount edges { node { id address beneficiary { name } } } } }`, {}, PHONE.liuYang);
    expect(feed.openNeedsForMe.edges.map((e: any) => e.node)).toContainEqual({ id, address: null, beneficiary: { name: '王*' } });

    const claimed = await ok(t, `mutation ($id: ID!) { claimNeed(id: $id) { status address claimedBy { person { name } } } }`, { id }, PHONE.zhangWei);
    expect(claimed.claimNeed).toEqual({ status: 'CLAIMED', address: '长江新村3幢201室', claimedBy: { person: { name: '张伟' } } });
    // Saturday has come (the window is moved by SQL): 张伟 checks in and out after 90 minutes.
    await windowStartsIn(t, id, -90);
    expect((await ok(t, `mutation ($id: ID!) { startService(id: $id) { status } }`, { id }, PHONE.zhangWei)).startService.status).toBe('IN_SERVICE');
    await startedAgo(t, id, 90);
    const done = {
      completeService: (
        await ok(
          t,
          `mutation ($id: ID!) { completeService(id: $id, minutes: 90, note: "陪老人散步") { status serviceMinutes deadlines { autoConfirmAt } } }`,
          { id },
          PHONE.zhangWei,
        )
      ).completeService,
    };
    expect(done.completeService).toMatchObject({ status: 'COMPLETED', serviceMinutes: 90 });
    expect(done.completeService.deadlines.autoConfirmAt).not.toBeNull();

    const conf = await ok(
      t,
      `mutation ($id: ID!) { confirmService(id: $id, rating: 5, comment: "非常感谢", tags: ["态度热情", "准时守约"]) { ${NEED_FIELDS} } }`,
      { id },
      PHONE.wang,
    );
    expect(conf.confirmService).toMatchObject({ status: 'CONFIRMED', rating: { rating: 5, comment: '非常感谢', tags: ['态度热情', '准时守约'] } });
    // After the service the volunteer no longer holds it: the address is gone for them.
    const later = await ok(t, `query ($id: ID!) { need(id: $id) { address } }`, { id }, PHONE.zhangWei);
    expect(later.need.address).toBeNull();
    expect(conf.confirmService.history.map((h: any) => [h.action, h.from, h.to, h.actor?.name ?? null])).toEqual([
      ['POST', null, 'SUBMITTED', '王秀英'],
      // The resident meets staff and the volunteer masked (docs/design.md §11).
      ['ACCEPT', 'SUBMITTED', 'ACCEPTED', '孙*'],
      ['PUBLISH', 'ACCEPTED', 'OPEN', '孙*'],
      ['CLAIM', 'OPEN', 'CLAIMED', '张*'],
      ['START', 'CLAIMED', 'IN_SERVICE', '张*'],
      ['COMPLETE', 'IN_SERVICE', 'COMPLETED', '张*'],
      ['CONFIRM', 'COMPLETED', 'CONFIRMED', '王秀英'],
    ]);

    // The time bank's hook got the confirmed service; the volunteer's stats moved.
    expect(confirmed.find((c) => c.needId === id)).toMatchObject({
      volunteerId: await volunteerId(t, PHONE.zhangWei),
      minutes: 90,
      category: 'ELDERLY_CARE',
      title: '陪同散步、聊天',
    });
    const me = await ok(t, `{ me { volunteer { completedCount reliability } } }`, {}, PHONE.zhangWei);
    expect(me.me.volunteer.completedCount).toBe(completedBefore + 1);
    expect(me.me.volunteer.reliability).toBeGreaterThan(0.59);
  });

  it('赵敏 posts for 王秀英 (代办) → 孙丽 accepts, publishes and dispatches 张伟 → served → 王秀英 confirms', async () => {
    const wang = (await t.db.query(`SELECT id FROM persons WHERE phone = $1`, [PHONE.wang]))[0].id;
    const { postNeed } = await ok(
      t,
      POST,
      { i: needInput({ beneficiaryId: wang, title: '代购药品并送上门', requiredSkills: ['助老陪护'], ...{} }) },
      PHONE.zhaoMin,
    );
    expect(postNeed).toMatchObject({ proxy: true, beneficiary: { name: '王秀英' }, postedBy: { name: '赵敏' } });
    const id = postNeed.id;
    await ok(t, `mutation ($id: ID!) { acceptNeed(id: $id) { id } }`, { id }, PHONE.sunLi);
    await ok(t, `mutation ($id: ID!) { publishNeed(id: $id) { id } }`, { id }, PHONE.sunLi);
    const { matchCandidates } = await ok(
      t,
      `query ($id: ID!) { matchCandidates(needId: $id, first: 5) { volunteer { id person { name } } reasons } }`,
      { id },
      PHONE.sunLi,
    );
    // Continuity puts 张伟 first now.
    expect(matchCandidates.map((c: any) => c.volunteer.person.name)).toEqual(['张伟', '刘洋']);
    // Continuity: 张伟 served 王秀英 twice in the demo history and once in the journey above.
    expect(matchCandidates[0].reasons).toContain('曾为该居民服务 3 次，熟悉情况');

    const dispatched = await ok(
      t,
      `mutation ($id: ID!, $v: ID!) { dispatchNeed(id: $id, volunteerId: $v) { status claimedBy { person { name } } history { action } } }`,
      { id, v: matchCandidates[0].volunteer.id },
      PHONE.sunLi,
    );
    expect(dispatched.dispatchNeed).toMatchObject({ status: 'CLAIMED', claimedBy: { person: { name: '张伟' } } });
    await serve(t, id, PHONE.zhangWei, 90);
    const conf = await ok(t, `mutation ($id: ID!) { confirmService(id: $id, rating: 5) { status rating { rating } history { action } } }`, { id }, PHONE.wang);
    expect(conf.confirmService).toMatchObject({ status: 'CONFIRMED', rating: { rating: 5 } });
    expect(conf.confirmService.history.map((h: any) => h.action)).toEqual(['POST', 'ACCEPT', 'PUBLISH', 'DISPATCH', 'START', 'COMPLETE', 'CONFIRM']);
    expect(confirmed.filter((c) => c.needId === id)).toHaveLength(1);
  });
});
