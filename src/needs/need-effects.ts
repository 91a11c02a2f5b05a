import { haversineKm } from '../matching/scoring.js';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ServiceConfirmationHooks } from '../common/service-confirmed.js';
import { CommitmentChecks } from '../common/commitments.js';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { Exclusion } from '../matching/matching.errors.js';
import { MatchingService } from '../matching/matching.service.js';
import { exclusionTexts } from '../matching/scoring.js';
import { NeedSignalType, NotificationBus } from '../notifications/notification-bus.js';
import { Volunteer } from '../volunteers/volunteer.model.js';
import { VolunteersRepository } from '../volunteers/volunteers.repository.js';
import { addWorkingDays, deadlinesFrom, DEFAULT_DEADLINES, DeadlinePolicy, NeedLoopSettings, Urgency } from './need-deadlines.js';
import { NeedPatch, NeedRecord, present, UNCLAIM } from './need.record.js';
import { NeedStatus } from './need-transitions.js';
import { dispatchNotEligible, needErrors } from './needs.errors.js';
import { NeedsRepository, ReviewKind } from './needs.repository.js';
import { RegionsRepository } from '../regions/regions.repository.js';

const MINUTE = 60_000;

export enum DisputeOutcome {
  /** The service happened: confirm it with the minutes staff established. */
  CONFIRM = 'CONFIRM',
  /** It did not happen as reported: open the need again (EXPIRED if its window is over). */
  REOPEN = 'REOPEN',
  /** No service is owed any more: cancel; nothing is earned. */
  CANCEL = 'CANCEL',
}

/** A time as the resident reads it (Asia/Shanghai), for messages. */
export function fmt(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3600_000);
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
}

/** What a transition does besides moving the status, decided on the locked need inside its transaction. */
export interface NeedEffect {
  patch?: NeedPatch;
  /** Extra data of the history row. */
  data?: unknown;
  /** The history row's reason instead of the actor's. */
  reason?: string;
  /** Runs once the need is updated, on the need as it is now (the time bank's earning, a dispatch signal). */
  after?: (m: EntityManager, after: NeedRecord) => Promise<void>;
}

export interface EffectContext {
  /** The acting person's volunteer profile, if any. */
  volunteer: Volunteer | null;
  /** The clock of the transition (the scheduler passes its own). */
  now: Date;
  to: NeedStatus;
}

export type Effect = (m: EntityManager, need: NeedRecord, ctx: EffectContext) => Promise<NeedEffect | void>;

export interface Rating {
  rating: number;
  comment: string | null;
  tags: string[];
}

/**
 * The need-specific effects of the transitions (the generic engine is src/common/state-machine.ts): the checks that
 * depend on the locked row, the typed patch, the history data, and the consequences that commit with it — review
 * items, volunteer statistics, the time bank's earning, notifications.
 */
export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** Check-in evidence (docs/everyday.md): metres from the need's location, when both points are known. */
export function distanceM(need: NeedRecord, at: GeoPoint | null | undefined): number | null {
  if (!at || need.latitude === null || need.longitude === null) return null;
  return Math.round(haversineKm([need.latitude, need.longitude], [at.latitude, at.longitude]) * 1000);
}

@Injectable()
export class NeedEffects {
  readonly settings: NeedLoopSettings;

  constructor(
    private readonly repo: NeedsRepository,
    private readonly volunteers: VolunteersRepository,
    private readonly matching: MatchingService,
    private readonly hooks: ServiceConfirmationHooks,
    private readonly commitments: CommitmentChecks,
    private readonly bus: NotificationBus,
    private readonly regions: RegionsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.settings = config.needLoop;
  }

  async policyFor(m: EntityManager, gridPath: string, urgency: Urgency): Promise<DeadlinePolicy> {
    return (await this.repo.deadlinePolicy(m, gridPath, urgency)) ?? DEFAULT_DEADLINES[urgency];
  }

  /** Tells the need's people (and the volunteer concerned) through the bus, when `m` commits. */
  async signal(m: EntityManager, type: NeedSignalType, need: NeedRecord, action: string, volunteerId: string | null): Promise<void> {
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

  /** A review item for the need's community (the grid when it has none), due in `workingDays`. */
  async openReview(m: EntityManager, need: NeedRecord, now: Date, kind: ReviewKind, note: string, workingDays: number, rating?: number): Promise<void> {
    const community = (await this.regions.ancestorAt(m, need.gridPath, 'COMMUNITY')) ?? { id: need.gridId, path: need.gridPath };
    await this.repo.openReview(m, {
      needId: need.id,
      kind,
      regionId: community.id,
      regionPath: community.path,
      rating,
      note,
      dueAt: addWorkingDays(now, workingDays),
    });
  }

  /** The window passed without a service: the community calls the resident back and reschedules (or cancels). */
  expiredCallback(m: EntityManager, need: NeedRecord, now: Date): Promise<void> {
    return this.openReview(m, need, now, 'EXPIRED_CALLBACK', '服务时间已过仍未服务，请回访居民并改期或取消', this.settings.callbackWorkingDays);
  }

  // ---------------------------------------------------------------- the loop

  accept(by: string): Effect {
    return async (_m, _n, { now }) => ({ patch: { acceptedBy: by, acceptedAt: now } });
  }

  publish(): Effect {
    return async (_m, _n, { now }) => ({ patch: { publishedAt: now } });
  }

  /** Books `volunteerId` on the need: the fitness and overlap checks in the transaction that updates it. */
  private async hold(m: EntityManager, need: NeedRecord, volunteerId: string, mode: 'claim' | 'dispatch'): Promise<{ score: number }> {
    // A need linked to a project 民生项目 is served by the project's activities, not claimed one by one.
    if (await this.repo.projectOf(m, need.id)) throw needErrors.inProject();
    await this.repo.lockVolunteer(m, volunteerId);
    const check = await this.matching.check(need.id, volunteerId, m);
    if (!check) throw needErrors.volunteerNotFound();
    const overlapping = await this.repo.overlappingHeld(m, volunteerId, need.windowStart, need.windowEnd, need.id);
    if (overlapping) throw needErrors.overlappingCommitment();
    // Commitments other modules own (a project activity slot) count too, asked through the hook.
    if (await this.commitments.overlaps(m, { volunteerId, start: need.windowStart, end: need.windowEnd })) throw needErrors.overlappingCommitment();
    // Overlaps were just checked under the volunteer's lock; the scored snapshot may predate it.
    const excluded = exclusionTexts(
      need,
      check.excluded.filter((e) => e !== Exclusion.OVERLAPPING),
    );
    if (excluded.length > 0) throw mode === 'claim' ? needErrors.claimNotEligible(excluded) : dispatchNotEligible(excluded);
    return { score: check.ranked.score };
  }

  claim(): Effect {
    return async (m, need, { volunteer, now }) => {
      const v = present(volunteer, 'claiming volunteer');
      await this.hold(m, need, v.id, 'claim');
      return { patch: { claimedBy: v.id, claimedAt: now, dispatchedBy: null, dispatchOverrideReason: null }, data: { volunteerId: v.id } };
    };
  }

  /** A series claimant holds a new occurrence (system): the same fitness and overlap checks as a claim. */
  seriesClaim(volunteerId: string): Effect {
    return async (m, need, { now }) => {
      await this.hold(m, need, volunteerId, 'claim');
      return {
        patch: { claimedBy: volunteerId, claimedAt: now, dispatchedBy: null, dispatchOverrideReason: null },
        data: { volunteerId, series: need.seriesId },
      };
    };
  }

  /** The window changed after the claim (updateNeed): the claim is released, counted neither as a withdrawal nor a no-show. */
  windowChanged(windowStart: Date, windowEnd: Date, before: { windowStart: Date; windowEnd: Date }): Effect {
    return async (_m, need) => ({
      patch: { ...UNCLAIM, windowStart, windowEnd },
      data: { volunteerId: need.claimedById, from: { windowStart: before.windowStart, windowEnd: before.windowEnd }, to: { windowStart, windowEnd } },
    });
  }

  /**
   * 周期需求变更 of a claimed occurrence: the new terms apply and the claim is released without penalty (the
   * claimant agreed to the old terms; they may claim again), as a change of window does.
   */
  seriesChanged(patch: NeedPatch, changes: Record<string, { from: unknown; to: unknown }>): Effect {
    return async (_m, need) => ({
      patch: { ...UNCLAIM, ...patch },
      data: { volunteerId: need.claimedById, seriesChange: true, changed: Object.keys(changes), changes },
    });
  }

  /** 派单. Choosing someone other than the top candidate is an override: it needs a reason, and both are recorded. */
  dispatch(by: string, volunteerId: string, reason: string | null | undefined): Effect {
    return async (m, need, { now }) => {
      const chosen = await this.hold(m, need, volunteerId, 'dispatch');
      const [top] = await this.matching.candidates(need.id, 1, m);
      const override = !!top && top.volunteerId !== volunteerId;
      const why = reason?.trim() || null;
      if (override && !why) throw needErrors.overrideReasonRequired(top.score, chosen.score);
      return {
        patch: { claimedBy: volunteerId, claimedAt: now, dispatchedBy: by, dispatchOverrideReason: override ? why : null },
        data: { volunteerId, score: chosen.score, override, topVolunteerId: top?.volunteerId ?? null, topScore: top?.score ?? null, reason: why },
        // History shows why (the override reason, or the note of a batch dispatch).
        reason: why ?? undefined,
        after: async (m2, after) => this.signal(m2, NeedSignalType.NEED_DISPATCHED, after, 'DISPATCH', volunteerId),
      };
    };
  }

  withdraw(): Effect {
    return async (m, need) => {
      const claimant = present(need.claimedById, 'claimant');
      await this.volunteers.bumpStats(m, claimant, { withdrawals: 1 });
      return { patch: UNCLAIM, data: { volunteerId: claimant } };
    };
  }

  /** 爽约: counts against the volunteer's reliability. Staff (`byPerson`) may report it only once the service should have begun. */
  noShow(byPerson: boolean): Effect {
    return async (m, need, { now }) => {
      const from = need.windowStart.getTime() + this.settings.noShowReportMinutes * MINUTE;
      if (byPerson && now.getTime() < from) throw needErrors.noShowTooEarly(this.settings.noShowReportMinutes, fmt(new Date(from)));
      const claimant = present(need.claimedById, 'claimant');
      await this.volunteers.bumpStats(m, claimant, { noShows: 1 });
      return { patch: UNCLAIM, data: { volunteerId: claimant } };
    };
  }

  /** 签到: from `startEarlyMinutes` before the window until `noShowGraceMinutes` after it. */
  start(at?: GeoPoint | null): Effect {
    return async (_m, need, { now }) => {
      const earliest = need.windowStart.getTime() - this.settings.startEarlyMinutes * MINUTE;
      const latest = need.windowEnd.getTime() + this.settings.noShowGraceMinutes * MINUTE;
      if (now.getTime() < earliest) throw needErrors.startTooEarly(fmt(new Date(earliest)));
      if (now.getTime() > latest) throw needErrors.startTooLate();
      const checkinDistanceM = distanceM(need, at);
      return { patch: { startedAt: now, checkinDistanceM }, data: checkinDistanceM === null ? undefined : { checkinDistanceM } };
    };
  }

  /** 签退: the minutes served, at most the time since the start plus a tolerance. */
  complete(minutes: number, note: string | null | undefined, at?: GeoPoint | null): Effect {
    return async (_m, need, { now }) => {
      const checkoutDistanceM = distanceM(need, at);
      const elapsed = Math.floor((now.getTime() - present(need.startedAt, 'start time').getTime()) / MINUTE);
      const most = elapsed + this.settings.completeToleranceMinutes;
      if (minutes > most) throw needErrors.minutesExceedElapsed(elapsed, most);
      return {
        patch: {
          completedAt: now,
          serviceMinutes: minutes,
          completionNote: note?.trim() || null,
          autoConfirmAt: new Date(now.getTime() + this.settings.autoConfirmMinutes * MINUTE),
          checkoutDistanceM,
        },
        data: checkoutDistanceM === null ? { minutes } : { minutes, checkoutDistanceM },
      };
    };
  }

  /** 异议: stops auto-confirmation and opens a DISPUTE item for the community. */
  dispute(reason: string): Effect {
    return async (m, need, { now }) => {
      if (need.disputedAt) throw needErrors.alreadyDisputed();
      await this.openReview(m, need, now, 'DISPUTE', `居民对服务有异议：${reason.trim()}`, this.settings.callbackWorkingDays);
      return { patch: { disputedAt: now, disputeReason: reason.trim() } };
    };
  }

  /** 确认+评价: the confirmer may lower the minutes reported, never raise them; the time bank earns what is confirmed. */
  confirm(by: string, rating: Rating, minutes: number | null | undefined): Effect {
    return async (m, need, { now }) => {
      const reported = present(need.serviceMinutes, 'reported minutes');
      if (minutes !== null && minutes !== undefined && minutes > reported) throw needErrors.minutesExceedReported(reported);
      const adjusted = minutes ?? reported;
      const effect = await this.confirmed(m, need, adjusted, now, by, rating);
      if (adjusted === reported) return effect;
      return {
        ...effect,
        patch: { ...effect.patch, serviceMinutes: adjusted },
        data: { ...(effect.data as object), reportedMinutes: reported, minutes: adjusted },
      };
    };
  }

  /** Auto-confirmation (scheduler): the same effects and the same hooks, without a rating. */
  autoConfirm(): Effect {
    return async (m, need, { now }) => this.confirmed(m, need, present(need.serviceMinutes, 'reported minutes'), now, null, null);
  }

  /**
   * What every confirmation does: the volunteer's statistics, a review item for a low rating, and — once the need is
   * updated — the time bank's earning of `minutes`, whose listeners run in this transaction (a failing listener
   * fails the confirmation and nothing of it stays).
   */
  private async confirmed(m: EntityManager, need: NeedRecord, minutes: number, now: Date, by: string | null, rating: Rating | null): Promise<NeedEffect> {
    const volunteerId = present(need.claimedById, 'claimant');
    await this.volunteers.bumpStats(m, volunteerId, { completed: 1, rating: rating?.rating, servedAt: now });
    if (rating && rating.rating <= 2) {
      await this.openReview(m, need, now, 'LOW_RATING', '差评回访：请联系居民了解情况并整改', this.settings.reviewFixWorkingDays, rating.rating);
    }
    const [volunteer] = await this.volunteers.byIds([volunteerId], m);
    return {
      patch: { confirmedAt: now, confirmedBy: by, ...(rating ? { rating: rating.rating, ratingComment: rating.comment, ratingTags: rating.tags } : {}) },
      data: rating ? { rating: rating.rating, tags: rating.tags } : { auto: true },
      after: async (m2, after) => {
        await this.hooks.confirmed(m2, {
          needId: after.id,
          volunteerId,
          volunteerPersonId: present(volunteer, 'claimant profile').personId,
          beneficiaryPersonId: after.beneficiaryId,
          gridId: after.gridId,
          minutes,
          title: after.title,
          category: after.category,
          address: after.address,
          startedAt: present(after.startedAt, 'start time'),
          endedAt: present(after.completedAt, 'completion time'),
          // Auto-confirmation has no confirming person: the staff member who accepted the need (首接负责) answers for it.
          confirmedBy: by ?? after.acceptedById ?? after.postedById,
          confirmedAt: now,
          groupActivity: after.groupActivity,
        });
      },
    };
  }

  /** 办结, by staff or the scheduler (`auto`), once no review item is open. */
  close(auto: boolean): Effect {
    return async (m, need, { now }) => {
      if ((await this.repo.openReviewCount(m, need.id)) > 0) throw auto ? needErrors.openReviewPendingAuto() : needErrors.openReviewPending();
      return auto ? { patch: { closedAt: now }, data: { auto: true } } : { patch: { closedAt: now } };
    };
  }

  // ---------------------------------------------------------------- disputes and rescheduling

  /**
   * Settles a dispute: confirm with the minutes staff established (through the same confirmation path, so the time
   * bank earns exactly those), reopen, or cancel. The DISPUTE item is resolved with the note in the same transaction.
   */
  resolveDispute(by: string, outcome: DisputeOutcome, minutes: number | null | undefined, note: string): Effect {
    return async (m, need, { now }) => {
      if (!need.disputedAt) throw needErrors.notDisputed();
      const reported = present(need.serviceMinutes, 'reported minutes');
      // Staff establish what was really served: never more than the volunteer reported.
      if (minutes !== null && minutes !== undefined && minutes > reported) throw needErrors.minutesExceedReported(reported);
      const text = note.trim();
      await this.repo.resolveOpenReviews(m, need.id, 'DISPUTE', text, by);
      const data = { outcome, note: text, reportedMinutes: reported, minutes: minutes ?? null };
      if (outcome === DisputeOutcome.CONFIRM) {
        const established = present(minutes, 'established minutes');
        const effect = await this.confirmed(m, need, established, now, by, null);
        return { ...effect, patch: { ...effect.patch, serviceMinutes: established }, data, reason: text };
      }
      if (outcome === DisputeOutcome.REOPEN) {
        return {
          patch: {
            ...UNCLAIM,
            startedAt: null,
            completedAt: null,
            serviceMinutes: null,
            completionNote: null,
            autoConfirmAt: null,
            disputedAt: null,
            disputeReason: null,
          },
          data: { ...data, volunteerId: need.claimedById },
          reason: text,
        };
      }
      return { patch: { statusReason: text }, data, reason: text };
    };
  }

  /** 改期: the new window must fit the estimate; the EXPIRED callback is resolved and the claim deadline restarts. */
  reschedule(by: string, windowStart: Date, windowEnd: Date, reason: string): Effect {
    return async (m, need, { now }) => {
      if (need.estimatedMinutes > (windowEnd.getTime() - windowStart.getTime()) / MINUTE) throw needErrors.windowShorterThanEstimate();
      await this.repo.resolveOpenReviews(m, need.id, 'EXPIRED_CALLBACK', `已改期：${reason.trim()}`, by);
      const { claimBy } = deadlinesFrom(now, await this.policyFor(m, need.gridPath, need.urgency));
      return {
        patch: { windowStart, windowEnd, publishedAt: now, claimDeadline: claimBy, claimBreachedAt: null },
        data: { from: [need.windowStart, need.windowEnd], to: [windowStart, windowEnd] },
      };
    };
  }
}
