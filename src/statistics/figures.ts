import type { CommunityFacts, FactRow, HistogramRow } from './statistics.repository.js';

/** The true median of a histogram of whole minutes (bucket → count): the middle value, or the mean of the two middle ones. */
export function histogramMedian(hist: Map<number, number>): number | null {
  const total = [...hist.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const sorted = [...hist.entries()].sort((a, b) => a[0] - b[0]);
  const at = (k: number): number => {
    // k-th value, 0-based
    let seen = 0;
    for (const [v, n] of sorted) {
      seen += n;
      if (k < seen) return v;
    }
    return sorted[sorted.length - 1][0];
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

export const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

/** The operational figures of one period (or month) (docs/statistics.md "Figures"). */
export interface Operations {
  needsPosted: number;
  needsClosed: number;
  needsCancelled: number;
  needsExpired: number;
  closedOnTime: number;
  escalations: number;
  noShows: number;
  ratings: number;
  ratingsGood: number;
  minutesServed: number;
  minutesBanked: number;
  minutesTransferred: number;
  minutesDonated: number;
  medianMinutesToAccept: number | null;
  medianMinutesToClaim: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
  byCategory: { category: string; urgency: string; posted: number; closed: number; cancelled: number; expired: number }[];
}

/** One cell of the drill-down (a region or child, over the period or a month): its sums and its histograms. */
export interface FactCell {
  sums: readonly Pick<FactRow, 'metric' | 'category' | 'urgency' | 'value'>[];
  histograms: readonly Pick<HistogramRow, 'metric' | 'buckets' | 'counts'>[];
}

/** The operational figures of one cell: sums, the needs table by category and urgency, and the medians of the merged histograms. */
export function operations({ sums: rows, histograms }: FactCell): Operations {
  const sum = (metric: string) => rows.filter((r) => r.metric === metric).reduce((a, r) => a + r.value, 0);
  const median = (metric: string) => {
    const h = new Map<number, number>();
    for (const x of histograms) if (x.metric === metric) x.buckets.forEach((b, i) => h.set(b, (h.get(b) ?? 0) + x.counts[i]));
    return histogramMedian(h);
  };
  const cells = new Map<string, Operations['byCategory'][number]>();
  const keyed: Record<string, 'posted' | 'closed' | 'cancelled' | 'expired'> = {
    NEEDS_POSTED: 'posted',
    NEEDS_CLOSED: 'closed',
    NEEDS_CANCELLED: 'cancelled',
    NEEDS_EXPIRED: 'expired',
  };
  for (const r of rows) {
    const field = keyed[r.metric];
    if (!field) continue;
    const k = `${r.category}|${r.urgency}`;
    const cell = cells.get(k) ?? { category: r.category, urgency: r.urgency, posted: 0, closed: 0, cancelled: 0, expired: 0 };
    cell[field] += r.value;
    cells.set(k, cell);
  }
  const needsClosed = sum('NEEDS_CLOSED');
  const ratingsGood = sum('RATED_GOOD');
  const ratings = ratingsGood + sum('RATED_OTHER');
  const closedOnTime = sum('CLOSED_ON_TIME');
  return {
    needsPosted: sum('NEEDS_POSTED'),
    needsClosed,
    needsCancelled: sum('NEEDS_CANCELLED'),
    needsExpired: sum('NEEDS_EXPIRED'),
    closedOnTime,
    escalations: sum('ESCALATIONS'),
    noShows: sum('NO_SHOWS'),
    ratings,
    ratingsGood,
    minutesServed: sum('MINUTES_SERVED'),
    minutesBanked: sum('MINUTES_BANKED'),
    minutesTransferred: sum('MINUTES_TRANSFERRED'),
    minutesDonated: sum('MINUTES_DONATED'),
    medianMinutesToAccept: median('ACCEPT_MINUTES'),
    medianMinutesToClaim: median('CLAIM_MINUTES'),
    onTimeRate: ratio(closedOnTime, needsClosed),
    satisfactionRate: ratio(ratingsGood, ratings),
    byCategory: [...cells.values()].sort((a, b) => (a.category + a.urgency).localeCompare(b.category + b.urgency)),
  };
}

/** Service categories of the one-window list 全科服务: a community covers them all to count as full-service. */
export const ONE_WINDOW_CATEGORIES = [
  'ELDERLY_CARE',
  'DISABILITY_SUPPORT',
  'CHILD_CARE',
  'SOCIAL_ASSISTANCE',
  'EMPLOYMENT',
  'MEDICAL_INSURANCE',
  'HOUSING',
  'LEGAL_AID',
  'CIVIL_AFFAIRS',
] as const;

export interface IndicatorValue {
  code: string;
  name: string;
  value: number | null;
  target: number | null;
  met: boolean | null;
  numerator: number;
  denominator: number;
  personCounts: boolean;
}

/** The seed indicators of docs/statistics.md: formula, target and whether it is met. */
export function indicators(
  cs: CommunityFacts[],
  visits: { group: string; due: number; done: number }[],
  kind: 'URBAN' | 'RURAL' | null,
  targets: { socialWorkersPer10k: number | null; certifiedWorkerShare: number | null },
): IndicatorValue[] {
  const n = cs.length;
  const count = (f: (c: CommunityFacts) => boolean) => cs.filter(f).length;
  const total = (f: (c: CommunityFacts) => number) => cs.reduce((a, c) => a + f(c), 0);
  const visitOf = (group: string) =>
    visits.filter((v) => v.group === group).reduce((a, v) => ({ done: a.done + v.done, due: a.due + v.due }), { done: 0, due: 0 });
  const elderly = visitOf('SPECIAL_HARDSHIP_ELDERLY');
  const child = visitOf('CHILD_IN_DIFFICULTY');
  const socialWorkers = total((c) => c.socialWorkers);
  const workers = total((c) => c.workers);
  const population = total((c) => c.residentPopulation ?? 0);
  const urbanPopulation = total((c) => (c.kind === 'URBAN' ? (c.residentPopulation ?? 0) : 0));
  const elderlyPopulation = total((c) => c.elderlyPopulation ?? 0);
  const byKind = (urban: number, rural: number) => (kind === 'URBAN' ? urban : kind === 'RURAL' ? rural : null);
  const make = (
    code: string,
    name: string,
    numerator: number,
    denominator: number,
    scale: number,
    target: number | null,
    personCounts: boolean,
  ): IndicatorValue => {
    const value = denominator === 0 ? null : (numerator / denominator) * scale;
    return { code, name, value, target, met: value === null || target === null ? null : value >= target - 1e-12, numerator, denominator, personCounts };
  };
  return [
    make(
      'VOLUNTEER_STATION_COVERAGE',
      '志愿服务站点覆盖率',
      count((c) => c.station),
      n,
      1,
      0.8,
      false,
    ),
    make('ELDERLY_VISIT_RATE', '特殊困难老年人月探访率', elderly.done, elderly.due, 1, 1, true),
    make('CHILD_VISIT_RATE', '困境儿童探访率', child.done, child.due, 1, 1, true),
    make(
      'DISCOVERY_COVERAGE',
      '困难群众走访发现机制建成率',
      count((c) => c.discovery),
      n,
      1,
      1,
      false,
    ),
    make(
      'HOME_SERVICE_SHARE',
      '接受上门服务的居家老年人占比',
      total((c) => c.elderlyServed),
      elderlyPopulation,
      1,
      0.18,
      true,
    ),
    make('SOCIAL_WORKERS_PER_COMMUNITY', '每个城市社区/农村社区社工', socialWorkers, n, 1, byKind(3, 1), true),
    make('SOCIAL_WORKERS_PER_10K', '每万人社工', socialWorkers, population, 10000, targets.socialWorkersPer10k, true),
    make('COMMUNITY_WORKERS_PER_10K', '每万城镇常住人口拥有社区工作者', workers, urbanPopulation, 10000, 18, true),
    make(
      'CERTIFIED_WORKER_SHARE',
      '持证社区工作者占比',
      total((c) => c.certified),
      workers,
      1,
      targets.certifiedWorkerShare,
      true,
    ),
    make(
      'ORGS_PER_COMMUNITY',
      '每个社区社会组织',
      total((c) => c.orgs),
      n,
      1,
      byKind(10, 5),
      false,
    ),
    make(
      'FULL_SERVICE_COVERAGE',
      '全科服务模式覆盖率',
      count((c) => ONE_WINDOW_CATEGORIES.every((k) => c.covered.includes(k))),
      n,
      1,
      0.9,
      false,
    ),
    make(
      'CONSULTATION_COVERAGE',
      '民主协商平台覆盖率',
      count((c) => c.consultation),
      n,
      1,
      1,
      false,
    ),
  ];
}
