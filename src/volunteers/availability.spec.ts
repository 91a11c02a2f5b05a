import { DomainException } from '../common/errors.js';
import { hhmm, shanghaiWeekMinute, toWeeklySlots } from './availability.js';

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainException).options.fields?.[0]?.field;
  }
  return undefined;
};

describe('weekly availability', () => {
  it('converts HH:MM to minutes and sorts the slots', () => {
    expect(
      toWeeklySlots([
        { weekday: 3, start: '18:00', end: '24:00' },
        { weekday: 1, start: '08:30', end: '11:00' },
      ]),
    ).toEqual([
      { weekday: 1, startMinute: 510, endMinute: 660 },
      { weekday: 3, startMinute: 1080, endMinute: 1440 },
    ]);
    expect(hhmm(510)).toBe('08:30');
  });
  it('refuses an end before or at its start, naming the field', () => {
    expect(
      fieldOf(() =>
        toWeeklySlots([
          { weekday: 1, start: '09:00', end: '10:00' },
          { weekday: 2, start: '10:00', end: '09:00' },
        ]),
      ),
    ).toBe('availability[1].end');
    expect(fieldOf(() => toWeeklySlots([{ weekday: 2, start: '10:00', end: '10:00' }]))).toBe('availability[0].end');
  });
  it('refuses overlapping slots of one day but allows touching ones', () => {
    expect(
      fieldOf(() =>
        toWeeklySlots([
          { weekday: 5, start: '09:00', end: '12:00' },
          { weekday: 5, start: '11:00', end: '13:00' },
        ]),
      ),
    ).toBe('availability[1].start');
    expect(
      toWeeklySlots([
        { weekday: 5, start: '09:00', end: '12:00' },
        { weekday: 5, start: '12:00', end: '13:00' },
      ]),
    ).toHaveLength(2);
  });
  it.each([
    [{ weekday: 0, start: '09:00', end: '10:00' }, 'availability[0].weekday'],
    [{ weekday: 8, start: '09:00', end: '10:00' }, 'availability[0].weekday'],
    [{ weekday: 1, start: '9:00', end: '10:00' }, 'availability[0].start'],
    [{ weekday: 1, start: '24:00', end: '24:00' }, 'availability[0].start'],
    [{ weekday: 1, start: '09:00', end: '24:30' }, 'availability[0].end'],
  ])('refuses %j', (slot, field) => expect(fieldOf(() => toWeeklySlots([slot]))).toBe(field));
  it('reads instants in Shanghai local time', () => {
    // 2026-11-22 is a Sunday; 23:30 UTC is Monday 07:30 in Shanghai.
    expect(shanghaiWeekMinute(new Date('2026-11-22T23:30:00Z'))).toEqual({ weekday: 1, minute: 450 });
    expect(shanghaiWeekMinute(new Date('2026-11-22T10:00:00Z'))).toEqual({ weekday: 7, minute: 1080 });
  });
});
