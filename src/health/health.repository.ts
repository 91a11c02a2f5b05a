import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * The health check's one statement. Terminus's own TypeOrmHealthIndicator would need @nestjs/typeorm (which this
 * app does not use: it wires TypeORM itself, src/database), so the ping is ours: one `SELECT 1` through the pool.
 */
@Injectable()
export class HealthRepository {
  constructor(private readonly db: DataSource) {}

  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }
}
