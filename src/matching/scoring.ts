import { localWeekdayMinute } from '../needs/need-deadlines.js';
import { reliability, ReliabilityStats } from '../volunteers/star-level.js';
import { Exclusion, exclusionText } from './matching.errors.js';

/** What matching needs to know about a need (docs/design.md §7). */
export interface NeedFacts {
  category: string;
  /** Chinese name of the category, as the seeded skills list names it. */
  categoryLabel: string;
  requiredSkills: string[];
  windowStart: Date;
  windowEnd: Date;
  requiresVetting: boolean;
  preferPartyMember: boolean;
}

/** What matching needs to know about one volunteer relative to one need. */
export interface CandidateFacts {
  volunteerId: string;
  isPartyMember: boolean;
  isVetted: boolean;
  /** Age in whole years at the start of the window; null when the birth date is unknown. */
  age: number | null;
  skills: string[];
  skillCategories: string[];
  distanceKm: number | null;
  /** Availability slots [start, end) in minutes of the window's local weekday. */
  slots: [number, number][];
  /** Holds another need whose window overlaps this one. */
  overlapping: boolean;
  /** Confirmed services for the same beneficiary before. */
  servedBefore: number;
  /** Needs claimed or dispatched in the last 30 days. */
  recentLoad: number;
  stats: ReliabilityStats;
  /** Serves a region that holds the need's grid. */
  inArea: boolean;
  approved: boolean;
  isBeneficiary: boolean;
}

export interface ScoreComponent {
  name: string;
  label: string;
  weight: number;
  /** 0–1 */
  value: number;
  /** weight × value */
  points: number;
}

export interface Scored {
  /** 0–100: the points over the weights that apply to this need. */
  score: number;
  components: ScoreComponent[];
  reasons: string[];
}

/** Weights of the named components; PARTY_MEMBER applies only when the community asks for 党员接单. */
export const WEIGHTS = {
  SKILL_FIT: 25,
  DISTANCE: 20,
  AVAILABILITY: 15,
  RELIABILITY: 20,
  CONTINUITY: 10,
  FAIRNESS: 10,
  PARTY_MEMBER: 10,
} as const;

/** Beyond this, distance is worth nothing, and the candidate search uses it as a bounding box. */
export const MAX_DISTANCE_KM = 10;
/** Categories of physically demanding or risky work with an upper age limit (志愿服务条例 Art. 15: suit the volunteer's age and health). */
export const DEMANDING_CATEGORIES = new Set(['EMERGENCY_RELIEF', 'REPAIR']);
export const MAX_AGE_DEMANDING = 70;

const WEEKDAY = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const hhmm = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** The window as local minutes of its start day; a window past midnight is cut at midnight. */
export function localWindow(need: Pick<NeedFacts, 'windowStart' | 'windowEnd'>): { weekday: number; start: number; end: number; fullLength: number } {
  const { weekday, minute } = localWeekdayMinute(need.windowStart);
  const fullLength = Math.max(1, Math.round((need.windowEnd.getTime() - need.windowStart.getTime()) / 60000));
  return { weekday, start: minute, end: Math.min(1440, minute + fullLength), fullLength };
}

/** Share of the window covered by the slots (0–1). */
export function coverage(need: Pick<NeedFacts, 'windowStart' | 'windowEnd'>, slots: [number, number][]): number {
  const w = localWindow(need);
  const merged = [...slots].sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let cursor = w.start;
  for (const [s, e] of merged) {
    const from = Math.max(s, cursor);
    const to = Math.min(e, w.end);
    if (to > from) {
      covered += to - from;
      cursor = to;
    }
  }
  return Math.min(1, covered / w.fullLength);
}

export function haversineKm(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad;
  const dLng = (b[1] - a[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/**
 * The hard filters of docs/design.md §7 and the fitness rules of §5 that are decided per candidate (area, approval and
 * skills are decided by the indexed search). Returns why the candidate is excluded, as codes; empty = eligible.
 */
export function exclusions(need: NeedFacts, c: CandidateFacts, category: string): Exclusion[] {
  const out: Exclusion[] = [];
  if (!c.approved) out.push(Exclusion.NOT_APPROVED);
  if (c.isBeneficiary) out.push(Exclusion.OWN_NEED);
  if (!c.inArea) out.push(Exclusion.OUT_OF_AREA);
  if (need.requiredSkills.length > 0 && !need.requiredSkills.some((s) => c.skills.includes(s))) out.push(Exclusion.MISSING_SKILL);
  if (coverage(need, c.slots) === 0) out.push(Exclusion.UNAVAILABLE);
  if (c.overlapping) out.push(Exclusion.OVERLAPPING);
  if (need.requiresVetting && !c.isVetted) out.push(Exclusion.NOT_VETTED);
  if (c.age !== null && c.age < 18) out.push(Exclusion.MINOR);
  if (c.age !== null && c.age > MAX_AGE_DEMANDING && DEMANDING_CATEGORIES.has(category)) out.push(Exclusion.TOO_OLD_FOR_DEMANDING);
  if (c.distanceKm !== null && c.distanceKm > MAX_DISTANCE_KM) out.push(Exclusion.TOO_FAR);
  return out;
}

/** The Chinese texts of `codes` for `need`, from the matching catalog. */
export function exclusionTexts(need: Pick<NeedFacts, 'requiredSkills'>, codes: readonly Exclusion[]): string[] {
  return codes.map((code) => exclusionText(code, { requiredSkills: need.requiredSkills, maxAge: MAX_AGE_DEMANDING, maxDistanceKm: MAX_DISTANCE_KM }));
}

/** The exclusions as text (what staff and volunteers read). */
export function hardFilter(need: NeedFacts, c: CandidateFacts, category: string): string[] {
  return exclusionTexts(need, exclusions(need, c, category));
}

/** The soft score with its named components and the Chinese reasons shown to staff and volunteers (PIPL Art. 24). */
export function score(need: NeedFacts, c: CandidateFacts): Scored {
  const components: ScoreComponent[] = [];
  const reasons: string[] = [];
  const add = (name: keyof typeof WEIGHTS, label: string, value: number, reason: string) => {
    const v = Math.max(0, Math.min(1, value));
    components.push({ name, label, weight: WEIGHTS[name], value: Math.round(v * 1000) / 1000, points: round1(WEIGHTS[name] * v) });
    reasons.push(reason);
  };

  if (need.requiredSkills.length > 0) {
    const held = need.requiredSkills.filter((s) => c.skills.includes(s));
    const missing = need.requiredSkills.filter((s) => !c.skills.includes(s));
    add(
      'SKILL_FIT',
      '技能匹配',
      held.length / need.requiredSkills.length,
      missing.length === 0
        ? `技能匹配：具备所需技能「${held.join('、')}」（${held.length}/${need.requiredSkills.length}）`
        : `技能部分匹配：具备「${held.join('、')}」，缺少「${missing.join('、')}」（${held.length}/${need.requiredSkills.length}）`,
    );
  } else {
    const fits = c.skillCategories.includes(need.categoryLabel);
    add(
      'SKILL_FIT',
      '技能匹配',
      fits ? 1 : 0.5,
      fits ? `技能匹配：具备「${need.categoryLabel}」类技能` : `未指定技能；志愿者无「${need.categoryLabel}」类技能`,
    );
  }

  if (c.distanceKm === null) add('DISTANCE', '距离', 0.5, '未登记位置，距离按中等计');
  else add('DISTANCE', '距离', 1 - c.distanceKm / MAX_DISTANCE_KM, `距离约 ${c.distanceKm < 0.1 ? '0.1 公里以内' : round1(c.distanceKm) + ' 公里'}`);

  const w = localWindow(need);
  const cov = coverage(need, c.slots);
  const when = `${WEEKDAY[w.weekday]} ${hhmm(w.start)}–${hhmm(w.end)}`;
  add('AVAILABILITY', '时间匹配', cov, cov >= 1 ? `可服务时段完全覆盖需求时间（${when}）` : `可服务时段覆盖需求时间的 ${Math.round(cov * 100)}%（${when}）`);

  const rel = reliability(c.stats);
  const avg = c.stats.ratingCount > 0 ? `，平均评分 ${round1(c.stats.ratingSum / c.stats.ratingCount)}` : '，暂无评价';
  add('RELIABILITY', '可靠度', rel, `可靠度 ${rel.toFixed(2)}：完成 ${c.stats.completed} 次、爽约 ${c.stats.noShows} 次、退单 ${c.stats.withdrawals} 次${avg}`);

  add('CONTINUITY', '服务连续性', c.servedBefore > 0 ? 1 : 0, c.servedBefore > 0 ? `曾为该居民服务 ${c.servedBefore} 次，熟悉情况` : '此前未为该居民服务过');

  add(
    'FAIRNESS',
    '均衡分配',
    1 - Math.min(c.recentLoad, 10) / 10,
    c.recentLoad === 0 ? '近30天未接单，优先照顾负担较轻的志愿者' : `近30天已接单 ${c.recentLoad} 次${c.recentLoad >= 5 ? '，适当分流' : ''}`,
  );

  if (need.preferPartyMember) {
    add('PARTY_MEMBER', '党员优先', c.isPartyMember ? 1 : 0, c.isPartyMember ? '党员优先：该志愿者是党员' : '社区要求党员优先，该志愿者不是党员');
  }

  const weight = components.reduce((s, x) => s + x.weight, 0);
  const points = components.reduce((s, x) => s + x.weight * x.value, 0);
  return { score: round1((points / weight) * 100), components, reasons };
}
