import { atField, badInput } from '../common/errors.js';
import { volunteerErrors } from './volunteers.errors.js';
export const HHMM_START = /^([01]\d|2[0-3]):[0-5]\d$/;
/** An end may be 24:00 (midnight at the end of the day). */
export const HHMM_END = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
export const minutesOfDay = (hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const hhmm = (minutes) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
/**
 * Turns {weekday, start "HH:MM", end "HH:MM"} into minute slots. Each end must be after its start, and slots of
 * one day must not overlap (BAD_USER_INPUT on `field[i].end` / `field[i].start` otherwise).
 */
export function toWeeklySlots(input, field = 'availability') {
    const slots = input.map((s, i) => {
        if (!Number.isInteger(s.weekday) || s.weekday < 1 || s.weekday > 7)
            throw badInput(`${field}[${i}].weekday`, '星期应为1（周一）至7（周日）');
        if (!HHMM_START.test(s.start))
            throw badInput(`${field}[${i}].start`, '开始时间格式应为HH:MM');
        if (!HHMM_END.test(s.end))
            throw badInput(`${field}[${i}].end`, '结束时间格式应为HH:MM');
        const slot = { weekday: s.weekday, startMinute: minutesOfDay(s.start), endMinute: minutesOfDay(s.end) };
        if (slot.endMinute <= slot.startMinute)
            throw atField(volunteerErrors.availabilityEndBeforeStart(), `${field}[${i}].end`);
        return { slot, i };
    });
    const sorted = [...slots].sort((a, b) => a.slot.weekday - b.slot.weekday || a.slot.startMinute - b.slot.startMinute);
    for (let k = 1; k < sorted.length; k++) {
        const prev = sorted[k - 1].slot;
        const cur = sorted[k];
        if (cur.slot.weekday === prev.weekday && cur.slot.startMinute < prev.endMinute) {
            throw atField(volunteerErrors.availabilityOverlap(), `${field}[${cur.i}].start`);
        }
    }
    return sorted.map((s) => s.slot);
}
/** The local (Asia/Shanghai, UTC+8 all year) ISO weekday and minute of an instant. */
export function shanghaiWeekMinute(at) {
    const local = new Date(at.getTime() + 8 * 3600_000);
    return { weekday: local.getUTCDay() === 0 ? 7 : local.getUTCDay(), minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}
//# sourceMappingURL=availability.js.map