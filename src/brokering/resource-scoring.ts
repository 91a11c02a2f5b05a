import { hhmm, WeeklySlot } from '../volunteers/availability.js';

/** What ranking a resource for a need looks at (docs/brokering.md "Ranking"). */
export interface ResourceFacts {
  categories: string[];
  /** The level of the resource's area: GRID, COMMUNITY or STREET. */
  areaLevel: string;
  slots: WeeklySlot[];
  capacity: number | null;
  capacityUnit: string | null;
  /** Already booked on the need's date. */
  booked: number;
  providerKind: string;
  /** The provider's status (volunteer or organization); null for teams, charities and resident units. */
  providerStatus: string | null;
}

/** The need's date and time of day, Asia/Shanghai. */
export interface NeedTime {
  category: string;
  categoryLabel: string;
  weekday: number;
  startMinute: number;
  endMinute: number;
}

export const WEIGHTS = { CATEGORY: 30, AREA: 25, AVAILABILITY: 20, CAPACITY: 15, PROVIDER: 10 } as const;
const WEEKDAY = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const AREA: Record<string, [number, string]> = {
  GRID: [1, '服务区域就是需求所在网格'],
  COMMUNITY: [0.8, '服务区域覆盖需求所在社区'],
  STREET: [0.5, '服务区域覆盖全街道'],
};
const PROVIDER_LABEL: Record<string, string> = {
  VOLUNTEER: '志愿者',
  TEAM: '志愿服务队',
  ORGANIZATION: '社会组织',
  CHARITY: '慈善资源',
  RESIDENT_UNIT: '驻区单位',
};

export interface ResourceScore {
  /** Why it cannot serve the need (empty when it can). */
  excluded: string[];
  /** 0–100. */
  score: number;
  reasons: string[];
  /** What is left on the need's date; null when the resource has no capacity limit. */
  remaining: number | null;
}

/** Scores one resource for one need; the SQL already required the category and the area (pure, unit-tested). */
export function scoreResource(need: NeedTime, f: ResourceFacts, quantity = 1): ResourceScore {
  const excluded: string[] = [];
  const reasons: string[] = [];
  let score = 0;

  if (!f.categories.includes(need.category)) excluded.push(`不提供「${need.categoryLabel}」服务`);
  const only = f.categories.length === 1;
  score += WEIGHTS.CATEGORY * (only ? 1 : 0.7);
  reasons.push(only ? `专门提供「${need.categoryLabel}」服务` : `服务类别含「${need.categoryLabel}」等 ${f.categories.length} 类`);

  const [areaValue, areaReason] = AREA[f.areaLevel] ?? [0.5, '服务区域覆盖需求所在地'];
  score += WEIGHTS.AREA * areaValue;
  reasons.push(areaReason);

  if (f.slots.length === 0) {
    score += WEIGHTS.AVAILABILITY * 0.5;
    reasons.push('未登记每周开放时间，使用前请电话确认');
  } else {
    const day = f.slots.filter((s) => s.weekday === need.weekday);
    const covering = day.find((s) => s.startMinute <= need.startMinute && s.endMinute >= need.endMinute);
    const overlapping = day.find((s) => s.startMinute < need.endMinute && s.endMinute > need.startMinute);
    const when = `${WEEKDAY[need.weekday]} ${hhmm(need.startMinute)}–${hhmm(need.endMinute)}`;
    if (covering) {
      score += WEIGHTS.AVAILABILITY;
      reasons.push(`${WEEKDAY[need.weekday]} ${hhmm(covering.startMinute)}–${hhmm(covering.endMinute)} 开放，覆盖需求时间 ${when}`);
    } else if (overlapping) {
      score += WEIGHTS.AVAILABILITY * 0.5;
      reasons.push(`开放时间 ${hhmm(overlapping.startMinute)}–${hhmm(overlapping.endMinute)} 与需求时间 ${when} 部分重合`);
    } else {
      excluded.push(`需求时间 ${when} 不在开放时间内`);
    }
  }

  let remaining: number | null = null;
  const unit = f.capacityUnit ?? '';
  if (f.capacity === null) {
    score += WEIGHTS.CAPACITY * 0.6;
    reasons.push('未设容量上限');
  } else {
    remaining = Math.max(0, f.capacity - f.booked);
    if (remaining < quantity) excluded.push(`当日已约满（剩余 ${remaining}${unit}）`);
    else {
      score += WEIGHTS.CAPACITY * (remaining / f.capacity);
      reasons.push(`当日剩余 ${remaining}/${f.capacity}${unit}`);
    }
  }

  if (f.providerStatus === 'SUSPENDED') excluded.push('提供方已被暂停');
  else if (f.providerStatus !== null && f.providerStatus !== 'APPROVED') excluded.push('提供方尚未审核通过');
  else {
    score += WEIGHTS.PROVIDER;
    reasons.push(`提供方：${PROVIDER_LABEL[f.providerKind] ?? f.providerKind}${f.providerStatus === 'APPROVED' ? '（已审核）' : ''}`);
  }
  return { excluded, score: Math.round(score * 10) / 10, reasons, remaining };
}

/** The Asia/Shanghai date (YYYY-MM-DD), ISO weekday and minutes of the day of an instant. */
export function shanghaiTime(at: Date): { day: string; weekday: number; minute: number } {
  const local = new Date(at.getTime() + 8 * 3600_000);
  const weekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
  return { day: local.toISOString().slice(0, 10), weekday, minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}
