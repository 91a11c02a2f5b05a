/**
 * The bare-SQL baseline of `npm run bench`: a plain Fastify server with a plain `pg` pool, in the same process as the
 * app and against the same database. For a read, the route replays exactly the statements (SQL and parameters) the
 * app ran for the same GraphQL request, recorded from the app's DataSource, one after the other as the app does, and
 * answers with their rows as JSON: what is left between the two is the framework (Nest, GraphQL, TypeORM, guards,
 * DataLoaders, validation, logging). For a write, a case registers a hand-written handler instead.
 */
import Fastify, { FastifyInstance } from 'fastify';
import pg from 'pg';

export interface Statement {
  sql: string;
  params: unknown[];
}

export type BareHandler = (pool: pg.Pool, body: any) => Promise<unknown>;

export class BareServer {
  private readonly app: FastifyInstance = Fastify({ logger: false });
  readonly pool: pg.Pool;
  private readonly handlers = new Map<string, BareHandler>();
  url = '';

  constructor(databaseUrl: string) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 20, application_name: 'wushe-bench-bare' });
    this.app.post('/bare/:name', async (req) => {
      const h = this.handlers.get((req.params as { name: string }).name);
      if (!h) throw new Error('no such bare route');
      return { data: await h(this.pool, req.body) };
    });
  }

  /** A route replaying recorded statements in order, answering with every result set. */
  replay(name: string, statements: Statement[]): string {
    return this.handle(name, async (pool) => {
      const out: unknown[] = [];
      for (const s of statements) out.push((await pool.query(s.sql, s.params)).rows);
      return out;
    });
  }

  handle(name: string, h: BareHandler): string {
    this.handlers.set(name, h);
    return `${this.url}/bare/${name}`;
  }

  async listen(): Promise<void> {
    this.url = (await this.app.listen({ port: 0, host: '127.0.0.1' })).replace('[::1]', '127.0.0.1');
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.pool.end();
  }
}

/** Runs `fn` in one transaction on one pooled connection (for hand-written write baselines). */
export async function inTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const r = await fn(c);
    await c.query('COMMIT');
    return r;
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}
