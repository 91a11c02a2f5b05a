import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { byKeys, GqlContext, groupByKeys, loader, LoaderKey } from '../common/graphql/context.js';
import { Region } from './region.model.js';
import { RegionsRepository } from './regions.repository.js';
import { Station } from './station.model.js';

const REGION = new LoaderKey<string, Region | null>('region');
const CHILDREN = new LoaderKey<string, Region[]>('regionChildren');
const STATIONS = new LoaderKey<string, Station[]>('regionStations');

/** Regions of a request by id (and their children and stations), for every field that shows a region. */
@Injectable()
export class RegionLoaders {
  constructor(private readonly repo: RegionsRepository) {}

  region(ctx: GqlContext): DataLoader<string, Region | null> {
    return loader(ctx, REGION, async (ids) => byKeys(ids, await this.repo.byIds(ids), (r) => r.id));
  }

  children(ctx: GqlContext): DataLoader<string, Region[]> {
    return loader(ctx, CHILDREN, async (ids) => groupByKeys(ids, await this.repo.childrenOf(ids), (r) => r.parentId!));
  }

  stations(ctx: GqlContext): DataLoader<string, Station[]> {
    return loader(ctx, STATIONS, async (ids) => groupByKeys(ids, await this.repo.stationsOf(ids), (s) => s.regionId));
  }
}
