import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { badInput, forbidden, notFound } from '../common/errors.js';
import { Connection, PageArgs, toConnection } from '../common/graphql/connection.js';
import { pageRequest } from '../common/keyset-page.js';
import { isUuid } from '../common/ids.js';
import { IdNumberClaims } from '../people/id-number-claims.js';
import { PeopleRepository } from '../people/people.repository.js';
import { ID_NUMBER_FIELD } from '../people/people.service.js';
import { invalidIdNumber } from '../people/people.errors.js';
import { ageOn, parseIdNumber } from '../privacy/id-number.js';
import { PiiCipher } from '../privacy/pii-cipher.js';
import { RegionLevel } from '../regions/region-level.js';
import { RegionsService } from '../regions/regions.service.js';
import { Actor, pathWithin } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Role } from '../scope/role.js';
import { shanghaiWeekMinute, toWeeklySlots } from './availability.js';
import { Volunteer, VolunteerStatus } from './volunteer.model.js';
import { RegisterVolunteerInput, UpdateMyVolunteerProfileInput, VolunteerFilter } from './volunteer.input.js';
import { outsideTeamArea, servesTeamArea } from './team-area.js';
import { withBirthDates } from './birth-dates.js';
import { VolunteerHooks } from './volunteer-hooks.js';
import { volunteerErrors } from './volunteers.errors.js';
import { VOLUNTEER_ORDER, VolunteersRepository } from './volunteers.repository.js';

export const ADULT_AGE = 18;

/**
 * Whether `actor` may see volunteer `v`: the volunteer themself, staff holding VOLUNTEER_READ where their
 * community lies, or (approved volunteers only) VOLUNTEER_PEER_READ there. The one rule for `volunteer(id)` and every field that leads to a volunteer (Person.volunteer,
 * Resource.volunteer, team members …), so nesting cannot reach further than the top-level query.
 */
export function canSeeVolunteer(actor: Actor, v: Pick<Volunteer, 'personId' | 'communityPath' | 'status'>): boolean {
  if (actor.can(Permission.SELF, { personId: v.personId }) || actor.can(Permission.VOLUNTEER_READ, { regionPath: v.communityPath })) return true;
  // Fellow volunteers and organization admins see only approved volunteers (not applications or suspensions).
  return v.status === VolunteerStatus.APPROVED && actor.can(Permission.VOLUNTEER_PEER_READ, { regionPath: v.communityPath });
}

/** Whether `actor` may see a volunteer's emergency contact: the volunteer and staff of their community. */
export function canSeeEmergencyContact(actor: Actor, v: Pick<Volunteer, 'personId' | 'communityPath'>): boolean {
  return actor.can(Permission.SELF, { personId: v.personId }) || actor.can(Permission.VOLUNTEER_READ, { regionPath: v.communityPath });
}

/**
 * A volunteer serves within the district 区县 of their home community: their declared service regions are what
 * resource areas and team membership are checked against, so they cannot be stretched across the city by the
 * volunteer alone (hours earned are still good city-wide, 通存通兑).
 */
function requireWithinDistrict(regions: { path: string }[], homeCommunityPath: string): void {
  const district = homeCommunityPath.split('.').slice(0, -2).join('.');
  if (regions.some((r) => !pathWithin(r.path, district))) throw volunteerErrors.serviceAreaOutsideDistrict();
}

export type ReviewAction = 'approve' | 'reject' | 'suspend';

/** The review state machine of a volunteer profile: action → allowed source states and target. */
export const REVIEW_TRANSITIONS: Record<ReviewAction, { from: VolunteerStatus[]; to: VolunteerStatus; verb: string }> = {
  approve: { from: [VolunteerStatus.PENDING, VolunteerStatus.SUSPENDED], to: VolunteerStatus.APPROVED, verb: '通过' },
  reject: { from: [VolunteerStatus.PENDING], to: VolunteerStatus.REJECTED, verb: '驳回' },
  suspend: { from: [VolunteerStatus.APPROVED], to: VolunteerStatus.SUSPENDED, verb: '暂停' },
};

const STATUS_NAMES: Record<VolunteerStatus, string> = { PENDING: '待审核', APPROVED: '已通过', REJECTED: '未通过', SUSPENDED: '已暂停' };

@Injectable()
export class VolunteersService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: VolunteersRepository,
    private readonly people: PeopleRepository,
    private readonly regions: RegionsService,
    private readonly cipher: PiiCipher,
    private readonly hooks: VolunteerHooks,
    private readonly idNumbers: IdNumberClaims,
  ) {}

  async get(actor: Actor, id: string): Promise<Volunteer | null> {
    if (!isUuid(id)) return null;
    const [v] = await this.repo.byIds([id]);
    if (!v) return null;
    if (!canSeeVolunteer(actor, v)) throw forbidden('无权查看该志愿者');
    return v;
  }

  skills() {
    return this.repo.skills();
  }

  /**
   * 志愿者注册. Adults only, except under-18s who join a team with an adult leader (志愿服务条例). Age comes from
   * the birth date on record or from the ID number given now; without either the caller is refused.
   */
  async register(actor: Actor, input: RegisterVolunteerInput): Promise<Volunteer> {
    const skills = [...new Set(input.skills.map((s) => s.trim()))];
    const regionIds = [...new Set(input.serviceRegionIds)];
    const slots = toWeeklySlots(input.availability ?? []);
    let idNumber: { normalized: string; birthDate: string } | null = null;
    if (input.idNumber) {
      const parsed = parseIdNumber(input.idNumber);
      if ('problem' in parsed) throw invalidIdNumber(parsed.problem);
      idNumber = parsed;
    }
    if (input.teamId && !isUuid(input.teamId)) throw badInput('teamId', '志愿服务队不存在');
    if (input.emergencyContact) {
      const name = input.emergencyContact.name.trim();
      if (!name) throw badInput('emergencyContact.name', '请输入紧急联系人姓名');
      input.emergencyContact.name = name;
    }
    if (idNumber) {
      // Recording a new ID number counts against the person's throttle (src/people/id-number-claims.ts).
      const [own] = await this.people.byIds([actor.personId]);
      if (own && !own.id_number_cipher) await this.idNumbers.throttle(actor.personId);
    }

    const id = await this.db.transaction(async (m) => {
      const [person] = await this.people.byIds([actor.personId], m);
      if (!person) throw notFound('人员');
      await this.checkSkills(m, skills);
      const regions = await this.serviceRegions(m, regionIds);

      // Home community: the one of the person's grid, else the first community-or-grid service region.
      const home = person.grid_id
        ? await this.repo.communityOf(m, person.grid_id)
        : await (async () => {
            const local = regions.find((r) => r.level !== RegionLevel.STREET);
            return local ? this.repo.communityOf(m, local.id) : null;
          })();
      if (!home) throw badInput('serviceRegionIds', '请至少选择一个社区或网格作为服务区域');
      requireWithinDistrict(regions, home.path);

      if (idNumber && person.id_number_cipher) {
        const onRecord = this.cipher.decrypt(person.id_number_cipher, ID_NUMBER_FIELD);
        if (onRecord !== idNumber.normalized) throw volunteerErrors.idMismatch();
      }
      const birthDate = person.birth_date ?? idNumber?.birthDate ?? null;
      if (!birthDate) throw volunteerErrors.ageUnknown();
      const age = ageOn(birthDate);

      if (input.teamId) {
        const team = await this.repo.lockTeam(m, input.teamId);
        if (!team) throw badInput('teamId', '志愿服务队不存在');
        // The same rule as adding a member: the team's street, or service in its community.
        if (!servesTeamArea({ community_path: home.path, region_paths: regions.map((r) => r.path) }, team.communityPath)) throw outsideTeamArea();
      }
      if (age < ADULT_AGE) {
        if (!input.teamId) throw volunteerErrors.minorNeedsTeam();
        if (!(await this.hasAdultLeader(m, input.teamId))) throw volunteerErrors.teamWithoutAdultLead();
      }

      const existing = await this.repo.lockByPerson(m, actor.personId);
      if (existing && existing.status !== VolunteerStatus.REJECTED) throw volunteerErrors.alreadyVolunteer();

      if (idNumber && !person.id_number_cipher) await this.idNumbers.record(m, actor.personId, idNumber);

      const details = {
        communityId: home.id,
        isPartyMember: input.isPartyMember ?? false,
        contactName: input.emergencyContact?.name ?? null,
        contactPhone: input.emergencyContact?.phone ?? null,
      };
      let volunteerId: string;
      if (existing) {
        await this.repo.reapply(m, existing.id, details);
        volunteerId = existing.id;
      } else {
        const inserted = await this.repo.insert(m, { personId: actor.personId, ...details });
        if (!inserted) throw volunteerErrors.alreadyVolunteer();
        volunteerId = inserted;
      }
      await this.repo.insertDetails(m, volunteerId, skills, regionIds, slots);
      if (input.teamId) await this.repo.upsertMember(m, input.teamId, volunteerId, false);
      return volunteerId;
    });
    const [v] = await this.repo.byIds([id]);
    return v;
  }

  /** Skills must come from the seeded list 技能清单. */
  private async checkSkills(m: EntityManager, skills: string[]): Promise<void> {
    const unknown = await this.repo.unknownSkills(m, skills);
    if (unknown.length) throw volunteerErrors.unknownSkill(unknown.join('、'));
  }

  /** Service regions exist and are streets, communities or grids. */
  private async serviceRegions(m: EntityManager, regionIds: string[]) {
    if (regionIds.some((id) => !isUuid(id))) throw badInput('serviceRegionIds', '服务区域不存在');
    const regions = await this.regions.byIds(regionIds, m);
    if (regions.length !== regionIds.length) throw badInput('serviceRegionIds', '服务区域不存在');
    const serviceLevels = [RegionLevel.STREET, RegionLevel.COMMUNITY, RegionLevel.GRID];
    if (regions.some((r) => !serviceLevels.includes(r.level))) throw badInput('serviceRegionIds', '服务区域应为街道、社区或网格');
    return regions;
  }

  /**
   * The volunteer keeps their own profile current (skills, where and when they serve, emergency contact); the
   * review status and volunteer number stay. Needs already held are not affected. A suspended volunteer cannot.
   */
  async updateMine(actor: Actor, input: UpdateMyVolunteerProfileInput): Promise<Volunteer> {
    const skills = input.skills ? [...new Set(input.skills.map((s) => s.trim()))] : undefined;
    const regionIds = input.serviceRegionIds ? [...new Set(input.serviceRegionIds)] : undefined;
    const slots = input.availability ? toWeeklySlots(input.availability) : undefined;
    let contact: { name: string; phone: string } | undefined;
    if (input.emergencyContact) {
      const name = input.emergencyContact.name.trim();
      if (!name) throw badInput('emergencyContact.name', '请输入紧急联系人姓名');
      contact = { name, phone: input.emergencyContact.phone };
    }
    const id = await this.db.transaction(async (m) => {
      const own = await this.repo.lockByPerson(m, actor.personId);
      if (!own) throw notFound('志愿者档案');
      if (own.status === VolunteerStatus.SUSPENDED || own.status === VolunteerStatus.REJECTED) {
        throw volunteerErrors.profileLocked();
      }
      if (skills) await this.checkSkills(m, skills);
      if (regionIds) requireWithinDistrict(await this.serviceRegions(m, regionIds), own.community_path);
      await this.repo.replaceDetails(m, own.id, { skills, regionIds, slots, contact });
      return own.id;
    });
    const [v] = await this.repo.byIds([id]);
    return v;
  }

  /** approve / reject / suspend by a community worker whose scope holds the volunteer's community. */
  async review(actor: Actor, id: string, action: ReviewAction, reason: string | null): Promise<Volunteer> {
    const rule = REVIEW_TRANSITIONS[action];
    const trimmed = reason?.trim() || null;
    if (action !== 'approve' && !trimmed) throw badInput('reason', `请填写${rule.verb}原因`);
    if (!isUuid(id)) throw notFound('志愿者');
    await this.db.transaction(async (m) => {
      const v = await this.repo.lockForReview(m, id);
      if (!v) throw notFound('志愿者');
      if (!actor.can(Permission.VOLUNTEER_RECORD, { regionPath: v.community_path })) throw forbidden('只有该志愿者所在社区的社区工作者可以审核');
      if (v.person_id === actor.personId) throw forbidden('不能审核本人的志愿者档案');
      if (!rule.from.includes(v.status)) {
        throw volunteerErrors.reviewNotAllowed(STATUS_NAMES[v.status], rule.verb);
      }
      let volunteerNo: string | null = null;
      if (action === 'approve' && !v.volunteer_no) volunteerNo = await this.repo.nextVolunteerNo(m, v.community_id, v.community_code);
      await this.repo.setStatus(m, id, rule.to, actor.personId, trimmed, volunteerNo);
      if (rule.to === VolunteerStatus.APPROVED) await this.people.grant(m, v.person_id, Role.VOLUNTEER, v.community_id, actor.personId);
      // Consequences in the same transaction: a suspended volunteer offers nothing and leads no team (they stay a
      // member, and reinstatement does not relist or re-promote: that is a fresh decision); a rejected applicant
      // is taken out of the teams they registered into.
      if (rule.to === VolunteerStatus.SUSPENDED) {
        await this.people.revokeRegionRole(m, v.person_id, Role.VOLUNTEER, v.community_id);
        await this.hooks.leftService(m, id);
        await this.repo.demoteFromLeader(m, id);
      }
      if (rule.to === VolunteerStatus.REJECTED) {
        await this.hooks.leftService(m, id);
        await this.repo.removeFromTeams(m, id);
      }
    });
    const [v] = await this.repo.byIds([id]);
    return v;
  }

  /** Volunteers whose community lies in the caller's viewing scope, filtered, newest first. */
  async list(actor: Actor, filter: VolunteerFilter | null | undefined, page: PageArgs): Promise<Connection<Volunteer>> {
    let availableAt: { weekday: number; minute: number } | undefined;
    if (filter?.availableAt) {
      const at = new Date(filter.availableAt);
      if (Number.isNaN(at.getTime())) throw badInput('filter.availableAt', '时间格式无效');
      availableAt = shanghaiWeekMinute(at);
    }
    const request = pageRequest(page, VOLUNTEER_ORDER);
    // The rule of canSeeVolunteer as a filter: staff see every status in scope, peers only APPROVED, everyone themself.
    const { rows, total } = await this.repo.list(
      {
        viewerId: actor.personId,
        staffScopes: actor.scopeOf(Permission.VOLUNTEER_READ),
        peerScopes: actor.scopeOf(Permission.VOLUNTEER_PEER_READ),
        regionPath: filter?.regionId ? (await this.regions.require(filter.regionId, 'filter.regionId')).path : undefined,
        skill: filter?.skill ? filter.skill.trim() : undefined,
        status: filter?.status ?? undefined,
        isPartyMember: filter?.isPartyMember ?? undefined,
        availableAt,
      },
      request,
    );
    return toConnection(
      rows,
      page.first,
      total,
      (v) => [v.createdKey, v.id],
      (v) => v,
    );
  }

  private async hasAdultLeader(m: EntityManager, teamId: string): Promise<boolean> {
    const members = await withBirthDates(this.people, m, await this.repo.teamMembers(m, teamId));
    return members.some((x) => x.is_leader && x.status === VolunteerStatus.APPROVED && x.birth_date !== null && ageOn(x.birth_date) >= ADULT_AGE);
  }
}
