import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ActorRepository } from './actor.repository.js';
import { ScopeGuard } from './scope.guard.js';

@Global()
@Module({
  providers: [ActorRepository, { provide: APP_GUARD, useClass: ScopeGuard }],
  exports: [ActorRepository],
})
export class ScopeModule {}
