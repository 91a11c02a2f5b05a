import { Module } from '@nestjs/common';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { MatchingRepository } from './matching.repository.js';
import { BatchAssignmentPairResolver, MatchingResolver } from './matching.resolver.js';
import { MatchingService } from './matching.service.js';

@Module({
  imports: [VolunteersModule],
  providers: [MatchingRepository, MatchingService, MatchingResolver, BatchAssignmentPairResolver],
  exports: [MatchingService],
})
export class MatchingModule {}
