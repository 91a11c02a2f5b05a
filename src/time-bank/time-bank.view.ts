import { maskName } from '../privacy/mask.js';
import { AccountKind, AccountRow, EntryRow, TransactionRow } from './ledger.repository.js';
import { AccountKindEnum, LedgerEntry, LedgerKindEnum, LedgerTransaction, MonthlyStatement, TimeAccount } from './time-bank.model.js';
import { CertificateRow, ServiceRecordRow } from './service-records.repository.js';
import { Certificate, CertificateCategoryTotal, CertificateStatus, ServiceRecord, ServiceSource } from './time-bank.model.js';

const SYSTEM_NAMES: Record<Exclude<AccountKind, 'PERSON'>, string> = {
  ORGANIZATION: '组织账户',
  COMMUNITY_POOL: '爱心池',
  ISSUANCE: '时间银行发行账户',
  EXPIRY_SINK: '过期回收账户',
  REDEMPTION_SINK: '时间银行兑换账户',
};

/** How an account is named to a viewer: people masked (王*) unless it is the viewer, community accounts by region. */
export function holderName(kind: AccountKind, personId: string | null, personName: string | null, regionName: string, viewerId: string | null): string {
  if (kind === 'PERSON') return personId === viewerId ? (personName ?? '') : maskName(personName ?? '');
  return `${regionName}${SYSTEM_NAMES[kind]}`;
}

export function toAccount(a: AccountRow, viewerId: string): TimeAccount {
  return {
    id: a.id,
    kind: a.kind as AccountKindEnum,
    balanceMinutes: a.balance,
    donateOnlyMinutes: a.donateOnly,
    floorMinutes: a.floor,
    holder: holderName(a.kind, a.personId, a.personName, a.regionName, viewerId),
    regionId: a.regionId,
    regionName: a.regionName,
  };
}

export function toTransaction(t: TransactionRow, viewerId: string | null): LedgerTransaction {
  return {
    id: t.id,
    sequence: t.seq,
    kind: t.kind as LedgerKindEnum,
    memo: t.memo,
    reason: t.reason,
    reversesId: t.reversesId,
    reversedById: t.reversedById,
    postings: t.postings.map((p) => ({
      accountId: p.accountId,
      accountKind: p.accountKind as AccountKindEnum,
      amountMinutes: p.amount,
      holder: holderName(p.accountKind, p.personId, p.personName, p.regionName, viewerId),
    })),
    overflowMinutes:
      t.kind === 'REVERSAL'
        ? 0
        : t.postings.filter((p) => p.accountKind === 'COMMUNITY_POOL' && p.amount > 0 && t.kind !== 'DONATE').reduce((s, p) => s + p.amount, 0),
    createdAt: new Date(t.createdAt),
    hash: t.hash,
  };
}

export function toEntry(e: EntryRow): LedgerEntry {
  return {
    id: String(e.postingId),
    transactionId: e.transactionId,
    kind: e.kind as LedgerKindEnum,
    amountMinutes: e.amount,
    balanceAfterMinutes: e.balanceAfter,
    memo: e.kind === 'REVERSAL' && e.reason ? `${e.memo ?? '冲正'}：${e.reason}` : e.memo,
    counterparty: e.counterpartyKind ? holderName(e.counterpartyKind, e.counterpartyPersonId, e.counterpartyName, e.counterpartyRegionName ?? '', null) : null,
    at: new Date(e.createdAt),
  };
}

const KIND_NAMES: Record<string, string> = {
  EARN: '服务获得',
  SPEND: '兑换服务',
  TRANSFER: '亲属转赠',
  DONATE: '捐赠爱心池',
  GRANT: '爱心池发放',
  EXPIRE: '过期',
  REVERSAL: '冲正',
};

/** A CSV cell: quoted, and a leading = + - @ neutralized so that spreadsheets do not run it as a formula. */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) || s.startsWith("'") ? `"${s.replace(/"/g, '""')}"` : s;
}

const localTime = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

/** [start, end) of a month given as YYYY-MM in China Standard Time. */
export function monthRange(month: string): { from: Date; to: Date } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  return { from: new Date(Date.UTC(y, mo, 1) - 8 * 3600_000), to: new Date(Date.UTC(y, mo + 1, 1) - 8 * 3600_000) };
}

export function buildStatement(month: string, opening: number, rows: EntryRow[]): MonthlyStatement {
  const entries = rows.map(toEntry);
  const credit = entries.filter((e) => e.amountMinutes > 0).reduce((s, e) => s + e.amountMinutes, 0);
  const debit = -entries.filter((e) => e.amountMinutes < 0).reduce((s, e) => s + e.amountMinutes, 0);
  const lines = [['时间', '类型', '摘要', '对方', '收入(分钟)', '支出(分钟)', '余额(分钟)', '交易号'].join(',')];
  lines.push(['', '期初余额', '', '', '', '', String(opening), ''].join(','));
  for (const e of entries) {
    lines.push(
      [
        csvCell(localTime(e.at)),
        csvCell(KIND_NAMES[e.kind]),
        csvCell(e.memo ?? ''),
        csvCell(e.counterparty ?? ''),
        e.amountMinutes > 0 ? e.amountMinutes : '',
        e.amountMinutes < 0 ? -e.amountMinutes : '',
        e.balanceAfterMinutes,
        e.transactionId,
      ].join(','),
    );
  }
  const closing = entries.length ? entries[entries.length - 1].balanceAfterMinutes : opening;
  lines.push(['', '期末余额', '', '', String(credit), String(debit), String(closing), ''].join(','));
  return {
    month,
    openingBalanceMinutes: opening,
    creditMinutes: credit,
    debitMinutes: debit,
    closingBalanceMinutes: closing,
    entries,
    csv: '\uFEFF' + lines.join('\r\n') + '\r\n',
  };
}

export function toCertificate(c: CertificateRow): Certificate {
  const revoked = new Set(c.revokedRecordNos ?? []);
  const records = c.content.service.records.map((r) => ({ ...r, revoked: revoked.has(r.recordNo) }));
  const revokedMinutes = records.filter((r) => r.revoked).reduce((s, r) => s + r.minutes, 0);
  const status =
    revoked.size === 0 ? CertificateStatus.VALID : records.every((r) => r.revoked) ? CertificateStatus.REVOKED : CertificateStatus.PARTIALLY_REVOKED;
  return {
    status,
    revokedMinutes,
    validMinutes: c.totalMinutes - revokedMinutes,
    certificateNo: c.certificateNo,
    code: c.verificationCode,
    issuedAt: new Date(c.issuedAt),
    periodFrom: new Date(c.periodFrom),
    periodTo: new Date(c.periodTo),
    totalMinutes: c.totalMinutes,
    volunteerName: c.content.volunteer.name,
    idNumberMasked: c.content.volunteer.idNumberMasked,
    volunteerNo: c.content.volunteer.volunteerNo,
    records,
    totalsByCategory: totalsByCategory(records),
    issuerName: c.content.issuer.name,
    personInCharge: c.content.issuer.personInCharge,
    handler: c.content.issuer.handler,
    notes: c.content.notes,
  };
}

export function toServiceRecord(r: ServiceRecordRow): ServiceRecord {
  return {
    id: r.id,
    recordNo: r.recordNo,
    needId: r.needId,
    source: r.source as ServiceSource,
    content: r.title,
    category: r.category,
    place: r.communityName,
    startedAt: new Date(r.startedAt),
    endedAt: new Date(r.endedAt),
    minutes: r.minutes,
    groupActivity: r.groupActivity,
    reversed: r.reversed,
    confirmedAt: new Date(r.confirmedAt),
    beneficiary: r.beneficiaryName === null ? null : maskName(r.beneficiaryName),
  };
}

function totalsByCategory(records: { category: string; minutes: number; revoked: boolean }[]): CertificateCategoryTotal[] {
  const totals = new Map<string, CertificateCategoryTotal>();
  for (const r of records) {
    const t = totals.get(r.category) ?? { category: r.category, services: 0, minutes: 0, revokedMinutes: 0 };
    t.services += 1;
    t.minutes += r.minutes;
    if (r.revoked) t.revokedMinutes += r.minutes;
    totals.set(r.category, t);
  }
  return [...totals.values()].sort((a, b) => a.category.localeCompare(b.category));
}

/**
 * What anyone holding the code sees (no login): masked name, volunteer number, totals by category and period,
 * issuer and status. No record contents (a need title can name a neighbour or a medical visit), no ID number.
 */
export function toPublicCertificate(c: CertificateRow): Certificate {
  const full = toCertificate(c);
  return { ...full, volunteerName: maskName(full.volunteerName), idNumberMasked: null, records: [] };
}
