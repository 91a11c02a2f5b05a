import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A window a volunteer is about to commit to (a need being claimed or dispatched). */
export interface CommitmentWindow {
  volunteerId: string;
  start: Date;
  end: Date;
}

export interface CommitmentSource {
  /** True when the volunteer already holds something else (e.g. a project activity slot) overlapping the window. */
  overlaps(manager: EntityManager, window: CommitmentWindow): Promise<boolean>;
}

/**
 * Lets the needs module ask "is this volunteer busy then?" of commitments it does not own (project activity slots,
 * docs/projects.md "Overlapping commitments") without importing those modules — like ServiceConfirmationHooks.
 * Sources register on start; every question runs in the caller's transaction, under the volunteer's hold lock.
 */
@Injectable()
export class CommitmentChecks {
  private readonly sources: CommitmentSource[] = [];

  register(source: CommitmentSource): void {
    this.sources.push(source);
  }

  async overlaps(manager: EntityManager, window: CommitmentWindow): Promise<boolean> {
    for (const s of this.sources) if (await s.overlaps(manager, window)) return true;
    return false;
  }
}
