import { wholeMonths } from './statistics.repository.js';

describe('wholeMonths: the whole calendar months of a period that the monthly rollup answers', () => {
  const all = '2100-01-01'; // every month rolled up

  it('takes the months that lie entirely inside the days', () => {
    expect(wholeMonths('2026-01-01', '2026-12-31', all)).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(wholeMonths('2025-12-05', '2026-12-04', all)).toEqual({ from: '2026-01-01', to: '2026-12-01' });
    expect(wholeMonths('2026-02-01', '2026-02-28', all)).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    expect(wholeMonths('2024-02-01', '2024-02-28', all)).toBeNull(); // a leap year: 29 February is missing
    expect(wholeMonths('2024-02-01', '2024-02-29', all)).toEqual({ from: '2024-02-01', to: '2024-03-01' });
  });

  it('has none when no month is whole', () => {
    expect(wholeMonths('2026-03-02', '2026-03-31', all)).toBeNull();
    expect(wholeMonths('2026-03-01', '2026-03-30', all)).toBeNull();
    expect(wholeMonths('2026-03-15', '2026-04-14', all)).toBeNull();
    expect(wholeMonths('2026-03-05', '2026-03-05', all)).toBeNull();
  });

  it('stops at the month watermark', () => {
    expect(wholeMonths('2026-01-01', '2026-12-31', '2026-06-01')).toEqual({ from: '2026-01-01', to: '2026-06-01' });
    expect(wholeMonths('2026-01-01', '2026-12-31', '2026-01-01')).toBeNull();
    expect(wholeMonths('2026-01-01', '2026-12-31', '2000-01-01')).toBeNull();
  });

  it('crosses a year end', () => {
    expect(wholeMonths('2025-11-30', '2026-01-31', all)).toEqual({ from: '2025-12-01', to: '2026-02-01' });
  });
});
