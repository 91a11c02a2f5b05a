import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { badInput, conflict, DomainException, ErrorCode, forbidden, notFound } from '../common/errors.js';
import { Connection, decodeCursor, decodeKeysetCursor, PageArgs, toConnection } from '../common/graphql/connection.js';
import { isUuid } from '../common/ids.js';
import { PeopleRepository, PersonRow } from '../people/people.repository.js';
import { personAccess } from '../people/person-access.js';
import { ageOn } from '../privacy/id-number.js';
import { RegionLevel } from '../regions/region-level.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { Actor, pathWithin, scopePredicate } from '../scope/actor.js';
import { Role } from '../scope/role.js';
import { CREDIT_CODE_MESSAGES, parseCreditCode } from './credit-code.js';
import { OrganizationFilter, RegisterOrganizationInput } from './organization.input.js';
import { Organization, OrganizationCategoryCount, OrganizationRegistration, OrganizationStatus } from './organization.model.js';
import { OrganizationsRepository } from './organizations.repository.js';

/** Staff who see organizations of their scope in every state (pending applications included). */
export const ORGANIZATION_STAFF: readonly Role[] = [Role.COMMUNITY_WORKER, Role.SOCIAL_WORKER, Role.STREET_ADMIN, Role.SYSTEM_ADMIN];
/** 街道审核: the street admin of the organization's street approves, rejects and suspends. */
export const ORGANIZATION_REVIEWERS: readonly Role[] = [Role.STREET_ADMIN, Role.SYSTEM_ADMIN];

export type OrgReviewAction = 'approve' | 'reject' | 'suspend';
export const ORG_REVIEW_TRANSITIONS: Record<OrgReviewAction, { from: OrganizationStatus[]; to: OrganizationStatus; verb: string }> = {
  approve: { from: [OrganizationStatus.PENDING, OrganizationStatus.SUSPENDED], to: OrganizationStatus.APPROVED, verb: '通过' },
  reject: { from: [OrganizationStatus.PENDING], to: OrganizationStatus.REJECTED, verb: '驳回' },
  suspend: { from: [OrganizationStatus.APPROVED], to: OrganizationStatus.SUSPENDED, verb: '暂停' },
};

/** Organization admins 社会组织管理员 act for the organization and must be adults. */
export const ADMIN_MIN_AGE = 18;

/**
 * Who may be enrolled in an organization: a person whose home grid lies in the organization's region and whom
 * the actor may see there (personAccess on the home grid only: the person's other grants do not widen it).
 * Without this an admin could enrol anyone and, through the member's ORG_ADMIN grant, make them visible to
 * staff of another scope (issue 3).
 */
function requireEnrollable(actor: Actor, person: PersonRow, org: Organization): void {
  const home = person.grid_path;
  if (!home || !pathWithin(home, org.path) || personAccess(actor, person.id, [home]).view === 'NONE') {
    throw new DomainException(ErrorCode.FORBIDDEN, '只能添加居住在本组织所在区域、且您有权查看的人员', { reason: 'PERSON_OUT_OF_SCOPE' });
  }
}

/** An admin must be known to be 18 or older (birth date from the ID number on record). */
function requireAdult(birthDate: string | null, field: string): void {
  if (!birthDate) throw badInput(field, '无法核实年龄：该人员须先登记身份证号码', 'AGE_UNKNOWN');
  if (ageOn(birthDate) < ADMIN_MIN_AGE) throw badInput(field, '组织管理员须年满18周岁', 'ADMIN_NOT_ADULT');
}

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: OrganizationsRepository,
    private readonly regions: RegionsRepository,
    private readonly people: PeopleRepository,
  ) {}

  /** Approved organizations are public within the platform; others only to their people and staff in scope. */
  canSee(actor: Actor, org: Organization): boolean {
    return (
      org.status === OrganizationStatus.APPROVED ||
      org.registeredBy === actor.personId ||
      actor.coversOrganization(org.id, Role.ORG_ADMIN) ||
      actor.covers(org.path, ...ORGANIZATION_STAFF)
    );
  }

  /** Members are shown to the organization's registrant (also while it is pending), its admins and staff in scope. */
  canSeeMembers(actor: Actor, org: Organization): boolean {
    return org.registeredBy === actor.personId || actor.coversOrganization(org.id, Role.ORG_ADMIN) || actor.covers(org.path, ...ORGANIZATION_STAFF);
  }

  async get(actor: Actor, id: string): Promise<Organization | null> {
    if (!isUuid(id)) return null;
    const [org] = await this.repo.byIds([id]);
    if (!org) return null;
    if (!this.canSee(actor, org)) throw forbidden('无权查看该社会组织');
    return org;
  }

  /** 社会组织登记: the caller becomes its first admin; ORG_ADMIN is granted when the street approves. */
  async register(actor: Actor, input: RegisterOrganizationInput): Promise<Organization> {
    const name = input.name.trim();
    if (name.length < 2) throw badInput('name', '组织名称至少2个字');
    const code = parseCreditCode(input.creditCode);
    if ('problem' in code) throw badInput('creditCode', CREDIT_CODE_MESSAGES[code.problem], `CREDIT_CODE_${code.problem}`);
    if (!isUuid(input.regionId)) throw badInput('regionId', '区划不存在');
    const id = await this.db.transaction(async (m) => {
      const [region] = await this.regions.byIds([input.regionId], m);
      if (!region) throw badInput('regionId', '区划不存在');
      if (region.level !== RegionLevel.STREET && region.level !== RegionLevel.COMMUNITY) throw badInput('regionId', '所在区划应为街道或社区');
      const orgId = await this.repo.insert(m, {
        name,
        creditCode: code.normalized,
        category: input.category,
        registration: input.registration ?? OrganizationRegistration.REGISTERED,
        regionId: region.id,
        description: input.description?.trim() || null,
        address: input.address?.trim() || null,
        registeredBy: actor.personId,
      });
      if (!orgId) throw conflict('该统一社会信用代码已登记', 'CREDIT_CODE_TAKEN');
      // The registrant becomes the first admin, so the adult rule of admins applies to them too.
      const [registrant] = await this.people.byIds([actor.personId], m);
      if (registrant?.birth_date && ageOn(registrant.birth_date) < ADMIN_MIN_AGE) throw badInput('name', '未满18周岁不能登记社会组织', 'ADMIN_NOT_ADULT');
      await this.repo.upsertMember(m, orgId, actor.personId, true, actor.personId);
      return orgId;
    });
    return (await this.repo.byIds([id]))[0];
  }

  async review(actor: Actor, id: string, action: OrgReviewAction, reason: string | null): Promise<Organization> {
    const rule = ORG_REVIEW_TRANSITIONS[action];
    const trimmed = reason?.trim() || null;
    if (action !== 'approve' && !trimmed) throw badInput('reason', `请填写${rule.verb}原因`);
    if (!isUuid(id)) throw notFound('社会组织');
    await this.db.transaction(async (m) => {
      const org = await this.repo.lock(m, id);
      if (!org) throw notFound('社会组织');
      if (!actor.covers(org.path, ...ORGANIZATION_REVIEWERS)) throw forbidden('只有该组织所在街道的管理员可以审核');
      if (!rule.from.includes(org.status)) throw conflict(`该组织当前状态不能${rule.verb}`, 'INVALID_STATUS');
      await this.repo.setStatus(m, id, rule.to, actor.personId, trimmed);
      if (rule.to === OrganizationStatus.APPROVED) {
        for (const admin of await this.repo.adminIds(m, id)) await this.repo.grantAdmin(m, admin, org, actor.personId);
      }
      if (rule.to === OrganizationStatus.SUSPENDED) await this.repo.revokeAdmin(m, id, null);
    });
    return (await this.repo.byIds([id]))[0];
  }

  /** Locks the organization for a change of its members, which its admins and the street's reviewers may make. */
  private async lockForMemberChange(m: EntityManager, actor: Actor, orgId: string) {
    const org = await this.repo.lock(m, orgId);
    if (!org) throw notFound('社会组织');
    if (!actor.coversOrganization(org.id, Role.ORG_ADMIN) && !actor.covers(org.path, ...ORGANIZATION_REVIEWERS)) throw forbidden('只有该组织的管理员可以管理成员');
    return org;
  }

  /** Adds a member or admin (by an admin of the organization or the street admin). */
  async addMember(actor: Actor, orgId: string, personId: string, isAdmin: boolean): Promise<Organization> {
    if (!isUuid(orgId)) throw notFound('社会组织');
    if (!isUuid(personId)) throw badInput('personId', '人员不存在');
    await this.db.transaction(async (m) => {
      const org = await this.lockForMemberChange(m, actor, orgId);
      const [person] = await this.people.byIds([personId], m);
      if (!person) throw badInput('personId', '人员不存在');
      requireEnrollable(actor, person, org);
      if (isAdmin) requireAdult(person.birth_date, 'personId');
      await this.repo.upsertMember(m, org.id, personId, isAdmin, actor.personId);
      if (isAdmin && org.status === OrganizationStatus.APPROVED) await this.repo.grantAdmin(m, personId, org, actor.personId);
      if (!isAdmin) await this.repo.revokeAdmin(m, org.id, personId);
    });
    return (await this.repo.byIds([orgId]))[0];
  }

  async removeMember(actor: Actor, orgId: string, personId: string): Promise<Organization> {
    if (!isUuid(orgId)) throw notFound('社会组织');
    if (!isUuid(personId)) throw badInput('personId', '人员不存在');
    await this.db.transaction(async (m) => {
      const org = await this.lockForMemberChange(m, actor, orgId);
      const admins = await this.repo.adminIds(m, org.id);
      if (admins.length === 1 && admins[0] === personId) throw conflict('不能移除最后一名管理员', 'LAST_ADMIN');
      if (!(await this.repo.removeMember(m, org.id, personId))) throw badInput('personId', '该人员不是组织成员');
      await this.repo.revokeAdmin(m, org.id, personId);
    });
    return (await this.repo.byIds([orgId]))[0];
  }

  async list(actor: Actor, filter: OrganizationFilter | null | undefined, page: PageArgs): Promise<Connection<Organization>> {
    const params: unknown[] = [actor.personId];
    const ownOrgs = actor.grants.filter((g) => g.role === Role.ORG_ADMIN && g.organizationId).map((g) => g.organizationId);
    params.push(ownOrgs);
    const where = [
      `(o.status = 'APPROVED' OR o.registered_by = $1 OR o.id = ANY($2::uuid[]) OR ${scopePredicate('o.path', actor.scopePaths(...ORGANIZATION_STAFF), params)})`,
    ];
    if (filter?.regionId) {
      const [region] = isUuid(filter.regionId) ? await this.regions.byIds([filter.regionId]) : [];
      if (!region) throw badInput('filter.regionId', '区划不存在');
      params.push(region.path);
      where.push(`o.path <@ $${params.length}::ltree`);
    }
    if (filter?.category) {
      params.push(filter.category);
      where.push(`o.category = $${params.length}`);
    }
    if (filter?.status) {
      params.push(filter.status);
      where.push(`o.status = $${params.length}`);
    }
    const after = page.after ? decodeKeysetCursor(page.after, 'timestamp') : null;
    const { rows, total } = await this.repo.page(where, params, page.first, after);
    return toConnection(rows, page.first, total, (o) => [o.createdKey, o.id], ({ createdKey: _k, ...o }) => o);
  }

  /** Approved organizations per category under a region: a public figure (DESIGN.md §10), no personal data. */
  async countsByCategory(regionId: string): Promise<OrganizationCategoryCount[]> {
    const [region] = isUuid(regionId) ? await this.regions.byIds([regionId]) : [];
    if (!region) throw badInput('regionId', '区划不存在');
    return this.repo.countsByCategory(region.path);
  }
}
