import type { EntityManager } from 'typeorm';

const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Runs `fn` inside a SAVEPOINT of `m`'s transaction: if `fn` throws, its writes are rolled back to the savepoint and
 * the error is rethrown, and the transaction stays usable (without it, PostgreSQL refuses every later statement
 * of an aborted transaction). For a step that may fail on its own inside a larger unit of work, e.g. claiming one
 * occurrence of a need series among several. `name` is a fixed identifier of the code, never input.
 */
export async function withSavepoint<T>(m: EntityManager, name: string, fn: () => Promise<T>): Promise<T> {
  if (!NAME.test(name)) throw new Error(`not a savepoint name: ${name}`);
  await m.query(`SAVEPOINT ${name}`);
  let result: T;
  try {
    result = await fn();
  } catch (err) {
    await m.query(`ROLLBACK TO SAVEPOINT ${name}`);
    throw err;
  }
  await m.query(`RELEASE SAVEPOINT ${name}`);
  return result;
}
