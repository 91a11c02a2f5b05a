import { Context, Field, ID, ObjectType, Parent, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { GqlContext } from '../common/graphql/context.js';
import { Need } from '../needs/need.model.js';
import { NeedStatus } from '../needs/need-transitions.js';
import { NeedsService } from '../needs/needs.service.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import { NeedSignal, NeedSignalType, NotificationBus } from './notification-bus.js';

@ObjectType('NeedNotification', { description: 'A pushed event about a need (graphql-ws subscriptions)' })
export class NeedNotification {
  @Field({ description: 'NEED_DISPATCHED, NEED_CHANGED or DEADLINE_BREACHED' }) type: string;
  @Field(() => ID) needId: string;
  @Field({ description: 'The action that caused it (CLAIM, DISPATCH, ACCEPT_DEADLINE, …)' }) action: string;
  @Field(() => NeedStatus) status: NeedStatus;
  @Field() at: Date;
}

const toNotification = (s: NeedSignal): NeedNotification => ({
  type: s.type,
  needId: s.needId,
  action: s.action,
  status: s.status as NeedStatus,
  at: new Date(s.at),
});

@Resolver(() => NeedNotification)
export class NotificationsResolver {
  constructor(
    private readonly bus: NotificationBus,
    private readonly needs: NeedsService,
  ) {}

  @Authorize(Permission.SELF)
  @Subscription(() => NeedNotification, { description: '派单提醒: a need was dispatched to me', resolve: (s: NeedSignal) => toNotification(s) })
  needDispatchedToMe(@CurrentActor() actor: Actor) {
    return this.bus.listen((s) => s.type === NeedSignalType.NEED_DISPATCHED && s.volunteerPersonId === actor.personId);
  }

  @Authorize(Permission.SELF)
  @Subscription(() => NeedNotification, {
    description: '状态提醒: a need I posted, receive or serve changed state',
    resolve: (s: NeedSignal) => toNotification(s),
  })
  myNeedChanged(@CurrentActor() actor: Actor) {
    return this.bus.listen((s) => s.type === NeedSignalType.NEED_CHANGED && (s.personIds.includes(actor.personId) || s.volunteerPersonId === actor.personId));
  }

  @Authorize(Permission.NEED_TRIAGE)
  @Subscription(() => NeedNotification, { description: '超时预警: a deadline was breached in my scope', resolve: (s: NeedSignal) => toNotification(s) })
  deadlineBreached(@CurrentActor() actor: Actor) {
    return this.bus.listen((s) => s.type === NeedSignalType.DEADLINE_BREACHED && actor.can(Permission.NEED_TRIAGE, { regionPath: s.gridPath }));
  }

  @ResolveField(() => Need, { nullable: true, description: 'The need as the subscriber may see it now' })
  async need(@Parent() n: NeedNotification, @Context() ctx: GqlContext): Promise<Need | null> {
    if (!ctx.actor) return null;
    // A subscription's context lives as long as the socket: drop cached rows so that each event reads fresh data.
    ctx.loaders.clear();
    return this.needs.get(ctx.actor, n.needId).catch(() => null);
  }
}
