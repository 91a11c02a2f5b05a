import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module.js';
import { AppConfig } from './config/config.js';
import { installHttpHardening } from './common/graphql/http-errors.js';
import { logger, NestJsonLogger, requestContext } from './common/logging/logger.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Builds the Nest application on Fastify (used by main.ts and by the e2e tests alike). */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestFastifyApplication> {
  // A hop count becomes what Fastify makes of one (trust the nearest `hops` proxies); the adapter's type has no number.
  const trust = config.trustProxy;
  const adapter = new FastifyAdapter({
    logger: false,
    // Off unless configured: otherwise any client forges X-Forwarded-For to reset per-address limits.
    trustProxy: typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust,
    bodyLimit: 1024 * 1024,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), adapter, {
    logger: new NestJsonLogger(),
    bufferLogs: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  installHttpHardening(fastify);
  fastify.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    requestContext.run({ requestId: req.id }, done);
  });
  // The path only: query strings of GET /graphql may carry variables with personal data.
  fastify.addHook('onResponse', (req, reply, done) => {
    logger.info('http', { method: req.method, path: req.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) });
    done();
  });
  return app;
}
