import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badInput, forbidden } from '../common/errors.js';
import { pageRequest } from '../common/keyset-page.js';
import { personAccess } from '../people/person-access.js';
import { ageOn } from '../privacy/id-number.js';
import { Connection, PageArgs, toConnection } from '../common/graphql/connection.js';
import { isUuid } from '../common/ids.js';
import { PeopleRepository } from '../people/people.repository.js';
import { RegionLevel } from '../regions/region-level.js';
import { RegionsService } from '../regions/regions.service.js';
import { Station, StationKind } from '../regions/station.model.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Role } from '../scope/role.js';
import { CreateStationInput, RegisterSocialWorkerInput, SocialWorker, SocialWorkerCount } from './social-worker.model.js';
import { socialWorkerErrors } from './social-workers.errors.js';
import { SOCIAL_WORKER_ORDER, SocialWorkersRepository } from './social-workers.repository.js';

/** Whether `actor` may see a social-worker profile (certificate number included): the worker and viewers of the station's scope. */
export function canSeeSocialWorker(actor: Actor, w: Pick<SocialWorker, 'personId' | 'stationPath'>): boolean {
  return actor.can(Permission.SELF, { personId: w.personId }) || actor.can(Permission.SOCIAL_WORKER_READ, { regionPath: w.stationPath });
}

const STATION_LEVEL: Record<StationKind, RegionLevel> = {
  SOCIAL_WORK_STATION: RegionLevel.STREET,
  SOCIAL_WORK_ROOM: RegionLevel.COMMUNITY,
  VOLUNTEER_STATION: RegionLevel.COMMUNITY,
};

/** Social workers are professionals with a qualification certificate: adults only. */
export const SOCIAL_WORKER_MIN_AGE = 18;

export const CERTIFICATE_PATTERN = /^[A-Z0-9-]{6,30}$/;

@Injectable()
export class SocialWorkersService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: SocialWorkersRepository,
    private readonly regions: RegionsService,
    private readonly people: PeopleRepository,
  ) {}

  async createStation(actor: Actor, input: CreateStationInput): Promise<Station> {
    const name = input.name.trim();
    if (!name) throw badInput('name', '请填写站点名称');
    if (!isUuid(input.regionId)) throw badInput('regionId', '区划不存在');
    const id = await this.db.transaction(async (m) => {
      const [region] = await this.regions.byIds([input.regionId], m);
      if (!region) throw badInput('regionId', '区划不存在');
      if (region.level !== STATION_LEVEL[input.kind])
        throw badInput('regionId', input.kind === StationKind.SOCIAL_WORK_STATION ? '社工站应设在街道' : '社工室和志愿服务站点应设在社区');
      if (!actor.can(Permission.STATION_MANAGE, { regionPath: region.path })) throw forbidden('只有本街道管理员可以设立站点');
      const stationId = await this.repo.insertStation(m, { kind: input.kind, name, regionId: region.id, address: input.address?.trim() || null });
      if (!stationId) throw socialWorkerErrors.stationExists();
      return stationId;
    });
    return (await this.repo.stationsByIds([id]))[0];
  }

  /** Registers a social-worker profile and grants SOCIAL_WORKER in the station's region. */
  async register(actor: Actor, input: RegisterSocialWorkerInput): Promise<SocialWorker> {
    const certificateNo = input.certificateNo.trim().toUpperCase();
    if (!CERTIFICATE_PATTERN.test(certificateNo)) throw badInput('certificateNo', '证书编号应为6至30位字母、数字或短横线');
    if (!isUuid(input.personId)) throw badInput('personId', '人员不存在');
    if (!isUuid(input.stationId)) throw badInput('stationId', '站点不存在');
    const id = await this.db.transaction(async (m) => {
      const station = await this.repo.station(m, input.stationId);
      if (!station) throw badInput('stationId', '站点不存在');
      if (station.kind === StationKind.VOLUNTEER_STATION) throw badInput('stationId', '社工应隶属社工站或社工室');
      if (!actor.can(Permission.STATION_MANAGE, { regionPath: station.path })) throw forbidden('只有本街道管理员可以登记社工');
      const [person] = await this.people.byIds([input.personId], m);
      if (!person) throw badInput('personId', '人员不存在');
      // The person must live (home grid) in the registering admin's scope and be visible to them there: a
      // street admin cannot turn a resident of another street into a social worker with certificate and role.
      if (
        !person.grid_path ||
        !actor.can(Permission.STATION_MANAGE, { regionPath: person.grid_path }) ||
        personAccess(actor, person.id, [person.grid_path]).view === 'NONE'
      ) {
        throw socialWorkerErrors.personOutOfScope();
      }
      if (!person.birth_date) throw socialWorkerErrors.ageUnknown();
      if (ageOn(person.birth_date) < SOCIAL_WORKER_MIN_AGE) throw socialWorkerErrors.notAdult();
      const taken = await this.repo.exists(m, input.personId, certificateNo);
      if (taken.person) throw socialWorkerErrors.alreadyRegistered();
      if (taken.certificate) throw socialWorkerErrors.certificateTaken();
      const workerId = await this.repo.insert(m, {
        personId: input.personId,
        level: input.level,
        certificateNo,
        stationId: station.id,
        createdBy: actor.personId,
      });
      if (!workerId) throw socialWorkerErrors.alreadyRegisteredRace();
      await this.people.grant(m, input.personId, Role.SOCIAL_WORKER, station.regionId, actor.personId);
      return workerId;
    });
    return (await this.repo.byIds([id]))[0];
  }

  async get(actor: Actor, id: string): Promise<SocialWorker | null> {
    if (!isUuid(id)) return null;
    const [w] = await this.repo.byIds([id]);
    if (!w) return null;
    if (!canSeeSocialWorker(actor, w)) throw forbidden('无权查看该社工');
    return w;
  }

  async list(actor: Actor, regionId: string | null | undefined, page: PageArgs): Promise<Connection<SocialWorker>> {
    const request = pageRequest(page, SOCIAL_WORKER_ORDER);
    const regionPath = regionId ? (await this.regions.require(regionId, 'regionId')).path : undefined;
    const { rows, total } = await this.repo.list({ scopes: actor.scopeOf(Permission.SOCIAL_WORKER_READ), regionPath }, request);
    return toConnection(
      rows,
      page.first,
      total,
      (w) => [w.createdKey, w.id],
      (w) => w,
    );
  }

  /** Social workers per street station and per community room under a region — a figure for statistics, no personal data. */
  async countsPerCommunity(regionId: string): Promise<SocialWorkerCount[]> {
    const region = await this.regions.require(regionId, 'regionId');
    return this.repo.countsPerStreetAndCommunity(region.path);
  }
}
