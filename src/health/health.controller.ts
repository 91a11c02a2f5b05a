import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { graphiqlAsset } from '../common/graphql/graphiql.js';

@Controller()
export class HealthController {
  constructor(private readonly db: DataSource) {}

  /** Liveness and database reachability, for load balancers and docker-compose. */
  @Get('health')
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const started = Date.now();
    try {
      await this.db.query('SELECT 1');
      return { status: 'ok', database: { status: 'up', latencyMs: Date.now() - started } };
    } catch {
      reply.status(503);
      return { status: 'error', database: { status: 'down' } };
    }
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
