import { DataSource } from 'typeorm';

/**
 * Demo-data placeholders shared by the README examples and the examples/ operations: `{{person:<phone>}}`,
 * `{{region:<code>}}`, `{{charity:<name>}}`, `{{need:<title>}}` stand for that demo row's id;
 * `{{next:<ISO weekday>:<HH:MM>}}` for that time 1–7 days ahead in Asia/Shanghai; `{{now}}`, `{{daysAgo:<n>}}`
 * and `{{month}}` (the current YYYY-MM in Asia/Shanghai).
 */
export const PLACEHOLDER = /\{\{(person|region|charity|need|next|now|daysAgo|month)(?::([^}]+))?\}\}/g;

const LOOKUP: Record<string, string> = {
  person: `SELECT id FROM persons WHERE phone = $1`,
  region: `SELECT id FROM regions WHERE code = $1`,
  charity: `SELECT id FROM charities WHERE name = $1`,
  need: `SELECT id FROM needs WHERE title = $1`,
};

export function nextAt(weekday: number, hhmm: string): string {
  const shanghai = new Date(Date.now() + 8 * 3600_000);
  let days = ((weekday % 7) - shanghai.getUTCDay() + 7) % 7;
  if (days === 0) days = 7;
  const base = Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate() + days);
  return new Date(base + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000 - 8 * 3600_000).toISOString();
}

/** The value of one placeholder on the demo data. */
export async function placeholderValue(db: DataSource, kind: string, key: string | undefined): Promise<string> {
  if (kind === 'next') {
    const [day, ...time] = key!.split(':');
    return nextAt(Number(day), time.join(':'));
  }
  if (kind === 'now') return new Date().toISOString();
  if (kind === 'daysAgo') return new Date(Date.now() - Number(key) * 86_400_000).toISOString();
  if (kind === 'month') return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
  const rows: { id: string }[] = await db.query(LOOKUP[kind], [key]);
  if (rows.length !== 1) throw new Error(`placeholder {{${kind}:${key}}}: no single such demo row`);
  return rows[0].id;
}

/** `text` with every placeholder replaced. */
export async function fillPlaceholders(db: DataSource, text: string): Promise<string> {
  let out = text;
  for (const m of [...text.matchAll(PLACEHOLDER)]) out = out.replace(m[0], await placeholderValue(db, m[1], m[2]));
  return out;
}
