import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { badInput, conflict, DomainException, ErrorCode, FieldError, forbidden, notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { logger } from '../common/logging/logger.js';
import { ServiceConfirmationHooks } from '../common/service-confirmed.js';
import { MatchingService } from '../matching/matching.service.js';
import { NeedSignalType, NotificationBus } from '../notifications/notification-bus.js';
import { Actor } from '../scope/actor.js';
import { Role } from '../scope/role.js';
import { Volunteer, VolunteerStatus } from '../volunteers/volunteer.model.js';
import { VolunteersRepository } from '../volunteers/volunteers.repository.js';
import { addWorkingDays, DEFAULT_DEADLINES, deadlinesFrom, DeadlinePolicy, NeedLoopSettings, Urgency } from './need-deadlines.js';
import { decide, HELD_STATES, NEED_STAFF, NeedAction, NeedParty, NeedStatus, transitionOf } from './need-transitions.js';
import { isRatingTag, Need, NeedCategory, NeedFilter, NeedReview, PostNeedInput, RATING_TAG_LIST } from './need.model.js';
import { NeedsRepository } from './needs.repository.js';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';

const STATUS_LABEL: Record<NeedStatus, string> = {
  SUBMITTED: '已提交', ACCEPTED: '已受理', OPEN: '已发布', CLAIMED: '已接单', IN_SERVICE: '服务中',
  COMPLETED: '已完成', CONFIRMED: '已确认', CLOSED: '已办结', REJECTED: '不予受理', CANCELLED: '已取消',
};

/** Who confirms for the system (the scheduler) in history rows: no person. */
export const SYSTEM_ACTOR = null;

/** What a transition changes besides the status, decided inside the locked transaction. */
type Apply = (m: EntityManager, need: Need, ctx: { volunteer: Volunteer | null; now: Date }) => Promise<{ set?: Record<string, unknown>; data?: unknown; after?: (m: EntityManager, need: Need) => Promise<void> } | void>;

const PG_EXCLUSION_VIOLATION = '23P01';

@Injectable()
export class NeedsService {
  readonly settings: NeedLoopSettings;

  constructor(
    private readonly db: DataSource,
    private readonly repo: NeedsRepository,
    private readonly volunteers: VolunteersRepository,
    private readonly matching: MatchingService,
    private readonly hooks: ServiceConfirmationHooks,
    private readonly bus: NotificationBus,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.settings = config.needLoop;
  }

  // ---------------------------------------------------------------- reading

  async myVolunteer(personId: string, m?: EntityManager): Promise<Volunteer | null> {
    const [v] = await this.volunteers.byPersonIds([personId], m);
    return v ?? null;
  }

  async servesArea(m: EntityManager, volunteerId: string, gridPath: string): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM volunteer_regions WHERE volunteer_id = $1 AND path @> $2::ltree LIMIT 1`, [volunteerId, gridPath]);
    return rows.length > 0;
  }

  /** How the actor relates to the need (see NeedParty). */
  async partiesOf(m: EntityManager, actor: Actor, need: Need, volunteer: Volunteer | null): Promise<Set<NeedParty>> {
    const parties = new Set<NeedParty>();
    if (actor.personId === need.beneficiaryId) parties.add(NeedParty.BENEFICIARY);
    if (actor.personId === need.postedById && need.postedById !== need.beneficiaryId) parties.add(NeedParty.PROXY);
    if (volunteer && need.claimedById === volunteer.id) parties.add(NeedParty.CLAIMANT);
    if (volunteer && volunteer.status === VolunteerStatus.APPROVED && actor.hasRole(Role.VOLUNTEER) && volunteer.personId !== need.beneficiaryId
      && (await this.servesArea(m, volunteer.id, need.gridPath))) parties.add(NeedParty.VOLUNTEER);
    if (actor.covers(need.gridPath, ...NEED_STAFF)) parties.add(NeedParty.STAFF);
    return parties;
  }

  /** Like `get`, but an unknown id is null (the `need` query is nullable). */
  async find(actor: Actor, id: string): Promise<Need | null> {
    const [need] = isUuid(id) ? await this.repo.byIds([id]) : [];
    return need ? this.get(actor, id) : null;
  }

  /** A need the actor may see: its parties; a volunteer of the area only while it is OPEN; its last claimant. */
  async get(actor: Actor, id: string): Promise<Need> {
    const [need] = isUuid(id) ? await this.repo.byIds([id]) : [];
    if (!need) throw notFound('需求');
    const volunteer = await this.myVolunteer(actor.personId);
    const parties = await this.partiesOf(this.db.manager, actor, need, volunteer);
    const onlyVolunteer = parties.size === 1 && parties.has(NeedParty.VOLUNTEER);
    if (parties.size === 0 || (onlyVolunteer && need.status !== NeedStatus.OPEN && need.claimedById !== volunteer?.id)) {
      throw forbidden('无权查看该需求');
    }
    return need;
  }

  /** The exact address only for the resident's side, staff in scope, and the volunteer while it is claimed by them (DESIGN.md §11). */
  async addressFor(actor: Actor, need: Need, volunteer: Volunteer | null): Promise<string | null> {
    if (actor.personId === need.beneficiaryId || actor.personId === need.postedById) return need.address;
    if (actor.covers(need.gridPath, ...NEED_STAFF)) return need.address;
    if (volunteer && need.claimedById === volunteer.id && HELD_STATES.includes(need.status)) return need.address;
    return null;
  }

  async list(actor: Actor, filter: NeedFilter | null | undefined, first: number, after: [string, string] | null) {
    const volunteer = await this.myVolunteer(actor.personId);
    let regionPath: string | null = null;
    if (filter?.regionId) {
      const region = await this.repo.region(this.db.manager, filter.regionId);
      if (!region) throw badInput('filter.regionId', '区域不存在');
      regionPath = region.path;
    }
    return this.repo.list(
      { personId: actor.personId, volunteerId: volunteer?.status === VolunteerStatus.APPROVED ? volunteer.id : null, staffScopes: actor.scopePaths(...NEED_STAFF) },
      { status: filter?.status, category: filter?.category, regionPath },
      first,
      after,
    );
  }

  async feed(actor: Actor): Promise<{ need: Need; score: number }[]> {
    const volunteer = await this.myVolunteer(actor.personId);
    if (!volunteer || volunteer.status !== VolunteerStatus.APPROVED) throw forbidden('您还不是已通过审核的志愿者');
    const ranked = await this.matching.feed(volunteer.id);
    const needs = new Map((await this.repo.byIds(ranked.map((r) => r.needId))).map((n) => [n.id, n]));
    return ranked.filter((r) => needs.has(r.needId)).map((r) => ({ need: needs.get(r.needId)!, score: r.score }));
  }

  // ---------------------------------------------------------------- posting

  async post(actor: Actor, input: PostNeedInput, now = new Date()): Promise<Need> {
    const errors: FieldError[] = [];
    const fail = (field: string, message: string) => errors.push({ field, message });
    if (!(input.windowStart instanceof Date) || Number.isNaN(input.windowStart.getTime())) fail('windowStart', '开始时间无效');
    else if (input.windowStart.getTime() <= now.getTime()) fail('windowStart', '服务时间须在将来');
    if (input.windowEnd.getTime() <= input.windowStart.getTime()) fail('windowEnd', '结束时间须晚于开始时间');
    else if (input.windowEnd.getTime() - input.windowStart.getTime() > 7 * 24 * 3600_000) fail('windowEnd', '服务时间窗口不能超过 7 天');
    else if (input.estimatedMinutes > (input.windowEnd.getTime() - input.windowStart.getTime()) / 60000) fail('estimatedMinutes', '预计时长超过了服务时间窗口');
    const hasLat = input.latitude !== undefined && input.latitude !== null;
    const hasLng = input.longitude !== undefined && input.longitude !== null;
    if (hasLat !== hasLng) fail(hasLat ? 'longitude' : 'latitude', '经纬度须同时填写');
    const skills = [...new Set((input.requiredSkills ?? []).map((s) => s.trim()))];
    const title = input.title.trim();
    if (!title) fail('title', '标题不能为空');

    return this.db.transaction(async (m) => {
      const beneficiaryId = input.beneficiaryId ?? actor.personId;
      const beneficiary = await this.repo.personHome(m, beneficiaryId);
      if (!beneficiary) fail('beneficiaryId', '服务对象不存在');
      if (skills.length > 0) {
        const known = await this.repo.skillsExist(m, skills);
        const unknown = skills.filter((s) => !known.includes(s));
        if (unknown.length > 0) fail('requiredSkills', `未知技能：${unknown.join('、')}`);
      }
      const gridId = input.gridId ?? beneficiary?.grid_id ?? null;
      const grid = gridId ? await this.repo.region(m, gridId) : null;
      if (!gridId) fail('gridId', '服务对象没有所属网格，请指定网格');
      else if (!grid || grid.level !== 'GRID') fail('gridId', '网格不存在');
      if (errors.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, errors[0].message, { fields: errors });

      const proxy = beneficiaryId !== actor.personId;
      // 代办: only staff of the grid may post for someone else; a resident posts in their own grid.
      const allowed = proxy ? actor.covers(grid!.path, ...NEED_STAFF) : actor.covers(grid!.path, Role.RESIDENT, ...NEED_STAFF);
      if (!allowed) throw forbidden(proxy ? '无权为该居民代办需求' : '只能在自己所在的网格提交需求');
      // The resident must live where the proxy works: staff cannot post for people outside their scope or without a grid.
      if (proxy && (!beneficiary!.grid_path || !actor.covers(beneficiary!.grid_path, ...NEED_STAFF))) throw forbidden('无权为该居民代办需求');
      // Group activities are organized by staff; their hours are donate-only in the time bank (DESIGN.md §6.1).
      if (input.groupActivity && !actor.covers(grid!.path, ...NEED_STAFF)) throw forbidden('集体活动只能由网格的工作人员发布');

      const urgency = input.urgency ?? Urgency.NORMAL;
      const policy = await this.policyFor(m, grid!.path, urgency);
      const { acceptBy, claimBy } = deadlinesFrom(now, policy);
      const flags = await this.repo.personFlags(m, beneficiaryId);
      const homeEntry = input.homeEntry ?? false;
      const id = await this.repo.insert(m, {
        title,
        description: input.description?.trim() || null,
        category: input.category,
        urgency,
        beneficiaryId,
        postedBy: actor.personId,
        gridId: grid!.id,
        gridPath: grid!.path,
        address: input.address?.trim() || beneficiary!.address,
        latitude: hasLat ? input.latitude! : null,
        longitude: hasLng ? input.longitude! : null,
        windowStart: input.windowStart,
        windowEnd: input.windowEnd,
        estimatedMinutes: input.estimatedMinutes,
        requiredSkills: skills,
        preferPartyMember: input.preferPartyMember ?? false,
        homeEntry,
        groupActivity: input.groupActivity ?? false,
        requiresVetting: homeEntry || input.category === NeedCategory.CHILD_CARE || flags.includes('CHILD_IN_DIFFICULTY'),
        acceptBy,
        claimBy,
      });
      await this.repo.recordEvent(m, { needId: id, action: 'POST', from: null, to: NeedStatus.SUBMITTED, actorId: actor.personId, data: { proxy } });
      const [need] = await this.repo.byIds([id], m);
      await this.signal(m, NeedSignalType.NEED_CHANGED, need, 'POST', null);
      return need;
    });
  }

  async policyFor(m: EntityManager, gridPath: string, urgency: Urgency): Promise<DeadlinePolicy> {
    return (await this.repo.deadlinePolicy(m, gridPath, urgency)) ?? DEFAULT_DEADLINES[urgency];
  }

  async setDeadlinePolicy(actor: Actor, regionId: string, urgency: Urgency, p: DeadlinePolicy): Promise<DeadlinePolicy> {
    if (!Number.isInteger(p.acceptMinutes) || p.acceptMinutes < 5 || p.acceptMinutes > 43200) throw badInput('acceptMinutes', '受理时限须在 5–43200 分钟之间');
    if (!Number.isInteger(p.claimMinutes) || p.claimMinutes < 5 || p.claimMinutes > 43200) throw badInput('claimMinutes', '接单时限须在 5–43200 分钟之间');
    if (p.claimMinutes < p.acceptMinutes) throw badInput('claimMinutes', '接单时限不能短于受理时限');
    return this.db.transaction(async (m) => {
      const region = isUuid(regionId) ? await this.repo.region(m, regionId) : null;
      if (!region) throw notFound('区域');
      if (!actor.covers(region.path, Role.STREET_ADMIN, Role.SYSTEM_ADMIN)) throw forbidden('无权设置该区域的办理时限');
      await this.repo.setDeadlinePolicy(m, region.id, urgency, p, actor.personId);
      return p;
    });
  }

  // ---------------------------------------------------------------- transitions

  /**
   * The one way a need changes state: lock the row, check the transition table against the actor's parties,
   * apply, record history, notify — all in one transaction. Anything thrown rolls everything back.
   */
  private async transition(actor: Actor | null, id: string, action: NeedAction, reason: string | null, apply?: Apply, outer?: EntityManager): Promise<Need> {
    if (!isUuid(id)) throw notFound('需求');
    const t = transitionOf(action);
    if (t.needsReason && (!reason || !reason.trim())) throw badInput('reason', '请填写原因');
    if (reason && reason.length > 500) throw badInput('reason', '原因不能超过 500 字');
    const run = async (m: EntityManager) => {
      const need = await this.repo.lock(m, id);
      if (!need) throw notFound('需求');
      const now = new Date();
      const volunteer = actor ? await this.myVolunteer(actor.personId, m) : null;
      const parties = actor ? await this.partiesOf(m, actor, need, volunteer) : new Set([NeedParty.SYSTEM]);
      if (parties.size === 0) throw forbidden('无权操作该需求');
      const d = decide(need.status, action, parties, need.postedById !== need.beneficiaryId);
      if (!d.ok) {
        if (d.code === 'CONFLICT') throw conflict(`需求当前状态为「${STATUS_LABEL[need.status]}」，不能执行该操作`, 'ILLEGAL_TRANSITION');
        throw forbidden('无权执行该操作');
      }
      const applied = (await apply?.(m, need, { volunteer, now })) ?? {};
      const set: Record<string, unknown> = { status: d.to, ...(applied.set ?? {}) };
      if (t.needsReason) set.status_reason = reason!.trim();
      try {
        await this.repo.update(m, id, set);
      } catch (err) {
        // The exclusion constraint is the last line against double-booking a volunteer.
        if ((err as { code?: string }).code === PG_EXCLUSION_VIOLATION || (err as { driverError?: { code?: string } }).driverError?.code === PG_EXCLUSION_VIOLATION) {
          throw conflict('该志愿者在此时间段已有其他服务安排', 'OVERLAPPING_COMMITMENT');
        }
        throw err;
      }
      await this.repo.recordEvent(m, { needId: id, action, from: need.status, to: d.to, actorId: actor?.personId ?? null, reason: reason?.trim() || null, data: applied.data });
      const [after] = await this.repo.byIds([id], m);
      await applied.after?.(m, after);
      await this.signal(m, NeedSignalType.NEED_CHANGED, after, action, need.claimedById ?? after.claimedById);
      logger.info('need transition', { needId: id, action, from: need.status, to: d.to });
      return after;
    };
    return outer ? run(outer) : this.db.transaction(run);
  }

  private async signal(m: EntityManager, type: NeedSignalType, need: Need, action: string, volunteerId: string | null): Promise<void> {
    let volunteerPersonId: string | null = null;
    if (volunteerId) volunteerPersonId = (await this.volunteers.byIds([volunteerId], m))[0]?.personId ?? null;
    await this.bus.publish(m, {
      type,
      needId: need.id,
      action,
      status: need.status,
      gridPath: need.gridPath,
      personIds: [...new Set([need.beneficiaryId, need.postedById])],
      volunteerPersonId,
    });
  }

  accept(actor: Actor, id: string): Promise<Need> {
    return this.transition(actor, id, NeedAction.ACCEPT, null, async (_m, _n, { now }) => ({ set: { accepted_by: actor.personId, accepted_at: now } }));
  }

  reject(actor: Actor, id: string, reason: string): Promise<Need> {
    return this.transition(actor, id, NeedAction.REJECT, reason);
  }

  publish(actor: Actor, id: string): Promise<Need> {
    return this.transition(actor, id, NeedAction.PUBLISH, null, async (_m, _n, { now }) => ({ set: { published_at: now } }));
  }

  /** Books `volunteerId` on the need: the fitness and overlap checks and the update in one locked transaction. */
  private async hold(m: EntityManager, need: Need, volunteerId: string, mode: 'claim' | 'dispatch'): Promise<{ excluded: string[]; score: number }> {
    await this.repo.lockVolunteer(m, volunteerId);
    const check = await this.matching.check(need.id, volunteerId, m);
    if (!check) throw notFound('志愿者');
    const overlapping = await this.repo.overlappingHeld(m, volunteerId, need.windowStart, need.windowEnd, need.id);
    if (overlapping) throw conflict('该志愿者在此时间段已有其他服务安排', 'OVERLAPPING_COMMITMENT');
    const excluded = check.excluded.filter((e) => e !== '该时段已有其他服务安排');
    if (excluded.length > 0) {
      if (mode === 'claim') throw new DomainException(ErrorCode.FORBIDDEN, `不符合接单条件：${excluded.join('；')}`, { reason: 'NOT_ELIGIBLE' });
      throw new DomainException(ErrorCode.BAD_USER_INPUT, `该志愿者不适合此需求：${excluded.join('；')}`, { fields: [{ field: 'volunteerId', message: excluded.join('；') }], reason: 'NOT_ELIGIBLE' });
    }
    return { excluded, score: check.ranked.score };
  }

  claim(actor: Actor, id: string): Promise<Need> {
    return this.transition(actor, id, NeedAction.CLAIM, null, async (m, need, { volunteer, now }) => {
      await this.hold(m, need, volunteer!.id, 'claim');
      return { set: { claimed_by: volunteer!.id, claimed_at: now, dispatched_by: null, dispatch_override_reason: null }, data: { volunteerId: volunteer!.id } };
    });
  }

  /** 派单. Choosing someone other than the top candidate is an override: it needs a reason, and both are recorded. */
  dispatch(actor: Actor, id: string, volunteerId: string, reason: string | null | undefined): Promise<Need> {
    if (!isUuid(volunteerId)) throw badInput('volunteerId', '志愿者不存在');
    if (reason && reason.length > 500) throw badInput('reason', '原因不能超过 500 字');
    return this.transition(actor, id, NeedAction.DISPATCH, null, async (m, need, { now }) => {
      const chosen = await this.hold(m, need, volunteerId, 'dispatch');
      const [top] = await this.matching.candidates(need.id, 1, m);
      const override = !!top && top.volunteerId !== volunteerId;
      if (override && !reason?.trim()) {
        throw badInput('reason', `所选志愿者不是推荐首选（首选得分 ${top.score}，所选 ${chosen.score}），请填写改派理由`, 'OVERRIDE_REASON_REQUIRED');
      }
      return {
        set: { claimed_by: volunteerId, claimed_at: now, dispatched_by: actor.personId, dispatch_override_reason: override ? reason!.trim() : null },
        data: { volunteerId, score: chosen.score, override, topVolunteerId: top?.volunteerId ?? null, topScore: top?.score ?? null, reason: reason?.trim() || null },
        after: async (m2, after) => this.signal(m2, NeedSignalType.NEED_DISPATCHED, after, 'DISPATCH', volunteerId),
      };
    });
  }

  withdraw(actor: Actor, id: string, reason: string): Promise<Need> {
    return this.transition(actor, id, NeedAction.WITHDRAW, reason, async (m, need) => {
      await this.repo.bumpStats(m, need.claimedById!, { withdrawals: 1 });
      return { set: { claimed_by: null, claimed_at: null, dispatched_by: null, dispatch_override_reason: null }, data: { volunteerId: need.claimedById } };
    });
  }

  /** 爽约: the volunteer did not come; the need is open again and the no-show counts against their reliability. */
  noShow(actor: Actor | null, id: string, reason: string, outer?: EntityManager): Promise<Need> {
    return this.transition(actor, id, NeedAction.NO_SHOW, reason, async (m, need) => {
      await this.repo.bumpStats(m, need.claimedById!, { noShows: 1 });
      return { set: { claimed_by: null, claimed_at: null, dispatched_by: null, dispatch_override_reason: null }, data: { volunteerId: need.claimedById } };
    }, outer);
  }

  start(actor: Actor, id: string): Promise<Need> {
    return this.transition(actor, id, NeedAction.START, null, async (_m, _n, { now }) => ({ set: { started_at: now } }));
  }

  complete(actor: Actor, id: string, minutes: number, note: string | null | undefined): Promise<Need> {
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 720) throw badInput('minutes', '服务时长须在 1–720 分钟之间');
    if (note && note.length > 500) throw badInput('note', '备注不能超过 500 字');
    return this.transition(actor, id, NeedAction.COMPLETE, null, async (_m, _n, { now }) => ({
      set: { completed_at: now, service_minutes: minutes, completion_note: note?.trim() || null, auto_confirm_at: new Date(now.getTime() + this.settings.autoConfirmMinutes * 60_000) },
      data: { minutes },
    }));
  }

  dispute(actor: Actor, id: string, reason: string): Promise<Need> {
    return this.transition(actor, id, NeedAction.DISPUTE, reason, async (_m, need, { now }) => {
      if (need.disputedAt) throw conflict('该服务已在异议处理中', 'ALREADY_DISPUTED');
      return { set: { disputed_at: now, dispute_reason: reason.trim() } };
    });
  }

  /**
   * 确认+评价. The confirmation is the event the time bank credits: its listeners run inside this transaction,
   * so a failing listener fails the confirmation and nothing of it stays.
   */
  confirm(actor: Actor, id: string, rating: number, comment: string | null | undefined, tags: string[] | null | undefined): Promise<Need> {
    const errors: FieldError[] = [];
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) errors.push({ field: 'rating', message: '评分须为 1–5 的整数' });
    if (comment && comment.length > 500) errors.push({ field: 'comment', message: '评价不能超过 500 字' });
    const tagList = [...new Set(tags ?? [])];
    if (tagList.length > 5) errors.push({ field: 'tags', message: '标签最多 5 个' });
    const unknown = tagList.filter((t) => !isRatingTag(t));
    if (unknown.length > 0) errors.push({ field: 'tags', message: `未知标签：${unknown.join('、')}（可选：${RATING_TAG_LIST.join('、')}）` });
    if (errors.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, errors[0].message, { fields: errors });
    return this.transition(actor, id, NeedAction.CONFIRM, null, (m, need, { now }) => this.confirmEffects(m, need, now, actor.personId, { rating, comment: comment?.trim() || null, tags: tagList }));
  }

  /** Auto-confirmation (scheduler): the same effects and the same hooks, without a rating. */
  autoConfirm(m: EntityManager, id: string): Promise<Need> {
    return this.transition(null, id, NeedAction.AUTO_CONFIRM, null, (m2, need, { now }) => this.confirmEffects(m2, need, now, null, null), m);
  }

  private async confirmEffects(m: EntityManager, need: Need, now: Date, by: string | null, rating: { rating: number; comment: string | null; tags: string[] } | null) {
    const volunteerId = need.claimedById!;
    await this.repo.bumpStats(m, volunteerId, { completed: 1, rating: rating?.rating, servedAt: now });
    if (rating && rating.rating <= 2) {
      const community = (await this.repo.ancestorAt(m, need.gridPath, 'COMMUNITY')) ?? { id: need.gridId, path: need.gridPath };
      await this.repo.openReview(m, {
        needId: need.id, kind: 'LOW_RATING', regionId: community.id, regionPath: community.path, rating: rating.rating,
        note: '差评回访：请联系居民了解情况并整改', dueAt: addWorkingDays(now, this.settings.reviewFixWorkingDays),
      });
    }
    const [volunteer] = await this.volunteers.byIds([volunteerId], m);
    return {
      set: {
        confirmed_at: now, confirmed_by: by,
        ...(rating ? { rating: rating.rating, rating_comment: rating.comment, rating_tags: rating.tags } : {}),
      },
      data: rating ? { rating: rating.rating, tags: rating.tags } : { auto: true },
      after: async (m2: EntityManager, after: Need) => {
        await this.hooks.confirmed(m2, {
          needId: after.id,
          volunteerId,
          volunteerPersonId: volunteer.personId,
          beneficiaryPersonId: after.beneficiaryId,
          gridId: after.gridId,
          minutes: after.serviceMinutes!,
          title: after.title,
          category: after.category,
          address: after.address,
          startedAt: after.startedAt!,
          endedAt: after.completedAt!,
          // Auto-confirmation has no confirming person: the staff member who accepted the need (首接负责) answers for it.
          confirmedBy: by ?? after.acceptedById ?? after.postedById,
          confirmedAt: now,
          groupActivity: after.groupActivity,
        });
      },
    };
  }

  close(actor: Actor, id: string): Promise<Need> {
    return this.transition(actor, id, NeedAction.CLOSE, null, async (m, need, { now }) => {
      if ((await this.repo.openReviewCount(m, need.id)) > 0) throw conflict('该需求尚有未办结的差评整改或回访', 'OPEN_REVIEW');
      return { set: { closed_at: now } };
    });
  }

  cancel(actor: Actor, id: string, reason: string): Promise<Need> {
    return this.transition(actor, id, NeedAction.CANCEL, reason);
  }

  // ---------------------------------------------------------------- reviews

  async reviews(actor: Actor, status: string | null, needId: string | null): Promise<NeedReview[]> {
    return this.repo.reviews(actor.scopePaths(...NEED_STAFF), status, needId && isUuid(needId) ? needId : null);
  }

  async resolveReview(actor: Actor, id: string, resolution: string): Promise<NeedReview> {
    if (!resolution?.trim()) throw badInput('resolution', '请填写处理结果');
    if (resolution.length > 1000) throw badInput('resolution', '处理结果不能超过 1000 字');
    return this.db.transaction(async (m) => {
      const review = isUuid(id) ? await this.repo.lockReview(m, id) : null;
      if (!review) throw notFound('回访事项');
      if (!actor.covers(review.regionPath, ...NEED_STAFF)) throw forbidden('无权处理该事项');
      if (review.status !== 'OPEN') throw conflict('该事项已办结', 'ALREADY_RESOLVED');
      return this.repo.resolveReview(m, id, resolution.trim(), actor.personId);
    });
  }
}
