import { DataSource } from 'typeorm';

/**
 * Tables that legitimately change when a request is refused: throttles count refused attempts, and sessions are
 * written by logins. Everything else must stay byte-for-byte the same.
 */
export const VOLATILE_TABLES = new Set(['login_failures', 'request_throttle', 'phone_codes', 'auth_sessions', 'refresh_tokens', 'schema_migrations']);

/** An md5 of every row of every table (but the volatile ones), in a stable order: equal sums = nothing written. */
export async function checksumOfAllTables(db: DataSource): Promise<Record<string, string>> {
  const tables: { t: string }[] = await db.query(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    if (VOLATILE_TABLES.has(t)) continue;
    const [row] = await db.query(`SELECT md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS h, count(*)::int AS n FROM "${t}" x`);
    out[t] = `${row.n}:${row.h}`;
  }
  // Sequences too: a refused insert that took a number would show here.
  const seqs: { s: string }[] = await db.query(`SELECT sequencename AS s FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`);
  for (const { s } of seqs) {
    if ([...VOLATILE_TABLES].some((t) => s.startsWith(t))) continue;
    const [row] = await db.query(`SELECT last_value::text AS v FROM pg_sequences WHERE schemaname = 'public' AND sequencename = $1`, [s]);
    out[`seq:${s}`] = row.v ?? 'null';
  }
  return out;
}

/** The tables whose sums differ. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
}
