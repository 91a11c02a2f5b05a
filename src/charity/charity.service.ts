import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { badInput, DomainException, ErrorCode, forbidden, notFound } from '../common/errors.js';
import { Connection, PageArgs, toConnection } from '../common/graphql/connection.js';
import { MAX_FEN } from '../common/graphql/fen.scalar.js';
import { isUuid } from '../common/ids.js';
import { RegionLevel } from '../regions/region-level.js';
import { RegionsService } from '../regions/regions.service.js';
import { PeopleRepository } from '../people/people.repository.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { pageRequest } from '../common/keyset-page.js';
import { randomUUID } from 'node:crypto';
import { charityErrors } from './charity.errors.js';
import {
  Charity,
  CharityEntry,
  CharityEntryKind,
  CharityKind,
  CreateCharityInput,
  FundAccount,
  HandOutGoodsInput,
  RecordGoodsDonationInput,
  RecordMoneyDonationInput,
} from './charity.model.js';
import { NeedsRepository } from '../needs/needs.repository.js';
import { CHARITY_ORDER, CharityRepository, ENTRY_ORDER, FundBalances } from './charity.repository.js';

const ANONYMOUS = '匿名';

@Injectable()
export class CharityService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: CharityRepository,
    private readonly regions: RegionsService,
    private readonly people: PeopleRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly needs: NeedsRepository,
  ) {}

  async create(actor: Actor, input: CreateCharityInput): Promise<Charity> {
    const name = input.name.trim();
    if (name.length < 2) throw badInput('name', '名称至少2个字');
    if (!isUuid(input.regionId)) throw badInput('regionId', '区划不存在');
    const id = await this.db.transaction(async (m) => {
      const [region] = await this.regions.byIds([input.regionId], m);
      if (!region) throw badInput('regionId', '区划不存在');
      if (region.level !== RegionLevel.STREET && region.level !== RegionLevel.COMMUNITY) throw badInput('regionId', '应设在街道或社区');
      if (!actor.can(Permission.CHARITY_MANAGE, { regionPath: region.path })) throw forbidden('只有本区域的慈善管理员可以设立');
      const charityId = await this.repo.insertCharity(m, {
        kind: input.kind,
        name,
        regionId: region.id,
        address: input.address?.trim() || null,
        createdBy: actor.personId,
      });
      if (!charityId) throw charityErrors.charityExists();
      return charityId;
    });
    return (await this.repo.byIds([id]))[0];
  }

  async get(id: string): Promise<Charity | null> {
    if (!isUuid(id)) return null;
    return (await this.repo.byIds([id]))[0] ?? null;
  }

  canRead(actor: Actor, charity: Charity): boolean {
    return actor.can(Permission.CHARITY_READ, { regionPath: charity.path });
  }

  canManage(actor: Actor, charity: Charity): boolean {
    return actor.can(Permission.CHARITY_MANAGE, { regionPath: charity.path });
  }

  async recordMoney(actor: Actor, input: RecordMoneyDonationInput): Promise<CharityEntry> {
    if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) throw badInput('amountFen', '金额应为正整数（分）');
    if (input.amountFen > MAX_FEN) throw charityErrors.amountTooLarge();
    return this.recordDonation(actor, input, { kind: CharityEntryKind.MONEY_DONATION, amountFen: input.amountFen });
  }

  async recordGoods(actor: Actor, input: RecordGoodsDonationInput): Promise<CharityEntry> {
    const itemName = input.itemName.trim();
    const itemUnit = input.itemUnit.trim();
    if (!itemName) throw badInput('itemName', '请填写物资名称');
    if (!itemUnit) throw badInput('itemUnit', '请填写单位');
    return this.recordDonation(actor, input, {
      kind: CharityEntryKind.GOODS_DONATION,
      itemName,
      itemUnit,
      quantity: input.quantity,
      valueFen: input.valueFen ?? 0,
    });
  }

  private async recordDonation(
    actor: Actor,
    input: RecordMoneyDonationInput | RecordGoodsDonationInput,
    what: { kind: CharityEntryKind; amountFen?: number; itemName?: string; itemUnit?: string; quantity?: number; valueFen?: number },
  ): Promise<CharityEntry> {
    const donorName = input.donorName.trim();
    const receiptNo = input.receiptNo.trim();
    if (!donorName) throw badInput('donorName', '请填写捐赠人');
    if (!receiptNo) throw badInput('receiptNo', '请填写收据编号');
    if (!isUuid(input.charityId)) throw notFound('慈善资源');
    if (input.donorPersonId && !isUuid(input.donorPersonId)) throw badInput('donorPersonId', '人员不存在');
    if (input.donorOrganizationId && !isUuid(input.donorOrganizationId)) throw badInput('donorOrganizationId', '社会组织不存在');
    return this.db.transaction(async (m) => {
      const charity = await this.requireManaged(m, actor, input.charityId);
      // A referenced donor is checked like the charity: a person or organization outside the actor's scope is FORBIDDEN.
      if (input.donorPersonId) {
        const [donor] = await this.people.byIds([input.donorPersonId], m);
        if (!donor) throw badInput('donorPersonId', '人员不存在');
        if (!donor.paths.some((regionPath) => actor.can(Permission.CHARITY_MANAGE, { regionPath }))) throw charityErrors.donorOutOfScope();
      }
      if (input.donorOrganizationId) {
        const [org] = await this.organizations.byIds([input.donorOrganizationId], m);
        if (!org) throw badInput('donorOrganizationId', '社会组织不存在');
        if (!actor.can(Permission.CHARITY_MANAGE, { regionPath: org.path })) throw charityErrors.donorOrganizationOutOfScope();
      }
      const entry = await this.repo.append(m, {
        charityId: charity.id,
        ...what,
        donorName,
        donorPersonId: input.donorPersonId ?? null,
        donorOrganizationId: input.donorOrganizationId ?? null,
        anonymous: input.anonymous ?? false,
        purpose: input.purpose?.trim() || null,
        receiptNo,
        recordedBy: actor.personId,
      });
      if (!entry) throw charityErrors.receiptTaken();
      return entry;
    });
  }

  /** 冲正: appends the mirror of an entry. Each entry is reversed at most once; holdings never go below zero. */
  async reverse(actor: Actor, entryId: string, reason: string): Promise<CharityEntry> {
    const why = reason.trim();
    if (!why) throw badInput('reason', '请填写冲正原因');
    if (why.length > 200) throw badInput('reason', '原因不超过200个字');
    if (!isUuid(entryId)) throw notFound('记录');
    return this.db.transaction(async (m) => {
      const found = await this.repo.entry(m, entryId);
      if (!found) throw notFound('记录');
      const charity = await this.requireManaged(m, actor, found.charityId);
      // Re-read under the charity lock: a concurrent reversal of the same entry has committed or will wait.
      const entry = (await this.repo.entry(m, entryId))!;
      if (entry.kind === CharityEntryKind.REVERSAL) throw charityErrors.reversalOfReversal();
      if (entry.transferId) throw charityErrors.projectTransfer();
      if (entry.reversed) throw charityErrors.alreadyReversed();
      if (entry.amountFen > 0) {
        // Money reserved for projects is not on hand for a reversal.
        const [{ availableFen: balanceFen }] = await this.repo.fundBalances([charity.id], m);
        if (balanceFen - BigInt(entry.amountFen) < 0n) throw new DomainException(ErrorCode.INSUFFICIENT_BALANCE, '余额不足，无法冲正该捐赠');
      }
      if (entry.itemName && entry.itemUnit && entry.quantity > 0) {
        const q = await this.repo.itemQuantity(m, charity.id, entry.itemName, entry.itemUnit);
        if (q - entry.quantity < 0) throw new DomainException(ErrorCode.INSUFFICIENT_BALANCE, '库存不足，无法冲正该捐赠');
      }
      const reversal = await this.repo.append(m, {
        charityId: charity.id,
        kind: CharityEntryKind.REVERSAL,
        amountFen: -entry.amountFen,
        itemName: entry.itemName,
        itemUnit: entry.itemUnit,
        quantity: -entry.quantity,
        valueFen: -entry.valueFen,
        reversesEntryId: entry.id,
        reason: why,
        recordedBy: actor.personId,
      });
      return reversal!;
    });
  }

  /**
   * 资助: pays money (fen) or goods from a charity to a need or a project, inside the caller's transaction `m`
   * (for the projects / needs modules; the permission check is theirs, `canManage` helps). Locks the charity so
   * that holdings never go below zero; INSUFFICIENT_BALANCE otherwise.
   */
  async grant(
    m: EntityManager,
    g: {
      charityId: string;
      target: { type: 'NEED' | 'PROJECT'; id: string };
      amountFen?: number;
      item?: { name: string; unit: string; quantity: number };
      purpose?: string | null;
      recordedBy: string;
    },
  ): Promise<CharityEntry> {
    const amount = g.amountFen ?? 0;
    const quantity = g.item?.quantity ?? 0;
    if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_FEN || !Number.isSafeInteger(quantity) || quantity < 0 || amount + quantity === 0) {
      throw badInput('amountFen', '资助金额或数量应为正整数');
    }
    const charity = await this.repo.lock(m, g.charityId);
    if (!charity) throw notFound('慈善资源');
    if (amount > 0) {
      // Only the AVAILABLE account may be granted: money reserved for projects stays theirs.
      const [{ availableFen }] = await this.repo.fundBalances([charity.id], m);
      if (availableFen < BigInt(amount)) throw new DomainException(ErrorCode.INSUFFICIENT_BALANCE, '慈善资金余额不足');
    }
    if (g.item && (await this.repo.itemQuantity(m, charity.id, g.item.name, g.item.unit)) < quantity) {
      throw new DomainException(ErrorCode.INSUFFICIENT_BALANCE, '物资库存不足');
    }
    return (await this.repo.append(m, {
      charityId: charity.id,
      kind: CharityEntryKind.GRANT,
      amountFen: -amount,
      itemName: g.item?.name ?? null,
      itemUnit: g.item?.unit ?? null,
      quantity: -quantity,
      purpose: g.purpose ?? null,
      targetType: g.target.type,
      targetId: g.target.id,
      recordedBy: g.recordedBy,
    }))!;
  }

  /**
   * Gives back goods a GRANT took (a cancelled resource booking, docs/brokering.md), inside the caller's
   * transaction: appends the reversal of the grant entry, once. The permission check is the caller's.
   */
  async returnGrant(m: EntityManager, entryId: string, recordedBy: string, reason: string): Promise<string> {
    const found = await this.repo.entry(m, entryId);
    if (!found) throw notFound('记录');
    await this.repo.lock(m, found.charityId);
    const entry = (await this.repo.entry(m, entryId))!;
    if (entry.kind !== CharityEntryKind.GRANT || entry.reversed) throw charityErrors.alreadyReversed();
    const reversal = await this.repo.append(m, {
      charityId: entry.charityId,
      kind: CharityEntryKind.REVERSAL,
      amountFen: -entry.amountFen,
      itemName: entry.itemName,
      itemUnit: entry.itemUnit,
      quantity: -entry.quantity,
      valueFen: -entry.valueFen,
      reversesEntryId: entry.id,
      reason,
      recordedBy,
    });
    return reversal!.id;
  }

  // ---------------------------------------------------------------- project money (docs/projects.md "Money")

  /**
   * Reserves `amountFen` of a fund for a project, in the caller's transaction: AVAILABLE → RESERVED as one
   * transfer. The fund row is locked first, so two reservations racing for the last yuan are serialized and the
   * second sees what the first took (INSUFFICIENT_BALANCE). The permission check is the caller's.
   */
  async reserveForProject(
    m: EntityManager,
    r: { charityId: string; projectId: string; amountFen: number; recordedBy: string; purpose?: string | null },
  ): Promise<string> {
    const charity = await this.lockFund(m, r.charityId, r.amountFen);
    const [{ availableFen }] = await this.repo.fundBalances([charity.id], m);
    if (availableFen < BigInt(r.amountFen)) {
      throw charityErrors.fundInsufficient(charity.name, availableFen, r.amountFen);
    }
    return this.transfer(m, charity.id, r, CharityEntryKind.PROJECT_RESERVE, FundAccount.AVAILABLE, FundAccount.RESERVED);
  }

  /** Gives back what a project still holds of a fund (RESERVED → AVAILABLE); 0 when nothing is left. */
  async releaseForProject(
    m: EntityManager,
    r: { charityId: string; projectId: string; amountFen: number; recordedBy: string; purpose?: string | null },
  ): Promise<string> {
    const charity = await this.lockFund(m, r.charityId, r.amountFen);
    await this.requireReserved(m, charity.id, r.projectId, r.amountFen);
    return this.transfer(m, charity.id, r, CharityEntryKind.PROJECT_RELEASE, FundAccount.RESERVED, FundAccount.AVAILABLE);
  }

  /** Pays a tranche of a project's reservation to its undertaking organization (RESERVED → PAID_OUT). */
  async disburseForProject(
    m: EntityManager,
    r: { charityId: string; projectId: string; amountFen: number; recordedBy: string; purpose?: string | null },
  ): Promise<string> {
    const charity = await this.lockFund(m, r.charityId, r.amountFen);
    await this.requireReserved(m, charity.id, r.projectId, r.amountFen);
    return this.transfer(m, charity.id, r, CharityEntryKind.PROJECT_DISBURSE, FundAccount.RESERVED, FundAccount.PAID_OUT);
  }

  /** A fund's three accounts and whether its books balance (every transfer sums to zero, no project reserve below zero, AVAILABLE ≥ 0). */
  async fundBooks(charityIds: readonly string[]): Promise<FundBalances[]> {
    return this.repo.fundBalances(charityIds);
  }

  async booksBalanced(charityId: string): Promise<boolean> {
    const [b] = await this.repo.fundBalances([charityId]);
    const p = await this.repo.fundProblems(charityId);
    return !!b && b.availableFen >= 0n && b.reservedFen >= 0n && b.paidOutFen >= 0n && p.unbalancedTransfers === 0 && p.negativeProjects === 0;
  }

  private async lockFund(m: EntityManager, charityId: string, amountFen: number): Promise<Charity> {
    if (!Number.isSafeInteger(amountFen) || amountFen <= 0 || amountFen > MAX_FEN) throw badInput('amountFen', '金额应为正整数（分）');
    const charity = await this.repo.lock(m, charityId);
    if (!charity) throw notFound('慈善资源');
    if (charity.kind !== CharityKind.FUND) throw badInput('charityId', '只有慈善基金可以资助项目资金');
    return charity;
  }

  private async requireReserved(m: EntityManager, charityId: string, projectId: string, amountFen: number): Promise<void> {
    const held = await this.repo.reservedForProject(m, charityId, projectId);
    if (held < BigInt(amountFen)) {
      throw charityErrors.reservationExceeded(held);
    }
  }

  /** One double-entry movement between two accounts of a fund: two entries, one transfer id, summing to zero. */
  private async transfer(
    m: EntityManager,
    charityId: string,
    r: { projectId: string; amountFen: number; recordedBy: string; purpose?: string | null },
    kind: CharityEntryKind,
    from: FundAccount,
    to: FundAccount,
  ): Promise<string> {
    const transferId = randomUUID();
    const common = { charityId, kind, purpose: r.purpose ?? null, targetType: 'PROJECT' as const, targetId: r.projectId, recordedBy: r.recordedBy, transferId };
    await this.repo.append(m, { ...common, account: from, amountFen: -r.amountFen });
    await this.repo.append(m, { ...common, account: to, amountFen: r.amountFen });
    return transferId;
  }

  /**
   * 物资发放 (docs/everyday.md): goods from a supermarket to a resident, for a need or by a staff decision, as a
   * GRANT entry naming the recipient. The caller manages the charity and has the person (and the need) in scope.
   * The charity row is locked, so racing hand-outs queue and stock never goes below zero; the same idempotency key
   * returns the first hand-out again.
   */
  async handOut(actor: Actor, input: HandOutGoodsInput): Promise<CharityEntry> {
    const item = input.item.trim();
    const key = input.idempotencyKey.trim();
    if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > 10000) throw charityErrors.quantityInvalid();
    if (!key || key.length > 100) throw charityErrors.keyInvalid();
    if (!isUuid(input.charityId)) throw charityErrors.charityNotFound();
    if (!isUuid(input.personId)) throw charityErrors.recipientUnknown();
    if (input.needId && !isUuid(input.needId)) throw charityErrors.handOutNeedMismatch();
    const need = input.needId ? (await this.needs.byIds([input.needId]))[0] : null;
    if (input.needId && (!need || need.beneficiaryId !== input.personId)) throw charityErrors.handOutNeedMismatch();
    return this.db.transaction(async (m) => {
      const charity = await this.repo.lock(m, input.charityId);
      if (!charity) throw charityErrors.charityNotFound();
      const person = await this.repo.personGridPath(m, input.personId);
      if (!person.exists) throw charityErrors.recipientUnknown();
      const inScope =
        this.canManage(actor, charity) &&
        !!person.gridPath &&
        actor.can(Permission.CHARITY_MANAGE, { regionPath: person.gridPath }) &&
        (!need || actor.can(Permission.CHARITY_MANAGE, { regionPath: need.gridPath }));
      if (!inScope) throw charityErrors.handOutForbidden();
      const earlier = await this.repo.byIdempotencyKey(m, charity.id, key);
      if (earlier) {
        const same =
          earlier.recipientPersonId === input.personId &&
          earlier.itemName === item &&
          earlier.quantity === -input.quantity &&
          (earlier.targetType === 'NEED' ? earlier.targetId === input.needId : !input.needId);
        if (!same) throw charityErrors.keyReused();
        return earlier;
      }
      const units = await this.repo.itemUnits(m, charity.id, item);
      if (units.length === 0) throw charityErrors.itemUnknown();
      const [{ unit, quantity: onHand }] = units;
      if (onHand < input.quantity) throw charityErrors.outOfStock(Math.max(0, onHand), unit);
      return (await this.repo.append(m, {
        charityId: charity.id,
        kind: CharityEntryKind.GRANT,
        itemName: item,
        itemUnit: unit,
        quantity: -input.quantity,
        purpose: '物资发放',
        targetType: need ? 'NEED' : 'PERSON',
        targetId: need ? need.id : input.personId,
        recipientPersonId: input.personId,
        idempotencyKey: key,
        recordedBy: actor.personId,
      }))!;
    });
  }

  /** A resident's goods received: for the person, staff who see them in full, and charity managers who see them. */
  async handOutsOf(actor: Actor, person: { id: string; access: { view: string } }): Promise<CharityEntry[]> {
    const view = person.access.view;
    if (view === 'NONE') return [];
    if (view === 'MASKED' && !actor.holds(Permission.CHARITY_MANAGE)) return [];
    return this.repo.handOutsTo([person.id]);
  }

  async entries(actor: Actor, charity: Charity, page: PageArgs): Promise<Connection<CharityEntry>> {
    if (!this.canRead(actor, charity)) throw forbidden('无权查看捐赠明细');
    const { rows, total } = await this.repo.entries(charity.id, pageRequest(page, ENTRY_ORDER));
    const manager = this.canManage(actor, charity);
    return toConnection(
      rows,
      page.first,
      total,
      (e) => [e.seq],
      (e) => (e.anonymous && !manager ? { ...e, donorName: ANONYMOUS } : e),
    );
  }

  /** Charities under a region (or everywhere), by name; the list itself is public within the platform. */
  async list(regionId: string | null | undefined, kind: CharityKind | null | undefined, page: PageArgs): Promise<Connection<Charity>> {
    const request = pageRequest(page, CHARITY_ORDER);
    const regionPath = regionId ? (await this.regions.require(regionId, 'regionId')).path : undefined;
    const { rows, total } = await this.repo.list({ regionPath, kind: kind ?? undefined }, request);
    return toConnection(
      rows,
      page.first,
      total,
      (c) => [c.name, c.id],
      (c) => c,
    );
  }

  private async requireManaged(m: EntityManager, actor: Actor, charityId: string): Promise<Charity> {
    const charity = await this.repo.lock(m, charityId);
    if (!charity) throw notFound('慈善资源');
    if (!this.canManage(actor, charity)) throw forbidden('只有本区域的慈善管理员可以登记');
    return charity;
  }
}
