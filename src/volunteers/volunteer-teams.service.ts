import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { atField, badInput, forbidden, notFound } from '../common/errors.js';
import { Connection, PageArgs, toConnection } from '../common/graphql/connection.js';
import { pageRequest } from '../common/keyset-page.js';
import { isUuid } from '../common/ids.js';
import { ageOn } from '../privacy/id-number.js';
import { RegionLevel } from '../regions/region-level.js';
import { RegionsService } from '../regions/regions.service.js';
import { Actor, pathWithin } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { CreateVolunteerTeamInput } from './volunteer.input.js';
import { VolunteerStatus, VolunteerTeam } from './volunteer.model.js';
import { ADULT_AGE } from './volunteers.service.js';
import { volunteerErrors } from './volunteers.errors.js';
import { outsideTeamArea, servesTeamArea } from './team-area.js';
import { TEAM_ORDER, VolunteersRepository } from './volunteers.repository.js';
import { withBirthDates } from './birth-dates.js';
import { PeopleRepository } from '../people/people.repository.js';
import { OrganizationStatus } from '../organizations/organization.model.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';

/** Whether `actor` may see a team (and its roster): VOLUNTEER_TEAM_READ of its community, or its organization's admins. */
export function canSeeTeam(actor: Actor, team: Pick<VolunteerTeam, 'communityPath' | 'organizationId'>): boolean {
  return (
    actor.can(Permission.VOLUNTEER_TEAM_READ, { regionPath: team.communityPath }) ||
    actor.can(Permission.VOLUNTEER_TEAM_ORG_MANAGE, { organizationId: team.organizationId })
  );
}

/** 志愿服务队: created by a community worker (or the running organization's admin), led by adult volunteers. */
@Injectable()
export class VolunteerTeamsService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: VolunteersRepository,
    private readonly regions: RegionsService,
    private readonly people: PeopleRepository,
    private readonly organizations: OrganizationsRepository,
  ) {}

  async create(actor: Actor, input: CreateVolunteerTeamInput): Promise<VolunteerTeam> {
    const name = input.name.trim();
    if (name.length < 2) throw badInput('name', '队名至少2个字');
    if (!isUuid(input.communityId)) throw badInput('communityId', '社区不存在');
    if (!isUuid(input.leaderVolunteerId)) throw badInput('leaderVolunteerId', '志愿者不存在');
    if (input.organizationId && !isUuid(input.organizationId)) throw badInput('organizationId', '社会组织不存在');
    const id = await this.db.transaction(async (m) => {
      const [community] = await this.regions.byIds([input.communityId], m);
      if (!community || community.level !== RegionLevel.COMMUNITY) throw badInput('communityId', '应为社区级区划');
      const org = input.organizationId ? ((await this.organizations.byIds([input.organizationId], m))[0] ?? null) : null;
      // An organization's admin may set up teams only where the organization is (its street or community).
      const byOrgAdmin =
        !!org && actor.can(Permission.VOLUNTEER_TEAM_ORG_MANAGE, { organizationId: input.organizationId }) && pathWithin(community.path, org.path);
      if (!actor.can(Permission.VOLUNTEER_TEAM_MANAGE, { regionPath: community.path }) && !byOrgAdmin)
        throw forbidden('只有该社区的社区工作者或所属社会组织管理员可以组建志愿服务队');
      if (input.organizationId && org?.status !== OrganizationStatus.APPROVED) {
        throw badInput('organizationId', '社会组织不存在或未通过审核');
      }
      if (org && !pathWithin(community.path, org.path)) throw volunteerErrors.teamOutsideOrganization();
      const leader = await this.requireAdultLeader(m, input.leaderVolunteerId, 'leaderVolunteerId');
      if (!servesTeamArea(leader, community.path)) throw outsideTeamArea();
      const teamId = await this.repo.insertTeam(m, {
        name,
        communityId: community.id,
        communityPath: community.path,
        organizationId: input.organizationId ?? null,
        createdBy: actor.personId,
      });
      if (!teamId) throw volunteerErrors.teamNameTaken();
      await this.repo.upsertMember(m, teamId, input.leaderVolunteerId, true);
      return teamId;
    });
    return (await this.repo.teamsByIds([id]))[0];
  }

  /** Adds a volunteer (or makes them leader). Community workers of the team's community, its leaders, or its organization's admins. */
  async addMember(actor: Actor, teamId: string, volunteerId: string, isLeader: boolean): Promise<VolunteerTeam> {
    if (!isUuid(teamId)) throw notFound('志愿服务队');
    if (!isUuid(volunteerId)) throw badInput('volunteerId', '志愿者不存在');
    await this.db.transaction(async (m) => {
      const team = await this.repo.lockTeam(m, teamId);
      if (!team) throw notFound('志愿服务队');
      await this.requireManager(m, actor, team);
      let v;
      if (isLeader) {
        v = await this.requireAdultLeader(m, volunteerId, 'volunteerId');
      } else {
        v = await this.serviceArea(m, volunteerId);
        if (!v) throw badInput('volunteerId', '志愿者不存在');
        if (v.status !== VolunteerStatus.APPROVED && v.status !== VolunteerStatus.PENDING) throw volunteerErrors.notInService();
      }
      if (!servesTeamArea(v, team.communityPath)) throw outsideTeamArea();
      await this.repo.upsertMember(m, teamId, volunteerId, isLeader);
    });
    return (await this.repo.teamsByIds([teamId]))[0];
  }

  /** Removes a member; the last adult leader cannot leave while minors are in the team. */
  async removeMember(actor: Actor, teamId: string, volunteerId: string): Promise<VolunteerTeam> {
    if (!isUuid(teamId)) throw notFound('志愿服务队');
    if (!isUuid(volunteerId)) throw badInput('volunteerId', '志愿者不存在');
    await this.db.transaction(async (m) => {
      const team = await this.repo.lockTeam(m, teamId);
      if (!team) throw notFound('志愿服务队');
      await this.requireManager(m, actor, team);
      const members = await withBirthDates(this.people, m, await this.repo.teamMembers(m, teamId));
      if (!members.some((x) => x.volunteer_id === volunteerId)) throw badInput('volunteerId', '该志愿者不是队员');
      const rest = members.filter((x) => x.volunteer_id !== volunteerId);
      const adult = (b: string | null) => b !== null && ageOn(b) >= ADULT_AGE;
      const hasMinor = rest.some((x) => !adult(x.birth_date));
      const hasAdultLeader = rest.some((x) => x.is_leader && x.status === VolunteerStatus.APPROVED && adult(x.birth_date));
      if (hasMinor && !hasAdultLeader) throw volunteerErrors.lastAdultLeader();
      await this.repo.removeMember(m, teamId, volunteerId);
    });
    return (await this.repo.teamsByIds([teamId]))[0];
  }

  async get(actor: Actor, id: string): Promise<VolunteerTeam | null> {
    if (!isUuid(id)) return null;
    const [team] = await this.repo.teamsByIds([id]);
    if (!team) return null;
    if (!canSeeTeam(actor, team)) throw forbidden('无权查看该志愿服务队');
    return team;
  }

  async list(actor: Actor, regionId: string | null | undefined, page: PageArgs): Promise<Connection<VolunteerTeam>> {
    const request = pageRequest(page, TEAM_ORDER);
    const regionPath = regionId ? (await this.regions.require(regionId, 'regionId')).path : undefined;
    const { rows, total } = await this.repo.teamList({ scopes: actor.scopeOf(Permission.VOLUNTEER_TEAM_READ), regionPath }, request);
    return toConnection(
      rows,
      page.first,
      total,
      (t) => [t.name, t.id],
      (t) => t,
    );
  }

  /** Status, birth date and where the volunteer serves, for the membership rules. */
  private async serviceArea(m: EntityManager, volunteerId: string) {
    const v = await this.repo.serviceArea(m, volunteerId);
    return v ? (await withBirthDates(this.people, m, [v]))[0] : null;
  }

  private async requireManager(m: EntityManager, actor: Actor, team: VolunteerTeam): Promise<void> {
    if (actor.can(Permission.VOLUNTEER_TEAM_MANAGE, { regionPath: team.communityPath })) return;
    if (actor.can(Permission.VOLUNTEER_TEAM_ORG_MANAGE, { organizationId: team.organizationId })) return;
    const members = await this.repo.teamMembers(m, team.id);
    if (members.some((x) => x.is_leader && x.person_id === actor.personId)) return;
    throw forbidden('只有社区工作者、所属组织管理员或领队可以管理队员');
  }

  private async requireAdultLeader(m: EntityManager, volunteerId: string, field: string) {
    const v = await this.serviceArea(m, volunteerId);
    if (!v) throw badInput(field, '志愿者不存在');
    if (v.status !== VolunteerStatus.APPROVED) throw badInput(field, '领队须为已通过审核的志愿者');
    if (!v.birth_date) throw atField(volunteerErrors.leaderAgeUnknown(), field);
    if (ageOn(v.birth_date) < ADULT_AGE) throw atField(volunteerErrors.leaderNotAdult(), field);
    return v;
  }
}
