/** Urgency of a need; drives its deadlines (DESIGN.md §5 接诉即办/限时办结). */
export enum Urgency {
  NORMAL = 'NORMAL',
  URGENT = 'URGENT',
  EMERGENCY = 'EMERGENCY',
}

export interface DeadlinePolicy {
  acceptMinutes: number;
  claimMinutes: number;
}

/** Defaults of DESIGN.md §5; a region (or any ancestor) may override them in need_deadline_policies. */
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
 * review item (5 working days by default, DESIGN.md §9). Public holidays are not modelled.
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

/** Settings of the loop that are not per region, from the environment (minutes). */
export interface NeedLoopSettings {
  /** Completed services nobody confirmed or disputed are confirmed automatically after this long. */
  autoConfirmMinutes: number;
  /** A claimed need not started this long after its window ended is a no-show. */
  noShowGraceMinutes: number;
  /** How often each instance runs the scheduler; 0 turns the timer off (tests call it directly). */
  schedulerIntervalSeconds: number;
  reviewFixWorkingDays: number;
  callbackWorkingDays: number;
}

function envInt(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new Error(`Invalid configuration: ${name} must be a whole number`);
  return Number(raw);
}

export function loadNeedLoopSettings(env: Record<string, string | undefined> = process.env): NeedLoopSettings {
  return {
    autoConfirmMinutes: envInt(env, 'NEED_AUTO_CONFIRM_MINUTES', 72 * 60),
    noShowGraceMinutes: envInt(env, 'NEED_NO_SHOW_GRACE_MINUTES', 60),
    schedulerIntervalSeconds: envInt(env, 'NEED_SCHEDULER_INTERVAL_SECONDS', env.NODE_ENV === 'test' ? 0 : 60),
    reviewFixWorkingDays: envInt(env, 'NEED_REVIEW_FIX_WORKING_DAYS', 5),
    callbackWorkingDays: envInt(env, 'NEED_CALLBACK_WORKING_DAYS', 1),
  };
}
