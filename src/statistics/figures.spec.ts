import { histogramMedian, indicators, operations } from './figures.js';
import type { CommunityFacts } from './statistics.repository.js';

const fact = (metric: string, value: number, category = 'REPAIR', urgency = 'NORMAL') => ({ metric, category, urgency, value });

describe('histogramMedian', () => {
  it('is the middle value for an odd count and the mean of the two middle ones for an even count', () => {
    expect(histogramMedian(new Map())).toBeNull();
    expect(histogramMedian(new Map([[7, 1]]))).toBe(7);
    expect(
      histogramMedian(
        new Map([
          [1, 2],
          [10, 1],
        ]),
      ),
    ).toBe(1);
    expect(
      histogramMedian(
        new Map([
          [1, 1],
          [10, 1],
        ]),
      ),
    ).toBe(5.5);
    expect(
      histogramMedian(
        new Map([
          [30, 2],
          [5, 2],
        ]),
      ),
    ).toBe(17.5);
  });

  it('equals the median of the expanded list for random histograms', () => {
    for (let run = 0; run < 200; run++) {
      const values = Array.from({ length: 1 + (run % 17) }, (_, i) => (i * 7919 + run * 31) % 50);
      const hist = new Map<number, number>();
      for (const v of values) hist.set(v, (hist.get(v) ?? 0) + 1);
      const s = [...values].sort((a, b) => a - b);
      const mid = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
      expect(histogramMedian(hist)).toBe(mid);
    }
  });
});

describe('operations', () => {
  it('sums the facts, keeps rates exact and null when nothing divides, and merges the histograms of the cell for the medians', () => {
    const o = operations({
      sums: [
        fact('NEEDS_POSTED', 3),
        fact('NEEDS_POSTED', 2, 'ELDERLY_CARE'),
        fact('NEEDS_CLOSED', 3),
        fact('CLOSED_ON_TIME', 2),
        fact('RATED_GOOD', 1),
        fact('RATED_OTHER', 2),
      ],
      // two months of one child: merged, the median of 10, 12, 13, 40 is 12.5
      histograms: [
        { metric: 'CLAIM_MINUTES', buckets: [12, 40], counts: [1, 1] },
        { metric: 'CLAIM_MINUTES', buckets: [10, 13], counts: [1, 1] },
        { metric: 'ACCEPT_MINUTES', buckets: [], counts: [] },
      ],
    });
    expect(o).toMatchObject({
      needsPosted: 5,
      needsClosed: 3,
      onTimeRate: 2 / 3,
      ratings: 3,
      satisfactionRate: 1 / 3,
      medianMinutesToClaim: 12.5,
      medianMinutesToAccept: null,
    });
    expect(o.byCategory).toEqual([
      { category: 'ELDERLY_CARE', urgency: 'NORMAL', posted: 2, closed: 0, cancelled: 0, expired: 0 },
      { category: 'REPAIR', urgency: 'NORMAL', posted: 3, closed: 3, cancelled: 0, expired: 0 },
    ]);
    expect(operations({ sums: [], histograms: [] }).onTimeRate).toBeNull();
  });
});

describe('indicators', () => {
  const c = (over: Partial<CommunityFacts>): CommunityFacts => ({
    id: 'x',
    kind: 'URBAN',
    residentPopulation: 10000,
    elderlyPopulation: 2000,
    covered: [],
    station: false,
    discovery: false,
    consultation: false,
    socialWorkers: 0,
    workers: 0,
    certified: 0,
    orgs: 0,
    elderlyServed: 0,
    ...over,
  });
  it('computes value, target and met from numerator and denominator; targets by urban/rural kind', () => {
    const cs = [c({ station: true, socialWorkers: 3, workers: 20, certified: 10, orgs: 12 }), c({ socialWorkers: 4, workers: 18, orgs: 9 })];
    const byCode = Object.fromEntries(
      indicators(cs, [{ group: 'SPECIAL_HARDSHIP_ELDERLY', due: 4, done: 4 }], 'URBAN', { socialWorkersPer10k: 3, certifiedWorkerShare: 0.5 }).map((i) => [
        i.code,
        i,
      ]),
    );
    expect(byCode.VOLUNTEER_STATION_COVERAGE).toMatchObject({ numerator: 1, denominator: 2, value: 0.5, target: 0.8, met: false });
    expect(byCode.ELDERLY_VISIT_RATE).toMatchObject({ value: 1, met: true });
    expect(byCode.CHILD_VISIT_RATE).toMatchObject({ value: null, met: null, denominator: 0 });
    expect(byCode.SOCIAL_WORKERS_PER_COMMUNITY).toMatchObject({ value: 3.5, target: 3, met: true });
    expect(byCode.SOCIAL_WORKERS_PER_10K).toMatchObject({ numerator: 7, denominator: 20000, value: 3.5, met: true });
    expect(byCode.COMMUNITY_WORKERS_PER_10K).toMatchObject({ value: 19, target: 18, met: true });
    expect(byCode.CERTIFIED_WORKER_SHARE).toMatchObject({ numerator: 10, denominator: 38 });
    expect(byCode.ORGS_PER_COMMUNITY).toMatchObject({ value: 10.5, target: 10, met: true });
    const rural = indicators(cs, [], 'RURAL', { socialWorkersPer10k: null, certifiedWorkerShare: null });
    expect(rural.find((i) => i.code === 'ORGS_PER_COMMUNITY')!.target).toBe(5);
    expect(rural.find((i) => i.code === 'SOCIAL_WORKERS_PER_10K')!.met).toBeNull();
  });
});
