import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

type OutOfServiceListener = (manager: EntityManager, volunteerId: string) => Promise<void>;

/**
 * What other modules do when a volunteer leaves service (suspended or rejected), inside the reviewing transaction.
 * Modules that depend on volunteers (resources: their offers are withdrawn) register here, so that the volunteers
 * module never writes their tables nor depends on them.
 */
@Injectable()
export class VolunteerHooks {
  private readonly outOfService: OutOfServiceListener[] = [];

  onOutOfService(listener: OutOfServiceListener): void {
    this.outOfService.push(listener);
  }

  async leftService(manager: EntityManager, volunteerId: string): Promise<void> {
    for (const listener of this.outOfService) await listener(manager, volunteerId);
  }
}
