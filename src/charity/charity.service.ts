import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { badInput, conflict, DomainException, ErrorCode, forbidden, notFound } from '../common/errors.js';
import { Connection, decodeCursor, decodeKeysetCursor, PageArgs, toConnection } from '../common/graphql/connection.js';
import { MAX_FEN } from '../common/graphql/fen.scalar.js';
import { isUuid } from '../common/ids.js';
import { RegionLevel } from '../regions/region-level.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { Actor } from '../scope/actor.js';
import { Role } from '../scope/role.js';
import { Charity, CharityEntry, CharityEntryKind, CharityKind, CreateCharityInput, RecordGoodsDonationInput, RecordMoneyDonationInput } from './charity.model.js';
import { CharityRepository } from './charity.repository.js';

/** Who runs charities of a region: records donations and reversals. */
export const CHARITY_MANAGERS: readonly Role[] = [Role.CHARITY_ADMIN, Role.STREET_ADMIN, Role.SYSTEM_ADMIN];
/** Who may read a charity's entries (donors included) in their scope. */
export const CHARITY_READERS: readonly Role[] = [...CHARITY_MANAGERS, Role.SOCIAL_WORKER, Role.COMMUNITY_WORKER];

const ANONYMOUS = '匿名';

@Injectable()
export class CharityService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: CharityRepository,
    private readonly regions: RegionsRepository,
  ) {}

  async create(actor: Actor, input: CreateCharityInput): Promise<Charity> {
    const name = input.name.trim();
    if (name.length < 2) throw badInput('name', '名称至少2个字');
    if (!isUuid(input.regionId)) throw badInput('regionId', '区划不存在');
    const id = await this.db.transaction(async (m) => {
      const [region] = await this.regions.byIds([input.regionId], m);
      if (!region) throw badInput('regionId', '区划不存在');
      if (region.level !== RegionLevel.STREET && region.level !== RegionLevel.COMMUNITY) throw badInput('regionId', '应设在街道或社区');
      if (!actor.covers(region.path, ...CHARITY_MANAGERS)) throw forbidden('只有本区域的慈善管理员可以设立');
      const charityId = await this.repo.insertCharity(m, { kind: input.kind, name, regionId: region.id, address: input.address?.trim() || null, createdBy: actor.personId });
      if (!charityId) throw conflict('该区域已有同名慈善资源', 'CHARITY_EXISTS');
      return charityId;
    });
    return (await this.repo.byIds([id]))[0];
  }

  async get(id: string): Promise<Charity | null> {
    if (!isUuid(id)) return null;
    return (await this.repo.byIds([id]))[0] ?? null;
  }

  canRead(actor: Actor, charity: Charity): boolean {
    return actor.covers(charity.path, ...CHARITY_READERS);
  }

  canManage(actor: Actor, charity: Charity): boolean {
    return actor.covers(charity.path, ...CHARITY_MANAGERS);
  }

  async recordMoney(actor: Actor, input: RecordMoneyDonationInput): Promise<CharityEntry> {
    if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) throw badInput('amountFen', '金额应为正整数（分）');
    if (input.amountFen > MAX_FEN) throw badInput('amountFen', '金额超出上限', 'AMOUNT_TOO_LARGE');
    return this.recordDonation(actor, input, { kind: CharityEntryKind.MONEY_DONATION, amountFen: input.amountFen });
  }

  async recordGoods(actor: Actor, input: RecordGoodsDonationInput): Promise<CharityEntry> {
    const itemName = input.itemName.trim();
    const itemUnit = input.itemUnit.trim();
    if (!itemName) throw badInput('itemName', '请填写物资名称');
    if (!itemUnit) throw badInput('itemUnit', '请填写单位');
    return this.recordDonation(actor, input, { kind: CharityEntryKind.GOODS_DONATION, itemName, itemUnit, quantity: input.quantity, valueFen: input.valueFen ?? 0 });
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
        const paths = await this.repo.personPaths(m, input.donorPersonId);
        if (!paths) throw badInput('donorPersonId', '人员不存在');
        if (!paths.some((p) => actor.covers(p, ...CHARITY_MANAGERS))) throw forbidden('捐赠人不在您的管辖范围内');
      }
      if (input.donorOrganizationId) {
        const path = await this.repo.organizationPath(m, input.donorOrganizationId);
        if (!path) throw badInput('donorOrganizationId', '社会组织不存在');
        if (!actor.covers(path, ...CHARITY_MANAGERS)) throw forbidden('捐赠组织不在您的管辖范围内');
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
      if (!entry) throw conflict('该收据编号已登记', 'RECEIPT_TAKEN');
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
      if (entry.kind === CharityEntryKind.REVERSAL) throw conflict('冲正记录不能再冲正', 'REVERSAL_OF_REVERSAL');
      if (entry.reversed) throw conflict('该记录已冲正', 'ALREADY_REVERSED');
      if (entry.amountFen > 0) {
        const [{ balanceFen }] = await this.repo.balances([charity.id], m);
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
    g: { charityId: string; target: { type: 'NEED' | 'PROJECT'; id: string }; amountFen?: number; item?: { name: string; unit: string; quantity: number }; purpose?: string | null; recordedBy: string },
  ): Promise<CharityEntry> {
    const amount = g.amountFen ?? 0;
    const quantity = g.item?.quantity ?? 0;
    if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_FEN || !Number.isSafeInteger(quantity) || quantity < 0 || amount + quantity === 0) {
      throw badInput('amountFen', '资助金额或数量应为正整数');
    }
    const charity = await this.repo.lock(m, g.charityId);
    if (!charity) throw notFound('慈善资源');
    if (amount > 0) {
      const [{ balanceFen }] = await this.repo.balances([charity.id], m);
      if (balanceFen < BigInt(amount)) throw new DomainException(ErrorCode.INSUFFICIENT_BALANCE, '慈善资金余额不足');
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

  async entries(actor: Actor, charity: Charity, page: PageArgs): Promise<Connection<CharityEntry>> {
    if (!this.canRead(actor, charity)) throw forbidden('无权查看捐赠明细');
    const after = page.after ? Number(decodeCursor(page.after, 1)[0]) : null;
    if (after !== null && !Number.isInteger(after)) throw badInput('after', '分页游标无效');
    const { rows, total } = await this.repo.entriesPage(charity.id, page.first, after);
    const manager = this.canManage(actor, charity);
    return toConnection(rows, page.first, total, (e) => [e.seq], (e) => (e.anonymous && !manager ? { ...e, donorName: ANONYMOUS } : e));
  }

  /** Charities under a region (or everywhere), by name; the list itself is public within the platform. */
  async list(regionId: string | null | undefined, kind: CharityKind | null | undefined, page: PageArgs): Promise<Connection<Charity>> {
    const params: unknown[] = [];
    const where: string[] = ['TRUE'];
    if (regionId) {
      const [region] = isUuid(regionId) ? await this.regions.byIds([regionId]) : [];
      if (!region) throw badInput('regionId', '区划不存在');
      params.push(region.path);
      where.push(`c.path <@ $${params.length}::ltree`);
    }
    if (kind) {
      params.push(kind);
      where.push(`c.kind = $${params.length}`);
    }
    const after = page.after ? decodeKeysetCursor(page.after, 'text') : null;
    const { rows, total } = await this.repo.page(where.join(' AND '), params, page.first, after);
    return toConnection(rows, page.first, total, (c) => [c.name, c.id], (c) => c);
  }

  private async requireManaged(m: EntityManager, actor: Actor, charityId: string): Promise<Charity> {
    const charity = await this.repo.lock(m, charityId);
    if (!charity) throw notFound('慈善资源');
    if (!this.canManage(actor, charity)) throw forbidden('只有本区域的慈善管理员可以登记');
    return charity;
  }
}
