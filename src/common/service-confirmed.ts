import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Where a service record comes from: a confirmed need, a confirmed project activity, or a care visit. */
export type ServiceSource = 'NEED' | 'ACTIVITY' | 'VISIT';

/** A service that has just become CONFIRMED (docs/design.md §5 → §6.2): what the time bank credits. */
export interface ConfirmedService {
  /** Default NEED. Each (source, sourceId, volunteer) earns once. */
  source?: ServiceSource;
  /** The activity or visit id; for a need, its id (defaults to `needId`). */
  sourceId?: string;
  /** The need served; null for activities and visits. */
  needId: string | null;
  volunteerId: string;
  volunteerPersonId: string;
  /** null for a project activity (it serves many; counted per activity instead). */
  beneficiaryPersonId: string | null;
  /** The grid of the need; its community and street are found from the region tree. */
  gridId: string;
  minutes: number;
  title: string;
  category: string;
  address: string | null;
  startedAt: Date;
  endedAt: Date;
  /** Who confirmed: the beneficiary, proxy or community worker; for an auto-confirmation the staff member who accepted the need (首接负责). */
  confirmedBy: string;
  confirmedAt: Date;
  /** Served as part of a group activity: the time bank lets such hours only be donated (docs/design.md §6.1). */
  groupActivity?: boolean;
}

export interface ServiceConfirmationListener {
  /** Runs inside the confirming transaction: throwing makes the confirmation fail and roll back. */
  onServiceConfirmed(manager: EntityManager, service: ConfirmedService): Promise<void>;
}

/**
 * Lets the time bank join the dispatch loop's confirmation transaction without the needs module importing it
 * (the ledger registers itself on start). Listeners run in registration order, in the caller's transaction.
 */
@Injectable()
export class ServiceConfirmationHooks {
  private readonly listeners: ServiceConfirmationListener[] = [];

  register(listener: ServiceConfirmationListener): void {
    this.listeners.push(listener);
  }

  async confirmed(manager: EntityManager, service: ConfirmedService): Promise<void> {
    for (const l of this.listeners) await l.onServiceConfirmed(manager, service);
  }
}
