import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { badInput, notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { RegionLevel } from './region-level.js';
import { Region } from './region.model.js';
import { RegionsRepository } from './regions.repository.js';

@Injectable()
export class RegionsService {
  constructor(private readonly repo: RegionsRepository) {}

  /** The regions of `ids` that exist (callers compare lengths to find unknown ones). */
  byIds(ids: readonly string[], manager?: EntityManager): Promise<Region[]> {
    return this.repo.byIds(ids, manager);
  }

  async find(id: string, manager?: EntityManager): Promise<Region | null> {
    if (!isUuid(id)) return null;
    const [region] = await this.repo.byIds([id], manager);
    return region ?? null;
  }

  /** The region `id`, which must exist and (when given) be of `level`; otherwise BAD_USER_INPUT on `field`. */
  async require(id: string, field: string, level?: RegionLevel, manager?: EntityManager): Promise<Region> {
    const region = await this.find(id, manager);
    if (!region) throw badInput(field, '区划不存在');
    if (level && region.level !== level) throw badInput(field, `应为${LEVEL_NAMES[level]}级区划`);
    return region;
  }

  async get(id: string): Promise<Region> {
    const region = await this.find(id);
    if (!region) throw notFound('区划');
    return region;
  }

  list(parentId?: string | null): Promise<Region[]> {
    // Omitted or null: the roots. An empty id is a malformed id, not "no parent" (found by the attack harness).
    if (parentId === null || parentId === undefined) return this.repo.roots();
    if (!isUuid(parentId)) throw badInput('parentId', '区划不存在');
    return this.repo.childrenOf([parentId]);
  }
}

export const LEVEL_NAMES: Record<RegionLevel, string> = {
  PROVINCE: '省',
  CITY: '市',
  DISTRICT: '区县',
  STREET: '街道乡镇',
  COMMUNITY: '社区村',
  GRID: '网格',
};
