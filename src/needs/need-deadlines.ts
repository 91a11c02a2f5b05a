import type { AppConfig } from '../config/config.js';
/** Urgency of a need; drives its deadlines (docs/design.md §5 接诉即办/限时办结). */
export enum Urgency {
  NORMAL = 'NORMAL',
  URGENT = 'URGENT',
  EMERGENCY = 'EMERGENCY',
}

export interface DeadlinePolicy {
  acceptMinutes: number;
  claimMinutes: number;
}

/** Defaults of docs/design.md §5; a region (or any ancestor) may override them in need_deadline_policies. */
export const DEFAULT_DEADLINES: Record<Urgency, DeadlinePolicy> = {
  [Urgency.EMERGENCY]: { acceptMinutes: 30, claimMinutes: 2 * 60 },
  [Urgency.URGENT]: { acceptMinutes: 2 * 60, claimMinutes: 24 * 60 },
  [Urgency.NORMAL]: { acceptMinutes: 24 * 60, claimMinutes: 72 * 60 },
};

export function deadlinesFrom(postedAt: Date, policy: DeadlinePolicy): { acceptBy: Date; claimBy: Date } {
  return {
    acceptBy: new Date(postedAt.getTime() + policy.acceptMinutes * 60_000),
    claimBy: new Date(postedAt.getTime() + policy.claimMinutes * 60_000),
  };
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** ISO weekday (1 = Monday) and minute of the day of `at` in Asia/Shanghai (no DST there). */
export function localWeekdayMinute(at: Date): { weekday: number; minute: number; dayStart: number } {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const day = local.getUTCDay();
  return {
    weekday: day === 0 ? 7 : day,
    minute: local.getUTCHours() * 60 + local.getUTCMinutes(),
    dayStart: Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - SHANGHAI_OFFSET_MS,
  };
}

/**
 * `days` working days after `from` (Monday–Friday, Asia/Shanghai), same time of day: the fix deadline of a
 * review item (5 working days by default, docs/design.md §9). Public holidays are not modelled.
 */
export function addWorkingDays(from: Date, days: number): Date {
  let t = from.getTime();
  let left = days;
  while (left > 0) {
    t += 24 * 3600_000;
    const { weekday } = localWeekdayMinute(new Date(t));
    if (weekday <= 5) left--;
  }
  return new Date(t);
}

/** Timers of the dispatch loop, validated with the rest of the configuration (NEED_* variables). */
export type NeedLoopSettings = AppConfig['needLoop'];

/** 签到核查距离 (docs/everyday.md): the default when no region above a need sets one, and the range a region may set. */
export const FAR_CHECKIN_DEFAULT_M = 500;
export const FAR_CHECKIN_MIN_M = 50;
export const FAR_CHECKIN_MAX_M = 20_000;
