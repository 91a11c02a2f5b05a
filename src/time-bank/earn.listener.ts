import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { badInput } from '../common/errors.js';
import { ServiceConfirmationHooks } from '../common/service-confirmed.js';
import type { ConfirmedService, ServiceConfirmationListener } from '../common/service-confirmed.js';
import { LedgerRepository } from './ledger.repository.js';
import { ServiceRecordsRepository } from './service-records.repository.js';
import { ledgerErrors } from './time-bank.errors.js';
import { splitAtCap } from './time-bank-policy.js';
import { legs } from './time-bank.service.js';
import { CATEGORY_LABEL, NeedCategory } from '../needs/need.model.js';

/** A service record is a document people read: it keeps the category's Chinese name (养老助老), not its code. */
export const categoryLabel = (category: string): string => CATEGORY_LABEL[category as NeedCategory] ?? category;

/** Kept as a name for what the ledger credits; `groupActivity` is now part of `ConfirmedService` itself. */
export type EarnableService = ConfirmedService;

/** Longest service one confirmation may credit (a day). */
export const MAX_SERVICE_MINUTES = 24 * 60;

/**
 * EARN on confirmation (docs/design.md §6.1–6.2): inside the confirming transaction, the service record is written
 * and the confirmed minutes are posted from the street's issuance account to the volunteer. Any failure here
 * fails the confirmation.
 */
@Injectable()
export class EarnOnConfirmation implements ServiceConfirmationListener, OnModuleInit {
  constructor(
    private readonly hooks: ServiceConfirmationHooks,
    private readonly ledger: LedgerRepository,
    private readonly records: ServiceRecordsRepository,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async onServiceConfirmed(m: EntityManager, s: EarnableService): Promise<void> {
    await earn(m, this.ledger, this.records, s);
  }
}

/**
 * Also used by the demo seed, which runs without Nest and dates the entry like its service (`at`; live earnings are
 * dated now). Returns the EARN transaction id.
 */
export async function earn(m: EntityManager, ledger: LedgerRepository, records: ServiceRecordsRepository, s: EarnableService, at?: Date): Promise<string> {
  if (!Number.isInteger(s.minutes) || s.minutes < 1 || s.minutes > MAX_SERVICE_MINUTES)
    throw badInput('minutes', `服务时长须为 1–${MAX_SERVICE_MINUTES} 的整数分钟`);
  const source = s.source ?? 'NEED';
  const sourceId = s.sourceId ?? s.needId;
  if (!sourceId) throw new Error('a confirmed service names its source');
  if (await records.recordOfSource(m, source, sourceId, s.volunteerId)) throw ledgerErrors.alreadyEarned();
  const community = await ledger.ancestorAt(m, s.gridId, 'COMMUNITY');
  const street = await ledger.ancestorAt(m, s.gridId, 'STREET');
  if (!community || !street) throw badInput('gridId', '服务所在网格不在社区之下');
  // Volunteer statistics first: the ledger's own locks come last in this transaction.
  await records.addVerifiedMinutes(m, s.volunteerId, s.minutes);
  const recordId = await records.insertRecord(m, {
    source,
    sourceId,
    needId: source === 'NEED' ? sourceId : null,
    volunteerId: s.volunteerId,
    volunteerPersonId: s.volunteerPersonId,
    beneficiaryPersonId: s.beneficiaryPersonId,
    gridId: s.gridId,
    communityId: community,
    title: s.title,
    category: categoryLabel(s.category),
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    minutes: s.minutes,
    groupActivity: s.groupActivity ?? false,
    verifierId: s.confirmedBy,
    confirmedAt: s.confirmedAt,
  });
  const issuanceId = await ledger.systemAccountId(m, 'ISSUANCE', street);
  const volunteerAccountId = await ledger.personAccountId(m, s.volunteerPersonId, community);
  const [account] = await ledger.accountsByIds([volunteerAccountId!], m);
  const policy = await ledger.policyFor(m, account.regionId);
  const poolId = await ledger.systemAccountId(m, 'COMMUNITY_POOL', account.regionId);
  const locked = await ledger.lockAccounts(m, [issuanceId, volunteerAccountId!, poolId]);
  const { kept, overflow } = splitAtCap(locked.get(volunteerAccountId!)!.balance, s.minutes, policy.balanceCapMinutes);
  const donateOnly = s.groupActivity && policy.groupHoursDonateOnly ? kept : 0;
  return ledger.append(
    m,
    {
      kind: 'EARN',
      regionId: community,
      memo: s.title.slice(0, 200),
      sourceType: 'SERVICE_RECORD',
      sourceId: recordId,
      initiatorId: s.confirmedBy,
      legs: legs([issuanceId, -s.minutes], [volunteerAccountId!, kept], [poolId, overflow]),
      donateOnly: new Map([[volunteerAccountId!, donateOnly]]),
      at,
    },
    locked,
  );
}
