import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { badInput, forbidden, notFound } from '../common/errors.js';
import { Connection, PageArgs, toConnection } from '../common/graphql/connection.js';
import { pageRequest } from '../common/keyset-page.js';
import { isUuid } from '../common/ids.js';
import { PeopleRepository, PersonRow } from '../people/people.repository.js';
import { personAccess } from '../people/person-access.js';
import { ageOn } from '../privacy/id-number.js';
import { RegionLevel } from '../regions/region-level.js';
import { RegionsService } from '../regions/regions.service.js';
import { Actor, pathWithin } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Role } from '../scope/role.js';
import { parseCreditCode } from './credit-code.js';
import { invalidCreditCode, organizationErrors } from './organizations.errors.js';
import { OrganizationFilter, RegisterOrganizationInput } from './organization.input.js';
import { Organization, OrganizationCategoryCount, OrganizationRegistration, OrganizationStatus } from './organization.model.js';
import { ORGANIZATION_ORDER, OrganizationsRepository } from './organizations.repository.js';

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
    throw organizationErrors.personOutOfScope();
  }
}

/** An admin must be known to be 18 or older (birth date from the ID number on record). */
function requireAdult(birthDate: string | null): void {
  if (!birthDate) throw organizationErrors.adminAgeUnknown();
  if (ageOn(birthDate) < ADMIN_MIN_AGE) throw organizationErrors.adminNotAdult();
}

/**
 * Approved organizations are public within the platform; others only to their registrant, their admins
 * (ORGANIZATION_MANAGE) and staff in scope (ORGANIZATION_READ).
 */
export function canSeeOrganization(actor: Actor, org: Organization): boolean {
  return org.status === OrganizationStatus.APPROVED || canSeeMembers(actor, org);
}

/** Members are shown to the organization's registrant (also while it is pending), its admins and staff in scope. */
export function canSeeMembers(actor: Actor, org: Organization): boolean {
  return (
    actor.can(Permission.SELF, { personId: org.registeredBy }) ||
    actor.can(Permission.ORGANIZATION_MANAGE, { organizationId: org.id }) ||
    actor.can(Permission.ORGANIZATION_READ, { regionPath: org.path })
  );
}

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: OrganizationsRepository,
    private readonly regions: RegionsService,
    private readonly people: PeopleRepository,
  ) {}

  async get(actor: Actor, id: string): Promise<Organization | null> {
    if (!isUuid(id)) return null;
    const [org] = await this.repo.byIds([id]);
    if (!org) return null;
    if (!canSeeOrganization(actor, org)) throw forbidden('无权查看该社会组织');
    return org;
  }

  /** 社会组织登记: the caller becomes its first admin; ORG_ADMIN is granted when the street approves. */
  async register(actor: Actor, input: RegisterOrganizationInput): Promise<Organization> {
    const name = input.name.trim();
    if (name.length < 2) throw badInput('name', '组织名称至少2个字');
    const code = parseCreditCode(input.creditCode);
    if ('problem' in code) throw invalidCreditCode(code.problem);
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
        path: region.path,
        description: input.description?.trim() || null,
        address: input.address?.trim() || null,
        registeredBy: actor.personId,
      });
      if (!orgId) throw organizationErrors.creditCodeTaken();
      // The registrant becomes the first admin, so the adult rule of admins applies to them too.
      const [registrant] = await this.people.byIds([actor.personId], m);
      if (registrant?.birth_date && ageOn(registrant.birth_date) < ADMIN_MIN_AGE) throw organizationErrors.registrantNotAdult();
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
      if (!actor.can(Permission.ORGANIZATION_REVIEW, { regionPath: org.path })) throw forbidden('只有该组织所在街道的管理员可以审核');
      if (!rule.from.includes(org.status)) throw organizationErrors.reviewNotAllowed(rule.verb);
      await this.repo.setStatus(m, id, rule.to, actor.personId, trimmed);
      if (rule.to === OrganizationStatus.APPROVED) {
        for (const admin of await this.repo.adminIds(m, id)) await this.grantAdmin(m, admin, org, actor.personId);
      }
      if (rule.to === OrganizationStatus.SUSPENDED) await this.people.revokeOrganizationRole(m, id, Role.ORG_ADMIN, null);
    });
    return (await this.repo.byIds([id]))[0];
  }

  /** ORG_ADMIN scoped to the organization (its region for path checks, its id for organization checks). */
  private grantAdmin(m: EntityManager, personId: string, org: Organization, grantedBy: string): Promise<void> {
    return this.people.grant(m, personId, Role.ORG_ADMIN, org.regionId, grantedBy, org.id);
  }

  /** Locks the organization for a change of its members, which its admins and the street's reviewers may make. */
  private async lockForMemberChange(m: EntityManager, actor: Actor, orgId: string) {
    const org = await this.repo.lock(m, orgId);
    if (!org) throw notFound('社会组织');
    if (!actor.can(Permission.ORGANIZATION_MANAGE, { organizationId: org.id }) && !actor.can(Permission.ORGANIZATION_REVIEW, { regionPath: org.path }))
      throw forbidden('只有该组织的管理员可以管理成员');
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
      if (isAdmin) requireAdult(person.birth_date);
      await this.repo.upsertMember(m, org.id, personId, isAdmin, actor.personId);
      if (isAdmin && org.status === OrganizationStatus.APPROVED) await this.grantAdmin(m, personId, org, actor.personId);
      if (!isAdmin) await this.people.revokeOrganizationRole(m, org.id, Role.ORG_ADMIN, personId);
    });
    return (await this.repo.byIds([orgId]))[0];
  }

  async removeMember(actor: Actor, orgId: string, personId: string): Promise<Organization> {
    if (!isUuid(orgId)) throw notFound('社会组织');
    if (!isUuid(personId)) throw badInput('personId', '人员不存在');
    await this.db.transaction(async (m) => {
      const org = await this.lockForMemberChange(m, actor, orgId);
      const admins = await this.repo.adminIds(m, org.id);
      if (admins.length === 1 && admins[0] === personId) throw organizationErrors.lastAdmin();
      if (!(await this.repo.removeMember(m, org.id, personId))) throw badInput('personId', '该人员不是组织成员');
      await this.people.revokeOrganizationRole(m, org.id, Role.ORG_ADMIN, personId);
    });
    return (await this.repo.byIds([orgId]))[0];
  }

  async list(actor: Actor, filter: OrganizationFilter | null | undefined, page: PageArgs): Promise<Connection<Organization>> {
    const request = pageRequest(page, ORGANIZATION_ORDER);
    const regionPath = filter?.regionId ? (await this.regions.require(filter.regionId, 'filter.regionId')).path : undefined;
    const { rows, total } = await this.repo.list(
      {
        viewerId: actor.personId,
        ownOrganizationIds: actor.organizationsOf(Permission.ORGANIZATION_MANAGE),
        staffScopes: actor.scopeOf(Permission.ORGANIZATION_READ),
        regionPath,
        category: filter?.category ?? undefined,
        status: filter?.status ?? undefined,
      },
      request,
    );
    return toConnection(
      rows,
      page.first,
      total,
      (o) => [o.createdKey, o.id],
      ({ createdKey: _k, ...o }) => o,
    );
  }

  /** Approved organizations per category under a region: a public figure (docs/design.md §10), no personal data. */
  async countsByCategory(regionId: string): Promise<OrganizationCategoryCount[]> {
    const region = await this.regions.require(regionId, 'regionId');
    return this.repo.countsByCategory(region.path);
  }
}
