/** Policy per region (docs/design.md §6.1), each value inherited from the nearest ancestor that sets it. */
export interface TimeBankPolicy {
  /** Personal balance cap; what a credit would add beyond it goes to the community pool 爱心池. */
  balanceCapMinutes: number;
  /** Age from which a member may redeem (SPEND) hours for their own service. */
  redemptionAge: number;
  /** The same for people with a special-hardship flag (失能, 残疾, 低保, 特困). */
  hardshipRedemptionAge: number;
  /** Transfers only to registered relatives 亲属. */
  relativesOnly: boolean;
  /** Hours earned in group activities may only be donated. */
  groupHoursDonateOnly: boolean;
  dailyTransferCapMinutes: number;
  yearlyTransferCapMinutes: number;
  /** Earned minutes older than this expire into the expiry sink; null = never (the default). */
  expiryMonths: number | null;
  /** Days before expiry that a notice is recorded for the holder. */
  expiryNoticeDays: number;
  /** 负责人 named in the issuer block of certificates. */
  certificateSignatory: string | null;
}

export const DEFAULT_POLICY: TimeBankPolicy = {
  balanceCapMinutes: 1500 * 60,
  redemptionAge: 60,
  hardshipRedemptionAge: 0,
  relativesOnly: true,
  groupHoursDonateOnly: true,
  dailyTransferCapMinutes: 20 * 60,
  yearlyTransferCapMinutes: 200 * 60,
  expiryMonths: null,
  expiryNoticeDays: 30,
  certificateSignatory: null,
};

export type PolicyRow = { [K in keyof TimeBankPolicy]?: TimeBankPolicy[K] | null };

/** Rows ordered nearest region first; the first non-null value of each field wins, then the default. */
export function mergePolicy(rows: PolicyRow[]): TimeBankPolicy {
  const out = { ...DEFAULT_POLICY } as Record<string, unknown>;
  for (const key of Object.keys(DEFAULT_POLICY)) {
    const row = rows.find((r) => (r as Record<string, unknown>)[key] !== null && (r as Record<string, unknown>)[key] !== undefined);
    if (row) out[key] = (row as Record<string, unknown>)[key];
  }
  // 0 switches expiry off for a subtree whose ancestor has it on.
  if (out.expiryMonths === 0) out.expiryMonths = null;
  return out as unknown as TimeBankPolicy;
}

/** The flags of person_flags that count as special hardship for redemption. */
export const HARDSHIP_FLAGS = ['INCAPACITATED', 'DISABILITY', 'SUBSISTENCE_ALLOWANCE', 'EXTREME_POVERTY'] as const;

/** Full years between a birth date (YYYY-MM-DD) and `on`, in China Standard Time. */
export function ageOn(birthDate: string, on: Date): number {
  const local = new Date(on.getTime() + 8 * 3600_000);
  const [y, m, d] = birthDate.split('-').map(Number);
  let age = local.getUTCFullYear() - y;
  const md = (local.getUTCMonth() + 1) * 100 + local.getUTCDate();
  if (md < m * 100 + d) age--;
  return age;
}

/**
 * May a person of this age and hardship redeem hours? An unknown birth date cannot show the age: refused as
 * `BIRTH_DATE_UNKNOWN` (so that the member is told to register it), unless the threshold is 0.
 */
export function mayRedeem(policy: TimeBankPolicy, birthDate: string | null, hardship: boolean, on: Date): boolean | 'BIRTH_DATE_UNKNOWN' {
  const threshold = hardship ? Math.min(policy.hardshipRedemptionAge, policy.redemptionAge) : policy.redemptionAge;
  if (threshold === 0) return true;
  if (!birthDate) return 'BIRTH_DATE_UNKNOWN';
  return ageOn(birthDate, on) >= threshold;
}

/**
 * Splits a credit to a capped personal account: what fits under the cap, and the overflow for the pool.
 * A balance already above the cap (e.g. the cap was lowered) keeps what it has and takes nothing more.
 */
export function splitAtCap(balance: number, credit: number, cap: number): { kept: number; overflow: number } {
  const room = Math.max(0, cap - balance);
  const kept = Math.min(credit, room);
  return { kept, overflow: credit - kept };
}

/** The same instant `months` calendar months earlier (clamped to the month's last day). */
export function monthsBefore(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/**
 * Minutes to expire, oldest first (FIFO): credits older than the cutoff that all later debits together have not
 * used up yet, never more than the account can give.
 */
export function expiringMinutes(creditsBeforeCutoff: number, debitsEver: number, available: number): number {
  return Math.max(0, Math.min(available, creditsBeforeCutoff - debitsEver));
}

/** Start of the local (UTC+8) day and year containing `at`, as instants. */
export function localDayAndYearStart(at: Date): { day: Date; year: Date } {
  const local = new Date(at.getTime() + 8 * 3600_000);
  const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - 8 * 3600_000;
  const year = Date.UTC(local.getUTCFullYear(), 0, 1) - 8 * 3600_000;
  return { day: new Date(day), year: new Date(year) };
}

/** YYYY-MM-DD of an instant in China Standard Time. */
export const localDateOf = (d: Date): string => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** An expiry notice with minutes not yet settled. */
export interface OpenExpiryNotice {
  id: string;
  remaining: number;
  /** YYYY-MM-DD, China Standard Time. */
  expiresOn: string;
  createdAt: Date;
}

/**
 * One expiry pass over one account (pure): minutes expire only when due by age AND covered by a notice that is at
 * least `noticeDays` old and whose date has come. Notices covering more than is still going to expire (the member
 * used the minutes) are settled newest first; what is going to expire and no notice covers gets a new notice.
 */
export function planExpiry(
  now: Date,
  noticeDays: number,
  dueByAge: number,
  soon: number,
  notices: readonly OpenExpiryNotice[],
): { expire: number; source: string | null; settle: [string, number][]; notice: number } {
  const open = notices.map((n) => ({ ...n, remaining: Number(n.remaining) }));
  const settle = new Map<string, number>();
  const take = (n: { id: string; remaining: number }, minutes: number) => {
    n.remaining -= minutes;
    settle.set(n.id, (settle.get(n.id) ?? 0) + minutes);
  };
  let covered = open.reduce((s, n) => s + n.remaining, 0);
  let excess = covered - soon;
  for (let i = open.length - 1; i >= 0 && excess > 0; i--) {
    const m = Math.min(open[i].remaining, excess);
    if (m > 0) take(open[i], m);
    excess -= m;
  }
  covered = Math.min(covered, soon);
  const today = localDateOf(now);
  const matured = open.filter((n) => n.remaining > 0 && new Date(n.createdAt).getTime() + noticeDays * 86400_000 <= now.getTime() && n.expiresOn <= today);
  const expire = Math.max(
    0,
    Math.min(
      dueByAge,
      matured.reduce((s, n) => s + n.remaining, 0),
    ),
  );
  let left = expire;
  let source: string | null = null;
  for (const n of matured) {
    if (left === 0) break;
    const m = Math.min(n.remaining, left);
    source ??= n.id;
    take(n, m);
    left -= m;
  }
  return { expire, source, settle: [...settle], notice: Math.max(0, soon - covered) };
}
