import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { HealthRepository } from './health.repository.js';

/** `GET /health` through @nestjs/terminus (docs/architecture.md "Libraries we use and why"). */
@Module({
  // Terminus logs a failed check through Nest's logger, i.e. our JSON lines; the details name only the indicator.
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
  controllers: [HealthController],
  providers: [HealthRepository],
})
export class HealthModule {}
