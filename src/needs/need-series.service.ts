import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { badInput } from '../common/errors.js';
import { Connection, toConnection } from '../common/graphql/connection.js';
import { KeysetOrder, pageRequest } from '../common/keyset-page.js';
import { isUuid } from '../common/ids.js';
import { withSavepoint } from '../database/savepoint.js';
import { logger } from '../common/logging/logger.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { VolunteerStatus } from '../volunteers/volunteer.model.js';
import { NeedEffects } from './need-effects.js';
import { deadlinesFrom } from './need-deadlines.js';
import { firstStartFrom, Occurrence, occurrencesBetween, parseStartTime, Recurrence, recurrenceFault, timeOfDayMs, windowOnDay } from './need-recurrence.js';
import { NeedSeriesRecord, NeedSeriesRepository, NeedSeriesStatus, SeriesChange } from './need-series.repository.js';
import { ChangeNeedSeriesInput, NeedSeries, PostNeedInput } from './need.model.js';
import { NeedPatch, NeedRecord } from './need.record.js';
import { NeedStatus } from './need-transitions.js';
import { needErrors } from './needs.errors.js';
import { NeedPlace, placeAfter, placeChanges } from './need-location.js';
import { NeedsRepository } from './needs.repository.js';
import { NeedsService } from './needs.service.js';

/** How far ahead occurrences exist as needs (docs/everyday.md). */
export const MATERIALISE_DAYS = 28;
const DAY_MS = 24 * 3600_000;
const SERIES_BATCH = 50;
/** The order of a series' occurrences (repository `occurrences`): window start, then id. */
const OCCURRENCE_ORDER: KeysetOrder = {
  keys: [
    { sql: 'window_start', type: 'timestamptz' },
    { sql: 'id', type: 'uuid' },
  ],
  direction: 'ASC',
};

/** What a series shows, with what the last series claim skipped (not stored: the answer of that call). */
export type SeriesView = NeedSeries & { record: NeedSeriesRecord };

/**
 * 周期需求 (docs/everyday.md): a recurring need is a series whose occurrences are ordinary needs, materialised
 * ahead of time (MATERIALISE_DAYS) idempotently — unique (series, day) — by whoever runs first: the posting itself,
 * the scheduler on any instance, a series claim.
 */
@Injectable()
export class NeedSeriesService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: NeedSeriesRepository,
    private readonly needsRepo: NeedsRepository,
    private readonly needs: NeedsService,
    private readonly effects: NeedEffects,
  ) {}

  /** postNeed with a recurrence: the series and its first occurrences; returns the first occurrence. */
  async post(actor: Actor, input: PostNeedInput, now = new Date()): Promise<NeedRecord> {
    const r = input.recurrence!;
    const recurrence: Recurrence = {
      weekdays: [...new Set(r.weekdays ?? [])].sort(),
      everyDays: r.everyDays ?? null,
      until: r.until ?? null,
      count: r.count ?? null,
    };
    const fault = input.windowStart instanceof Date ? recurrenceFault(recurrence, input.windowStart) : null;
    if (fault) throw badInput(fault.field, fault.message);
    const firstId = await this.db.transaction(async (m) => {
      const { need, proxy, staff } = await this.needs.prepare(m, actor, input, now);
      const seriesId = await this.repo.insert(m, {
        ...recurrence,
        firstStart: need.windowStart,
        windowMinutes: Math.round((need.windowEnd.getTime() - need.windowStart.getTime()) / 60_000),
        template: {
          title: need.title,
          description: need.description,
          category: need.category,
          urgency: need.urgency,
          gridId: need.gridId,
          address: need.address,
          latitude: need.latitude,
          longitude: need.longitude,
          estimatedMinutes: need.estimatedMinutes,
          requiredSkills: need.requiredSkills,
          preferPartyMember: need.preferPartyMember,
          homeEntry: need.homeEntry,
          groupActivity: need.groupActivity,
          requiresVetting: need.requiresVetting,
        },
        // Staff of the grid posting it have accepted and published it by posting: each occurrence is OPEN at once.
        publish: staff,
        beneficiaryId: need.beneficiaryId,
        postedById: actor.personId,
        gridPath: need.gridPath,
      });
      const series = (await this.repo.lock(m, seriesId))!;
      const ids = await this.materialise(m, series, now, { proxy });
      return ids[0];
    });
    return (await this.needsRepo.byIds([firstId]))[0];
  }

  /**
   * The occurrences of `series` up to now + MATERIALISE_DAYS that do not exist yet, in `m` (the series row locked
   * by the caller). Each is an ordinary need; a series claimant holds each new one if it fits (else it stays OPEN).
   */
  async materialise(m: EntityManager, series: NeedSeriesRecord, now: Date, opts: { proxy?: boolean } = {}): Promise<string[]> {
    if (series.status === NeedSeriesStatus.ENDED) return [];
    const last = await this.repo.lastOccurrenceStart(m, series.id);
    const after = new Date(Math.max(now.getTime(), last?.getTime() ?? 0));
    const due = occurrencesBetween(series, after, new Date(now.getTime() + MATERIALISE_DAYS * DAY_MS));
    return this.insertOccurrences(m, series, due, now, opts);
  }

  /** Inserts the given occurrences (a day that exists already is skipped), each held for the series' claimant if it fits. */
  private async insertOccurrences(m: EntityManager, series: NeedSeriesRecord, due: Occurrence[], now: Date, opts: { proxy?: boolean } = {}): Promise<string[]> {
    const ids: string[] = [];
    for (const o of due) {
      const { acceptBy, claimBy } = deadlinesFrom(now, await this.effects.policyFor(m, series.gridPath, series.template.urgency));
      const id = await this.repo.insertOccurrence(m, {
        seriesId: series.id,
        date: o.date,
        postedBy: series.postedById,
        beneficiaryId: series.beneficiaryId,
        gridPath: series.gridPath,
        t: series.template,
        windowStart: o.windowStart,
        windowEnd: o.windowEnd,
        acceptBy,
        claimBy,
        published: series.publish,
        now,
      });
      if (!id) continue;
      const data = { proxy: opts.proxy ?? series.postedById !== series.beneficiaryId, series: series.id, occurrence: o.date };
      await this.needsRepo.recordEvent(m, { needId: id, action: 'POST', from: null, to: NeedStatus.SUBMITTED, actorId: series.postedById, data, at: now });
      if (series.publish) {
        await this.needsRepo.recordEvent(m, {
          needId: id,
          action: 'ACCEPT',
          from: NeedStatus.SUBMITTED,
          to: NeedStatus.ACCEPTED,
          actorId: series.postedById,
          reason: '周期需求自动受理',
          at: now,
        });
        await this.needsRepo.recordEvent(m, {
          needId: id,
          action: 'PUBLISH',
          from: NeedStatus.ACCEPTED,
          to: NeedStatus.OPEN,
          actorId: series.postedById,
          reason: '周期需求自动发布',
          at: now,
        });
      }
      ids.push(id);
      if (series.claimantVolunteerId && series.publish) {
        // A clash or a lapse of fitness leaves that occurrence OPEN for others; the series keeps its claimant.
        const claimant = series.claimantVolunteerId;
        try {
          await withSavepoint(m, 'series_claim', () => this.needs.seriesClaim(m, id, claimant, now));
        } catch (err) {
          logger.info('series occurrence not claimed', { needId: id, message: err instanceof Error ? err.message : String(err) });
        }
      }
    }
    return ids;
  }

  /**
   * The scheduler's part: materialise the series that are due (not covered up to the horizon yet), at most `batch`
   * per run, the least recently covered first (each locked with SKIP LOCKED: once across instances). Each series is
   * its own savepoint: one that fails is logged and put at the back of the queue, the others go on. A series whose
   * rule has no day after the horizon (until/count exhausted) ends ('周期已完成') once its last occurrence has
   * started; until then it is taken again only when that occurrence starts. Returns the occurrences made.
   */
  async tick(now = new Date(), batch = SERIES_BATCH): Promise<number> {
    const horizon = new Date(now.getTime() + MATERIALISE_DAYS * DAY_MS);
    return this.db.transaction(async (m) => {
      let made = 0;
      for (const s of await this.repo.lockDue(m, horizon, batch)) {
        try {
          made += await withSavepoint(m, 'series_tick', async () => {
            const ids = await this.materialise(m, s, now);
            await this.afterMaterialise(m, s, now, horizon);
            return ids.length;
          });
        } catch (err) {
          logger.error('need series not materialised', { seriesId: s.id, message: err instanceof Error ? err.message : String(err) });
          await this.repo.markMaterialised(m, s.id, horizon);
        }
      }
      return made;
    });
  }

  /** Records the coverage of a materialised series, or ends it when its rule is exhausted and its last occurrence has started. */
  private async afterMaterialise(m: EntityManager, s: NeedSeriesRecord, now: Date, horizon: Date): Promise<void> {
    const bounded = s.until !== null || s.count !== null;
    const more = !bounded || occurrencesBetween({ ...s, pauses: [] }, horizon, new Date(8.64e15)).length > 0;
    if (more) return this.repo.markMaterialised(m, s.id, horizon);
    const last = await this.repo.lastOccurrenceStart(m, s.id);
    if (last && last.getTime() > now.getTime()) {
      // Due again (materialised_until < horizon) once `now` passes the last start.
      return this.repo.markMaterialised(m, s.id, new Date(last.getTime() + MATERIALISE_DAYS * DAY_MS));
    }
    await this.repo.update(m, s.id, { status: NeedSeriesStatus.ENDED, endedReason: '周期已完成' });
    await this.repo.markMaterialised(m, s.id, horizon);
    logger.info('need series completed', { seriesId: s.id });
  }

  // ---------------------------------------------------------------- reading and acting

  /** Who may see and manage a series: its resident side and staff of its grid. */
  private manages(actor: Actor, s: NeedSeriesRecord): boolean {
    return actor.personId === s.beneficiaryId || actor.personId === s.postedById || actor.can(Permission.NEED_TRIAGE, { regionPath: s.gridPath });
  }

  /** Who may read a series (needSeries, Need.series): those who manage it and the series' claimant. */
  private async mayRead(actor: Actor, s: NeedSeriesRecord): Promise<boolean> {
    if (this.manages(actor, s)) return true;
    if (!s.claimantVolunteerId) return false;
    const volunteer = await this.needs.myVolunteer(actor.personId);
    return !!volunteer && s.claimantVolunteerId === volunteer.id;
  }

  async get(actor: Actor, id: string): Promise<SeriesView | null> {
    const [s] = isUuid(id) ? await this.repo.byIds([id]) : [];
    if (!s) return null;
    if (!(await this.mayRead(actor, s))) throw needErrors.seriesForbidden();
    return this.view(s, []);
  }

  /**
   * The series of a need, only for those who may read the series itself (as needSeries): seeing one occurrence
   * (an OPEN one, say) does not show the pauses, changes and other occurrences of the series. Others get null.
   */
  async ofNeed(actor: Actor, need: NeedRecord): Promise<SeriesView | null> {
    if (!need.seriesId) return null;
    const [s] = await this.repo.byIds([need.seriesId]);
    if (!s || !(await this.mayRead(actor, s))) return null;
    return this.view(s, []);
  }

  view(s: NeedSeriesRecord, skipped: string[], now = new Date()): SeriesView {
    const pausedNow = s.pauses.some((p) => p.from.getTime() <= now.getTime() && now.getTime() < p.until.getTime());
    return {
      id: s.id,
      status: s.status === NeedSeriesStatus.ENDED ? 'ENDED' : pausedNow ? 'PAUSED' : 'ACTIVE',
      recurrence: { weekdays: s.weekdays, everyDays: s.everyDays, until: s.until, count: s.count },
      firstWindowStart: s.firstStart,
      windowMinutes: s.windowMinutes,
      pauses: s.pauses,
      endedReason: s.endedReason,
      claimantVolunteerId: s.claimantVolunteerId,
      skipped,
      changes: s.changes,
      record: s,
    };
  }

  async occurrences(s: NeedSeriesRecord, first: number, cursor: string | null | undefined): Promise<Connection<NeedRecord>> {
    // The cursor is checked (arity, an ISO timestamp and a uuid) before it reaches SQL: a crafted one is BAD_USER_INPUT.
    const after = pageRequest({ first, after: cursor ?? undefined }, OCCURRENCE_ORDER).after as [string, string] | null;
    const { rows, total } = await this.repo.occurrences(s.id, first, after);
    const needs = new Map((await this.needsRepo.byIds(rows.map((r) => r.id))).map((n) => [n.id, n]));
    return toConnection(
      rows,
      first,
      total,
      (r) => [r.window_start.toISOString(), r.id],
      (r) => needs.get(r.id)!,
    );
  }

  /**
   * 暂停: occurrences starting in [from, until) are cancelled with the reason (a claimant is freed by it) and none
   * is materialised there later; everything else stays as it was.
   */
  async pause(actor: Actor, id: string, from: Date, until: Date, reason: string): Promise<SeriesView> {
    const why = reason?.trim();
    if (!why) throw needErrors.reasonRequired();
    if (why.length > 500) throw needErrors.reasonTooLong();
    if (!(from instanceof Date) || !(until instanceof Date) || until.getTime() <= from.getTime()) throw badInput('until', '暂停的结束时间应晚于开始时间');
    return this.db.transaction(async (m) => {
      const s = await this.lockManaged(m, actor, id);
      const live = await this.repo.occurrenceIds(m, s.id, [NeedStatus.SUBMITTED, NeedStatus.ACCEPTED, NeedStatus.OPEN, NeedStatus.CLAIMED], from, until);
      for (const needId of live) await this.needs.cancelIn(m, actor, needId, `周期需求暂停：${why}`);
      const pauses = [...s.pauses, { from, until, reason: why }];
      await this.repo.update(m, s.id, { pauses });
      return this.view({ ...s, pauses }, []);
    });
  }

  /** 结束: no more occurrences; the future ones not yet started are cancelled with the reason. */
  async end(actor: Actor, id: string, reason: string): Promise<SeriesView> {
    const why = reason?.trim();
    if (!why) throw needErrors.reasonRequired();
    if (why.length > 500) throw needErrors.reasonTooLong();
    return this.db.transaction(async (m) => {
      const s = await this.lockManaged(m, actor, id);
      if (s.status === NeedSeriesStatus.ENDED) throw needErrors.seriesEnded();
      const live = await this.repo.occurrenceIds(m, s.id, [NeedStatus.SUBMITTED, NeedStatus.ACCEPTED, NeedStatus.OPEN, NeedStatus.CLAIMED], new Date(), null);
      for (const needId of live) await this.needs.cancelIn(m, actor, needId, `周期需求结束：${why}`);
      await this.repo.update(m, s.id, { status: NeedSeriesStatus.ENDED, endedReason: why });
      return this.view({ ...s, status: NeedSeriesStatus.ENDED, endedReason: why }, []);
    });
  }

  /**
   * 整单认领: the calling volunteer claims every materialised OPEN occurrence (each its own claim, checked for
   * clashes and fitness like any claim) and becomes the series' claimant, so future occurrences are held for them
   * too. An occurrence that does not fit is skipped and named in `skipped`. With no OPEN occurrence the volunteer
   * must still fit the series (the matching check of a claim, on its latest occurrence), else NOT_ELIGIBLE.
   */
  async claim(actor: Actor, id: string): Promise<SeriesView> {
    const volunteer = await this.needs.myVolunteer(actor.personId);
    if (!volunteer || volunteer.status !== VolunteerStatus.APPROVED) throw needErrors.notApprovedVolunteer();
    const skipped: string[] = [];
    await this.db.transaction(async (m) => {
      const [s] = isUuid(id) ? await this.repo.byIds([id], m) : [];
      if (!s) throw needErrors.seriesNotFound();
      const locked = (await this.repo.lock(m, s.id))!;
      if (locked.status === NeedSeriesStatus.ENDED) throw needErrors.seriesEnded();
      if (!locked.publish) throw needErrors.seriesNotPublished();
      if (locked.claimantVolunteerId && locked.claimantVolunteerId !== volunteer.id) throw needErrors.seriesTaken();
      await this.materialise(m, locked, new Date());
      const open = await this.repo.occurrenceIds(m, s.id, [NeedStatus.OPEN], new Date(), null);
      let claimed = 0;
      for (const needId of open) {
        const [need] = await this.needsRepo.byIds([needId], m);
        try {
          await withSavepoint(m, 'occurrence_claim', () => this.needs.claimIn(m, actor, needId));
          claimed++;
        } catch (err) {
          skipped.push(`${need.windowStart.toISOString()}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      if (claimed === 0 && open.length > 0) throw needErrors.seriesNothingClaimable(skipped);
      if (open.length === 0) {
        // Nothing to claim now: the volunteer becomes the claimant of later occurrences only if they fit the series.
        const latest = await this.repo.lastOccurrenceId(m, s.id);
        if (!latest) throw needErrors.seriesNothingClaimable([]);
        await this.needs.checkSeriesFit(m, latest, volunteer.id);
      }
      await this.repo.update(m, s.id, { claimantVolunteerId: volunteer.id });
    });
    const [s] = await this.repo.byIds([id]);
    return this.view(s, skipped);
  }

  /**
   * 周期需求变更 (docs/everyday.md): the series changes from `from` on (never before now). Under the series lock —
   * the one the materialiser takes, so the two never interleave — each occurrence starting from then on is looked
   * at under its own row lock: one not yet claimed is updated in place (its day kept) or cancelled (its day dropped);
   * a claimed one whose terms change is released without penalty (WINDOW_CHANGED: the claimant agreed to the old
   * terms and may claim again) or cancelled if its day is dropped; started, served and ended ones stay as they
   * are; past ones are never touched. The new days up to the horizon are materialised at once, and the change is
   * recorded on the series (with the shape before it) and on every occurrence it touched. A change of terms also
   * clears the series' claimant (claimNeedSeries again to agree). Repeating the same change changes nothing.
   */
  async change(actor: Actor, id: string, from: Date, input: ChangeNeedSeriesInput, now = new Date()): Promise<SeriesView> {
    if (!(from instanceof Date) || Number.isNaN(from.getTime())) throw needErrors.seriesChangeFromInvalid();
    const given = (
      ['startTime', 'windowMinutes', 'weekdays', 'everyDays', 'until', 'count', 'address', 'latitude', 'longitude', 'description', 'requiredSkills'] as const
    ).filter((k) => input[k] !== undefined && input[k] !== null);
    if (given.length === 0) throw needErrors.seriesChangeNothing();
    if ((input.latitude == null) !== (input.longitude == null)) throw input.latitude != null ? needErrors.longitudeMissing() : needErrors.latitudeMissing();
    const startTime = input.startTime != null ? parseStartTime(input.startTime) : null;
    if (input.startTime != null && startTime === null) throw needErrors.seriesStartTimeInvalid();
    const skills = input.requiredSkills ? [...new Set(input.requiredSkills.map((k) => k.trim()).filter(Boolean))] : null;
    if (skills) await this.needs.checkSkills(skills);
    const why = input.reason?.trim() || null;
    const effective = new Date(Math.max(from.getTime(), now.getTime()));

    const view = await this.db.transaction(async (m) => {
      const s = await this.lockManaged(m, actor, id);
      if (s.status === NeedSeriesStatus.ENDED) throw needErrors.seriesEnded();
      // The new shape.
      const windowMinutes = input.windowMinutes ?? s.windowMinutes;
      const estimated = s.template.estimatedMinutes;
      if (!Number.isInteger(windowMinutes) || windowMinutes < estimated || windowMinutes > 7 * 24 * 60) throw needErrors.seriesWindowMinutesInvalid(estimated);
      const weekly = input.weekdays != null ? true : input.everyDays != null ? false : s.everyDays === null;
      const weekdays = input.weekdays != null ? [...new Set(input.weekdays)].sort() : weekly ? s.weekdays : [];
      const everyDays = weekly ? null : (input.everyDays ?? s.everyDays);
      if (input.weekdays != null && input.everyDays != null) throw badInput('input', '请选择每周的星期几，或每隔几天（二选一）');
      const phase = !weekly && s.everyDays !== null && input.everyDays == null ? { firstStart: s.firstStart, everyDays: s.everyDays } : null;
      // The rule never starts earlier than it does now: days an earlier change left before its first start stay as they are.
      const ruleFrom = new Date(Math.max(effective.getTime(), s.firstStart.getTime()));
      const firstStart = firstStartFrom(ruleFrom, startTime ?? timeOfDayMs(s.firstStart), weekdays, everyDays, phase);
      if (!firstStart) throw needErrors.seriesChangeNoDay();
      const until = input.until !== undefined && input.until !== null ? input.until : input.count != null ? null : s.until;
      let count: number | null = input.count ?? null;
      if (count === null && input.until == null && s.count !== null) {
        // The count left: the old shape's occurrences before the change (paused ones count, as they do in the rule).
        const before = occurrencesBetween({ ...s, count: null, pauses: [] }, new Date(0), new Date(firstStart.getTime() - 1)).length;
        count = s.count - before;
        if (count < 1) throw needErrors.seriesChangeAfterEnd();
      }
      if (until !== null && until.getTime() < firstStart.getTime())
        throw input.until != null ? needErrors.seriesChangeNoDay() : needErrors.seriesChangeAfterEnd();
      const recurrence: Recurrence = { weekdays, everyDays, until, count };
      const fault = recurrenceFault(recurrence, firstStart);
      if (fault) throw badInput(fault.field.replace(/^recurrence/, 'input'), fault.message);
      const template = {
        ...s.template,
        ...placeAfter(s.template, input),
        description: input.description != null ? input.description.trim() || null : s.template.description,
        requiredSkills: skills ?? s.template.requiredSkills,
      };
      const changed: string[] = [];
      if (timeOfDayMs(firstStart) !== timeOfDayMs(s.firstStart)) changed.push('startTime');
      if (windowMinutes !== s.windowMinutes) changed.push('windowMinutes');
      if (
        weekdays.join() !== s.weekdays.join() ||
        everyDays !== s.everyDays ||
        until?.getTime() !== s.until?.getTime() ||
        (count !== null && count !== s.count)
      )
        changed.push('recurrence');
      if (template.address !== s.template.address) changed.push('address');
      if (template.latitude !== s.template.latitude || template.longitude !== s.template.longitude) changed.push('location');
      if (template.description !== s.template.description) changed.push('description');
      if (template.requiredSkills.join('|') !== s.template.requiredSkills.join('|')) changed.push('requiredSkills');
      const reshaped: NeedSeriesRecord = { ...s, weekdays, everyDays, until, count, firstStart, windowMinutes, template };

      // The occurrences from the change on, against the days the new shape has up to the horizon.
      const horizon = new Date(now.getTime() + MATERIALISE_DAYS * DAY_MS);
      const wanted = new Map(occurrencesBetween(reshaped, new Date(firstStart.getTime() - 1), horizon).map((o) => [o.date, o]));
      const reason = why ? `周期需求变更：${why}` : '周期需求变更';
      let updated = 0;
      let released = 0;
      let cancelled = 0;
      for (const row of await this.repo.occurrencesFrom(m, s.id, effective)) {
        const need = await this.needsRepo.lock(m, row.id);
        if (!need) continue;
        const live = [NeedStatus.SUBMITTED, NeedStatus.ACCEPTED, NeedStatus.OPEN, NeedStatus.CLAIMED].includes(need.status);
        if (!live) continue;
        // A day of an earlier change's rule (before the current rule's first start) stays a day: only its terms change.
        const earlier = need.windowStart.getTime() < s.firstStart.getTime();
        const o = wanted.get(row.date) ?? (earlier ? windowOnDay(row.date, startTime ?? timeOfDayMs(need.windowStart), windowMinutes) : undefined);
        if (!o) {
          await this.needs.cancelIn(m, actor, need.id, `${reason}（不再包括这一天）`);
          cancelled++;
          continue;
        }
        const { patch, changes } = occurrencePatch(need, o, template);
        if (Object.keys(changes).length === 0) continue;
        if (need.status === NeedStatus.CLAIMED) {
          await this.needs.seriesReleaseIn(m, actor, need.id, patch, changes, reason);
          released++;
        } else {
          await this.needs.seriesEditIn(m, actor, need, patch, changes, reason, now);
          updated++;
        }
      }
      const have = await this.repo.occurrenceDays(m, s.id);
      const termsChanged = changed.some((c) => c !== 'recurrence') || weekdays.join() !== s.weekdays.join() || everyDays !== s.everyDays;
      const next: NeedSeriesRecord = { ...reshaped, claimantVolunteerId: termsChanged ? null : s.claimantVolunteerId };
      const added = (
        await this.insertOccurrences(
          m,
          next,
          [...wanted.values()].filter((o) => !have.has(o.date)),
          now,
        )
      ).length;
      if (changed.length === 0 && updated + released + cancelled + added === 0) return this.view(s, []);
      const change: SeriesChange = {
        from: effective,
        at: now,
        byPersonId: actor.personId,
        reason: why,
        changed,
        updated,
        released,
        cancelled,
        added,
        before: {
          weekdays: s.weekdays,
          everyDays: s.everyDays,
          until: s.until,
          count: s.count,
          firstStart: s.firstStart,
          windowMinutes: s.windowMinutes,
          description: s.template.description,
          requiredSkills: s.template.requiredSkills,
          claimantVolunteerId: s.claimantVolunteerId,
        },
      };
      await this.repo.reshape(m, s.id, next, change);
      logger.info('need series changed', { seriesId: s.id, changed, updated, released, cancelled, added });
      return this.view({ ...next, changes: [...s.changes, change] }, []);
    });
    return view;
  }

  private async lockManaged(m: EntityManager, actor: Actor, id: string): Promise<NeedSeriesRecord> {
    const s = isUuid(id) ? await this.repo.lock(m, id) : null;
    if (!s) throw needErrors.seriesNotFound();
    if (!this.manages(actor, s)) throw needErrors.seriesForbidden();
    return s;
  }
}

/** What an occurrence changes to for a new shape and template: the window of its day, place, description, skills. */
function occurrencePatch(
  need: NeedRecord,
  o: Occurrence,
  t: NeedPlace & { description: string | null; requiredSkills: string[] },
): { patch: NeedPatch; changes: Record<string, { from: unknown; to: unknown }> } {
  const patch: NeedPatch = {};
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const place = { address: t.address, latitude: t.latitude, longitude: t.longitude };
  const moved = placeChanges(need, place);
  if (moved) {
    Object.assign(patch, place);
    Object.assign(changes, moved);
  }
  if (need.windowStart.getTime() !== o.windowStart.getTime() || need.windowEnd.getTime() !== o.windowEnd.getTime()) {
    patch.windowStart = o.windowStart;
    patch.windowEnd = o.windowEnd;
    changes.window = { from: [need.windowStart, need.windowEnd], to: [o.windowStart, o.windowEnd] };
  }
  if ((need.description ?? null) !== t.description) {
    patch.description = t.description;
    changes.description = { from: need.description, to: t.description };
  }
  if (need.requiredSkills.join('|') !== t.requiredSkills.join('|')) {
    patch.requiredSkills = t.requiredSkills;
    changes.requiredSkills = { from: need.requiredSkills, to: t.requiredSkills };
  }
  return { patch, changes };
}
