import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainException } from '../common/errors.js';
import { BidirectionalPageArgs, Connection, PageArgs, toConnection, windowConnection } from '../common/graphql/connection.js';
import { KeysetOrder, pageRequest, windowRequest } from '../common/keyset-page.js';
import { isUuid } from '../common/ids.js';
import { logger } from '../common/logging/logger.js';
import { fireTransition } from '../common/state-machine.js';
import { Exclusion } from '../matching/matching.errors.js';
import { BatchPlan, MatchingService } from '../matching/matching.service.js';
import { exclusionTexts } from '../matching/scoring.js';
import { NeedSignalType } from '../notifications/notification-bus.js';
import { RegionLevel } from '../regions/region-level.js';
import { RegionsService } from '../regions/regions.service.js';
import { NeedCancellationHooks } from '../common/need-cancelled.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Volunteer, VolunteerStatus } from '../volunteers/volunteer.model.js';
import { VolunteersRepository } from '../volunteers/volunteers.repository.js';
import { DisputeOutcome, Effect, GeoPoint, NeedEffect, NeedEffects } from './need-effects.js';
import {
  deadlinesFrom,
  DEFAULT_DEADLINES,
  DeadlinePolicy,
  FAR_CHECKIN_DEFAULT_M,
  FAR_CHECKIN_MAX_M,
  FAR_CHECKIN_MIN_M,
  NeedLoopSettings,
  Urgency,
} from './need-deadlines.js';
import { FarCheckIn, isRatingTag, NeedCategory, NeedEvent, NeedFilter, NeedReview, PostNeedInput, RATING_TAG_LIST, UpdateNeedInput } from './need.model.js';
import { NeedPatch, NeedRecord, present } from './need.record.js';
import { HELD_STATES, NEED_MACHINE, needAllows, NeedAction, needConditions, NeedParty, NeedStatus, WINDOW_PASSED } from './need-transitions.js';
import { allFields, needErrors } from './needs.errors.js';
import { placeAfter, placeChanges } from './need-location.js';
import { EVENT_ORDER, FAR_CHECKIN_ORDER, NeedsRepository, NewNeed } from './needs.repository.js';
import { PeopleRepository } from '../people/people.repository.js';
import { PersonFlag } from '../people/personal-data.model.js';
import { PersonalDataRepository } from '../people/personal-data.repository.js';

export { DisputeOutcome } from './need-effects.js';

/** The history note of each dispatch of a batch: the plan is optimal as a whole, so no single pair is an override of it. */
const BATCH_NOTE = '批量派单（最优分配）';
const DISPATCH_FAILED = '派单失败';

/** How a transition is run: by the scheduler inside its own transaction and on its clock, or by a person now. */
interface RunOptions {
  manager?: EntityManager;
  at?: Date;
}

/** The cursors of `needs` (created at, id) and of the feed (score × 10, id), as the keyset helper checks them. */
const NEED_CURSOR: KeysetOrder = {
  keys: [
    { sql: 'n.created_at', type: 'timestamptz' },
    { sql: 'n.id', type: 'uuid' },
  ],
  direction: 'DESC',
};
const FEED_CURSOR: KeysetOrder = {
  keys: [
    { sql: 'score', type: 'int' },
    { sql: 'n.id', type: 'uuid' },
  ],
  direction: 'DESC',
};

@Injectable()
export class NeedsService {
  readonly settings: NeedLoopSettings;

  constructor(
    private readonly db: DataSource,
    private readonly repo: NeedsRepository,
    private readonly volunteers: VolunteersRepository,
    private readonly regions: RegionsService,
    private readonly matching: MatchingService,
    private readonly effects: NeedEffects,
    private readonly cancellations: NeedCancellationHooks,
    private readonly people: PeopleRepository,
    private readonly personalData: PersonalDataRepository,
  ) {
    this.settings = effects.settings;
  }

  // ---------------------------------------------------------------- reading

  async myVolunteer(personId: string, m?: EntityManager): Promise<Volunteer | null> {
    const [v] = await this.volunteers.byPersonIds([personId], m);
    return v ?? null;
  }

  /** How the actor relates to the need (see NeedParty); STAFF is the NEED_TRIAGE row of the permission matrix. */
  async partiesOf(m: EntityManager, actor: Actor, need: NeedRecord, volunteer: Volunteer | null): Promise<Set<NeedParty>> {
    const parties = new Set<NeedParty>();
    if (actor.personId === need.beneficiaryId) parties.add(NeedParty.BENEFICIARY);
    if (actor.personId === need.postedById && need.postedById !== need.beneficiaryId) parties.add(NeedParty.PROXY);
    if (volunteer && need.claimedById === volunteer.id) parties.add(NeedParty.CLAIMANT);
    if (
      volunteer &&
      volunteer.status === VolunteerStatus.APPROVED &&
      actor.holds(Permission.NEED_CLAIM) &&
      volunteer.personId !== need.beneficiaryId &&
      (await this.volunteers.servesArea(m, volunteer.id, need.gridPath))
    )
      parties.add(NeedParty.VOLUNTEER);
    if (this.isStaffOf(actor, need)) parties.add(NeedParty.STAFF);
    return parties;
  }

  private isStaffOf(actor: Actor, need: NeedRecord): boolean {
    return actor.can(Permission.NEED_TRIAGE, { regionPath: need.gridPath });
  }

  /** Like `get`, but an unknown id is null (the `need` query is nullable). */
  async find(actor: Actor, id: string): Promise<NeedRecord | null> {
    const [need] = isUuid(id) ? await this.repo.byIds([id]) : [];
    return need ? this.get(actor, id) : null;
  }

  /** A need the actor may see: its parties; a volunteer of the area only while it is OPEN; its last claimant. */
  async get(actor: Actor, id: string): Promise<NeedRecord> {
    const [need] = isUuid(id) ? await this.repo.byIds([id]) : [];
    if (!need) throw needErrors.needNotFound();
    const volunteer = await this.myVolunteer(actor.personId);
    const parties = await this.partiesOf(this.db.manager, actor, need, volunteer);
    const onlyVolunteer = parties.size === 1 && parties.has(NeedParty.VOLUNTEER);
    if (parties.size === 0 || (onlyVolunteer && need.status !== NeedStatus.OPEN && need.claimedById !== volunteer?.id)) throw needErrors.viewForbidden();
    return need;
  }

  /** The exact address only for the resident's side, staff in scope, and the volunteer while it is claimed by them (docs/design.md §11). */
  seesExactPlace(actor: Actor, need: NeedRecord, volunteer: Volunteer | null): boolean {
    if (actor.personId === need.beneficiaryId || actor.personId === need.postedById) return true;
    if (this.isStaffOf(actor, need)) return true;
    return !!volunteer && need.claimedById === volunteer.id && HELD_STATES.includes(need.status);
  }

  addressFor(actor: Actor, need: NeedRecord, volunteer: Volunteer | null): string | null {
    return this.seesExactPlace(actor, need, volunteer) ? need.address : null;
  }

  /**
   * Coordinates follow the address rule: exact for the same people; everyone else who may see the need gets them
   * rounded to 0.01° (about 1 km), enough to judge the distance, not to find the door.
   */
  locationFor(actor: Actor, need: NeedRecord, volunteer: Volunteer | null): { latitude: number; longitude: number } | null {
    if (need.latitude === null || need.longitude === null) return null;
    if (this.seesExactPlace(actor, need, volunteer)) return { latitude: need.latitude, longitude: need.longitude };
    return { latitude: Math.round(need.latitude * 100) / 100, longitude: Math.round(need.longitude * 100) / 100 };
  }

  /** Why staff overrode the top candidate: shown to staff in scope only. */
  dispatchOverrideReasonFor(actor: Actor | null | undefined, need: NeedRecord): string | null {
    return actor && this.isStaffOf(actor, need) ? need.dispatchOverrideReason : null;
  }

  async list(actor: Actor, filter: NeedFilter | null | undefined, first: number, after: [string, string] | null) {
    const volunteer = await this.myVolunteer(actor.personId);
    let regionPath: string | null = null;
    if (filter?.regionId) {
      const region = await this.regions.find(filter.regionId);
      if (!region) throw needErrors.filterRegionNotFound();
      regionPath = region.path;
    }
    return this.repo.list(
      {
        personId: actor.personId,
        volunteerId: volunteer?.status === VolunteerStatus.APPROVED ? volunteer.id : null,
        staffScopes: actor.scopeOf(Permission.NEED_TRIAGE),
      },
      { status: filter?.status, category: filter?.category, regionPath },
      first,
      after,
    );
  }

  /** The needs page of `needs`: newest first, keyset cursor (created at, id). */
  async page(actor: Actor, filter: NeedFilter | null | undefined, first: number, cursor: string | null | undefined): Promise<Connection<NeedRecord>> {
    // The keyset helper checks the cursor's parts (a crafted one is BAD_USER_INPUT 分页游标无效, never a SQL error).
    const after = pageRequest({ first, after: cursor ?? undefined }, NEED_CURSOR).after as [string, string] | null;
    const { rows, total } = await this.list(actor, filter, first, after);
    return toConnection(
      rows,
      first,
      total,
      // created_at as text (microseconds kept): see NeedsRepository.list.
      (n) => [n.createdKey, n.id],
      ({ createdKey: _k, ...n }) => n,
    );
  }

  /** A need's history paged both ways (the need itself was already resolved for the caller, so they may see it). */
  async historyPage(need: NeedRecord, page: BidirectionalPageArgs): Promise<Connection<NeedEvent>> {
    return windowConnection(
      await this.repo.eventsWindow(need.id, windowRequest(page, EVENT_ORDER)),
      (e) => [Number(e.id)],
      (e) => e,
    );
  }

  async feed(actor: Actor): Promise<{ need: NeedRecord; score: number }[]> {
    const volunteer = await this.myVolunteer(actor.personId);
    if (!volunteer || volunteer.status !== VolunteerStatus.APPROVED) throw needErrors.notApprovedVolunteer();
    const ranked = await this.matching.feed(volunteer.id);
    const needs = new Map((await this.repo.byIds(ranked.map((r) => r.needId))).map((n) => [n.id, n]));
    return ranked.flatMap((r) => {
      const need = needs.get(r.needId);
      return need ? [{ need, score: r.score }] : [];
    });
  }

  /** 志愿者的需求推荐 as a page: ranked by score, the cursor is (score × 10, need id). */
  async feedPage(actor: Actor, first: number, cursor: string | null | undefined): Promise<Connection<NeedRecord>> {
    const ranked = await this.feed(actor);
    let start = 0;
    if (cursor) {
      const [score, id] = pageRequest({ first, after: cursor }, FEED_CURSOR).after!;
      const at = ranked.findIndex((r) => r.need.id === id);
      // The need may have left the feed (claimed meanwhile): continue after its score instead.
      start = at >= 0 ? at + 1 : ranked.findIndex((r) => Math.round(r.score * 10) < Number(score));
      if (start < 0) start = ranked.length;
    }
    const rows = ranked.slice(start, start + first + 1);
    return toConnection(
      rows,
      first,
      ranked.length,
      (r) => [Math.round(r.score * 10), r.need.id],
      (r) => r.need,
    );
  }

  // ---------------------------------------------------------------- posting

  /**
   * 点单 (or 代办 by staff). Runs in `manager`'s transaction when given, so that another module can post a need
   * together with its own changes; otherwise in its own.
   */
  async post(actor: Actor, input: PostNeedInput, now = new Date(), manager?: EntityManager): Promise<NeedRecord> {
    const run = async (m: EntityManager) => {
      const { need, proxy } = await this.prepare(m, actor, input, now);
      const id = await this.repo.insert(m, need);
      await this.repo.recordEvent(m, { needId: id, action: 'POST', from: null, to: NeedStatus.SUBMITTED, actorId: actor.personId, data: { proxy } });
      const [posted] = await this.repo.byIds([id], m);
      await this.effects.signal(m, NeedSignalType.NEED_CHANGED, posted, 'POST', null);
      return posted;
    };
    return manager ? run(manager) : this.db.transaction(run);
  }

  /**
   * Validates a posting and checks who may post it, inside `m`: the need to insert, whether it is 代办, and whether
   * the poster is staff of its grid. Shared by `post` and the recurring series (need-series.service.ts).
   */
  async prepare(m: EntityManager, actor: Actor, input: PostNeedInput, now: Date): Promise<{ need: NewNeed; proxy: boolean; staff: boolean }> {
    const failures: DomainException[] = [];
    if (!(input.windowStart instanceof Date) || Number.isNaN(input.windowStart.getTime())) failures.push(needErrors.windowStartInvalid());
    else if (input.windowStart.getTime() <= now.getTime()) failures.push(needErrors.windowStartPast());
    if (input.windowEnd.getTime() <= input.windowStart.getTime()) failures.push(needErrors.windowEndBeforeStart());
    else if (input.windowEnd.getTime() - input.windowStart.getTime() > 7 * 24 * 3600_000) failures.push(needErrors.windowTooLong());
    else if (input.estimatedMinutes > (input.windowEnd.getTime() - input.windowStart.getTime()) / 60000) failures.push(needErrors.estimateExceedsWindow());
    const latitude = input.latitude ?? null;
    const longitude = input.longitude ?? null;
    if ((latitude === null) !== (longitude === null)) failures.push(latitude !== null ? needErrors.longitudeMissing() : needErrors.latitudeMissing());
    const skills = [...new Set((input.requiredSkills ?? []).map((s) => s.trim()))];
    const title = input.title.trim();
    if (!title) failures.push(needErrors.titleEmpty());

    const beneficiaryId = input.beneficiaryId ?? actor.personId;
    const [beneficiary] = await this.people.byIds([beneficiaryId], m);
    if (!beneficiary) failures.push(needErrors.beneficiaryUnknown());
    if (skills.length > 0) {
      const notListed = new Set(await this.volunteers.unknownSkills(m, skills));
      const unknown = skills.filter((s) => notListed.has(s));
      if (unknown.length > 0) failures.push(needErrors.unknownSkills(unknown));
    }
    const gridId = input.gridId ?? beneficiary?.grid_id ?? null;
    const grid = gridId ? await this.regions.find(gridId, m) : null;
    if (!gridId) failures.push(needErrors.gridMissing());
    else if (!grid || grid.level !== RegionLevel.GRID) failures.push(needErrors.gridUnknown());
    const invalid = allFields(failures);
    if (invalid || !grid || !beneficiary) throw invalid ?? needErrors.gridUnknown();

    const proxy = beneficiaryId !== actor.personId;
    const staff = actor.can(Permission.NEED_TRIAGE, { regionPath: grid.path });
    // 代办: only staff of the grid may post for someone else; a resident posts in their own grid.
    const allowed = proxy ? staff : actor.can(Permission.NEED_POST, { regionPath: grid.path });
    if (!allowed) throw proxy ? needErrors.proxyForbidden() : needErrors.outsideOwnGrid();
    // The resident must live where the proxy works: staff cannot post for people outside their scope or without a grid.
    if (proxy && (!beneficiary.grid_path || !actor.can(Permission.NEED_TRIAGE, { regionPath: beneficiary.grid_path }))) throw needErrors.proxyForbidden();
    // Group activities are organized by staff; their hours are donate-only in the time bank (docs/design.md §6.1).
    if (input.groupActivity && !staff) throw needErrors.groupActivityStaffOnly();

    const urgency = input.urgency ?? Urgency.NORMAL;
    const { acceptBy, claimBy } = deadlinesFrom(now, await this.effects.policyFor(m, grid.path, urgency));
    const flags = (await this.personalData.flagsOf([beneficiaryId], m)).map((f) => f.flag);
    const homeEntry = input.homeEntry ?? false;
    const need: NewNeed = {
      title,
      description: input.description?.trim() || null,
      category: input.category,
      urgency,
      beneficiaryId,
      postedBy: actor.personId,
      gridId: grid.id,
      gridPath: grid.path,
      address: input.address?.trim() || beneficiary.address,
      latitude,
      longitude,
      windowStart: input.windowStart,
      windowEnd: input.windowEnd,
      estimatedMinutes: input.estimatedMinutes,
      requiredSkills: skills,
      preferPartyMember: input.preferPartyMember ?? false,
      homeEntry,
      groupActivity: input.groupActivity ?? false,
      requiresVetting: homeEntry || input.category === NeedCategory.CHILD_CARE || flags.includes(PersonFlag.CHILD_IN_DIFFICULTY),
      acceptBy,
      claimBy,
    };
    return { need, proxy, staff };
  }

  /** The deadlines that apply in a region, per urgency, and where each comes from (staff in scope). */
  async deadlinePolicies(
    actor: Actor,
    regionId: string,
  ): Promise<{ regionId: string; urgency: Urgency; acceptMinutes: number; claimMinutes: number; setByRegionId: string | null }[]> {
    const region = await this.regions.find(regionId);
    if (!region) throw needErrors.regionNotFound();
    if (!actor.can(Permission.NEED_TRIAGE, { regionPath: region.path })) throw needErrors.policyReadForbidden();
    const out = [];
    for (const urgency of [Urgency.EMERGENCY, Urgency.URGENT, Urgency.NORMAL]) {
      const p = await this.repo.deadlinePolicySource(this.db.manager, region.path, urgency);
      out.push({
        regionId,
        urgency,
        acceptMinutes: p?.acceptMinutes ?? DEFAULT_DEADLINES[urgency].acceptMinutes,
        claimMinutes: p?.claimMinutes ?? DEFAULT_DEADLINES[urgency].claimMinutes,
        setByRegionId: p?.regionId ?? null,
      });
    }
    return out;
  }

  async setDeadlinePolicy(actor: Actor, regionId: string, urgency: Urgency, p: DeadlinePolicy): Promise<DeadlinePolicy> {
    if (!Number.isInteger(p.acceptMinutes) || p.acceptMinutes < 5 || p.acceptMinutes > 43200) throw needErrors.acceptMinutesOutOfRange();
    if (!Number.isInteger(p.claimMinutes) || p.claimMinutes < 5 || p.claimMinutes > 43200) throw needErrors.claimMinutesOutOfRange();
    if (p.claimMinutes < p.acceptMinutes) throw needErrors.claimBeforeAccept();
    return this.db.transaction(async (m) => {
      const region = await this.regions.find(regionId, m);
      if (!region) throw needErrors.regionNotFound();
      if (!actor.can(Permission.NEED_DEADLINE_SET, { regionPath: region.path })) throw needErrors.policySetForbidden();
      await this.repo.setDeadlinePolicy(m, region.id, urgency, p, actor.personId);
      return p;
    });
  }

  // ---------------------------------------------------------------- transitions

  /**
   * The one way a need changes state: the generic engine (lock → decide from the table → effect → typed patch →
   * history), then the need's own consequences — the callback of an expiry, the effect's `after`, the notification —
   * all in one transaction. Anything thrown rolls everything back.
   */
  private async transition(
    actor: Actor | null,
    id: string,
    action: NeedAction,
    reason: string | null,
    effect?: Effect,
    opts: RunOptions = {},
  ): Promise<NeedRecord> {
    if (!isUuid(id)) throw needErrors.needNotFound();
    const rule = NEED_MACHINE.rule(action);
    if (rule.needsReason && !reason?.trim()) throw needErrors.reasonRequired();
    if (reason && reason.length > 500) throw needErrors.reasonTooLong();
    const run = async (m: EntityManager) => {
      // The scheduler passes its clock (tests run it at chosen times); people act now.
      const now = opts.at ?? new Date();
      let volunteer: Volunteer | null = null;
      let proxyPosted = false;
      let applied: NeedEffect = {};
      const { before, from, to } = await fireTransition(m, NEED_MACHINE, this.repo, {
        id,
        action,
        actorId: actor?.personId ?? null,
        reason,
        partiesOf: async (need) => {
          proxyPosted = need.postedById !== need.beneficiaryId;
          if (!actor) return new Set([NeedParty.SYSTEM]);
          volunteer = await this.myVolunteer(actor.personId, m);
          const parties = await this.partiesOf(m, actor, need, volunteer);
          if (parties.size === 0) throw needErrors.noParty();
          return parties;
        },
        allow: (party, r) => needAllows(proxyPosted)(party, NEED_MACHINE.rule(r.action)),
        conditions: (need) => needConditions(need.windowEnd.getTime() <= now.getTime()),
        effects: async (need, target) => {
          applied = (await effect?.(m, need, { volunteer, now, to: target })) ?? {};
          const patch = rule.needsReason ? { ...applied.patch, statusReason: present(reason, 'reason').trim() } : applied.patch;
          return { patch, data: applied.data, reason: applied.reason };
        },
        errors: {
          notFound: () => needErrors.needNotFound(),
          forbidden: () => needErrors.transitionForbidden(),
          illegal: (status) => needErrors.illegalTransition(status),
          reasonRequired: () => needErrors.reasonRequired(),
          refused: (condition, status) => (condition === WINDOW_PASSED ? needErrors.windowPassed() : needErrors.illegalTransition(status)),
        },
      });
      // What other modules hold for the need (resource bookings) is given back in this transaction.
      if ((to === NeedStatus.CANCELLED || to === NeedStatus.REJECTED) && from !== to) {
        const settled = applied;
        await this.cancellations.cancelled(m, { needId: id, by: actor?.personId ?? null, reason: settled.reason ?? (reason?.trim() || null) });
      }
      if (to === NeedStatus.EXPIRED && from !== NeedStatus.EXPIRED) await this.effects.expiredCallback(m, before, now);
      const [after] = await this.repo.byIds([id], m);
      await applied.after?.(m, after);
      await this.effects.signal(m, NeedSignalType.NEED_CHANGED, after, action, before.claimedById ?? after.claimedById);
      logger.info('need transition', { needId: id, action, from, to });
      return after;
    };
    return opts.manager ? run(opts.manager) : this.db.transaction(run);
  }

  accept(actor: Actor, id: string): Promise<NeedRecord> {
    return this.transition(actor, id, NeedAction.ACCEPT, null, this.effects.accept(actor.personId));
  }

  reject(actor: Actor, id: string, reason: string): Promise<NeedRecord> {
    return this.transition(actor, id, NeedAction.REJECT, reason);
  }

  publish(actor: Actor, id: string): Promise<NeedRecord> {
    return this.transition(actor, id, NeedAction.PUBLISH, null, this.effects.publish());
  }

  claim(actor: Actor, id: string): Promise<NeedRecord> {
    return this.transition(actor, id, NeedAction.CLAIM, null, this.effects.claim());
  }

  /** 派单. Choosing someone other than the top candidate is an override: it needs a reason, and both are recorded. */
  dispatch(actor: Actor, id: string, volunteerId: string, reason: string | null | undefined): Promise<NeedRecord> {
    if (!isUuid(volunteerId)) throw needErrors.dispatchVolunteerUnknown();
    if (reason && reason.length > 500) throw needErrors.reasonTooLong();
    return this.transition(actor, id, NeedAction.DISPATCH, null, this.effects.dispatch(actor.personId, volunteerId, reason));
  }

  /**
   * 批量派单: the optimal plan of a region, each pair dispatched in its own transaction (a need that moved on
   * meanwhile fails alone). Returns the plan and each need's outcome: null when dispatched, else why not.
   */
  async batchDispatch(actor: Actor, regionId: string, capacity: number | null): Promise<{ plan: BatchPlan; outcome: Map<string, string | null> }> {
    const plan = await this.matching.plan(actor, regionId, capacity);
    const outcome = new Map<string, string | null>();
    for (const p of plan.pairs) {
      try {
        await this.dispatch(actor, p.needId, p.volunteerId, BATCH_NOTE);
        outcome.set(p.needId, null);
      } catch (err) {
        outcome.set(p.needId, err instanceof Error ? err.message : DISPATCH_FAILED);
      }
    }
    return { plan, outcome };
  }

  withdraw(actor: Actor, id: string, reason: string): Promise<NeedRecord> {
    return this.transition(actor, id, NeedAction.WITHDRAW, reason, this.effects.withdraw());
  }

  /**
   * 爽约: the volunteer did not come; the need is open again (EXPIRED with a callback item if its window is over) and
   * the no-show counts against their reliability. Staff may report it only once the service should have begun.
   */
  noShow(actor: Actor | null, id: string, reason: string, manager?: EntityManager, at?: Date): Promise<NeedRecord> {
    return this.transition(actor, id, NeedAction.NO_SHOW, reason, this.effects.noShow(actor !== null), { manager, at });
  }

  start(actor: Actor, id: string, at?: GeoPoint | null): Promise<NeedRecord> {
    return this.transition(actor, id, NeedAction.START, null, this.effects.start(at));
  }

  complete(actor: Actor, id: string, minutes: number, note: string | null | undefined, at?: GeoPoint | null): Promise<NeedRecord> {
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 720) throw needErrors.serviceMinutesOutOfRange();
    if (note && note.length > 500) throw needErrors.noteTooLong();
    return this.transition(actor, id, NeedAction.COMPLETE, null, this.effects.complete(minutes, note, at));
  }

  /**
   * 签到核查: a page of needs in the caller's scope checked into or out of farther than the threshold from their
   * location — `thresholdM` for all when given, else the threshold of each need's region (setFarCheckInThreshold,
   * inherited from the nearest region above that sets one, else FAR_CHECKIN_DEFAULT_M).
   */
  async farCheckIns(actor: Actor, thresholdM: number | null, page: PageArgs): Promise<Connection<FarCheckIn>> {
    const threshold = thresholdM == null ? null : Math.max(0, Math.round(thresholdM));
    const { rows, total } = await this.repo.farCheckIns(
      actor.scopeOf(Permission.NEED_TRIAGE),
      threshold,
      FAR_CHECKIN_DEFAULT_M,
      pageRequest(page, FAR_CHECKIN_ORDER),
    );
    return toConnection(
      rows,
      page.first,
      total,
      (r) => [r.startedKey, r.needId],
      ({ startedKey: _key, ...r }) => r,
    );
  }

  /** The far check-in threshold in force for a region (staff in scope), with the region that sets it (null = the default). */
  async farCheckInPolicy(actor: Actor, regionId: string): Promise<{ regionId: string; metres: number; setByRegionId: string | null }> {
    const region = isUuid(regionId) ? await this.regions.find(regionId) : null;
    if (!region) throw needErrors.regionNotFound();
    if (!actor.can(Permission.NEED_TRIAGE, { regionPath: region.path })) throw needErrors.farCheckInReadForbidden();
    const p = await this.repo.farCheckInPolicySource(this.db.manager, region.path);
    return { regionId: region.id, metres: p?.metres ?? FAR_CHECKIN_DEFAULT_M, setByRegionId: p?.regionId ?? null };
  }

  /** 设置签到核查距离 (NEED_DEADLINE_SET in scope: street and district admins) for a region and everything under it. */
  async setFarCheckInPolicy(actor: Actor, regionId: string, metres: number): Promise<{ regionId: string; metres: number; setByRegionId: string | null }> {
    if (!Number.isInteger(metres) || metres < FAR_CHECKIN_MIN_M || metres > FAR_CHECKIN_MAX_M) throw needErrors.farCheckInOutOfRange();
    return this.db.transaction(async (m) => {
      const region = isUuid(regionId) ? await this.regions.find(regionId, m) : null;
      if (!region) throw needErrors.regionNotFound();
      if (!actor.can(Permission.NEED_DEADLINE_SET, { regionPath: region.path })) throw needErrors.farCheckInSetForbidden();
      await this.repo.setFarCheckInPolicy(m, region.id, metres, actor.personId);
      return { regionId: region.id, metres, setByRegionId: region.id };
    });
  }

  /**
   * 修改需求 (docs/everyday.md): before a claim the poster, the beneficiary or staff in scope change the window,
   * address, description or skills; the change is recorded with the old and new values and the deadlines still
   * pending are recomputed. After a claim only the window may change: the claim is then released (WINDOW_CHANGED,
   * counted neither as a withdrawal nor a no-show) and the claimant is told, so they may claim the new time again.
   */
  async update(actor: Actor, id: string, input: UpdateNeedInput, now = new Date()): Promise<NeedRecord> {
    const given = (['windowStart', 'windowEnd', 'address', 'latitude', 'longitude', 'description', 'requiredSkills'] as const).filter(
      (k) => input[k] !== undefined && input[k] !== null,
    );
    if (given.length === 0) throw needErrors.updateNothing();
    if (input.reason && input.reason.length > 500) throw needErrors.reasonTooLong();
    const [current] = isUuid(id) ? await this.repo.byIds([id]) : [];
    if (!current) throw needErrors.needNotFound();
    const windowStart = input.windowStart ?? current.windowStart;
    const windowEnd = input.windowEnd ?? current.windowEnd;
    const windowChanged = windowStart.getTime() !== current.windowStart.getTime() || windowEnd.getTime() !== current.windowEnd.getTime();
    const failures: DomainException[] = [];
    const coordinatesHalf = (input.latitude == null) !== (input.longitude == null);
    if (coordinatesHalf) failures.push(input.latitude != null ? needErrors.longitudeMissing() : needErrors.latitudeMissing());
    if (windowChanged) {
      if (windowStart.getTime() <= now.getTime()) failures.push(needErrors.windowStartPast());
      if (windowEnd.getTime() <= windowStart.getTime()) failures.push(needErrors.windowEndBeforeStart());
      else if (windowEnd.getTime() - windowStart.getTime() > 7 * 24 * 3600_000) failures.push(needErrors.windowTooLong());
      else if (current.estimatedMinutes > (windowEnd.getTime() - windowStart.getTime()) / 60000) failures.push(needErrors.estimateExceedsWindow());
    }
    const skills = input.requiredSkills ? [...new Set(input.requiredSkills.map((s) => s.trim()))] : null;
    if (skills && skills.length > 0) {
      const notListed = new Set(await this.volunteers.unknownSkills(this.db.manager, skills));
      const unknown = skills.filter((s) => notListed.has(s));
      if (unknown.length > 0) failures.push(needErrors.unknownSkills(unknown));
    }
    const invalid = allFields(failures);
    if (invalid) throw invalid;

    if (current.status === NeedStatus.CLAIMED) {
      if (given.some((k) => k !== 'windowStart' && k !== 'windowEnd') || !windowChanged) throw needErrors.updateClaimedOnlyWindow();
      const reason = input.reason?.trim() || '服务时间已修改，原接单已释放';
      return this.transition(actor, id, NeedAction.WINDOW_CHANGED, reason, this.effects.windowChanged(windowStart, windowEnd, current));
    }
    return this.db.transaction(async (m) => {
      const need = await this.repo.lock(m, id);
      if (!need) throw needErrors.needNotFound();
      const mayEdit = actor.personId === need.postedById || actor.personId === need.beneficiaryId || this.isStaffOf(actor, need);
      if (!mayEdit) throw needErrors.updateForbidden();
      if (![NeedStatus.SUBMITTED, NeedStatus.ACCEPTED, NeedStatus.OPEN].includes(need.status)) {
        throw need.status === NeedStatus.CLAIMED ? needErrors.updateClaimedOnlyWindow() : needErrors.updateNotEditable();
      }
      const patch: NeedPatch = {};
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (windowChanged) {
        patch.windowStart = windowStart;
        patch.windowEnd = windowEnd;
        changes.window = { from: [need.windowStart, need.windowEnd], to: [windowStart, windowEnd] };
      }
      const place = placeAfter(need, input);
      if (place) {
        Object.assign(patch, place);
        Object.assign(changes, placeChanges(need, place));
      }
      if (input.description !== undefined && input.description !== null && (input.description.trim() || null) !== need.description) {
        patch.description = input.description.trim() || null;
        changes.description = { from: need.description, to: patch.description };
      }
      if (skills && skills.join('|') !== need.requiredSkills.join('|')) {
        patch.requiredSkills = skills;
        changes.requiredSkills = { from: need.requiredSkills, to: skills };
      }
      if (Object.keys(changes).length === 0) return need;
      // Deadlines still pending start again from the change: the new values are what staff and volunteers judge.
      const { acceptBy, claimBy } = deadlinesFrom(now, await this.effects.policyFor(m, need.gridPath, need.urgency));
      if (need.status === NeedStatus.SUBMITTED) patch.acceptDeadline = acceptBy;
      patch.claimDeadline = claimBy;
      await this.repo.apply(m, id, need.status, patch);
      await this.repo.recordEvent(m, {
        needId: id,
        action: 'UPDATE',
        from: need.status,
        to: need.status,
        actorId: actor.personId,
        reason: input.reason?.trim() || null,
        data: { changed: Object.keys(changes), changes },
      });
      const [after] = await this.repo.byIds([id], m);
      await this.effects.signal(m, NeedSignalType.NEED_CHANGED, after, 'UPDATE', null);
      return after;
    });
  }

  /** 异议: stops auto-confirmation and opens a DISPUTE item for the community, which settles it with resolveDispute. */
  dispute(actor: Actor, id: string, reason: string): Promise<NeedRecord> {
    return this.transition(actor, id, NeedAction.DISPUTE, reason, this.effects.dispute(reason));
  }

  /**
   * Settles a dispute (NEED_DISPUTE_RESOLVE in scope): confirm with the minutes staff established, reopen, or cancel
   * (need-effects.ts).
   */
  async resolveDispute(actor: Actor, id: string, outcome: DisputeOutcome, minutes: number | null | undefined, note: string): Promise<NeedRecord> {
    const failures: DomainException[] = [];
    const given = minutes !== null && minutes !== undefined;
    if (!note?.trim()) failures.push(needErrors.disputeNoteRequired());
    else if (note.length > 500) failures.push(needErrors.disputeNoteTooLong());
    if (outcome === DisputeOutcome.CONFIRM && !given) failures.push(needErrors.disputeMinutesRequired());
    if (given && (!Number.isInteger(minutes) || minutes < 1 || minutes > 720)) failures.push(needErrors.serviceMinutesOutOfRange());
    if (outcome !== DisputeOutcome.CONFIRM && given) failures.push(needErrors.disputeMinutesUnexpected());
    const invalid = allFields(failures);
    if (invalid) throw invalid;
    const action = { CONFIRM: NeedAction.DISPUTE_CONFIRM, REOPEN: NeedAction.DISPUTE_REOPEN, CANCEL: NeedAction.DISPUTE_CANCEL }[outcome];
    const settle = this.effects.resolveDispute(actor.personId, outcome, minutes, note);
    return this.transition(actor, id, action, null, async (m, need, ctx) => {
      if (!actor.can(Permission.NEED_DISPUTE_RESOLVE, { regionPath: need.gridPath })) throw needErrors.disputeResolverOnly();
      return settle(m, need, ctx);
    });
  }

  /**
   * 改期 (staff): a new window in the future, and the need is OPEN again — the way back for an EXPIRED need, and a
   * way to move a published one (an accepted need not yet published is published as usual). Recorded with the old and new window.
   */
  reschedule(actor: Actor, id: string, windowStart: Date, windowEnd: Date, reason: string): Promise<NeedRecord> {
    const failures: DomainException[] = [];
    const now = Date.now();
    const startValid = windowStart instanceof Date && !Number.isNaN(windowStart.getTime());
    if (!startValid) failures.push(needErrors.windowStartInvalid());
    else if (windowStart.getTime() <= now) failures.push(needErrors.windowStartPast());
    if (!(windowEnd instanceof Date) || Number.isNaN(windowEnd.getTime()) || (windowStart instanceof Date && windowEnd.getTime() <= windowStart.getTime()))
      failures.push(needErrors.windowEndBeforeStart());
    else if (windowEnd.getTime() - windowStart.getTime() > 7 * 24 * 3600_000) failures.push(needErrors.windowTooLong());
    const invalid = allFields(failures);
    if (invalid) throw invalid;
    return this.transition(actor, id, NeedAction.RESCHEDULE, reason, this.effects.reschedule(actor.personId, windowStart, windowEnd, reason));
  }

  /** The materialiser: the claimant of a series holds a new occurrence (checked like a claim), in `m`. */
  seriesClaim(m: EntityManager, id: string, volunteerId: string, at: Date): Promise<NeedRecord> {
    return this.transition(null, id, NeedAction.SERIES_CLAIM, null, this.effects.seriesClaim(volunteerId), { manager: m, at });
  }

  /**
   * 整单认领 with no OPEN occurrence: the volunteer must still fit the series as a claim would (the same matching
   * check: approval, own need, area, skills, availability, vetting, age, distance), judged on the series' latest
   * occurrence, which carries its current terms. Overlaps are judged per occurrence when each is held.
   */
  async checkSeriesFit(m: EntityManager, occurrenceId: string, volunteerId: string): Promise<void> {
    const check = await this.matching.check(occurrenceId, volunteerId, m);
    if (!check) throw needErrors.volunteerNotFound();
    const [need] = await this.repo.byIds([occurrenceId], m);
    const excluded = exclusionTexts(
      need,
      check.excluded.filter((e) => e !== Exclusion.OVERLAPPING),
    );
    if (excluded.length > 0) throw needErrors.claimNotEligible(excluded);
  }

  /** Skills not in the seeded list are refused (as posting and updateNeed refuse them). */
  async checkSkills(skills: string[]): Promise<void> {
    if (skills.length === 0) return;
    const notListed = new Set(await this.volunteers.unknownSkills(this.db.manager, skills));
    const unknown = skills.filter((s) => notListed.has(s));
    if (unknown.length > 0) throw needErrors.unknownSkills(unknown);
  }

  /**
   * 周期需求变更 of an occurrence not yet claimed (locked by the caller in the series' transaction `m`): the new
   * values, deadlines still pending started again (as updateNeed does), an UPDATE event with the old and new values.
   */
  async seriesEditIn(
    m: EntityManager,
    actor: Actor,
    need: NeedRecord,
    patch: NeedPatch,
    changes: Record<string, { from: unknown; to: unknown }>,
    reason: string,
    now: Date,
  ): Promise<void> {
    const { acceptBy, claimBy } = deadlinesFrom(now, await this.effects.policyFor(m, need.gridPath, need.urgency));
    const full: NeedPatch = { ...patch, claimDeadline: claimBy };
    if (need.status === NeedStatus.SUBMITTED) full.acceptDeadline = acceptBy;
    await this.repo.apply(m, need.id, need.status, full);
    await this.repo.recordEvent(m, {
      needId: need.id,
      action: 'UPDATE',
      from: need.status,
      to: need.status,
      actorId: actor.personId,
      reason,
      data: { seriesChange: true, changed: Object.keys(changes), changes },
      at: now,
    });
    const [after] = await this.repo.byIds([need.id], m);
    await this.effects.signal(m, NeedSignalType.NEED_CHANGED, after, 'UPDATE', null);
  }

  /** 周期需求变更 of a claimed occurrence, in `m`: the new terms, the claim released without penalty (WINDOW_CHANGED). */
  seriesReleaseIn(m: EntityManager, actor: Actor, id: string, patch: NeedPatch, changes: Record<string, { from: unknown; to: unknown }>, reason: string) {
    return this.transition(actor, id, NeedAction.WINDOW_CHANGED, reason, this.effects.seriesChanged(patch, changes), { manager: m });
  }

  /** A series claim claims each occurrence in the series' transaction `m`. */
  claimIn(m: EntityManager, actor: Actor, id: string): Promise<NeedRecord> {
    return this.transition(actor, id, NeedAction.CLAIM, null, this.effects.claim(), { manager: m });
  }

  /** A series pause or end cancels an occurrence, in the series' transaction `m`. */
  cancelIn(m: EntityManager, actor: Actor, id: string, reason: string): Promise<NeedRecord> {
    return this.transition(actor, id, NeedAction.CANCEL, reason, undefined, { manager: m });
  }

  /** The scheduler: a waiting need whose window passed with nobody holding it. */
  expire(m: EntityManager, id: string, at: Date): Promise<NeedRecord> {
    return this.transition(null, id, NeedAction.EXPIRE, '服务时间已过，无人接单', undefined, { manager: m, at });
  }

  /** The scheduler: 办结 of a confirmed need after the period, unless a review item is still open. */
  autoClose(m: EntityManager, id: string, at: Date): Promise<NeedRecord> {
    return this.transition(null, id, NeedAction.CLOSE, null, this.effects.close(true), { manager: m, at });
  }

  /**
   * 确认+评价. The confirmation is the event the time bank credits: its listeners run inside this transaction,
   * so a failing listener fails the confirmation and nothing of it stays.
   */
  confirm(
    actor: Actor,
    id: string,
    rating: number,
    comment: string | null | undefined,
    tags: string[] | null | undefined,
    minutes?: number | null,
  ): Promise<NeedRecord> {
    const failures: DomainException[] = [];
    if (minutes !== null && minutes !== undefined && (!Number.isInteger(minutes) || minutes < 1)) failures.push(needErrors.confirmMinutesInvalid());
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) failures.push(needErrors.ratingInvalid());
    if (comment && comment.length > 500) failures.push(needErrors.commentTooLong());
    const tagList = [...new Set(tags ?? [])];
    if (tagList.length > 5) failures.push(needErrors.tooManyTags());
    const unknown = tagList.filter((t) => !isRatingTag(t));
    if (unknown.length > 0) failures.push(needErrors.unknownTags(unknown, RATING_TAG_LIST));
    const invalid = allFields(failures);
    if (invalid) throw invalid;
    return this.transition(
      actor,
      id,
      NeedAction.CONFIRM,
      null,
      this.effects.confirm(actor.personId, { rating, comment: comment?.trim() || null, tags: tagList }, minutes),
    );
  }

  /** Auto-confirmation (scheduler): the same effects and the same hooks, without a rating. */
  autoConfirm(m: EntityManager, id: string, at?: Date): Promise<NeedRecord> {
    return this.transition(null, id, NeedAction.AUTO_CONFIRM, null, this.effects.autoConfirm(), { manager: m, at });
  }

  close(actor: Actor, id: string): Promise<NeedRecord> {
    return this.transition(actor, id, NeedAction.CLOSE, null, this.effects.close(false));
  }

  cancel(actor: Actor, id: string, reason: string): Promise<NeedRecord> {
    return this.transition(actor, id, NeedAction.CANCEL, reason);
  }

  // ---------------------------------------------------------------- reviews

  async reviews(actor: Actor, status: string | null, needId: string | null): Promise<NeedReview[]> {
    return this.repo.reviews(actor.scopeOf(Permission.NEED_TRIAGE), status, needId && isUuid(needId) ? needId : null);
  }

  async resolveReview(actor: Actor, id: string, resolution: string): Promise<NeedReview> {
    if (!resolution?.trim()) throw needErrors.resolutionRequired();
    if (resolution.length > 1000) throw needErrors.resolutionTooLong();
    return this.db.transaction(async (m) => {
      const review = isUuid(id) ? await this.repo.lockReview(m, id) : null;
      if (!review) throw needErrors.reviewNotFound();
      if (!actor.can(Permission.NEED_TRIAGE, { regionPath: review.regionPath })) throw needErrors.reviewForbidden();
      if (review.status !== 'OPEN') throw needErrors.reviewAlreadyResolved();
      // A dispute is settled with its outcome (resolveDispute), so that the need and the time bank follow.
      if (review.kind === 'DISPUTE') throw needErrors.useResolveDispute();
      return this.repo.resolveReview(m, id, resolution.trim(), actor.personId);
    });
  }
}
