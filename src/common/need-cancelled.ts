import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A need that will not be served any more (cancelled or rejected): what holds capacity for it gives it back. */
export interface EndedNeed {
  needId: string;
  /** Who cancelled; null for the scheduler. */
  by: string | null;
  reason: string | null;
}

export interface NeedCancellationListener {
  /** Runs inside the transaction that ends the need: throwing rolls the cancellation back. */
  onNeedCancelled(manager: EntityManager, need: EndedNeed): Promise<void>;
}

/**
 * Lets other modules (brokering's resource bookings, docs/brokering.md) release what they hold for a need when it
 * is cancelled, in the same transaction, without the needs module importing them — like ServiceConfirmationHooks.
 */
@Injectable()
export class NeedCancellationHooks {
  private readonly listeners: NeedCancellationListener[] = [];

  register(listener: NeedCancellationListener): void {
    this.listeners.push(listener);
  }

  async cancelled(manager: EntityManager, need: EndedNeed): Promise<void> {
    for (const l of this.listeners) await l.onNeedCancelled(manager, need);
  }
}
