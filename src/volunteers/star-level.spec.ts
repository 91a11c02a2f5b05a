import { reliability, starLevel } from './star-level.js';

describe('starLevel', () => {
  it.each([
    [0, 0],
    [100 * 60 - 1, 0],
    [100 * 60, 1],
    [300 * 60, 2],
    [600 * 60, 3],
    [999 * 60 + 59, 3],
    [1000 * 60, 4],
    [1500 * 60, 5],
    [5000 * 60, 5],
  ])('%i verified minutes → ★%i', (minutes, level) => expect(starLevel(minutes)).toBe(level));
});

describe('reliability', () => {
  const none = { completed: 0, noShows: 0, withdrawals: 0, ratingSum: 0, ratingCount: 0 };
  it('starts a newcomer in the middle', () => expect(reliability(none)).toBe(0.59));
  it('rises with completions and good ratings, falls with no-shows', () => {
    const good = reliability({ ...none, completed: 20, ratingSum: 100, ratingCount: 20 });
    const bad = reliability({ ...none, completed: 5, noShows: 5, ratingSum: 10, ratingCount: 5 });
    expect(good).toBeGreaterThan(0.95);
    expect(bad).toBeLessThan(0.5);
    expect(reliability({ ...none, completed: 5, withdrawals: 2 })).toBeGreaterThan(reliability({ ...none, completed: 5, noShows: 2 }));
  });
});
