import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { keysetPage, KeysetOrder, PageRequest, SqlWhere } from '../common/keyset-page.js';
import { Charity, CharityEntry, CharityEntryKind, CharityKind, FundAccount, GoodsStock } from './charity.model.js';

interface EntryRow {
  id: string;
  seq: string;
  charity_id: string;
  kind: CharityEntryKind;
  amount_fen: string;
  item_name: string | null;
  item_unit: string | null;
  quantity: number;
  value_fen: string;
  donor_name: string | null;
  anonymous: boolean;
  purpose: string | null;
  receipt_no: string | null;
  reverses_entry_id: string | null;
  reason: string | null;
  recorded_at: Date;
  account: FundAccount;
  transfer_id: string | null;
  target_type: string | null;
  target_id: string | null;
  recipient_person_id: string | null;
}

/** Ledger entries newest first; the cursor is the entry's sequence number. */
export const ENTRY_ORDER: KeysetOrder = { keys: [{ sql: 'seq', type: 'int' }], direction: 'DESC' };
/** Charities by name; the cursor is (name, id). */
export const CHARITY_ORDER: KeysetOrder = {
  keys: [
    { sql: 'c.name', type: 'text' },
    { sql: 'c.id', type: 'uuid' },
  ],
  direction: 'ASC',
};

const ENTRY_COLUMNS = `id, seq, charity_id, kind, amount_fen, item_name, item_unit, quantity, value_fen, donor_name, anonymous, purpose,
  receipt_no, reverses_entry_id, reason, recorded_at, account, transfer_id, target_type, target_id, recipient_person_id`;

// bigint comes back from pg as a string; amounts stay integers end to end.
const toEntry = (r: EntryRow): CharityEntry => ({
  id: r.id,
  seq: Number(r.seq),
  charityId: r.charity_id,
  kind: r.kind,
  amountFen: Number(r.amount_fen),
  itemName: r.item_name,
  itemUnit: r.item_unit,
  quantity: r.quantity,
  valueFen: Number(r.value_fen),
  donorName: r.donor_name,
  anonymous: r.anonymous,
  purpose: r.purpose,
  receiptNo: r.receipt_no,
  reversesEntryId: r.reverses_entry_id,
  reason: r.reason,
  recordedAt: r.recorded_at,
  account: r.account,
  transferId: r.transfer_id,
  projectId: r.target_type === 'PROJECT' ? r.target_id : null,
  targetType: r.target_type,
  targetId: r.target_id,
  recipientPersonId: r.recipient_person_id,
});

const CHARITY_COLUMNS = `c.id, c.kind, c.name, c.address, c.created_at, c.region_id, c.path::text AS path`;
const toCharity = (r: { id: string; kind: CharityKind; name: string; address: string | null; created_at: Date; region_id: string; path: string }): Charity => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  address: r.address,
  createdAt: r.created_at,
  regionId: r.region_id,
  path: r.path,
});

export interface NewEntry {
  charityId: string;
  kind: CharityEntryKind;
  amountFen?: number;
  itemName?: string | null;
  itemUnit?: string | null;
  quantity?: number;
  valueFen?: number;
  donorName?: string | null;
  donorPersonId?: string | null;
  donorOrganizationId?: string | null;
  anonymous?: boolean;
  purpose?: string | null;
  receiptNo?: string | null;
  targetType?: 'NEED' | 'PROJECT' | 'PERSON' | null;
  recipientPersonId?: string | null;
  idempotencyKey?: string | null;
  targetId?: string | null;
  reversesEntryId?: string | null;
  reason?: string | null;
  recordedBy: string;
  account?: FundAccount;
  transferId?: string | null;
}

/** A fund's accounts (fen, exact). */
export interface FundBalances {
  charityId: string;
  availableFen: bigint;
  reservedFen: bigint;
  paidOutFen: bigint;
}

/** Charities and their append-only ledger (the table refuses UPDATE and DELETE by trigger). */
@Injectable()
export class CharityRepository {
  constructor(private readonly db: DataSource) {}

  async byIds(ids: readonly string[], manager: EntityManager = this.db.manager): Promise<Charity[]> {
    const rows = await manager.query(`SELECT ${CHARITY_COLUMNS} FROM charities c WHERE c.id = ANY($1::uuid[])`, [ids]);
    return rows.map(toCharity);
  }

  /** Locks the charity row: entries that could drive a holding below zero are serialized on it. */
  async lock(manager: EntityManager, id: string): Promise<Charity | null> {
    const rows = await manager.query(`SELECT ${CHARITY_COLUMNS} FROM charities c WHERE c.id = $1 FOR UPDATE`, [id]);
    return rows[0] ? toCharity(rows[0]) : null;
  }

  async insertCharity(
    manager: EntityManager,
    c: { kind: CharityKind; name: string; regionId: string; address: string | null; createdBy: string },
  ): Promise<string | null> {
    const rows = await manager.query(
      `INSERT INTO charities (kind, name, region_id, path, address, created_by) SELECT $1, $2, r.id, r.path, $4, $5 FROM regions r WHERE r.id = $3
       ON CONFLICT (region_id, name) DO NOTHING RETURNING id`,
      [c.kind, c.name, c.regionId, c.address, c.createdBy],
    );
    return rows[0]?.id ?? null;
  }

  /** Appends an entry; null when the receipt number is already used in this charity. */
  async append(manager: EntityManager, e: NewEntry): Promise<CharityEntry | null> {
    const rows: EntryRow[] = await manager.query(
      `INSERT INTO charity_entries (charity_id, kind, amount_fen, item_name, item_unit, quantity, value_fen, donor_name, donor_person_id,
              donor_organization_id, anonymous, purpose, receipt_no, target_type, target_id, reverses_entry_id, reason, recorded_by, account, transfer_id,
              recipient_person_id, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
       ON CONFLICT (charity_id, receipt_no) DO NOTHING RETURNING ${ENTRY_COLUMNS}`,
      [
        e.charityId,
        e.kind,
        e.amountFen ?? 0,
        e.itemName ?? null,
        e.itemUnit ?? null,
        e.quantity ?? 0,
        e.valueFen ?? 0,
        e.donorName ?? null,
        e.donorPersonId ?? null,
        e.donorOrganizationId ?? null,
        e.anonymous ?? false,
        e.purpose ?? null,
        e.receiptNo ?? null,
        e.targetType ?? null,
        e.targetId ?? null,
        e.reversesEntryId ?? null,
        e.reason ?? null,
        e.recordedBy,
        e.account ?? FundAccount.AVAILABLE,
        e.transferId ?? null,
        e.recipientPersonId ?? null,
        e.idempotencyKey ?? null,
      ],
    );
    return rows[0] ? toEntry(rows[0]) : null;
  }

  async entry(manager: EntityManager, id: string): Promise<(CharityEntry & { reversed: boolean }) | null> {
    const rows = await manager.query(
      `SELECT ${ENTRY_COLUMNS}, EXISTS (SELECT 1 FROM charity_entries x WHERE x.reverses_entry_id = e.id) AS reversed FROM charity_entries e WHERE e.id = $1`,
      [id],
    );
    return rows[0] ? { ...toEntry(rows[0]), reversed: rows[0].reversed } : null;
  }

  /** Money on hand per charity (AVAILABLE + RESERVED), as exact bigints (a sum of many amounts may pass 2^53). */
  async balances(charityIds: readonly string[], manager: EntityManager = this.db.manager): Promise<{ charityId: string; balanceFen: bigint }[]> {
    const rows = await manager.query(
      `SELECT c.id, coalesce(sum(e.amount_fen), 0)::text AS balance FROM charities c LEFT JOIN charity_entries e ON e.charity_id = c.id AND e.account <> 'PAID_OUT'
        WHERE c.id = ANY($1::uuid[]) GROUP BY c.id`,
      [charityIds],
    );
    return rows.map((r: { id: string; balance: string }) => ({ charityId: r.id, balanceFen: BigInt(r.balance) }));
  }

  /** Each fund's three accounts. */
  async fundBalances(charityIds: readonly string[], manager: EntityManager = this.db.manager): Promise<FundBalances[]> {
    const rows = await manager.query(
      `SELECT c.id,
              coalesce(sum(e.amount_fen) FILTER (WHERE e.account = 'AVAILABLE'), 0)::text AS available,
              coalesce(sum(e.amount_fen) FILTER (WHERE e.account = 'RESERVED'), 0)::text AS reserved,
              coalesce(sum(e.amount_fen) FILTER (WHERE e.account = 'PAID_OUT'), 0)::text AS paid_out
         FROM charities c LEFT JOIN charity_entries e ON e.charity_id = c.id
        WHERE c.id = ANY($1::uuid[]) GROUP BY c.id`,
      [charityIds],
    );
    return rows.map((r: { id: string; available: string; reserved: string; paid_out: string }) => ({
      charityId: r.id,
      availableFen: BigInt(r.available),
      reservedFen: BigInt(r.reserved),
      paidOutFen: BigInt(r.paid_out),
    }));
  }

  /** What is still reserved in a fund for one project (reserved − released − paid out). */
  async reservedForProject(manager: EntityManager, charityId: string, projectId: string): Promise<bigint> {
    const [r] = await manager.query(
      `SELECT coalesce(sum(amount_fen), 0)::text AS s FROM charity_entries WHERE charity_id = $1 AND target_type = 'PROJECT' AND target_id = $2 AND account = 'RESERVED'`,
      [charityId, projectId],
    );
    return BigInt(r.s);
  }

  /** The books' invariants: transfers that do not sum to zero, and accounts below zero (both empty when the books balance). */
  async fundProblems(charityId: string, manager: EntityManager = this.db.manager): Promise<{ unbalancedTransfers: number; negativeProjects: number }> {
    const [r] = await manager.query(
      `SELECT (SELECT count(*)::int FROM (SELECT transfer_id FROM charity_entries WHERE charity_id = $1 AND transfer_id IS NOT NULL
                                          GROUP BY transfer_id HAVING sum(amount_fen) <> 0 OR count(*) <> 2) t) AS unbalanced,
              (SELECT count(*)::int FROM (SELECT target_id FROM charity_entries WHERE charity_id = $1 AND account = 'RESERVED'
                                          GROUP BY target_id HAVING sum(amount_fen) < 0) p) AS negative`,
      [charityId],
    );
    return { unbalancedTransfers: r.unbalanced, negativeProjects: r.negative };
  }

  async stock(charityIds: readonly string[], manager: EntityManager = this.db.manager): Promise<(GoodsStock & { charityId: string })[]> {
    const rows = await manager.query(
      `SELECT charity_id, item_name, item_unit, sum(quantity)::int AS quantity FROM charity_entries
        WHERE charity_id = ANY($1::uuid[]) AND item_name IS NOT NULL GROUP BY charity_id, item_name, item_unit
       HAVING sum(quantity) <> 0 ORDER BY item_name, item_unit`,
      [charityIds],
    );
    return rows.map((r: { charity_id: string; item_name: string; item_unit: string; quantity: number }) => ({
      charityId: r.charity_id,
      itemName: r.item_name,
      itemUnit: r.item_unit,
      quantity: r.quantity,
    }));
  }

  async itemQuantity(manager: EntityManager, charityId: string, itemName: string, itemUnit: string): Promise<number> {
    const [r] = await manager.query(
      `SELECT coalesce(sum(quantity), 0)::int AS q FROM charity_entries WHERE charity_id = $1 AND item_name = $2 AND item_unit = $3`,
      [charityId, itemName, itemUnit],
    );
    return r.q;
  }

  /** A charity's ledger entries, newest first. */
  async entries(charityId: string, page: PageRequest): Promise<{ rows: CharityEntry[]; total: number }> {
    const w = new SqlWhere();
    w.and(`charity_id = ${w.param(charityId)}`);
    const { rows, total } = await keysetPage<EntryRow>(this.db, { select: ENTRY_COLUMNS, from: 'charity_entries', where: w, order: ENTRY_ORDER, page });
    return { rows: rows.map(toEntry), total };
  }

  /** Charities under `regionPath` (or everywhere), of one kind if given, by name. */
  async list(f: { regionPath?: string; kind?: CharityKind }, page: PageRequest): Promise<{ rows: Charity[]; total: number }> {
    const w = new SqlWhere();
    if (f.regionPath !== undefined) w.and(`c.path <@ ${w.param(f.regionPath)}::ltree`);
    if (f.kind !== undefined) w.and(`c.kind = ${w.param(f.kind)}`);
    const { rows, total } = await keysetPage<Parameters<typeof toCharity>[0]>(this.db, {
      select: CHARITY_COLUMNS,
      from: 'charities c',
      where: w,
      order: CHARITY_ORDER,
      page,
    });
    return { rows: rows.map(toCharity), total };
  }

  /** The hand-out recorded under an idempotency key, if any. */
  async byIdempotencyKey(m: EntityManager, charityId: string, key: string): Promise<CharityEntry | null> {
    const rows: EntryRow[] = await m.query(`SELECT ${ENTRY_COLUMNS} FROM charity_entries WHERE charity_id = $1 AND idempotency_key = $2`, [charityId, key]);
    return rows[0] ? toEntry(rows[0]) : null;
  }

  /** The units an item was ever held in by a charity, with what is on hand of each. */
  async itemUnits(m: EntityManager, charityId: string, itemName: string): Promise<{ unit: string; quantity: number }[]> {
    const rows = await m.query(
      `SELECT item_unit AS unit, sum(quantity)::int AS quantity FROM charity_entries WHERE charity_id = $1 AND item_name = $2 GROUP BY item_unit ORDER BY 2 DESC`,
      [charityId, itemName],
    );
    return rows;
  }

  /** Goods handed out to people, newest first (their record 物资领取). */
  async handOutsTo(personIds: readonly string[]): Promise<CharityEntry[]> {
    const rows: EntryRow[] = await this.db.query(`SELECT ${ENTRY_COLUMNS} FROM charity_entries WHERE recipient_person_id = ANY($1::uuid[]) ORDER BY seq DESC`, [
      personIds,
    ]);
    return rows.map(toEntry);
  }

  /** The grid path of a person's home (for scope checks). */
  async personGridPath(m: EntityManager, id: string): Promise<{ exists: boolean; gridPath: string | null }> {
    const rows = await m.query(`SELECT r.path::text AS path FROM persons p LEFT JOIN regions r ON r.id = p.grid_id WHERE p.id = $1`, [id]);
    return { exists: rows.length > 0, gridPath: rows[0]?.path ?? null };
  }
}
