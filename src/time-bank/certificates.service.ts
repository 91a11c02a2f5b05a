import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { badInput } from '../common/errors.js';
import { ID_NUMBER_FIELD } from '../people/people.service.js';
import { maskIdNumber } from '../privacy/mask.js';
import { PiiCipher } from '../privacy/pii-cipher.js';
import { Actor } from '../scope/actor.js';
import { LedgerRepository } from './ledger.repository.js';
import { ledgerErrors } from './time-bank.errors.js';
import { localDateOf } from './time-bank-policy.js';
import { CertificateContent, CertificateRow, ServiceRecordsRepository } from './service-records.repository.js';

const MAX_PERIOD_MS = 10 * 366 * 86400_000;

/** 志愿服务证明 (docs/design.md §6.3): issued free to the volunteer by their community, verifiable by anyone with the code. */
@Injectable()
export class CertificatesService {
  constructor(
    private readonly db: DataSource,
    private readonly records: ServiceRecordsRepository,
    private readonly ledger: LedgerRepository,
    private readonly cipher: PiiCipher,
  ) {}

  async issue(actor: Actor, from: Date, to: Date): Promise<CertificateRow> {
    if (!(from instanceof Date) || Number.isNaN(from.getTime())) throw badInput('from', '开始时间无效');
    if (!(to instanceof Date) || Number.isNaN(to.getTime())) throw badInput('to', '结束时间无效');
    if (to <= from) throw badInput('to', '结束时间须晚于开始时间');
    if (to.getTime() - from.getTime() > MAX_PERIOD_MS) throw badInput('to', '证明期间不能超过十年');
    return this.db.transaction(async (m) => {
      const who = await this.records.volunteerIdentity(m, actor.personId);
      if (!who) throw ledgerErrors.certificateNotVolunteer();
      const list = await this.records.standingRecords(m, actor.personId, from, to);
      if (list.length === 0) throw badInput('from', '该期间没有已确认的志愿服务记录');
      const total = list.reduce((s, r) => s + r.minutes, 0);
      const policy = await this.ledger.policyFor(m, who.communityId);
      const idNumber = who.idNumberCipher ? maskIdNumber(this.cipher.decrypt(who.idNumberCipher, ID_NUMBER_FIELD)) : null;
      const content: CertificateContent = {
        volunteer: { name: who.name, idNumberMasked: idNumber, volunteerNo: who.volunteerNo },
        service: {
          records: list.map((r) => ({
            recordNo: r.recordNo,
            date: localDateOf(r.confirmedAt),
            content: r.title,
            category: r.category,
            place: r.communityName,
            minutes: r.minutes,
          })),
          totalMinutes: total,
        },
        issuer: { name: `${who.communityName}志愿服务站`, personInCharge: policy.certificateSignatory, handler: '线上自助开具' },
        notes: `兹证明该志愿者于 ${localDateOf(from)} 至 ${localDateOf(new Date(to.getTime() - 1))} 期间参加志愿服务 ${list.length} 次，累计 ${(total / 60).toFixed(1)} 小时。本证明免费开具，可凭验证码核验。`,
      };
      return this.records.insertCertificate(m, {
        // 120 random bits: not guessable, short enough to type.
        verificationCode: randomBytes(15).toString('base64url').toUpperCase().replace(/[-_]/g, 'X'),
        personId: actor.personId,
        issuerRegionId: who.communityId,
        issuerCode: who.communityCode,
        periodFrom: from,
        periodTo: to,
        totalMinutes: total,
        recordIds: list.map((r) => r.id),
        content,
      });
    });
  }

  async verify(code: string): Promise<CertificateRow | null> {
    if (typeof code !== 'string' || !/^[A-Z0-9]{10,40}$/.test(code.trim().toUpperCase())) return null;
    const cert = await this.records.certificateByCode(code.trim().toUpperCase());
    if (!cert) return null;
    // What the certificate states stays as issued; a service whose hours were reversed since is flagged on it.
    return { ...cert, revokedRecordNos: await this.records.reversedRecordNos(cert.recordIds) };
  }
}
