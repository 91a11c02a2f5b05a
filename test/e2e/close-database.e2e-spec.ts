import type pg from 'pg';
import { DataSource } from 'typeorm';
import { closeDatabase, dataSourceOptions } from '../../src/database/data-source.js';
import { createDatabase } from '../helpers/test-app.js';

/**
 * closeDatabase (docs/architecture.md "Tooling"): when it resolves, every connection's socket is closed, not only
 * asked to close — what lets a Jest worker (or any process) exit at once. It reads pg-pool's client list, a private
 * field: if a pg upgrade renamed it, the sockets would still be open here and this test would say so.
 */
describe('closeDatabase', () => {
  it('resolves only when every pool connection has closed its socket', async () => {
    const db = new DataSource(dataSourceOptions(await createDatabase(false)));
    await db.initialize();
    // Several connections at once, so the pool holds more than one.
    await Promise.all([1, 2, 3, 4].map(() => db.query(`SELECT pg_sleep(0.05)`)));
    const pool = (db.driver as unknown as { master: { _clients: pg.Client[] } }).master;
    const sockets = pool._clients.map((c) => (c as unknown as { connection: { stream: { destroyed: boolean } } }).connection.stream);
    expect(sockets.length).toBeGreaterThanOrEqual(2);
    expect(sockets.every((s) => !s.destroyed)).toBe(true);
    await closeDatabase(db);
    expect(db.isInitialized).toBe(false);
    expect(sockets.map((s) => s.destroyed)).toEqual(sockets.map(() => true));
  });

  it('does nothing on a DataSource that is not open', async () => {
    const db = new DataSource(dataSourceOptions(await createDatabase(false)));
    await expect(closeDatabase(db)).resolves.toBeUndefined();
  });
});
