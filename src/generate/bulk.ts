import type { Client } from 'pg';

/**
 * Bulk loading without row-by-row upkeep (docs/city-scale.md, "Loading fast"): before a phase loads its big tables,
 * their indexes (primary key included), unique and exclusion constraints and foreign keys (their own, and those of
 * other tables that point at them) are dropped; after the load they are created again from their own definitions, as
 * read from the catalog, so the schema ends exactly as the migrations left it. Each index is then built once, sorted,
 * instead of taking millions of scattered inserts, and each constraint is still checked once over all the rows it
 * covers: a unique index or exclusion constraint on its creation, a foreign key by its validation query — a load
 * that broke one fails here. The drop, the load and the rebuild run in one transaction (`deferIndexes`), so a
 * failure leaves the schema as it was.
 */
export interface DeferredSchema {
  /** Statements that recreate what was dropped, in order: keys and indexes first, then the foreign keys. */
  restore: string[];
}

const quoteIdent = (s: string) => '"' + s.replace(/"/g, '""') + '"';

/** Drops the indexes and constraints of `tables` (inside the caller's transaction) and returns how to recreate them. */
export async function dropIndexes(client: Client, tables: string[]): Promise<DeferredSchema> {
  const oids = (await client.query<{ oid: number }>(`SELECT unnest($1::text[])::regclass::oid::int AS oid`, [tables.map((t) => `public.${t}`)])).rows.map(
    (r) => r.oid,
  );
  // Foreign keys from these tables, and into them from anywhere (they depend on the referenced keys dropped below).
  const fks = (
    await client.query<{ tbl: string; name: string; def: string }>(
      `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE contype = 'f' AND (conrelid = ANY($1::oid[]) OR confrelid = ANY($1::oid[])) ORDER BY conrelid::regclass::text, conname`,
      [oids],
    )
  ).rows;
  // Primary keys, unique and exclusion constraints of these tables (each owns its index).
  const keys = (
    await client.query<{ tbl: string; name: string; def: string }>(
      `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE contype IN ('p', 'u', 'x') AND conrelid = ANY($1::oid[]) ORDER BY conrelid::regclass::text, contype, conname`,
      [oids],
    )
  ).rows;
  // Plain indexes (unique or not) that no constraint owns.
  const indexes = (
    await client.query<{ name: string; def: string }>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
        WHERE i.indrelid = ANY($1::oid[]) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
        ORDER BY 1`,
      [oids],
    )
  ).rows;
  for (const f of fks) await client.query(`ALTER TABLE ${f.tbl} DROP CONSTRAINT ${quoteIdent(f.name)}`);
  for (const k of keys) await client.query(`ALTER TABLE ${k.tbl} DROP CONSTRAINT ${quoteIdent(k.name)}`);
  for (const i of indexes) await client.query(`DROP INDEX ${i.name}`);
  return {
    restore: [
      ...keys.map((k) => `ALTER TABLE ${k.tbl} ADD CONSTRAINT ${quoteIdent(k.name)} ${k.def}`),
      ...indexes.map((i) => i.def),
      ...fks.map((f) => `ALTER TABLE ${f.tbl} ADD CONSTRAINT ${quoteIdent(f.name)} ${f.def}`),
    ],
  };
}

/** Recreates what `dropIndexes` dropped (each index built once, each constraint checked once) and refreshes the tables' statistics. */
export async function restoreIndexes(client: Client, deferred: DeferredSchema, tables: string[]): Promise<void> {
  for (const sql of deferred.restore) await client.query(sql);
  for (const t of tables) await client.query(`ANALYZE ${t}`);
}

/** Runs `load` in one transaction with the indexes and constraints of `tables` dropped, and rebuilds them before the commit. */
export async function deferIndexes<T>(client: Client, tables: string[], load: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const deferred = await dropIndexes(client, tables);
    const result = await load();
    await restoreIndexes(client, deferred, tables);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}

/**
 * Session settings for the generator's one connection: commits need not wait for the WAL flush (a crash loses at most
 * the last moments of a generation that is restarted from an empty database anyway), index builds sort in memory, and
 * the temporary draw tables stay in local buffers. `temp_buffers` must be set before the session's first temporary table.
 */
export const BULK_SESSION_SETTINGS = [
  `SET synchronous_commit = off`,
  `SET maintenance_work_mem = '512MB'`,
  `SET work_mem = '64MB'`,
  `SET temp_buffers = '256MB'`,
];
