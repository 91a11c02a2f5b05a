import { Exclusion, EXCLUSION_TEXT } from './matching.errors.js';
import { CandidateFacts, coverage, exclusions, exclusionTexts, hardFilter, NeedFacts, score, WEIGHTS } from './scoring.js';

// Saturday 2030-06-01 09:00–11:00 Asia/Shanghai = 01:00–03:00 UTC.
const need: NeedFacts = {
  category: 'ELDERLY_CARE',
  categoryLabel: '养老助老',
  requiredSkills: ['助老陪护'],
  windowStart: new Date('2030-06-01T01:00:00Z'),
  windowEnd: new Date('2030-06-01T03:00:00Z'),
  requiresVetting: false,
  preferPartyMember: false,
};
const base: CandidateFacts = {
  volunteerId: 'v',
  isPartyMember: false,
  isVetted: true,
  age: 40,
  skills: ['助老陪护'],
  skillCategories: ['养老助老'],
  distanceKm: 0.3,
  slots: [[8 * 60, 20 * 60]],
  overlapping: false,
  servedBefore: 0,
  recentLoad: 0,
  stats: { completed: 0, noShows: 0, withdrawals: 0, ratingSum: 0, ratingCount: 0 },
  inArea: true,
  approved: true,
  isBeneficiary: false,
};

describe('coverage', () => {
  it('reads the window in Shanghai local time', () => {
    expect(coverage(need, [[9 * 60, 17 * 60]])).toBe(1);
    expect(coverage(need, [[10 * 60, 17 * 60]])).toBe(0.5);
    expect(coverage(need, [[18 * 60, 21 * 60]])).toBe(0);
  });
});

describe('hardFilter', () => {
  it('passes a fitting volunteer and names every failure otherwise', () => {
    expect(hardFilter(need, base, need.category)).toEqual([]);
    const bad = hardFilter({ ...need, requiresVetting: true }, { ...base, isVetted: false, age: 16, slots: [], overlapping: true, skills: [] }, 'ELDERLY_CARE');
    expect(bad).toHaveLength(5);
    expect(bad.join()).toContain('背景审核');
    expect(bad.join()).toContain('未满18周岁');
  });
  it('keeps older volunteers from demanding categories only', () => {
    expect(hardFilter(need, { ...base, age: 75 }, 'ELDERLY_CARE')).toEqual([]);
    expect(hardFilter(need, { ...base, age: 75 }, 'REPAIR')).toHaveLength(1);
  });
});

describe('exclusions', () => {
  it('are codes, and their texts come from the matching catalog', () => {
    const codes = exclusions(need, { ...base, overlapping: true, skills: [], distanceKm: 12 }, 'ELDERLY_CARE');
    expect(codes).toEqual([Exclusion.MISSING_SKILL, Exclusion.OVERLAPPING, Exclusion.TOO_FAR]);
    expect(exclusionTexts(need, codes)).toEqual(['不具备所需技能（助老陪护）', '该时段已有其他服务安排', '距离超过 10 公里']);
    expect(hardFilter(need, { ...base, overlapping: true }, 'ELDERLY_CARE')).toEqual([
      EXCLUSION_TEXT.OVERLAPPING({ requiredSkills: [], maxAge: 70, maxDistanceKm: 10 }),
    ]);
  });
  it('has a text for every code', () => {
    expect(Object.keys(EXCLUSION_TEXT).sort()).toEqual(Object.values(Exclusion).sort());
  });
});

describe('score', () => {
  it('names each component with a Chinese reason', () => {
    const s = score(need, base);
    expect(s.components.map((c) => c.name)).toEqual(['SKILL_FIT', 'DISTANCE', 'AVAILABILITY', 'RELIABILITY', 'CONTINUITY', 'FAIRNESS']);
    expect(s.reasons).toHaveLength(6);
    expect(s.reasons[0]).toBe('技能匹配：具备所需技能「助老陪护」（1/1）');
    expect(s.reasons[2]).toBe('可服务时段完全覆盖需求时间（周六 09:00–11:00）');
    expect(s.score).toBeGreaterThan(0);
    expect(s.score).toBeLessThanOrEqual(100);
  });
  it('rises with continuity, reliability and nearness, falls with load', () => {
    const s0 = score(need, base).score;
    expect(score(need, { ...base, servedBefore: 2 }).score).toBeGreaterThan(s0);
    expect(score(need, { ...base, distanceKm: 5 }).score).toBeLessThan(s0);
    expect(score(need, { ...base, recentLoad: 6 }).score).toBeLessThan(s0);
    expect(score(need, { ...base, stats: { ...base.stats, noShows: 4 } }).score).toBeLessThan(s0);
  });
  it('adds the party-member component only when the community asks for it', () => {
    const asked = { ...need, preferPartyMember: true };
    expect(score(need, { ...base, isPartyMember: true }).score).toBe(score(need, base).score);
    expect(score(asked, { ...base, isPartyMember: true }).score).toBeGreaterThan(score(asked, base).score);
    expect(score(asked, base).components.find((c) => c.name === 'PARTY_MEMBER')).toEqual({
      name: 'PARTY_MEMBER',
      label: '党员优先',
      weight: WEIGHTS.PARTY_MEMBER,
      value: 0,
      points: 0,
    });
  });
});
