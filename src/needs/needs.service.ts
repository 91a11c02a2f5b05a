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
  COMPLETED: '已完成', CONFIRMED: '已确认', CLOSED: '已办结', REJECTED: '不予受理', CANCELLED: '已取消', EXPIRED: '已过期',
};

const UNCLAIM = { claimed_by: null, claimed_at: null, dispatched_by: null, dispatch_override_reason: null };
const MINUTE = 60_000;
/** Who may settle a dispute: community workers and admins above them, in scope (not grid workers: they may have posted it). */
export const DISPUTE_RESOLVERS: readonly Role[] = [Role.COMMUNITY_WORKER, Role.STREET_ADMIN, Role.SYSTEM_ADMIN];

export enum DisputeOutcome {
  /** The service happened: confirm it with the minutes staff established. */
  CONFIRM = 'CONFIRM',
  /** It did not happen as reported: open the need again (EXPIRED if its window is over). */
  REOPEN = 'REOPEN',
  /** No service is owed any more: cancel; nothing is earned. */
  CANCEL = 'CANCEL',
}

/** A time as the resident reads it (Asia/Shanghai), for messages. */
function fmt(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3600_000);
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
}

/** Who confirms for the system (the scheduler) in history rows: no person. */
export const SYSTEM_ACTOR = null;

/** What a transition changes besides the status, decided inside the locked transaction. */
type Apply = (m: EntityManager, need: Need, ctx: { volunteer: Volunteer | null; now: Date; to: NeedStatus }) => Promise<{ set?: Record<string, unknown>; data?: unknown; reason?: string; after?: (m: EntityManager, need: Need) => Promise<void> } | void>;

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
  seesExactPlace(actor: Actor, need: Need, volunteer: Volunteer | null): boolean {
    if (actor.personId === need.beneficiaryId || actor.personId === need.postedById) return true;
    if (actor.covers(need.gridPath, ...NEED_STAFF)) return true;
    return !!volunteer && need.claimedById === volunteer.id && HELD_STATES.includes(need.status);
  }

  addressFor(actor: Actor, need: Need, volunteer: Volunteer | null): string | null {
    return this.seesExactPlace(actor, need, volunteer) ? need.address : null;
  }

  /**
   * Coordinates follow the address rule: exact for the same people; everyone else who may see the need gets them
   * rounded to 0.01° (about 1 km), enough to judge the distance, not to find the door.
   */
  locationFor(actor: Actor, need: Need, volunteer: Volunteer | null): { latitude: number; longitude: number } | null {
    if (need.latitude === null || need.longitude === null) return null;
    if (this.seesExactPlace(actor, need, volunteer)) return { latitude: need.latitude, longitude: need.longitude };
    return { latitude: Math.round(need.latitude * 100) / 100, longitude: Math.round(need.longitude * 100) / 100 };
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

  /** The deadlines that apply in a region, per urgency, and where each comes from (staff in scope). */
  async deadlinePolicies(actor: Actor, regionId: string): Promise<{ regionId: string; urgency: Urgency; acceptMinutes: number; claimMinutes: number; setByRegionId: string | null }[]> {
    const region = isUuid(regionId) ? await this.repo.region(this.db.manager, regionId) : null;
    if (!region) throw notFound('区域');
    if (!actor.covers(region.path, ...NEED_STAFF)) throw forbidden('无权查看该区域的办理时限');
    const out = [];
    for (const urgency of [Urgency.EMERGENCY, Urgency.URGENT, Urgency.NORMAL]) {
      const p = await this.repo.deadlinePolicySource(this.db.manager, region.path, urgency);
      out.push({ regionId, urgency, acceptMinutes: p?.acceptMinutes ?? DEFAULT_DEADLINES[urgency].acceptMinutes, claimMinutes: p?.claimMinutes ?? DEFAULT_DEADLINES[urgency].claimMinutes, setByRegionId: p?.regionId ?? null });
    }
    return out;
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
  private async transition(actor: Actor | null, id: string, action: NeedAction, reason: string | null, apply?: Apply, outer?: EntityManager, at?: Date): Promise<Need> {
    if (!isUuid(id)) throw notFound('需求');
    const t = transitionOf(action);
    if (t.needsReason && (!reason || !reason.trim())) throw badInput('reason', '请填写原因');
    if (reason && reason.length > 500) throw badInput('reason', '原因不能超过 500 字');
    const run = async (m: EntityManager) => {
      const need = await this.repo.lock(m, id);
      if (!need) throw notFound('需求');
      // The scheduler passes its clock (tests run it at chosen times); people act now.
      const now = at ?? new Date();
      const volunteer = actor ? await this.myVolunteer(actor.personId, m) : null;
      const parties = actor ? await this.partiesOf(m, actor, need, volunteer) : new Set([NeedParty.SYSTEM]);
      if (parties.size === 0) throw forbidden('无权操作该需求');
      const d = decide(need.status, action, parties, need.postedById !== need.beneficiaryId, need.windowEnd.getTime() <= now.getTime());
      if (!d.ok) {
        if (d.reason === 'WINDOW_PASSED') throw conflict('服务时间已过，不能再接单、派单或发布；请工作人员改期', 'WINDOW_PASSED');
        if (d.code === 'CONFLICT') throw conflict(`需求当前状态为「${STATUS_LABEL[need.status]}」，不能执行该操作`, 'ILLEGAL_TRANSITION');
        throw forbidden('无权执行该操作');
      }
      const applied = (await apply?.(m, need, { volunteer, now, to: d.to })) ?? {};
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
      await this.repo.recordEvent(m, { needId: id, action, from: need.status, to: d.to, actorId: actor?.personId ?? null, reason: applied.reason ?? (reason?.trim() || null), data: applied.data });
      // The window passed without a service: the community calls the resident back and reschedules (or cancels).
      if (d.to === NeedStatus.EXPIRED && need.status !== NeedStatus.EXPIRED) await this.openCallback(m, need, now, 'EXPIRED_CALLBACK', '服务时间已过仍未服务，请回访居民并改期或取消');
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
        // History shows why (the override reason, or the note of a batch dispatch).
        reason: reason?.trim() || undefined,
        after: async (m2, after) => this.signal(m2, NeedSignalType.NEED_DISPATCHED, after, 'DISPATCH', volunteerId),
      };
    });
  }

  withdraw(actor: Actor, id: string, reason: string): Promise<Need> {
    return this.transition(actor, id, NeedAction.WITHDRAW, reason, async (m, need) => {
      await this.repo.bumpStats(m, need.claimedById!, { withdrawals: 1 });
      return { set: UNCLAIM, data: { volunteerId: need.claimedById } };
    });
  }

  /**
   * 爽约: the volunteer did not come; the need is open again (EXPIRED with a callback item if its window is over) and
   * the no-show counts against their reliability. Staff may report it only once the service should have begun.
   */
  noShow(actor: Actor | null, id: string, reason: string, outer?: EntityManager, at?: Date): Promise<Need> {
    return this.transition(actor, id, NeedAction.NO_SHOW, reason, async (m, need, { now }) => {
      const from = need.windowStart.getTime() + this.settings.noShowReportMinutes * MINUTE;
      if (actor && now.getTime() < from) throw conflict(`服务开始 ${this.settings.noShowReportMinutes} 分钟后才能登记爽约（${fmt(new Date(from))} 起）`, 'TOO_EARLY');
      await this.repo.bumpStats(m, need.claimedById!, { noShows: 1 });
      return { set: UNCLAIM, data: { volunteerId: need.claimedById } };
    }, outer, at);
  }

  /** 签到: from `startEarlyMinutes` before the window until `noShowGraceMinutes` after it. */
  start(actor: Actor, id: string): Promise<Need> {
    return this.transition(actor, id, NeedAction.START, null, async (_m, need, { now }) => {
      const earliest = need.windowStart.getTime() - this.settings.startEarlyMinutes * MINUTE;
      const latest = need.windowEnd.getTime() + this.settings.noShowGraceMinutes * MINUTE;
      if (now.getTime() < earliest) throw conflict(`还未到服务时间，最早 ${fmt(new Date(earliest))} 可以签到`, 'TOO_EARLY');
      if (now.getTime() > latest) throw conflict('服务时间已过，不能再签到', 'WINDOW_PASSED');
      return { set: { started_at: now } };
    });
  }

  /** 签退: the minutes served, at most the time since the start (plus a tolerance) and at most 720. */
  complete(actor: Actor, id: string, minutes: number, note: string | null | undefined): Promise<Need> {
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 720) throw badInput('minutes', '服务时长须在 1–720 分钟之间');
    if (note && note.length > 500) throw badInput('note', '备注不能超过 500 字');
    return this.transition(actor, id, NeedAction.COMPLETE, null, async (_m, need, { now }) => {
      const elapsed = Math.floor((now.getTime() - need.startedAt!.getTime()) / MINUTE);
      const most = elapsed + this.settings.completeToleranceMinutes;
      if (minutes > most) throw badInput('minutes', `服务时长不能超过签到以来的时间（已过 ${elapsed} 分钟，最多可填 ${most} 分钟）`, 'MINUTES_EXCEED_ELAPSED');
      return {
        set: { completed_at: now, service_minutes: minutes, completion_note: note?.trim() || null, auto_confirm_at: new Date(now.getTime() + this.settings.autoConfirmMinutes * MINUTE) },
        data: { minutes },
      };
    });
  }

  /** 异议: stops auto-confirmation and opens a DISPUTE item for the community, which settles it with resolveDispute. */
  dispute(actor: Actor, id: string, reason: string): Promise<Need> {
    return this.transition(actor, id, NeedAction.DISPUTE, reason, async (m, need, { now }) => {
      if (need.disputedAt) throw conflict('该服务已在异议处理中', 'ALREADY_DISPUTED');
      await this.openCallback(m, need, now, 'DISPUTE', `居民对服务有异议：${reason.trim()}`);
      return { set: { disputed_at: now, dispute_reason: reason.trim() } };
    });
  }

  /**
   * Settles a dispute (community worker or street admin in scope): confirm with the minutes staff established (through
   * the same confirmation path, so the time bank earns exactly those), reopen, or cancel. The DISPUTE item is resolved
   * with the note in the same transaction.
   */
  async resolveDispute(actor: Actor, id: string, outcome: DisputeOutcome, minutes: number | null | undefined, note: string): Promise<Need> {
    const errors: FieldError[] = [];
    if (!note?.trim()) errors.push({ field: 'note', message: '请填写处理说明' });
    else if (note.length > 500) errors.push({ field: 'note', message: '处理说明不能超过 500 字' });
    if (outcome === DisputeOutcome.CONFIRM && (minutes === null || minutes === undefined)) errors.push({ field: 'minutes', message: '确认服务须填写核定的服务时长' });
    if (minutes !== null && minutes !== undefined && (!Number.isInteger(minutes) || minutes < 1 || minutes > 720)) errors.push({ field: 'minutes', message: '服务时长须在 1–720 分钟之间' });
    if (outcome !== DisputeOutcome.CONFIRM && minutes !== null && minutes !== undefined) errors.push({ field: 'minutes', message: '只有确认服务时才填写服务时长' });
    if (errors.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, errors[0].message, { fields: errors });
    const action = { CONFIRM: NeedAction.DISPUTE_CONFIRM, REOPEN: NeedAction.DISPUTE_REOPEN, CANCEL: NeedAction.DISPUTE_CANCEL }[outcome];
    return this.transition(actor, id, action, null, async (m, need, ctx) => {
      if (!actor.covers(need.gridPath, ...DISPUTE_RESOLVERS)) throw forbidden('只有社区工作者或街道管理员可以处理异议');
      if (!need.disputedAt) throw conflict('该服务没有异议，无需处理', 'NOT_DISPUTED');
      // Staff establish what was really served: never more than the volunteer reported.
      if (minutes != null && minutes > need.serviceMinutes!) throw badInput('minutes', `核定时长不能超过志愿者填报的 ${need.serviceMinutes} 分钟`, 'MINUTES_EXCEED_REPORTED');
      await this.repo.resolveOpenReviews(m, need.id, 'DISPUTE', note.trim(), actor.personId);
      const data = { outcome, note: note.trim(), reportedMinutes: need.serviceMinutes, minutes: minutes ?? null };
      if (outcome === DisputeOutcome.CONFIRM) {
        const effects = await this.confirmEffects(m, { ...need, serviceMinutes: minutes! }, ctx.now, actor.personId, null);
        return { ...effects, set: { ...effects.set, service_minutes: minutes }, data, reason: note.trim() };
      }
      if (outcome === DisputeOutcome.REOPEN) {
        return {
          set: { ...UNCLAIM, started_at: null, completed_at: null, service_minutes: null, completion_note: null, auto_confirm_at: null, disputed_at: null, dispute_reason: null },
          data: { ...data, volunteerId: need.claimedById }, reason: note.trim(),
        };
      }
      return { set: { status_reason: note.trim() }, data, reason: note.trim() };
    });
  }

  /**
   * 改期 (staff): a new window in the future, and the need is OPEN again — the way back for an EXPIRED need, and a
   * way to move a published one (an accepted need not yet published is published as usual). Recorded with the old and new window.
   */
  reschedule(actor: Actor, id: string, windowStart: Date, windowEnd: Date, reason: string): Promise<Need> {
    const errors: FieldError[] = [];
    const now = Date.now();
    if (!(windowStart instanceof Date) || Number.isNaN(windowStart.getTime())) errors.push({ field: 'windowStart', message: '开始时间无效' });
    else if (windowStart.getTime() <= now) errors.push({ field: 'windowStart', message: '服务时间须在将来' });
    if (!(windowEnd instanceof Date) || Number.isNaN(windowEnd.getTime()) || (windowStart instanceof Date && windowEnd.getTime() <= windowStart.getTime())) errors.push({ field: 'windowEnd', message: '结束时间须晚于开始时间' });
    else if (windowEnd.getTime() - windowStart.getTime() > 7 * 24 * 3600_000) errors.push({ field: 'windowEnd', message: '服务时间窗口不能超过 7 天' });
    if (errors.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, errors[0].message, { fields: errors });
    return this.transition(actor, id, NeedAction.RESCHEDULE, reason, async (m, need, { now: at }) => {
      if (need.estimatedMinutes > (windowEnd.getTime() - windowStart.getTime()) / MINUTE) throw badInput('windowEnd', '预计时长超过了服务时间窗口');
      await this.repo.resolveOpenReviews(m, need.id, 'EXPIRED_CALLBACK', `已改期：${reason.trim()}`, actor.personId);
      const policy = await this.policyFor(m, need.gridPath, need.urgency);
      const { claimBy } = deadlinesFrom(at, policy);
      return {
        set: { window_start: windowStart, window_end: windowEnd, published_at: at, claim_deadline: claimBy, claim_breached_at: null },
        data: { from: [need.windowStart, need.windowEnd], to: [windowStart, windowEnd] },
      };
    });
  }

  /** The scheduler: a waiting need whose window passed with nobody holding it. */
  expire(m: EntityManager, id: string, at: Date): Promise<Need> {
    return this.transition(null, id, NeedAction.EXPIRE, '服务时间已过，无人接单', undefined, m, at);
  }

  /** The scheduler: 办结 of a confirmed need after the period, unless a review item is still open. */
  autoClose(m: EntityManager, id: string, at: Date): Promise<Need> {
    return this.transition(null, id, NeedAction.CLOSE, null, async (m2, need, { now }) => {
      if ((await this.repo.openReviewCount(m2, need.id)) > 0) throw conflict('该需求尚有未办结的事项', 'OPEN_REVIEW');
      return { set: { closed_at: now }, data: { auto: true } };
    }, m, at);
  }

  private async openCallback(m: EntityManager, need: Need, now: Date, kind: 'DISPUTE' | 'EXPIRED_CALLBACK', note: string): Promise<void> {
    const community = (await this.repo.ancestorAt(m, need.gridPath, 'COMMUNITY')) ?? { id: need.gridId, path: need.gridPath };
    await this.repo.openReview(m, { needId: need.id, kind, regionId: community.id, regionPath: community.path, note, dueAt: addWorkingDays(now, this.settings.callbackWorkingDays) });
  }

  /**
   * 确认+评价. The confirmation is the event the time bank credits: its listeners run inside this transaction,
   * so a failing listener fails the confirmation and nothing of it stays.
   */
  confirm(actor: Actor, id: string, rating: number, comment: string | null | undefined, tags: string[] | null | undefined, minutes?: number | null): Promise<Need> {
    const errors: FieldError[] = [];
    if (minutes !== null && minutes !== undefined && (!Number.isInteger(minutes) || minutes < 1)) errors.push({ field: 'minutes', message: '核定时长须为正整数（分钟）' });
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) errors.push({ field: 'rating', message: '评分须为 1–5 的整数' });
    if (comment && comment.length > 500) errors.push({ field: 'comment', message: '评价不能超过 500 字' });
    const tagList = [...new Set(tags ?? [])];
    if (tagList.length > 5) errors.push({ field: 'tags', message: '标签最多 5 个' });
    const unknown = tagList.filter((t) => !isRatingTag(t));
    if (unknown.length > 0) errors.push({ field: 'tags', message: `未知标签：${unknown.join('、')}（可选：${RATING_TAG_LIST.join('、')}）` });
    if (errors.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, errors[0].message, { fields: errors });
    return this.transition(actor, id, NeedAction.CONFIRM, null, async (m, need, { now }) => {
      // The confirmer may lower the minutes reported, never raise them; the time bank earns what is confirmed.
      if (minutes !== null && minutes !== undefined && minutes > need.serviceMinutes!) throw badInput('minutes', `核定时长不能超过志愿者填报的 ${need.serviceMinutes} 分钟`);
      const adjusted = minutes ?? need.serviceMinutes!;
      const effects = await this.confirmEffects(m, { ...need, serviceMinutes: adjusted }, now, actor.personId, { rating, comment: comment?.trim() || null, tags: tagList });
      return adjusted === need.serviceMinutes ? effects : { ...effects, set: { ...effects.set, service_minutes: adjusted }, data: { ...(effects.data as object), reportedMinutes: need.serviceMinutes, minutes: adjusted } };
    });
  }

  /** Auto-confirmation (scheduler): the same effects and the same hooks, without a rating. */
  autoConfirm(m: EntityManager, id: string, at?: Date): Promise<Need> {
    return this.transition(null, id, NeedAction.AUTO_CONFIRM, null, (m2, need, { now }) => this.confirmEffects(m2, need, now, null, null), m, at);
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
          minutes: need.serviceMinutes!,
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
      // A dispute is settled with its outcome (resolveDispute), so that the need and the time bank follow.
      if (review.kind === 'DISPUTE') throw conflict('异议事项请通过 resolveDispute 处理', 'USE_RESOLVE_DISPUTE');
      return this.repo.resolveReview(m, id, resolution.trim(), actor.personId);
    });
  }
}
