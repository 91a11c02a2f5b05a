import { ResourceFacts, scoreResource, shanghaiTime } from './resource-scoring.js';

const need = { category: 'MEAL_ASSISTANCE', categoryLabel: '助餐', weekday: 6, startMinute: 11 * 60, endMinute: 12 * 60 };
const canteen: ResourceFacts = {
  categories: ['MEAL_ASSISTANCE'],
  areaLevel: 'COMMUNITY',
  slots: [{ weekday: 6, startMinute: 630, endMinute: 780 }],
  capacity: 50,
  capacityUnit: '份',
  booked: 0,
  providerKind: 'ORGANIZATION',
  providerStatus: 'APPROVED',
};

describe('scoreResource', () => {
  it('gives full marks for availability, capacity and standing, with one reason per part', () => {
    const sut = scoreResource(need, canteen);
    expect(sut.excluded).toEqual([]);
    expect(sut.remaining).toBe(50);
    expect(sut.score).toBe(95);
    expect(sut.reasons).toEqual([
      '专门提供「助餐」服务',
      '服务区域覆盖需求所在社区',
      '周六 10:30–13:00 开放，覆盖需求时间 周六 11:00–12:00',
      '当日剩余 50/50份',
      '提供方：社会组织（已审核）',
    ]);
  });

  it('ranks a specialised resource of the grid above a many-purpose one of the street without slots', () => {
    const broad = scoreResource(need, { ...canteen, categories: ['MEAL_ASSISTANCE', 'ELDERLY_CARE'], areaLevel: 'STREET', slots: [], capacity: null });
    expect(broad.excluded).toEqual([]);
    expect(scoreResource(need, { ...canteen, areaLevel: 'GRID' }).score).toBeGreaterThan(scoreResource(need, canteen).score);
    expect(scoreResource(need, canteen).score).toBeGreaterThan(broad.score);
    expect(broad.reasons).toContain('未登记每周开放时间，使用前请电话确认');
    expect(broad.remaining).toBeNull();
  });

  it("excludes a resource closed at the need's time, full that day, or of a provider not in good standing", () => {
    expect(scoreResource(need, { ...canteen, slots: [{ weekday: 5, startMinute: 630, endMinute: 780 }] }).excluded).toEqual([
      '需求时间 周六 11:00–12:00 不在开放时间内',
    ]);
    expect(scoreResource(need, { ...canteen, booked: 50 }).excluded).toEqual(['当日已约满（剩余 0份）']);
    expect(scoreResource(need, { ...canteen, booked: 48 }, 3).excluded).toEqual(['当日已约满（剩余 2份）']);
    expect(scoreResource(need, { ...canteen, providerKind: 'VOLUNTEER', providerStatus: 'SUSPENDED' }).excluded).toEqual(['提供方已被暂停']);
    expect(scoreResource(need, { ...canteen, providerStatus: 'PENDING' }).excluded).toEqual(['提供方尚未审核通过']);
    expect(scoreResource(need, { ...canteen, categories: ['REPAIR'] }).excluded).toEqual(['不提供「助餐」服务']);
  });

  it('counts a partly overlapping slot at half', () => {
    const sut = scoreResource(need, { ...canteen, slots: [{ weekday: 6, startMinute: 690, endMinute: 700 }] });
    expect(sut.excluded).toEqual([]);
    expect(sut.score).toBe(85);
  });
});

describe('shanghaiTime', () => {
  it('reads date, ISO weekday and minute in Asia/Shanghai', () => {
    expect(shanghaiTime(new Date('2026-12-12T03:00:00Z'))).toEqual({ day: '2026-12-12', weekday: 6, minute: 660 });
    expect(shanghaiTime(new Date('2026-12-12T17:30:00Z'))).toEqual({ day: '2026-12-13', weekday: 7, minute: 90 });
  });
});
