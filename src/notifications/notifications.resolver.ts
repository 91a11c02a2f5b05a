import { Context, Field, ID, ObjectType, Parent, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { GqlContext } from '../common/graphql/context.js';
import { Need } from '../needs/need.model.js';
import { NeedStatus } from '../needs/need-transitions.js';
import { NeedsService } from '../needs/needs.service.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import { NeedSignal, NeedSignalType, NotificationBus } from './notification-bus.js';

@ObjectType('NeedNotification', { description: '需求提醒 need notification: a pushed event about a need (graphql-ws subscriptions)' })
export class NeedNotification {
  @Field({ description: '类型 type: NEED_DISPATCHED 派单, NEED_CHANGED 状态变化 or DEADLINE_BREACHED 超时' }) type: string;
  @Field(() => ID, { description: '需求 ID' }) needId: string;
  @Field({ description: '动作 the action that caused it (CLAIM, DISPATCH, ACCEPT_DEADLINE, …)' }) action: string;
  @Field(() => NeedStatus, { description: '需求状态 the need’s status after the event' }) status: NeedStatus;
  @Field({ description: '时间 when it happened, DateTime (ISO 8601, UTC)' }) at: Date;
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
  @Subscription(() => NeedNotification, {
    description: '派单提醒 need dispatched to me: a need was dispatched to me',
    resolve: (s: NeedSignal) => toNotification(s),
  })
  needDispatchedToMe(@CurrentActor() actor: Actor) {
    return this.bus.listen((s) => s.type === NeedSignalType.NEED_DISPATCHED && s.volunteerPersonId === actor.personId);
  }

  @Authorize(Permission.SELF)
  @Subscription(() => NeedNotification, {
    description: '状态提醒 my need changed: a need I posted, receive or serve changed state',
    resolve: (s: NeedSignal) => toNotification(s),
  })
  myNeedChanged(@CurrentActor() actor: Actor) {
    return this.bus.listen((s) => s.type === NeedSignalType.NEED_CHANGED && (s.personIds.includes(actor.personId) || s.volunteerPersonId === actor.personId));
  }

  @Authorize(Permission.NEED_TRIAGE)
  @Subscription(() => NeedNotification, {
    description: '超时预警 deadline breached: a deadline was breached in my scope',
    resolve: (s: NeedSignal) => toNotification(s),
  })
  deadlineBreached(@CurrentActor() actor: Actor) {
    return this.bus.listen((s) => s.type === NeedSignalType.DEADLINE_BREACHED && actor.can(Permission.NEED_TRIAGE, { regionPath: s.gridPath }));
  }

  @ResolveField(() => Need, { nullable: true, description: '需求 the need as the subscriber may see it now; null if no longer visible' })
  async need(@Parent() n: NeedNotification, @Context() ctx: GqlContext): Promise<Need | null> {
    if (!ctx.actor) return null;
    // A subscription's context lives as long as the socket: drop cached rows so that each event reads fresh data.
    ctx.loaders.clear();
    return this.needs.get(ctx.actor, n.needId).catch(() => null);
  }
}
