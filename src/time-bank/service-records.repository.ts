import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface ServiceRecordRow {
  id: string;
  recordNo: string;
  needId: string | null;
  source: 'NEED' | 'ACTIVITY' | 'VISIT';
  volunteerId: string;
  volunteerPersonId: string;
  title: string;
  category: string;
  communityName: string;
  startedAt: Date;
  endedAt: Date;
  minutes: number;
  groupActivity: boolean;
  confirmedAt: Date;
  beneficiaryName: string | null;
  /** Its EARN was reversed (冲正): the record no longer counts. */
  reversed: boolean;
  /** confirmed_at with microseconds, for keyset cursors (a JS Date keeps only milliseconds). */
  cursorAt: string;
}

export interface CertificateRow {
  id: string;
  certificateNo: string;
  verificationCode: string;
  personId: string;
  periodFrom: Date;
  periodTo: Date;
  totalMinutes: number;
  content: CertificateContent;
  issuedAt: Date;
  recordIds: string[];
  /** Record numbers of the certificate whose EARN has since been reversed (filled when verifying). */
  revokedRecordNos?: string[];
}

/** Exactly what a certificate states (docs/design.md §6.3), frozen at issue. */
export interface CertificateContent {
  volunteer: { name: string; idNumberMasked: string | null; volunteerNo: string | null };
  service: { records: { recordNo: string; date: string; content: string; category: string; place: string; minutes: number }[]; totalMinutes: number };
  issuer: { name: string; personInCharge: string | null; handler: string };
  notes: string;
}

const RECORD_SELECT = `
  SELECT s.id, s.record_no AS "recordNo", s.need_id AS "needId", s.source, s.volunteer_id AS "volunteerId", s.volunteer_person_id AS "volunteerPersonId",
         s.title, s.category, c.name AS "communityName", s.started_at AS "startedAt", s.ended_at AS "endedAt", s.minutes,
         s.group_activity AS "groupActivity", s.confirmed_at AS "confirmedAt", b.name AS "beneficiaryName",
         EXISTS (SELECT 1 FROM ledger_transactions e JOIN ledger_transactions r ON r.reverses_id = e.id
                  WHERE e.kind = 'EARN' AND e.source_type = 'SERVICE_RECORD' AND e.source_id = s.id) AS reversed,
         to_char(s.confirmed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt"
    FROM service_records s JOIN regions c ON c.id = s.community_id LEFT JOIN persons b ON b.id = s.beneficiary_person_id`;

/** 志愿服务记录 and 志愿服务证明. */
@Injectable()
export class ServiceRecordsRepository {
  constructor(private readonly db: DataSource) {}

  async insertRecord(
    m: EntityManager,
    r: {
      source: 'NEED' | 'ACTIVITY' | 'VISIT';
      sourceId: string;
      needId: string | null;
      volunteerId: string;
      volunteerPersonId: string;
      beneficiaryPersonId: string | null;
      gridId: string;
      communityId: string;
      title: string;
      category: string;
      startedAt: Date;
      endedAt: Date;
      minutes: number;
      groupActivity: boolean;
      verifierId: string;
      confirmedAt: Date;
    },
  ): Promise<string> {
    const rows = await m.query(
      `INSERT INTO service_records (record_no, need_id, volunteer_id, volunteer_person_id, beneficiary_person_id, grid_id, community_id, title, category,
                                    started_at, ended_at, minutes, group_activity, verifier_id, confirmed_at, source, source_id)
       VALUES ('FW' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('service_record_no_seq')::text, 6, '0'),
               $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [
        r.needId,
        r.volunteerId,
        r.volunteerPersonId,
        r.beneficiaryPersonId,
        r.gridId,
        r.communityId,
        r.title,
        r.category,
        r.startedAt,
        r.endedAt,
        r.minutes,
        r.groupActivity,
        r.verifierId,
        r.confirmedAt,
        r.source,
        r.sourceId,
      ],
    );
    return rows[0].id;
  }

  async recordOfNeed(m: EntityManager, needId: string): Promise<string | null> {
    return (await m.query(`SELECT id FROM service_records WHERE need_id = $1`, [needId]))[0]?.id ?? null;
  }

  /** The record already made for this source and volunteer (an activity has one per attendee). */
  async recordOfSource(m: EntityManager, source: 'NEED' | 'ACTIVITY' | 'VISIT', sourceId: string, volunteerId: string): Promise<string | null> {
    return (
      (await m.query(`SELECT id FROM service_records WHERE source = $1 AND source_id = $2 AND volunteer_id = $3`, [source, sourceId, volunteerId]))[0]?.id ??
      null
    );
  }

  /** Keeps `Volunteer.verifiedMinutes` (and so the star level) equal to the standing EARNs; negative on reversal. */
  async addVerifiedMinutes(m: EntityManager, volunteerId: string, minutes: number): Promise<void> {
    await m.query(
      `INSERT INTO volunteer_stats (volunteer_id, verified_minutes, last_served_at) VALUES ($1, greatest($2::int, 0), CASE WHEN $2::int > 0 THEN now() END)
       ON CONFLICT (volunteer_id) DO UPDATE SET verified_minutes = greatest(0, volunteer_stats.verified_minutes + $2::int),
         last_served_at = CASE WHEN $2::int > 0 THEN now() ELSE volunteer_stats.last_served_at END`,
      [volunteerId, minutes],
    );
  }

  async earnFacts(m: EntityManager, recordId: string): Promise<{ volunteerId: string; minutes: number; groupActivity: boolean } | null> {
    const rows = await m.query(`SELECT volunteer_id AS "volunteerId", minutes, group_activity AS "groupActivity" FROM service_records WHERE id = $1`, [
      recordId,
    ]);
    return rows[0] ?? null;
  }

  /** Confirmed records of a volunteer in [from, to) whose EARN has not been reversed. */
  async standingRecords(m: EntityManager, personId: string, from: Date, to: Date): Promise<ServiceRecordRow[]> {
    return m.query(
      `${RECORD_SELECT}
        WHERE s.volunteer_person_id = $1 AND s.confirmed_at >= $2 AND s.confirmed_at < $3
          AND NOT EXISTS (SELECT 1 FROM ledger_transactions e JOIN ledger_transactions r ON r.reverses_id = e.id
                           WHERE e.kind = 'EARN' AND e.source_type = 'SERVICE_RECORD' AND e.source_id = s.id)
        ORDER BY s.confirmed_at, s.id`,
      [personId, from, to],
    );
  }

  /** A volunteer's records, newest first; keyset on (confirmed_at, id). */
  async recordsOf(personId: string, first: number, before: [string, string] | null): Promise<ServiceRecordRow[]> {
    return this.db.query(
      `${RECORD_SELECT} WHERE s.volunteer_person_id = $1 AND ($2::timestamptz IS NULL OR (s.confirmed_at, s.id) < ($2::timestamptz, $3::uuid))
        ORDER BY s.confirmed_at DESC, s.id DESC LIMIT $4`,
      [personId, before?.[0] ?? null, before?.[1] ?? null, first],
    );
  }

  async recordCount(personId: string): Promise<number> {
    return (await this.db.query(`SELECT count(*)::int AS n FROM service_records WHERE volunteer_person_id = $1`, [personId]))[0].n;
  }

  async volunteerIdentity(
    m: EntityManager,
    personId: string,
  ): Promise<{
    name: string;
    idNumberCipher: Buffer | null;
    volunteerNo: string | null;
    communityId: string;
    communityName: string;
    communityCode: string;
  } | null> {
    const rows = await m.query(
      `SELECT p.name, p.id_number_cipher AS "idNumberCipher", v.volunteer_no AS "volunteerNo", v.community_id AS "communityId", c.name AS "communityName", c.code AS "communityCode"
         FROM persons p JOIN volunteers v ON v.person_id = p.id JOIN regions c ON c.id = v.community_id WHERE p.id = $1`,
      [personId],
    );
    return rows[0] ?? null;
  }

  async insertCertificate(
    m: EntityManager,
    c: {
      verificationCode: string;
      personId: string;
      issuerRegionId: string;
      issuerCode: string;
      periodFrom: Date;
      periodTo: Date;
      totalMinutes: number;
      recordIds: string[];
      content: CertificateContent;
    },
  ): Promise<CertificateRow> {
    const rows = await m.query(
      `INSERT INTO certificates (certificate_no, verification_code, person_id, issuer_region_id, period_from, period_to, total_minutes, record_ids, content)
       VALUES ('ZM' || $2 || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') || lpad(nextval('certificate_no_seq')::text, 6, '0'),
               $1, $3, $4, $5, $6, $7, $8::uuid[], $9::jsonb)
       RETURNING id`,
      [c.verificationCode, c.issuerCode, c.personId, c.issuerRegionId, c.periodFrom, c.periodTo, c.totalMinutes, c.recordIds, JSON.stringify(c.content)],
    );
    return (await this.certificateWhere(m, 'id', rows[0].id))!;
  }

  /** Record numbers among `recordIds` whose EARN has been reversed since. */
  async reversedRecordNos(recordIds: readonly string[]): Promise<string[]> {
    const rows = await this.db.query(
      `SELECT s.record_no AS "recordNo" FROM service_records s
        WHERE s.id = ANY($1::uuid[]) AND EXISTS (SELECT 1 FROM ledger_transactions e JOIN ledger_transactions r ON r.reverses_id = e.id
                                                  WHERE e.kind = 'EARN' AND e.source_type = 'SERVICE_RECORD' AND e.source_id = s.id)`,
      [recordIds],
    );
    return rows.map((r: { recordNo: string }) => r.recordNo);
  }

  async certificateByCode(code: string): Promise<CertificateRow | null> {
    return this.certificateWhere(this.db.manager, 'verification_code', code);
  }

  private async certificateWhere(m: EntityManager, column: 'id' | 'verification_code', value: string): Promise<CertificateRow | null> {
    const rows = await m.query(
      `SELECT id, certificate_no AS "certificateNo", verification_code AS "verificationCode", person_id AS "personId", period_from AS "periodFrom",
              period_to AS "periodTo", total_minutes AS "totalMinutes", content, issued_at AS "issuedAt", record_ids AS "recordIds"
         FROM certificates WHERE ${column} = $1`,
      [value],
    );
    return rows[0] ?? null;
  }
}
