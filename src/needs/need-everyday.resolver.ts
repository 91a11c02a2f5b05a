import { Args, ArgsType, Context, Field, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { IsString } from 'class-validator';
import type { GqlContext } from '../common/graphql/context.js';
import { BidirectionalPageArgs, PageArgs } from '../common/graphql/connection.js';
import type { Connection } from '../common/graphql/connection.js';
import { NeedSignal, NeedSignalType, NotificationBus } from '../notifications/notification-bus.js';
import { PeopleLoaders } from '../people/people.loaders.js';
import { Person } from '../people/person.model.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import {
  ChangeNeedSeriesInput,
  FarCheckIn,
  FarCheckInConnection,
  FarCheckInPolicy,
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
class NeedMessagesArgs extends BidirectionalPageArgs {
  @Field(() => ID, { description: '需求 id' }) @IsString() needId: string;
}

/** Recurring series (docs/everyday.md). */
@Resolver(() => NeedSeries)
export class NeedSeriesResolver {
  constructor(private readonly series: NeedSeriesService) {}

  @Authorize(Permission.LOGGED_IN)
  @Query(() => NeedSeries, { nullable: true, description: '周期需求 need series：服务对象、发布人、该网格工作人员及整单认领者可见；不存在为 null' })
  needSeries(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '周期需求 id' }) id: string): Promise<SeriesView | null> {
    return this.series.get(actor, id);
  }

  @Authorize(Permission.LOGGED_IN)
  @Mutation(() => NeedSeries, {
    description: '暂停 pause：[from, until) 内开始、尚未服务的各次以该原因取消（释放接单者）；其他不变',
  })
  pauseNeedSeries(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '周期需求 id' }) id: string,
    @Args('from', { description: '暂停开始 from，DateTime（ISO 8601，带时区）（含）' }) from: Date,
    @Args('until', { description: '暂停结束 until，DateTime（ISO 8601，带时区）（不含）' }) until: Date,
    @Args('reason', { description: '暂停原因 reason（必填）' }) reason: string,
  ): Promise<SeriesView> {
    return this.series.pause(actor, id, from, until, reason);
  }

  @Authorize(Permission.LOGGED_IN)
  @Mutation(() => NeedSeries, { description: '结束 end：不再生成新的各次；尚未服务的将来各次被取消' })
  endNeedSeries(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '周期需求 id' }) id: string,
    @Args('reason', { description: '结束原因 reason（必填）' }) reason: string,
  ): Promise<SeriesView> {
    return this.series.end(actor, id, reason);
  }

  @Authorize(Permission.LOGGED_IN)
  @Mutation(() => NeedSeries, {
    description:
      '周期需求变更 change a series from a date on（不早于现在）：服务时段开始时间/长度、星期或间隔、截止日期或次数、地址、描述、技能。未认领的各次原地更新（日期不再属于周期的取消），已认领的无责释放，过去的不变；记入 changes 和各次的历史。权限同其他周期需求变更：发布人、服务对象或该网格工作人员',
  })
  changeNeedSeries(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '周期需求 id' }) id: string,
    @Args('from', { description: '自此时间起生效 from，DateTime（ISO 8601，带时区）；早于现在按现在计' }) from: Date,
    @Args('input', { description: '要改变的内容' }) input: ChangeNeedSeriesInput,
  ): Promise<SeriesView> {
    return this.series.change(actor, id, from, input);
  }

  @Authorize(Permission.NEED_CLAIM)
  @Mutation(() => NeedSeries, {
    description: '整单认领 claim a series：认领每个 OPEN 的各次（逐个检查时间冲突，跳过的见 skipped）以及将来的各次',
  })
  claimNeedSeries(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '周期需求 id' }) id: string): Promise<SeriesView> {
    return this.series.claim(actor, id);
  }

  @ResolveField(() => NeedConnection, { description: '已生成的各次 occurrences（普通需求），按服务时段开始排序' })
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

  @ResolveField('series', () => NeedSeries, {
    nullable: true,
    description: '此需求所属的周期需求 series：仅服务对象、发布人、该网格工作人员及整单认领者可见（同 needSeries）；非周期需求或无权查看时为 null',
  })
  seriesOf(@CurrentActor() actor: Actor, @Parent() n: NeedRecord): Promise<SeriesView | null> {
    return this.series.ofNeed(actor, n);
  }

  @Authorize(Permission.LOGGED_IN)
  @Mutation(() => Need, {
    description:
      '修改需求 update（发布人、服务对象或辖区工作人员），服务开始前；记入 history，时限重新计算。接单后只能改时段，这会释放接单（WINDOW_CHANGED，不影响志愿者信用）',
  })
  updateNeed(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '需求 id' }) id: string,
    @Args('input', { description: '要修改的字段 the fields to change' }) input: UpdateNeedInput,
  ): Promise<NeedRecord> {
    return this.needs.update(actor, id, input);
  }

  @Authorize(Permission.LOGGED_IN)
  @Mutation(() => NeedMessage, { description: '留言 send a message：需求方、接单志愿者和辖区工作人员在需求进行中可留言；电话号码被掩码' })
  sendNeedMessage(
    @CurrentActor() actor: Actor,
    @Args('needId', { type: () => ID, description: '需求 id' }) needId: string,
    @Args('text', { description: '留言内容 text（1–500 字；电话号码写入时掩码）' }) text: string,
  ): Promise<NeedMessage> {
    return this.messages.send(actor, needId, text);
  }

  @Authorize(Permission.LOGGED_IN)
  @Query(() => NeedMessageConnection, { description: '需求上的留言 messages，从旧到新（仅可留言的各方）' })
  needMessages(@CurrentActor() actor: Actor, @Args() args: NeedMessagesArgs): Promise<Connection<NeedMessage>> {
    return this.messages.page(actor, args.needId, args);
  }

  @Authorize(Permission.LOGGED_IN)
  @Mutation(() => NeedCallRequest, { description: '隐私通话 call relay：由中继接通需求方和接单志愿者；任何人都看不到号码' })
  requestNeedCall(
    @CurrentActor() actor: Actor,
    @Args('needId', { type: () => ID, description: '需求 id' }) needId: string,
  ): Promise<{ status: string; relayNumber: string | null }> {
    return this.messages.requestCall(actor, needId);
  }

  @Authorize(Permission.NEED_TRIAGE)
  @Query(() => FarCheckInConnection, {
    description:
      '签到核查 far check-ins：辖区内签到或签退地点离需求位置超过阈值（米）的服务，最近开始的在前；给出 thresholdM 时对全部适用，否则按各需求所在区域的设置（farCheckInPolicy，默认 500 米）',
  })
  farCheckIns(@CurrentActor() actor: Actor, @Args() args: FarCheckInsArgs): Promise<Connection<FarCheckIn>> {
    return this.needs.farCheckIns(actor, args.thresholdM ?? null, args);
  }

  @Authorize(Permission.NEED_TRIAGE)
  @Query(() => FarCheckInPolicy, { description: '签到核查距离 far check-in policy：某区域生效的距离及设置它的区域（null 为默认值）' })
  farCheckInPolicy(
    @CurrentActor() actor: Actor,
    @Args('regionId', { type: () => ID, description: '区域 region 的 id（须在辖区内）' }) regionId: string,
  ): Promise<FarCheckInPolicy> {
    return this.needs.farCheckInPolicy(actor, regionId);
  }

  @Authorize(Permission.NEED_DEADLINE_SET)
  @Mutation(() => FarCheckInPolicy, {
    description: '设置签到核查距离 set far check-in threshold：单位米（50–20000），对该区域及其下未自行设置的区域生效；街道管理员在辖区内设置',
  })
  setFarCheckInThreshold(
    @CurrentActor() actor: Actor,
    @Args('regionId', { type: () => ID, description: '区域 region 的 id（须在辖区内）' }) regionId: string,
    @Args('metres', { type: () => Int, description: '距离 metres，50–20000' }) metres: number,
  ): Promise<FarCheckInPolicy> {
    return this.needs.setFarCheckInPolicy(actor, regionId, metres);
  }
}

@Resolver(() => NeedMessage)
export class NeedMessageResolver {
  constructor(
    private readonly messages: NeedMessagesService,
    private readonly bus: NotificationBus,
    private readonly people: PeopleLoaders,
  ) {}

  @ResolveField(() => Person, { nullable: true, description: '留言人 author，掩码规则同需求上的人员' })
  author(@Parent() m: NeedMessage, @Context() ctx: GqlContext): Promise<Person | null> {
    return this.people.shown(ctx, m.authorId);
  }

  @Authorize(Permission.SELF)
  @Subscription(() => NeedMessage, {
    description: '新留言 new messages（订阅 subscription）：调用者可留言的需求上的新留言；每条送达前重新检查（不再是需求一方，例如已退单，就不再收到）',
    resolve(this: NeedMessageResolver, s: NeedSignal) {
      return this.messages.message(s.action);
    },
    // Access is asked again for every message, not only at subscribe time: parties change (a claim is withdrawn).
    filter(this: NeedMessageResolver, _s: NeedSignal, args: { needId: string }, ctx: GqlContext): Promise<boolean> | boolean {
      return ctx.actor ? this.messages.mayTalk(ctx.actor, args.needId) : false;
    },
  })
  async needMessageSent(@CurrentActor() actor: Actor, @Args('needId', { type: () => ID, description: '需求 id' }) needId: string) {
    await this.messages.access(actor, needId);
    return this.bus.listen((s) => s.type === NeedSignalType.NEED_MESSAGE && s.needId === needId);
  }
}
