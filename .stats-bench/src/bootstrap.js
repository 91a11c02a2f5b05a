import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module.js';
import { logger, NestJsonLogger, requestContext } from './common/logging/logger.js';
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** Builds the Nest application on Fastify (used by main.ts and by the e2e tests alike). */
export async function createApp(config, databaseUrl) {
    const adapter = new FastifyAdapter({
        logger: false,
        trustProxy: true,
        bodyLimit: 1024 * 1024,
        genReqId: (req) => {
            const given = req.headers['x-request-id'];
            return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        },
    });
    const app = await NestFactory.create(AppModule.forRoot(config, databaseUrl), adapter, {
        logger: new NestJsonLogger(),
        bufferLogs: false,
    });
    const fastify = app.getHttpAdapter().getInstance();
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
//# sourceMappingURL=bootstrap.js.map