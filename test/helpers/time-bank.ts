import { randomUUID } from 'node:crypto';
import { ServiceConfirmationHooks } from '../../src/common/service-confirmed.js';
import type { EarnableService } from '../../src/time-bank/earn.listener.js';
import { TestApp } from './test-app.js';

/**
 * Runs the confirmation hooks for a service, as `confirmService` does inside its transaction, so that ledger tests
 * can earn minutes without walking the whole dispatch loop. Unset times are now; the need id is new.
 */
export async function earnThroughHook(
  t: TestApp,
  s: Omit<EarnableService, 'needId' | 'startedAt' | 'endedAt' | 'confirmedAt' | 'address'> & Partial<EarnableService>,
): Promise<EarnableService> {
  const now = new Date();
  const service: EarnableService = { needId: randomUUID(), address: null, startedAt: now, endedAt: now, confirmedAt: now, ...s };
  await t.db.transaction((m) => t.app.get(ServiceConfirmationHooks).confirmed(m, service));
  return service;
}

/** A volunteer's person and volunteer ids by phone. */
export async function volunteerOf(t: TestApp, phone: string): Promise<{ id: string; volunteer: string }> {
  const [row] = await t.db.query(`SELECT p.id, v.id AS volunteer FROM persons p JOIN volunteers v ON v.person_id = p.id WHERE p.phone = $1`, [phone]);
  return row;
}
