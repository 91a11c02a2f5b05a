import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badInput, DomainException, ErrorCode, FieldError, forbidden, notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Volunteer } from './volunteer.model.js';
import { VolunteerVettingRepository } from './volunteer-vetting.repository.js';
import { VolunteersRepository } from './volunteers.repository.js';

/**
 * Vetting (docs/design.md §7: vetted for children and home-entry needs) and the volunteer's base location (distance in
 * matching). Who vetted and when is kept on the profile.
 */
@Injectable()
export class VolunteerVettingService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: VolunteerVettingRepository,
    private readonly volunteers: VolunteersRepository,
  ) {}

  async vet(actor: Actor, id: string, note: string, vetted: boolean): Promise<Volunteer> {
    if (!note?.trim()) throw badInput('note', '请填写审核说明（如核查方式、材料）');
    if (note.length > 500) throw badInput('note', '审核说明不能超过 500 字');
    if (!isUuid(id)) throw notFound('志愿者');
    return this.db.transaction(async (m) => {
      const v = await this.repo.lock(m, id);
      if (!v) throw notFound('志愿者');
      if (!actor.can(Permission.VOLUNTEER_VET, { regionPath: v.community_path }))
        throw forbidden('只有该志愿者所在社区的社区工作者或街道管理员可以登记背景审核');
      if (v.person_id === actor.personId) throw forbidden('不能审核本人');
      await this.repo.setVetted(m, id, vetted, actor.personId, note.trim());
      return (await this.volunteers.byIds([id], m))[0];
    });
  }

  async setMyLocation(actor: Actor, latitude: number | null, longitude: number | null): Promise<Volunteer> {
    const errors: FieldError[] = [];
    if ((latitude === null) !== (longitude === null))
      errors.push({ field: latitude === null ? 'latitude' : 'longitude', message: '经纬度须同时填写（或同时清空）' });
    if (latitude !== null && !(Number.isFinite(latitude) && latitude >= -90 && latitude <= 90))
      errors.push({ field: 'latitude', message: '纬度须在 -90 到 90 之间' });
    if (longitude !== null && !(Number.isFinite(longitude) && longitude >= -180 && longitude <= 180))
      errors.push({ field: 'longitude', message: '经度须在 -180 到 180 之间' });
    if (errors.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, errors[0].message, { fields: errors });
    return this.db.transaction(async (m) => {
      const own = await this.volunteers.lockByPerson(m, actor.personId);
      if (!own) throw notFound('志愿者档案');
      await this.repo.setLocation(m, own.id, latitude, longitude);
      return (await this.volunteers.byIds([own.id], m))[0];
    });
  }
}
