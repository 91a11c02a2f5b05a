import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { byKeys, loader, LoaderKey } from '../common/graphql/context.js';
import type { GqlContext } from '../common/graphql/context.js';
import { ConnectionType } from '../common/graphql/connection.js';
import { RegionPageArgs } from '../volunteers/volunteer.input.js';
import { PeopleLoaders } from '../people/people.loaders.js';
import { Person } from '../people/person.model.js';
import { Station } from '../regions/station.model.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import { CreateStationInput, RegisterSocialWorkerInput, SocialWorker, SocialWorkerCount } from './social-worker.model.js';
import { SocialWorkersRepository } from './social-workers.repository.js';
import { canSeeSocialWorker, SocialWorkersService } from './social-workers.service.js';

export const SocialWorkerConnection = ConnectionType(SocialWorker, 'SocialWorker');

const STATION = new LoaderKey<string, Station | null>('station');
const SOCIAL_WORKER_BY_PERSON = new LoaderKey<string, SocialWorker | null>('socialWorkerByPerson');

@Resolver(() => SocialWorker)
export class SocialWorkersResolver {
  constructor(
    private readonly service: SocialWorkersService,
    private readonly repo: SocialWorkersRepository,
    private readonly people: PeopleLoaders,
  ) {}

  @Authorize(Permission.SELF, Permission.SOCIAL_WORKER_READ)
  @Query(() => SocialWorker, {
    nullable: true,
    description: '社工档案 a social worker: the worker themself or community staff and up in scope; null otherwise',
  })
  socialWorker(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '社工档案 ID' }) id: string): Promise<SocialWorker | null> {
    return this.service.get(actor, id);
  }

  @Authorize(Permission.SELF, Permission.SOCIAL_WORKER_READ)
  @Query(() => SocialWorkerConnection, { description: "社工列表 social workers attached to stations in the caller's scope" })
  socialWorkers(@CurrentActor() actor: Actor, @Args() args: RegionPageArgs) {
    return this.service.list(actor, args.regionId, args);
  }

  @Authorize(Permission.LOGGED_IN)
  @Query(() => [SocialWorkerCount], {
    description:
      '社工统计 social workers by qualification under a region (any logged-in user): one row per street (its 社工站) and per community (its 社工室), ordered by code (statistics)',
  })
  socialWorkerCounts(@Args('regionId', { type: () => ID, description: '区域 ID' }) regionId: string): Promise<SocialWorkerCount[]> {
    return this.service.countsPerCommunity(regionId);
  }

  @Authorize(Permission.STATION_MANAGE)
  @Mutation(() => SocialWorker, { description: "登记社工 register a social worker at a station of the caller's street; grants SOCIAL_WORKER there" })
  registerSocialWorker(@CurrentActor() actor: Actor, @Args('input', { description: '社工信息' }) input: RegisterSocialWorkerInput): Promise<SocialWorker> {
    return this.service.register(actor, input);
  }

  @Authorize(Permission.STATION_MANAGE)
  @Mutation(() => Station, { description: '设立站点 create a station: 社工站 at a street, 社工室 or 志愿服务站点 at a community' })
  createStation(@CurrentActor() actor: Actor, @Args('input', { description: '站点信息' }) input: CreateStationInput): Promise<Station> {
    return this.service.createStation(actor, input);
  }

  @ResolveField(() => Station, { description: '所属站点 the station the worker is attached to' })
  station(@Parent() w: SocialWorker, @Context() ctx: GqlContext): Promise<Station | null> {
    return loader(ctx, STATION, async (ids) => byKeys(ids, await this.repo.stationsByIds(ids), (s) => s.id)).load(w.stationId);
  }

  @ResolveField(() => Person, { nullable: true, description: '人员 the person, masked unless the viewer may see them' })
  person(@Parent() w: SocialWorker, @Context() ctx: GqlContext): Promise<Person | null> {
    return this.people.shown(ctx, w.personId);
  }
}

/** `Person.socialWorker`. */
@Resolver(() => Person)
export class PersonSocialWorkerResolver {
  constructor(private readonly repo: SocialWorkersRepository) {}

  @ResolveField(() => SocialWorker, {
    nullable: true,
    description: '社工档案 social worker profile, if any and if the viewer may see it (same rule as socialWorker(id))',
  })
  async socialWorker(@Parent() person: Person, @Context() ctx: GqlContext): Promise<SocialWorker | null> {
    const w = await loader(ctx, SOCIAL_WORKER_BY_PERSON, async (ids) => byKeys(ids, await this.repo.byPersonIds(ids), (x) => x.personId)).load(person.id);
    return w && ctx.actor && canSeeSocialWorker(ctx.actor, w) ? w : null;
  }
}
