import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { badInput, forbidden, notFound, atField } from '../common/errors.js';
import { Connection, PageArgs, toConnection } from '../common/graphql/connection.js';
import { pageRequest } from '../common/keyset-page.js';
import { isUuid } from '../common/ids.js';
import { ageOn, parseIdNumber } from '../privacy/id-number.js';
import { PiiCipher } from '../privacy/pii-cipher.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { IdNumberClaims } from './id-number-claims.js';
import { PeopleRepository, PersonRow } from './people.repository.js';
import { invalidIdNumber, peopleErrors } from './people.errors.js';
import { ID_NUMBER_FIELD, PeopleService } from './people.service.js';
import { Person } from './person.model.js';
import { RecordRelativeInput, SetPersonFlagInput, UpdateMyProfileInput } from './personal-data.input.js';
import { ConsentAction, PersonFlag, PersonFlagRecord, PiiAccessEntry, Relative } from './personal-data.model.js';
import { ACCESS_LOG_ORDER, PersonalDataRepository } from './personal-data.repository.js';

/** PIPL Art. 31: a child under 14 needs a guardian's consent. */
export const GUARDIAN_CONSENT_BELOW = 14;
/** From 18 a person consents only themself; a guardian may consent for a minor and must be an adult. */
export const ADULT_AGE = 18;

@Injectable()
export class PersonalDataService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: PersonalDataRepository,
    private readonly people: PeopleRepository,
    private readonly peopleService: PeopleService,
    private readonly cipher: PiiCipher,
    private readonly idNumbers: IdNumberClaims,
  ) {}

  private async requirePerson(id: string, field: string): Promise<PersonRow> {
    const [row] = isUuid(id) ? await this.people.byIds([id]) : [];
    if (!row) throw badInput(field, '人员不存在');
    return row;
  }

  /** RELATIVE_RECORD and FLAG_RECORD reach a person through any of their paths (home grid, role regions). */
  private requireCan(actor: Actor, person: PersonRow, permission: Permission, message: string): void {
    if (!actor.canAnyOf(permission, person.paths)) throw forbidden(message);
  }

  async recordRelative(actor: Actor, input: RecordRelativeInput): Promise<Relative> {
    const relation = input.relation.trim();
    const reverse = input.reverseRelation?.trim() || null;
    if (!relation) throw badInput('relation', '请填写亲属关系');
    if (Array.from(relation).length > 20 || (reverse && Array.from(reverse).length > 20)) throw badInput('relation', '亲属关系不超过20个字');
    if (input.personId === input.relativeId) throw badInput('relativeId', '不能把本人登记为自己的亲属');
    const person = await this.requirePerson(input.personId, 'personId');
    const relative = await this.requirePerson(input.relativeId, 'relativeId');
    this.requireCan(actor, person, Permission.RELATIVE_RECORD, '只有该居民所在社区的社区工作者可以登记亲属关系');
    // Both ends are checked: a relative of another community would open the relatives-only transfers to a stranger.
    this.requireCan(actor, relative, Permission.RELATIVE_RECORD, '亲属不在您的管辖范围内');
    return this.db.transaction(async (m) => {
      const link = await this.repo.insertRelative(m, input.personId, input.relativeId, relation, actor.personId);
      if (!link) throw peopleErrors.relativeExists();
      if (reverse) await this.repo.insertRelative(m, input.relativeId, input.personId, reverse, actor.personId);
      return link;
    });
  }

  async revokeRelative(actor: Actor, id: string): Promise<Relative> {
    if (!isUuid(id)) throw notFound('亲属关系');
    return this.db.transaction(async (m) => {
      const link = await this.repo.lockRelative(m, id);
      if (!link) throw notFound('亲属关系');
      const [person] = await this.people.byIds([link.personId], m);
      this.requireCan(actor, person, Permission.RELATIVE_RECORD, '只有该居民所在社区的社区工作者可以解除亲属关系');
      if (link.revoked) throw peopleErrors.relativeRevoked();
      await this.repo.revokePair(m, link.personId, link.relativeId);
      return link;
    });
  }

  /**
   * Records a sensitive flag with consent (PIPL Art. 29, 31). An adult consents themself (`consentGivenById`
   * omitted or the person: staff record the person's own consent); a minor of 14–17 themself or a guardian; a
   * child under 14 only through a guardian. A guardian is an adult recorded relative. A person without a birth
   * date on record counts as an adult: only a known minor can be consented for by someone else. Every consent is
   * appended to the consent history.
   */
  async setFlag(actor: Actor, input: SetPersonFlagInput): Promise<PersonFlagRecord> {
    const person = await this.requirePerson(input.personId, 'personId');
    this.requireCan(actor, person, Permission.FLAG_RECORD, '只有该居民所在网格或社区的工作人员可以登记');
    const consentBy = input.consentGivenById ?? person.id;
    if (!isUuid(consentBy)) throw badInput('consentGivenById', '同意人不存在');
    return this.db.transaction(async (m) => {
      await this.checkConsent(m, person, consentBy, 'consentGivenById');
      const record = await this.repo.upsertFlag(m, person.id, input.flag, consentBy, actor.personId);
      await this.repo.appendConsent(m, {
        personId: person.id,
        flag: input.flag,
        action: ConsentAction.GIVEN,
        byPersonId: consentBy,
        recordedBy: actor.personId,
      });
      return record;
    });
  }

  /**
   * The consent rules of sensitive personal data (PIPL Art. 29, 31), shared by flags and care rosters: an adult
   * consents themself; a minor of 14–17 themself or a guardian; a child under 14 only through a guardian, who is an
   * adult recorded relative. A person without a birth date on record counts as an adult. `field` names the input
   * field at fault in the BAD_USER_INPUT error.
   */
  async checkConsent(m: EntityManager, person: PersonRow, consentBy: string, field: string): Promise<void> {
    const age = person.birth_date !== null ? ageOn(person.birth_date) : null;
    if (consentBy === person.id) {
      if (age !== null && age < GUARDIAN_CONSENT_BELOW) throw atField(peopleErrors.guardianConsentRequired(), field);
      return;
    }
    if (age === null || age >= ADULT_AGE) throw atField(peopleErrors.adultConsentsThemself(), field);
    const [guardian] = isUuid(consentBy) ? await this.people.byIds([consentBy], m) : [];
    if (!guardian) throw badInput(field, '同意人不存在');
    if (!(await this.repo.isRelative(m, person.id, consentBy))) {
      throw atField(peopleErrors.consentNotRelative(), field);
    }
    if (!guardian.birth_date || ageOn(guardian.birth_date) < ADULT_AGE) throw atField(peopleErrors.guardianNotAdult(), field);
  }

  /**
   * Withdrawal of consent deletes the flag (PIPL Art. 47): the flag is no longer processed. The withdrawal itself
   * is appended to the consent history, which keeps the evidence of what was agreed and when.
   */
  async clearFlag(actor: Actor, personId: string, flag: PersonFlag): Promise<boolean> {
    const person = await this.requirePerson(personId, 'personId');
    if (!actor.can(Permission.SELF, { personId: person.id }))
      this.requireCan(actor, person, Permission.FLAG_RECORD, '只有本人或所在网格、社区的工作人员可以撤销');
    return this.db.transaction(async (m) => {
      const deleted = await this.repo.deleteFlag(m, person.id, flag);
      if (deleted)
        await this.repo.appendConsent(m, { personId: person.id, flag, action: ConsentAction.WITHDRAWN, byPersonId: person.id, recordedBy: actor.personId });
      return deleted;
    });
  }

  async accessLog(actor: Actor, subjectId: string | null | undefined, page: PageArgs): Promise<Connection<PiiAccessEntry>> {
    if (subjectId && !isUuid(subjectId)) throw badInput('subjectId', '人员不存在');
    const request = pageRequest(page, ACCESS_LOG_ORDER);
    const { rows, total } = await this.repo.accessLog({ scopes: actor.scopeOf(Permission.ACCESS_LOG_READ), subjectId: subjectId ?? null }, request);
    return toConnection(
      rows,
      page.first,
      total,
      (r) => [r.seq],
      ({ seq: _seq, ...r }) => r,
    );
  }

  /** The caller's own data as one JSON document (查阅、复制: PIPL Art. 45), including their full ID number. */
  async exportMine(actor: Actor): Promise<string> {
    const [row] = await this.people.byIds([actor.personId]);
    if (!row) throw notFound('人员');
    const data = await this.repo.exportOf(actor.personId);
    const idNumber = row.id_number_cipher ? this.cipher.decrypt(row.id_number_cipher, ID_NUMBER_FIELD) : null;
    return JSON.stringify({ exportedAt: new Date().toISOString(), ...data, person: { ...(data.person as object), idNumber } });
  }

  async updateMine(actor: Actor, input: UpdateMyProfileInput): Promise<Person> {
    let idNumber: { normalized: string; birthDate: string } | null = null;
    if (input.idNumber) {
      const parsed = parseIdNumber(input.idNumber);
      if ('problem' in parsed) throw invalidIdNumber(parsed.problem);
      idNumber = parsed;
    }
    if (idNumber) {
      // Each attempt to record an ID number counts against the person's throttle (src/people/id-number-claims.ts).
      const [own] = await this.people.byIds([actor.personId]);
      if (own?.id_number_cipher) throw peopleErrors.idNumberOnRecord();
      await this.idNumbers.throttle(actor.personId);
    }
    await this.db.transaction(async (m) => {
      const [row] = await this.people.byIds([actor.personId], m);
      if (!row) throw notFound('人员');
      if (idNumber) {
        if (row.id_number_cipher) throw peopleErrors.idNumberOnRecord();
        await this.idNumbers.record(m, row.id, idNumber);
      }
      if (input.address !== undefined) await this.repo.updateAddress(m, row.id, input.address?.trim() || null);
    });
    return this.peopleService.get(actor, actor.personId);
  }
}
