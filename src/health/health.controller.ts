import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { graphiqlAsset } from '../common/graphql/graphiql.js';
import { HealthRepository } from './health.repository.js';

/** A database that does not answer `SELECT 1` within this long is reported down (a stuck pool, a lost network). */
const DATABASE_TIMEOUT_MS = 3000;

@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly repo: HealthRepository,
  ) {}

  /**
   * Liveness and database reachability, for load balancers, docker-compose and the Docker HEALTHCHECK: 200 with
   * `{ status: 'ok', info: { database: { status: 'up' } } }`, or 503 with `status: 'error'` (@nestjs/terminus).
   */
  @Get('health')
  @HealthCheck()
  check() {
    return this.health.check([
      () =>
        this.indicators
          .check('database')
          .attempt(() => this.repo.ping())
          .withTimeout(DATABASE_TIMEOUT_MS),
    ]);
  }

  /** Static files of the bundled GraphiQL (see graphiql.ts). */
  @Get('graphiql/:file')
  asset(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const asset = graphiqlAsset(file);
    if (!asset) throw new NotFoundException();
    reply.header('content-type', asset.type).header('cache-control', 'public, max-age=86400');
    return asset.body;
  }
}
