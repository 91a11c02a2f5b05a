import { Injectable } from '@nestjs/common';
import { forbidden } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { Actor } from '../scope/actor.js';
import { Role } from '../scope/role.js';
import { Volunteer } from './volunteer.model.js';
import { VolunteersRepository } from './volunteers.repository.js';

/** Who may look at volunteer profiles in a scope: staff, organization admins and fellow volunteers. */
export const VOLUNTEER_VIEWERS: readonly Role[] = [
  Role.VOLUNTEER,
  Role.GRID_WORKER,
  Role.COMMUNITY_WORKER,
  Role.SOCIAL_WORKER,
  Role.ORG_ADMIN,
  Role.STREET_ADMIN,
  Role.SYSTEM_ADMIN,
];

@Injectable()
export class VolunteersService {
  constructor(private readonly repo: VolunteersRepository) {}

  async get(actor: Actor, id: string): Promise<Volunteer | null> {
    if (!isUuid(id)) return null;
    const [v] = await this.repo.byIds([id]);
    if (!v) return null;
    if (v.personId === actor.personId) return v;
    const path = await this.repo.communityPath(id);
    if (!actor.covers(path, ...VOLUNTEER_VIEWERS)) throw forbidden('无权查看该志愿者');
    return v;
  }
}
