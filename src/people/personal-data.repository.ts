import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { keysetPage, KeysetOrder, PageRequest, SqlWhere } from '../common/keyset-page.js';
import { ScopePaths } from '../scope/actor.js';
import { ConsentAction, FlagConsentRecord, PersonFlag, PersonFlagRecord, PiiAccessEntry, Relative } from './personal-data.model.js';

const toRelative = (r: { id: string; person_id: string; relative_id: string; relation: string; recorded_at: Date }): Relative => ({
  id: r.id,
  personId: r.person_id,
  relativeId: r.relative_id,
  relation: r.relation,
  recordedAt: r.recorded_at,
});

const toFlag = (r: {
  person_id: string;
  flag: PersonFlag;
  consent_given_by: string;
  consent_at: Date;
  recorded_by: string;
  recorded_at: Date;
}): PersonFlagRecord => ({
  personId: r.person_id,
  flag: r.flag,
  consentGivenById: r.consent_given_by,
  consentAt: r.consent_at,
  recordedById: r.recorded_by,
  recordedAt: r.recorded_at,
});

/** The access log newest first; the cursor is the entry's sequence number. */
export const ACCESS_LOG_ORDER: KeysetOrder = { keys: [{ sql: 'l.id', type: 'int' }], direction: 'DESC' };

/** Relatives 亲属, sensitive flags with consent, the personal-data access log, and one's own data export. */
@Injectable()
export class PersonalDataRepository {
  constructor(private readonly db: DataSource) {}

  async relativesOf(personIds: readonly string[]): Promise<Relative[]> {
    const rows = await this.db.query(
      `SELECT id, person_id, relative_id, relation, recorded_at FROM relatives
        WHERE person_id = ANY($1::uuid[]) AND revoked_at IS NULL ORDER BY recorded_at`,
      [personIds],
    );
    return rows.map(toRelative);
  }

  /** Inserts an active relation; null when the same link is already active. */
  async insertRelative(manager: EntityManager, personId: string, relativeId: string, relation: string, recordedBy: string): Promise<Relative | null> {
    const rows = await manager.query(
      `INSERT INTO relatives (person_id, relative_id, relation, recorded_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (person_id, relative_id) WHERE revoked_at IS NULL DO NOTHING
       RETURNING id, person_id, relative_id, relation, recorded_at`,
      [personId, relativeId, relation, recordedBy],
    );
    return rows[0] ? toRelative(rows[0]) : null;
  }

  async lockRelative(manager: EntityManager, id: string): Promise<(Relative & { revoked: boolean }) | null> {
    const rows = await manager.query(
      `SELECT id, person_id, relative_id, relation, recorded_at, revoked_at IS NOT NULL AS revoked FROM relatives WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ? { ...toRelative(rows[0]), revoked: rows[0].revoked } : null;
  }

  /** Ends the link in both directions (a relation is mutual even when its names differ). */
  async revokePair(manager: EntityManager, a: string, b: string): Promise<void> {
    await manager.query(
      `UPDATE relatives SET revoked_at = now()
        WHERE revoked_at IS NULL AND ((person_id = $1 AND relative_id = $2) OR (person_id = $2 AND relative_id = $1))`,
      [a, b],
    );
  }

  async isRelative(manager: EntityManager, personId: string, relativeId: string): Promise<boolean> {
    const rows = await manager.query(
      `SELECT 1 FROM relatives WHERE revoked_at IS NULL AND ((person_id = $1 AND relative_id = $2) OR (person_id = $2 AND relative_id = $1))`,
      [personId, relativeId],
    );
    return rows.length > 0;
  }

  async flagsOf(personIds: readonly string[], m: EntityManager = this.db.manager): Promise<PersonFlagRecord[]> {
    const rows = await m.query(
      `SELECT person_id, flag, consent_given_by, consent_at, recorded_by, recorded_at FROM person_flags WHERE person_id = ANY($1::uuid[]) ORDER BY flag`,
      [personIds],
    );
    return rows.map(toFlag);
  }

  /** Records (or re-records, with fresh consent) a flag. */
  async upsertFlag(manager: EntityManager, personId: string, flag: PersonFlag, consentBy: string, recordedBy: string): Promise<PersonFlagRecord> {
    const rows = await manager.query(
      `INSERT INTO person_flags (person_id, flag, consent_given_by, consent_at, recorded_by) VALUES ($1, $2, $3, now(), $4)
       ON CONFLICT (person_id, flag) DO UPDATE SET consent_given_by = EXCLUDED.consent_given_by, consent_at = EXCLUDED.consent_at,
              recorded_by = EXCLUDED.recorded_by, recorded_at = now()
       RETURNING person_id, flag, consent_given_by, consent_at, recorded_by, recorded_at`,
      [personId, flag, consentBy, recordedBy],
    );
    return toFlag(rows[0]);
  }

  /** Appends to the consent history (the table is append-only). */
  async appendConsent(
    manager: EntityManager,
    c: { personId: string; flag: PersonFlag; action: ConsentAction; byPersonId: string; recordedBy: string },
  ): Promise<void> {
    await manager.query(`INSERT INTO person_flag_consents (person_id, flag, action, by_person_id, recorded_by) VALUES ($1, $2, $3, $4, $5)`, [
      c.personId,
      c.flag,
      c.action,
      c.byPersonId,
      c.recordedBy,
    ]);
  }

  async consentsOf(personIds: readonly string[]): Promise<FlagConsentRecord[]> {
    const rows = await this.db.query(
      `SELECT person_id, flag, action, by_person_id, recorded_by, at FROM person_flag_consents WHERE person_id = ANY($1::uuid[]) ORDER BY id`,
      [personIds],
    );
    return rows.map((r: { person_id: string; flag: PersonFlag; action: ConsentAction; by_person_id: string; recorded_by: string; at: Date }) => ({
      personId: r.person_id,
      flag: r.flag,
      action: r.action,
      byPersonId: r.by_person_id,
      recordedById: r.recorded_by,
      at: r.at,
    }));
  }

  async deleteFlag(manager: EntityManager, personId: string, flag: PersonFlag): Promise<boolean> {
    const rows = await manager.query(`DELETE FROM person_flags WHERE person_id = $1 AND flag = $2 RETURNING flag`, [personId, flag]);
    return rows.length > 0;
  }

  async updateAddress(manager: EntityManager, personId: string, address: string | null): Promise<void> {
    await manager.query(`UPDATE persons SET address = $2, updated_at = now() WHERE id = $1`, [personId, address]);
  }

  /**
   * A page of the access log, newest first: subjects who live (grid) or hold a role in `scopes`, optionally one
   * subject only.
   */
  async accessLog(
    f: { scopes: ScopePaths; subjectId: string | null },
    page: PageRequest,
  ): Promise<{ rows: (PiiAccessEntry & { seq: number })[]; total: number }> {
    const w = new SqlWhere();
    w.and(
      `EXISTS (SELECT 1 FROM persons sp JOIN regions r ON r.id = sp.grid_id OR r.id IN (SELECT g.region_id FROM role_grants g WHERE g.person_id = sp.id AND g.revoked_at IS NULL AND g.organization_id IS NULL)
                WHERE sp.id = l.subject_id AND ${w.scope('r.path', f.scopes)})`,
    );
    if (f.subjectId) w.and(`l.subject_id = ${w.param(f.subjectId)}::uuid`);
    const { rows, total } = await keysetPage<{ seq: number; viewer_id: string; subject_id: string; field: string; purpose: string | null; at: Date }>(this.db, {
      select: 'l.id::int AS seq, l.viewer_id, l.subject_id, l.field, l.purpose, l.at',
      from: 'pii_access_log l',
      where: w,
      order: ACCESS_LOG_ORDER,
      page,
    });
    return {
      rows: rows.map((r) => ({ id: String(r.seq), seq: r.seq, viewerId: r.viewer_id, subjectId: r.subject_id, field: r.field, purpose: r.purpose, at: r.at })),
      total,
    };
  }

  /** Everything held about a person in the registry, for their own export (PIPL Art. 45). */
  async exportOf(personId: string): Promise<Record<string, unknown>> {
    const q = (sql: string) => this.db.query(sql, [personId]);
    const [person] = await q(
      `SELECT p.id, p.name, p.phone, to_char(p.birth_date, 'YYYY-MM-DD') AS "birthDate", p.address, g.name AS grid, p.created_at AS "createdAt"
         FROM persons p LEFT JOIN regions g ON g.id = p.grid_id WHERE p.id = $1`,
    );
    return {
      person,
      roles: await q(
        `SELECT g.role, r.name AS region, o.name AS organization, g.granted_at AS "grantedAt" FROM role_grants g
           LEFT JOIN regions r ON r.id = g.region_id LEFT JOIN organizations o ON o.id = g.organization_id
          WHERE g.person_id = $1 AND g.revoked_at IS NULL ORDER BY g.granted_at`,
      ),
      volunteer:
        (
          await q(
            `SELECT v.id, v.status, v.volunteer_no AS "volunteerNo", v.is_party_member AS "isPartyMember", c.name AS community,
                v.emergency_contact_name AS "emergencyContactName", v.emergency_contact_phone AS "emergencyContactPhone",
                coalesce((SELECT array_agg(skill ORDER BY skill) FROM volunteer_skills s WHERE s.volunteer_id = v.id), '{}') AS skills,
                coalesce(st.verified_minutes, 0) AS "verifiedMinutes", v.created_at AS "createdAt"
           FROM volunteers v JOIN regions c ON c.id = v.community_id LEFT JOIN volunteer_stats st ON st.volunteer_id = v.id
          WHERE v.person_id = $1`,
          )
        )[0] ?? null,
      relatives: await q(
        `SELECT relative_id AS "relativeId", relation, recorded_at AS "recordedAt" FROM relatives WHERE person_id = $1 AND revoked_at IS NULL`,
      ),
      flags: await q(`SELECT flag, consent_at AS "consentAt", consent_given_by AS "consentGivenById" FROM person_flags WHERE person_id = $1 ORDER BY flag`),
      flagConsentHistory: await q(
        `SELECT flag, action, by_person_id AS "byPersonId", recorded_by AS "recordedById", at FROM person_flag_consents WHERE person_id = $1 ORDER BY id`,
      ),
      organizations: await q(
        `SELECT o.id, o.name, m.is_admin AS "isAdmin", m.added_at AS "addedAt" FROM organization_members m JOIN organizations o ON o.id = m.organization_id WHERE m.person_id = $1`,
      ),
      socialWorker: (await q(`SELECT level, certificate_no AS "certificateNo", station_id AS "stationId" FROM social_workers WHERE person_id = $1`))[0] ?? null,
      needsForMe: await q(
        `SELECT n.id, n.title, n.category, n.status, n.address, n.window_start AS "windowStart", n.window_end AS "windowEnd",
                n.posted_by = n.beneficiary_id AS "postedMyself", n.created_at AS "createdAt"
           FROM needs n WHERE n.beneficiary_id = $1 ORDER BY n.created_at`,
      ),
      needsPostedForOthers: await q(
        `SELECT n.id, n.title, n.status, n.created_at AS "createdAt" FROM needs n WHERE n.posted_by = $1 AND n.beneficiary_id <> $1 ORDER BY n.created_at`,
      ),
      servicesGiven: await q(
        `SELECT r.record_no AS "recordNo", r.title, r.category, r.started_at AS "startedAt", r.ended_at AS "endedAt", r.minutes,
                r.group_activity AS "groupActivity", r.confirmed_at AS "confirmedAt"
           FROM service_records r WHERE r.volunteer_person_id = $1 ORDER BY r.confirmed_at`,
      ),
      timeBankEntries: await q(
        `SELECT t.kind, p.amount AS minutes, p.balance_after AS "balanceAfter", t.memo, t.created_at AS "at"
           FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id JOIN ledger_transactions t ON t.id = p.transaction_id
          WHERE a.person_id = $1 ORDER BY t.seq`,
      ),
      certificates: await q(
        `SELECT certificate_no AS "certificateNo", period_from AS "periodFrom", period_to AS "periodTo", total_minutes AS "totalMinutes", issued_at AS "issuedAt"
           FROM certificates WHERE person_id = $1 ORDER BY issued_at`,
      ),
      donations: await q(
        `SELECT e.kind, e.amount_fen::text AS "amountFen", e.item_name AS "itemName", e.quantity, e.purpose, e.receipt_no AS "receiptNo", e.recorded_at AS "recordedAt"
           FROM charity_entries e WHERE e.donor_person_id = $1 ORDER BY e.seq`,
      ),
      accessesToMyData: await q(`SELECT viewer_id AS "viewerId", field, purpose, at FROM pii_access_log WHERE subject_id = $1 ORDER BY id DESC LIMIT 1000`),
    };
  }
}
