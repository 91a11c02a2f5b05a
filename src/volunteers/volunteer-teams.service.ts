import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { badInput, conflict, forbidden, notFound } from '../common/errors.js';
import { Connection, decodeCursor, decodeKeysetCursor, PageArgs, toConnection } from '../common/graphql/connection.js';
import { isUuid } from '../common/ids.js';
import { ageOn } from '../privacy/id-number.js';
import { RegionLevel } from '../regions/region-level.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { Actor, pathWithin, scopePredicate } from '../scope/actor.js';
import { Role } from '../scope/role.js';
import { CreateVolunteerTeamInput } from './volunteer.input.js';
import { VolunteerStatus, VolunteerTeam } from './volunteer.model.js';
import { ADULT_AGE, VOLUNTEER_VIEWERS } from './volunteers.service.js';
import { outsideTeamArea, servesTeamArea } from './team-area.js';
import { VolunteersRepository } from './volunteers.repository.js';

/** Whether `actor` may see a team (and its roster): viewer roles of its community and its organization's admins. */
export function canSeeTeam(actor: Actor, team: Pick<VolunteerTeam, 'communityPath' | 'organizationId'>): boolean {
  return actor.covers(team.communityPath, ...VOLUNTEER_VIEWERS) || (!!team.organizationId && actor.coversOrganization(team.organizationId, Role.ORG_ADMIN));
}

/** 志愿服务队: created by a community worker (or the running organization's admin), led by adult volunteers. */
@Injectable()
export class VolunteerTeamsService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: VolunteersRepository,
    private readonly regions: RegionsRepository,
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
      const org = input.organizationId ? await this.repo.organizationScope(m, input.organizationId) : null;
      // An organization's admin may set up teams only where the organization is (its street or community).
      const byOrgAdmin = !!org && actor.coversOrganization(input.organizationId!, Role.ORG_ADMIN) && pathWithin(community.path, org.path);
      if (!actor.covers(community.path, Role.COMMUNITY_WORKER) && !byOrgAdmin) throw forbidden('只有该社区的社区工作者或所属社会组织管理员可以组建志愿服务队');
      if (input.organizationId && org?.status !== 'APPROVED') {
        throw badInput('organizationId', '社会组织不存在或未通过审核');
      }
      if (org && !pathWithin(community.path, org.path)) throw badInput('organizationId', '志愿服务队应在该社会组织所在区域内', 'TEAM_OUTSIDE_ORGANIZATION');
      const leader = await this.requireAdultLeader(m, input.leaderVolunteerId, 'leaderVolunteerId');
      if (!servesTeamArea(leader, community.path)) throw outsideTeamArea();
      const teamId = await this.repo.insertTeam(m, { name, communityId: community.id, organizationId: input.organizationId ?? null, createdBy: actor.personId });
      if (!teamId) throw conflict('该社区已有同名志愿服务队', 'TEAM_NAME_TAKEN');
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
        v = await this.repo.volunteerAge(m, volunteerId);
        if (!v) throw badInput('volunteerId', '志愿者不存在');
        if (v.status !== VolunteerStatus.APPROVED && v.status !== VolunteerStatus.PENDING) throw conflict('该志愿者不在服务状态，不能入队', 'INVALID_STATUS');
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
      const members = await this.repo.membersWithBirthDates(m, teamId);
      if (!members.some((x) => x.volunteer_id === volunteerId)) throw badInput('volunteerId', '该志愿者不是队员');
      const rest = members.filter((x) => x.volunteer_id !== volunteerId);
      const adult = (b: string | null) => b !== null && ageOn(b) >= ADULT_AGE;
      const hasMinor = rest.some((x) => !adult(x.birth_date));
      const hasAdultLeader = rest.some((x) => x.is_leader && x.status === VolunteerStatus.APPROVED && adult(x.birth_date));
      if (hasMinor && !hasAdultLeader) throw conflict('队中有未成年队员，不能移除最后一名成年领队', 'LAST_ADULT_LEADER');
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
    const params: unknown[] = [];
    let where = scopePredicate('t.path', actor.scopePaths(...VOLUNTEER_VIEWERS), params);
    if (regionId) {
      const [region] = isUuid(regionId) ? await this.regions.byIds([regionId]) : [];
      if (!region) throw badInput('regionId', '区划不存在');
      params.push(region.path);
      where += ` AND t.path <@ $${params.length}::ltree`;
    }
    const after = page.after ? decodeKeysetCursor(page.after, 'text') : null;
    const { rows, total } = await this.repo.teamPage(where, params, page.first, after);
    return toConnection(rows, page.first, total, (t) => [t.key, t.id], ({ key: _key, ...t }) => t);
  }

  private async requireManager(m: EntityManager, actor: Actor, team: VolunteerTeam): Promise<void> {
    if (actor.covers(team.communityPath, Role.COMMUNITY_WORKER)) return;
    if (team.organizationId && actor.coversOrganization(team.organizationId, Role.ORG_ADMIN)) return;
    const members = await this.repo.membersWithBirthDates(m, team.id);
    if (members.some((x) => x.is_leader && x.person_id === actor.personId)) return;
    throw forbidden('只有社区工作者、所属组织管理员或领队可以管理队员');
  }

  private async requireAdultLeader(m: EntityManager, volunteerId: string, field: string) {
    const v = await this.repo.volunteerAge(m, volunteerId);
    if (!v) throw badInput(field, '志愿者不存在');
    if (v.status !== VolunteerStatus.APPROVED) throw badInput(field, '领队须为已通过审核的志愿者');
    if (!v.birth_date) throw badInput(field, '无法核实领队年龄：该志愿者未登记身份证号码', 'LEADER_AGE_UNKNOWN');
    if (ageOn(v.birth_date) < ADULT_AGE) throw badInput(field, '领队须年满18周岁', 'LEADER_NOT_ADULT');
    return v;
  }
}
