var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { keysetPage, SqlWhere } from '../common/keyset-page.js';
import { FundAccount } from './charity.model.js';
/** Ledger entries newest first; the cursor is the entry's sequence number. */
export const ENTRY_ORDER = { keys: [{ sql: 'seq', type: 'int' }], direction: 'DESC' };
/** Charities by name; the cursor is (name, id). */
export const CHARITY_ORDER = { keys: [{ sql: 'c.name', type: 'text' }, { sql: 'c.id', type: 'uuid' }], direction: 'ASC' };
const ENTRY_COLUMNS = `id, seq, charity_id, kind, amount_fen, item_name, item_unit, quantity, value_fen, donor_name, anonymous, purpose,
  receipt_no, reverses_entry_id, reason, recorded_at, account, transfer_id, target_type, target_id`;
// bigint comes back from pg as a string; amounts stay integers end to end.
const toEntry = (r) => ({
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
});
const CHARITY_COLUMNS = `c.id, c.kind, c.name, c.address, c.created_at, c.region_id, c.path::text AS path`;
const toCharity = (r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    address: r.address,
    createdAt: r.created_at,
    regionId: r.region_id,
    path: r.path,
});
/** Charities and their append-only ledger (the table refuses UPDATE and DELETE by trigger). */
let CharityRepository = class CharityRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async byIds(ids, manager = this.db.manager) {
        const rows = await manager.query(`SELECT ${CHARITY_COLUMNS} FROM charities c WHERE c.id = ANY($1::uuid[])`, [ids]);
        return rows.map(toCharity);
    }
    /** Locks the charity row: entries that could drive a holding below zero are serialized on it. */
    async lock(manager, id) {
        const rows = await manager.query(`SELECT ${CHARITY_COLUMNS} FROM charities c WHERE c.id = $1 FOR UPDATE`, [id]);
        return rows[0] ? toCharity(rows[0]) : null;
    }
    async insertCharity(manager, c) {
        const rows = await manager.query(`INSERT INTO charities (kind, name, region_id, path, address, created_by) SELECT $1, $2, r.id, r.path, $4, $5 FROM regions r WHERE r.id = $3
       ON CONFLICT (region_id, name) DO NOTHING RETURNING id`, [c.kind, c.name, c.regionId, c.address, c.createdBy]);
        return rows[0]?.id ?? null;
    }
    /** Appends an entry; null when the receipt number is already used in this charity. */
    async append(manager, e) {
        const rows = await manager.query(`INSERT INTO charity_entries (charity_id, kind, amount_fen, item_name, item_unit, quantity, value_fen, donor_name, donor_person_id,
              donor_organization_id, anonymous, purpose, receipt_no, target_type, target_id, reverses_entry_id, reason, recorded_by, account, transfer_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
       ON CONFLICT (charity_id, receipt_no) DO NOTHING RETURNING ${ENTRY_COLUMNS}`, [
            e.charityId, e.kind, e.amountFen ?? 0, e.itemName ?? null, e.itemUnit ?? null, e.quantity ?? 0, e.valueFen ?? 0, e.donorName ?? null,
            e.donorPersonId ?? null, e.donorOrganizationId ?? null, e.anonymous ?? false, e.purpose ?? null, e.receiptNo ?? null,
            e.targetType ?? null, e.targetId ?? null, e.reversesEntryId ?? null, e.reason ?? null, e.recordedBy, e.account ?? FundAccount.AVAILABLE, e.transferId ?? null,
        ]);
        return rows[0] ? toEntry(rows[0]) : null;
    }
    async entry(manager, id) {
        const rows = await manager.query(`SELECT ${ENTRY_COLUMNS}, EXISTS (SELECT 1 FROM charity_entries x WHERE x.reverses_entry_id = e.id) AS reversed FROM charity_entries e WHERE e.id = $1`, [id]);
        return rows[0] ? { ...toEntry(rows[0]), reversed: rows[0].reversed } : null;
    }
    /** Money on hand per charity (AVAILABLE + RESERVED), as exact bigints (a sum of many amounts may pass 2^53). */
    async balances(charityIds, manager = this.db.manager) {
        const rows = await manager.query(`SELECT c.id, coalesce(sum(e.amount_fen), 0)::text AS balance FROM charities c LEFT JOIN charity_entries e ON e.charity_id = c.id AND e.account <> 'PAID_OUT'
        WHERE c.id = ANY($1::uuid[]) GROUP BY c.id`, [charityIds]);
        return rows.map((r) => ({ charityId: r.id, balanceFen: BigInt(r.balance) }));
    }
    /** Each fund's three accounts. */
    async fundBalances(charityIds, manager = this.db.manager) {
        const rows = await manager.query(`SELECT c.id,
              coalesce(sum(e.amount_fen) FILTER (WHERE e.account = 'AVAILABLE'), 0)::text AS available,
              coalesce(sum(e.amount_fen) FILTER (WHERE e.account = 'RESERVED'), 0)::text AS reserved,
              coalesce(sum(e.amount_fen) FILTER (WHERE e.account = 'PAID_OUT'), 0)::text AS paid_out
         FROM charities c LEFT JOIN charity_entries e ON e.charity_id = c.id
        WHERE c.id = ANY($1::uuid[]) GROUP BY c.id`, [charityIds]);
        return rows.map((r) => ({
            charityId: r.id, availableFen: BigInt(r.available), reservedFen: BigInt(r.reserved), paidOutFen: BigInt(r.paid_out),
        }));
    }
    /** What is still reserved in a fund for one project (reserved − released − paid out). */
    async reservedForProject(manager, charityId, projectId) {
        const [r] = await manager.query(`SELECT coalesce(sum(amount_fen), 0)::text AS s FROM charity_entries WHERE charity_id = $1 AND target_type = 'PROJECT' AND target_id = $2 AND account = 'RESERVED'`, [charityId, projectId]);
        return BigInt(r.s);
    }
    /** The books' invariants: transfers that do not sum to zero, and accounts below zero (both empty when the books balance). */
    async fundProblems(charityId, manager = this.db.manager) {
        const [r] = await manager.query(`SELECT (SELECT count(*)::int FROM (SELECT transfer_id FROM charity_entries WHERE charity_id = $1 AND transfer_id IS NOT NULL
                                          GROUP BY transfer_id HAVING sum(amount_fen) <> 0 OR count(*) <> 2) t) AS unbalanced,
              (SELECT count(*)::int FROM (SELECT target_id FROM charity_entries WHERE charity_id = $1 AND account = 'RESERVED'
                                          GROUP BY target_id HAVING sum(amount_fen) < 0) p) AS negative`, [charityId]);
        return { unbalancedTransfers: r.unbalanced, negativeProjects: r.negative };
    }
    async stock(charityIds, manager = this.db.manager) {
        const rows = await manager.query(`SELECT charity_id, item_name, item_unit, sum(quantity)::int AS quantity FROM charity_entries
        WHERE charity_id = ANY($1::uuid[]) AND item_name IS NOT NULL GROUP BY charity_id, item_name, item_unit
       HAVING sum(quantity) <> 0 ORDER BY item_name, item_unit`, [charityIds]);
        return rows.map((r) => ({ charityId: r.charity_id, itemName: r.item_name, itemUnit: r.item_unit, quantity: r.quantity }));
    }
    async itemQuantity(manager, charityId, itemName, itemUnit) {
        const [r] = await manager.query(`SELECT coalesce(sum(quantity), 0)::int AS q FROM charity_entries WHERE charity_id = $1 AND item_name = $2 AND item_unit = $3`, [charityId, itemName, itemUnit]);
        return r.q;
    }
    /** A charity's ledger entries, newest first. */
    async entries(charityId, page) {
        const w = new SqlWhere();
        w.and(`charity_id = ${w.param(charityId)}`);
        const { rows, total } = await keysetPage(this.db, { select: ENTRY_COLUMNS, from: 'charity_entries', where: w, order: ENTRY_ORDER, page });
        return { rows: rows.map(toEntry), total };
    }
    /** Charities under `regionPath` (or everywhere), of one kind if given, by name. */
    async list(f, page) {
        const w = new SqlWhere();
        if (f.regionPath !== undefined)
            w.and(`c.path <@ ${w.param(f.regionPath)}::ltree`);
        if (f.kind !== undefined)
            w.and(`c.kind = ${w.param(f.kind)}`);
        const { rows, total } = await keysetPage(this.db, { select: CHARITY_COLUMNS, from: 'charities c', where: w, order: CHARITY_ORDER, page });
        return { rows: rows.map(toCharity), total };
    }
    async personExists(manager, id) {
        return (await manager.query(`SELECT 1 FROM persons WHERE id = $1`, [id])).length > 0;
    }
    async organizationExists(manager, id) {
        return (await manager.query(`SELECT 1 FROM organizations WHERE id = $1`, [id])).length > 0;
    }
};
CharityRepository = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [DataSource])
], CharityRepository);
export { CharityRepository };
//# sourceMappingURL=charity.repository.js.map