import { Args, ArgsType, Context, Field, ID, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { IsString } from 'class-validator';
import type { GqlContext } from '../common/graphql/context.js';
import { PageArgs } from '../common/graphql/connection.js';
import type { Connection } from '../common/graphql/connection.js';
import { NeedSignal, NeedSignalType, NotificationBus } from '../notifications/notification-bus.js';
import { PeopleLoaders } from '../people/people.loaders.js';
import { Person } from '../people/person.model.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import {
  FarCheckIn,
  FarCheckInConnection,
  FarCheckInsArgs,
  Need,
  NeedCallRequest,
  NeedConnection,
  NeedMessage,
  NeedMessageConnection,
  NeedSeries,
  UpdateNeedInput,
} from './need.model.js';
import type { NeedRecord } from './need.record.js';
import { NeedMessagesService } from './need-messages.service.js';
import { NeedSeriesService } from './need-series.service.js';
import type { SeriesView } from './need-series.service.js';
import { NeedsService } from './needs.service.js';

@ArgsType()
class NeedMessagesArgs extends PageArgs {
  @Field(() => ID) @IsString() needId: string;
}

/** Recurring series (docs/everyday.md). */
@Resolver(() => NeedSeries)
export class NeedSeriesResolver {
  constructor(private readonly series: NeedSeriesService) {}

  @Authorize(Permission.LOGGED_IN)
  @Query(() => NeedSeries, { nullable: true, description: '周期需求: for its resident side, staff of its grid and its claimant' })
  needSeries(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<SeriesView | null> {
    return this.series.get(actor, id);
  }

  @Authorize(Permission.LOGGED_IN)
  @Mutation(() => NeedSeries, {
    description: '暂停: occurrences starting in [from, until) are cancelled with the reason (their claimant is freed); nothing else changes',
  })
  pauseNeedSeries(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('from') from: Date,
    @Args('until') until: Date,
    @Args('reason') reason: string,
  ): Promise<SeriesView> {
    return this.series.pause(actor, id, from, until, reason);
  }

  @Authorize(Permission.LOGGED_IN)
  @Mutation(() => NeedSeries, { description: '结束: no more occurrences; future ones not yet served are cancelled' })
  endNeedSeries(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string): Promise<SeriesView> {
    return this.series.end(actor, id, reason);
  }

  @Authorize(Permission.NEED_CLAIM)
  @Mutation(() => NeedSeries, {
    description: '整单认领: claims every open occurrence (each checked for clashes; `skipped` says which did not fit) and the future ones',
  })
  claimNeedSeries(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<SeriesView> {
    return this.series.claim(actor, id);
  }

  @ResolveField(() => NeedConnection, { description: 'The materialised occurrences by window start' })
  occurrences(@Parent() s: SeriesView, @Args() page: PageArgs): Promise<Connection<NeedRecord>> {
    return this.series.occurrences(s.record, page.first, page.after);
  }
}

/** Fields and operations the everyday features add to a need. */
@Resolver(() => Need)
export class NeedEverydayResolver {
  constructor(
    private readonly needs: NeedsService,
    private readonly series: NeedSeriesService,
    private readonly messages: NeedMessagesService,
  ) {}

  @ResolveField('series', () => NeedSeries, { nullable: true, description: 'The recurring series this need is an occurrence of' })
  seriesOf(@Parent() n: NeedRecord): Promise<SeriesView | null> {
    return this.series.ofNeed(n);
  }

  @Authorize(Permission.LOGGED_IN)
  @Mutation(() => Need, {
    description:
      '修改需求 (poster, beneficiary or staff in scope) before the service starts; recorded in history, deadlines recomputed. After a claim only the window may change, which releases the claim (WINDOW_CHANGED, no penalty for the volunteer)',
  })
  updateNeed(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateNeedInput): Promise<NeedRecord> {
    return this.needs.update(actor, id, input);
  }

  @Authorize(Permission.LOGGED_IN)
  @Mutation(() => NeedMessage, { description: '留言: the resident side, the claimant and staff in scope, while the need is live; phone numbers are masked' })
  sendNeedMessage(@CurrentActor() actor: Actor, @Args('needId', { type: () => ID }) needId: string, @Args('text') text: string): Promise<NeedMessage> {
    return this.messages.send(actor, needId, text);
  }

  @Authorize(Permission.LOGGED_IN)
  @Query(() => NeedMessageConnection, { description: 'Messages on a need, oldest first (its talkers only)' })
  needMessages(@CurrentActor() actor: Actor, @Args() args: NeedMessagesArgs): Promise<Connection<NeedMessage>> {
    return this.messages.page(actor, args.needId, args.first, args.after);
  }

  @Authorize(Permission.LOGGED_IN)
  @Mutation(() => NeedCallRequest, { description: '隐私通话: the relay connects the resident side and the claimant; nobody sees a number' })
  requestNeedCall(@CurrentActor() actor: Actor, @Args('needId', { type: () => ID }) needId: string): Promise<{ status: string; relayNumber: string | null }> {
    return this.messages.requestCall(actor, needId);
  }

  @Authorize(Permission.NEED_TRIAGE)
  @Query(() => FarCheckInConnection, {
    description: '签到核查: services in scope whose check-in or check-out was farther from the need than the threshold (metres), latest first',
  })
  farCheckIns(@CurrentActor() actor: Actor, @Args() args: FarCheckInsArgs): Promise<Connection<FarCheckIn>> {
    return this.needs.farCheckIns(actor, Math.round(args.thresholdM), args);
  }
}

@Resolver(() => NeedMessage)
export class NeedMessageResolver {
  constructor(
    private readonly messages: NeedMessagesService,
    private readonly bus: NotificationBus,
    private readonly people: PeopleLoaders,
  ) {}

  @ResolveField(() => Person, { nullable: true, description: 'Who wrote it, masked as on the need' })
  author(@Parent() m: NeedMessage, @Context() ctx: GqlContext): Promise<Person | null> {
    return this.people.shown(ctx, m.authorId);
  }

  @Authorize(Permission.SELF)
  @Subscription(() => NeedMessage, {
    description: 'New messages on a need I may talk on',
    resolve(this: NeedMessageResolver, s: NeedSignal) {
      return this.messages.message(s.action);
    },
  })
  async needMessageSent(@CurrentActor() actor: Actor, @Args('needId', { type: () => ID }) needId: string) {
    await this.messages.access(actor, needId);
    return this.bus.listen((s) => s.type === NeedSignalType.NEED_MESSAGE && s.needId === needId);
  }
}
