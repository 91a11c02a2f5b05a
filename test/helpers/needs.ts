import { TestApp } from './test-app.js';

export const PHONE = {
  wang: '13800000001',
  li: '13800000002',
  zhangWei: '13900000001',
  liuYang: '13900000002',
  chenJing: '13900000003',
  zhaoMin: '13700000001',
  sunLi: '13600000001',
  zhouQiang: '13600000002',
  wuFang: '13500000001',
  heJun: '13200000001',
  admin: '13100000001',
} as const;

/** A Saturday `weeks` weeks ahead (≥ 2 days away), hh:mm–hh:mm Asia/Shanghai, as ISO strings. */
export function saturday(weeks: number, from: string, to: string): { windowStart: string; windowEnd: string } {
  const now = new Date();
  const shanghai = new Date(now.getTime() + 8 * 3600_000);
  let days = (6 - shanghai.getUTCDay() + 7) % 7;
  if (days < 2) days += 7;
  days += 7 * weeks;
  const base = Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate() + days);
  const at = (hhmm: string) => new Date(base + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000 - 8 * 3600_000).toISOString();
  return { windowStart: at(from), windowEnd: at(to) };
}

export const NEED_FIELDS = `id title status category urgency proxy requiredSkills statusReason address
  beneficiary { id name } postedBy { id name } claimedBy { id person { name } }
  deadlines { acceptBy claimBy escalated acceptBreachedAt claimBreachedAt autoConfirmAt }
  rating { rating comment tags } serviceMinutes
  history { action from to reason actor { name } }`;

export const POST = `mutation ($i: PostNeedInput!) { postNeed(input: $i) { ${NEED_FIELDS} } }`;

export function needInput(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '陪同散步、聊天',
    category: 'ELDERLY_CARE',
    ...saturday(0, '09:00', '11:00'),
    estimatedMinutes: 90,
    requiredSkills: ['助老陪护'],
    latitude: 32.0601,
    longitude: 118.7968,
    ...over,
  };
}

/** Runs a mutation and returns its data, failing loudly with the errors otherwise. */
export async function ok<T = any>(t: TestApp, query: string, variables: Record<string, unknown>, phone: string): Promise<T> {
  const res = await t.gql(query, variables, await t.login(phone));
  if (res.errors) throw new Error(`${query.slice(0, 60)}… as ${phone}: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

export async function personId(t: TestApp, phone: string): Promise<string> {
  return (await t.db.query(`SELECT id FROM persons WHERE phone = $1`, [phone]))[0].id;
}

export async function volunteerId(t: TestApp, phone: string): Promise<string> {
  return (await t.db.query(`SELECT v.id FROM volunteers v JOIN persons p ON p.id = v.person_id WHERE p.phone = $1`, [phone]))[0].id;
}

/** Posts as `poster`, then 孙丽 accepts and publishes: an OPEN need. */
export async function openNeed(t: TestApp, over: Record<string, unknown> = {}, poster: string = PHONE.wang): Promise<string> {
  const { postNeed } = await ok(t, POST, { i: needInput(over) }, poster);
  await ok(t, `mutation ($id: ID!) { acceptNeed(id: $id) { id } }`, { id: postNeed.id }, PHONE.sunLi);
  await ok(t, `mutation ($id: ID!) { publishNeed(id: $id) { id } }`, { id: postNeed.id }, PHONE.sunLi);
  return postNeed.id;
}

/**
 * The day has come: moves the need's window (same length) to start `minutesFromNow` from now (negative: already
 * begun), by SQL — the API never moves a window backwards, and tests cannot wait for Saturday.
 */
export async function windowStartsIn(t: TestApp, id: string, minutesFromNow: number): Promise<void> {
  await t.db.query(
    `UPDATE needs SET window_end = now() + make_interval(mins => $2) + (window_end - window_start), window_start = now() + make_interval(mins => $2) WHERE id = $1`,
    [id, minutesFromNow],
  );
}

/** As if the volunteer had checked in `minutes` ago (so that they may report that many minutes). */
export async function startedAgo(t: TestApp, id: string, minutes: number): Promise<void> {
  await t.db.query(`UPDATE needs SET started_at = now() - make_interval(mins => $2) WHERE id = $1`, [id, minutes]);
}

/** Claimed → served `minutes` → COMPLETED, as the claimant, with the clock moved honestly by SQL in between. */
export async function serve(t: TestApp, id: string, phone: string, minutes: number, note?: string): Promise<any> {
  await windowStartsIn(t, id, -minutes);
  await ok(t, `mutation ($id: ID!) { startService(id: $id) { status } }`, { id }, phone);
  await startedAgo(t, id, minutes);
  return (
    await ok(
      t,
      `mutation ($id: ID!, $m: Int!, $n: String) { completeService(id: $id, minutes: $m, note: $n) { status serviceMinutes deadlines { autoConfirmAt } } }`,
      { id, m: minutes, n: note ?? null },
      phone,
    )
  ).completeService;
}

let servedWeek = 10;
/**
 * A service through the whole dispatch loop: `poster` posts (for `beneficiary` when a proxy), 孙丽 accepts and
 * publishes, the volunteer claims, serves `minutes` and the beneficiary (or the proxy) confirms. Returns the need id.
 * Each call uses a later week, so one volunteer's services never overlap.
 */
export async function servedNeed(
  t: TestApp,
  o: { beneficiary: string; volunteer: string; minutes: number; poster?: string; over?: Record<string, unknown> },
): Promise<string> {
  const poster = o.poster ?? o.beneficiary;
  const over: Record<string, unknown> = { ...saturday(servedWeek++, '09:00', '12:00'), estimatedMinutes: Math.min(o.minutes, 180), ...o.over };
  if (poster !== o.beneficiary) over.beneficiaryId = await personId(t, o.beneficiary);
  const id = await openNeed(t, over, poster);
  await ok(t, `mutation ($id: ID!) { claimNeed(id: $id) { id } }`, { id }, o.volunteer);
  await serve(t, id, o.volunteer, o.minutes);
  await ok(t, `mutation ($id: ID!) { confirmService(id: $id, rating: 5) { status } }`, { id }, poster);
  return id;
}
