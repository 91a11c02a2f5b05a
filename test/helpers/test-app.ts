import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import 'reflect-metadata';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap.js';
import { logger } from '../../src/common/logging/logger.js';
import { AppConfig, loadConfig } from '../../src/config/config.js';
import { DEMO_PASSWORD } from '../../src/seed/demo-data.js';

export interface GqlResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; fields?: { field: string; message: string }[]; reason?: string } }[];
}

export interface TestApp {
  app: NestFastifyApplication;
  db: DataSource;
  config: AppConfig;
  databaseUrl: string;
  http: () => ReturnType<typeof request>;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>>;
  /** Logs in a demo account (password demo1234) and returns its access token. */
  login(phone: string): Promise<string>;
  close(): Promise<void>;
}

/** A new database on the test server: a clone of the migrated, demo-seeded template, or empty. */
export async function createDatabase(fromTemplate = true): Promise<string> {
  const name = `wushe_t_${process.env.TEST_RUN_ID}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_ADMIN_URL });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(fromTemplate ? `CREATE DATABASE ${name} TEMPLATE ${process.env.TEST_TEMPLATE_DB}` : `CREATE DATABASE ${name}`);
        break;
      } catch (err) {
        // Two workers cloning the same template at the same moment: try again shortly.
        if (attempt > 20 || !/being accessed by other users/.test(String(err))) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  return process.env.TEST_DB_URL_PATTERN!.replace('__DB__', name);
}

/** Every log line of every test app goes to the run's server.log, which the privacy test reads. */
export function captureServerLog(): void {
  const file = join(process.env.TEST_RUN_DIR!, 'server.log');
  logger.sink = (line) => appendFileSync(file, line + '\n');
}

/** A fresh database cloned from the migrated, demo-seeded template, and the app on it. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  captureServerLog();
  const databaseUrl = await createDatabase();
  const config = loadConfig({ ...process.env, DATA_DIR: process.env.TEST_RUN_DIR, SEED_DEMO: 'false', ...env });
  const app = await createApp(config, databaseUrl);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const http = () => request(app.getHttpServer());
  const gql = async (query: string, variables?: Record<string, unknown>, token?: string) => {
    const req = http().post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req.send({ query, variables });
    return { status: res.status, data: res.body.data, errors: res.body.errors };
  };
  const tokens = new Map<string, string>();
  return {
    app,
    db: app.get(DataSource),
    config,
    databaseUrl,
    http,
    gql,
    async login(phone: string) {
      const cached = tokens.get(phone);
      if (cached) return cached;
      const res = await gql(`mutation ($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { phone, password: DEMO_PASSWORD } });
      if (!res.data?.login) throw new Error(`login ${phone} failed: ${JSON.stringify(res.errors)}`);
      tokens.set(phone, res.data.login.accessToken);
      return res.data.login.accessToken;
    },
    close: () => app.close(),
  };
}

/** The `extensions.code` of the first error, for compact assertions. */
export const codeOf = (res: GqlResponse) => res.errors?.[0]?.extensions?.code;
