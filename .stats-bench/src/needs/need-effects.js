var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { Inject, Injectable } from '@nestjs/common';
import { ServiceConfirmationHooks } from '../common/service-confirmed.js';
import { APP_CONFIG } from '../config/config.js';
import { Exclusion } from '../matching/matching.errors.js';
import { MatchingService } from '../matching/matching.service.js';
import { exclusionTexts } from '../matching/scoring.js';
import { NeedSignalType, NotificationBus } from '../notifications/notification-bus.js';
import { VolunteersRepository } from '../volunteers/volunteers.repository.js';
import { addWorkingDays, deadlinesFrom, DEFAULT_DEADLINES } from './need-deadlines.js';
import { present, UNCLAIM } from './need.record.js';
import { dispatchNotEligible, needErrors } from './needs.errors.js';
import { NeedsRepository } from './needs.repository.js';
const MINUTE = 60_000;
export var DisputeOutcome;
(function (DisputeOutcome) {
    /** The service happened: confirm it with the minutes staff established. */
    DisputeOutcome["CONFIRM"] = "CONFIRM";
    /** It did not happen as reported: open the need again (EXPIRED if its window is over). */
    DisputeOutcome["REOPEN"] = "REOPEN";
    /** No service is owed any more: cancel; nothing is earned. */
    DisputeOutcome["CANCEL"] = "CANCEL";
})(DisputeOutcome || (DisputeOutcome = {}));
/** A time as the resident reads it (Asia/Shanghai), for messages. */
export function fmt(at) {
    const local = new Date(at.getTime() + 8 * 3600_000);
    return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
}
/**
 * The need-specific effects of the transitions (the generic engine is src/common/state-machine.ts): the checks that
 * depend on the locked row, the typed patch, the history data, and the consequences that commit with it — review
 * items, volunteer statistics, the time bank's earning, notifications.
 */
let NeedEffects = class NeedEffects {
    repo;
    volunteers;
    matching;
    hooks;
    bus;
    settings;
    constructor(repo, volunteers, matching, hooks, bus, config) {
        this.repo = repo;
        this.volunteers = volunteers;
        this.matching = matching;
        this.hooks = hooks;
        this.bus = bus;
        this.settings = config.needLoop;
    }
    async policyFor(m, gridPath, urgency) {
        return (await this.repo.deadlinePolicy(m, gridPath, urgency)) ?? DEFAULT_DEADLINES[urgency];
    }
    /** Tells the need's people (and the volunteer concerned) through the bus, when `m` commits. */
    async signal(m, type, need, action, volunteerId) {
        let volunteerPersonId = null;
        if (volunteerId)
            volunteerPersonId = (await this.volunteers.byIds([volunteerId], m))[0]?.personId ?? null;
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
    async openReview(m, need, now, kind, note, workingDays, rating) {
        const community = (await this.repo.ancestorAt(m, need.gridPath, 'COMMUNITY')) ?? { id: need.gridId, path: need.gridPath };
        await this.repo.openReview(m, { needId: need.id, kind, regionId: community.id, regionPath: community.path, rating, note, dueAt: addWorkingDays(now, workingDays) });
    }
    /** The window passed without a service: the community calls the resident back and reschedules (or cancels). */
    expiredCallback(m, need, now) {
        return this.openReview(m, need, now, 'EXPIRED_CALLBACK', '服务时间已过仍未服务，请回访居民并改期或取消', this.settings.callbackWorkingDays);
    }
    // ---------------------------------------------------------------- the loop
    accept(by) {
        return async (_m, _n, { now }) => ({ patch: { acceptedBy: by, acceptedAt: now } });
    }
    publish() {
        return async (_m, _n, { now }) => ({ patch: { publishedAt: now } });
    }
    /** Books `volunteerId` on the need: the fitness and overlap checks in the transaction that updates it. */
    async hold(m, need, volunteerId, mode) {
        // A need linked to a project 民生项目 is served by the project's activities, not claimed one by one.
        if (await this.repo.projectOf(m, need.id))
            throw needErrors.inProject();
        await this.repo.lockVolunteer(m, volunteerId);
        const check = await this.matching.check(need.id, volunteerId, m);
        if (!check)
            throw needErrors.volunteerNotFound();
        const overlapping = await this.repo.overlappingHeld(m, volunteerId, need.windowStart, need.windowEnd, need.id);
        if (overlapping)
            throw needErrors.overlappingCommitment();
        // Overlaps were just checked under the volunteer's lock; the scored snapshot may predate it.
        const excluded = exclusionTexts(need, check.excluded.filter((e) => e !== Exclusion.OVERLAPPING));
        if (excluded.length > 0)
            throw mode === 'claim' ? needErrors.claimNotEligible(excluded) : dispatchNotEligible(excluded);
        return { score: check.ranked.score };
    }
    claim() {
        return async (m, need, { volunteer, now }) => {
            const v = present(volunteer, 'claiming volunteer');
            await this.hold(m, need, v.id, 'claim');
            return { patch: { claimedBy: v.id, claimedAt: now, dispatchedBy: null, dispatchOverrideReason: null }, data: { volunteerId: v.id } };
        };
    }
    /** 派单. Choosing someone other than the top candidate is an override: it needs a reason, and both are recorded. */
    dispatch(by, volunteerId, reason) {
        return async (m, need, { now }) => {
            const chosen = await this.hold(m, need, volunteerId, 'dispatch');
            const [top] = await this.matching.candidates(need.id, 1, m);
            const override = !!top && top.volunteerId !== volunteerId;
            const why = reason?.trim() || null;
            if (override && !why)
                throw needErrors.overrideReasonRequired(top.score, chosen.score);
            return {
                patch: { claimedBy: volunteerId, claimedAt: now, dispatchedBy: by, dispatchOverrideReason: override ? why : null },
                data: { volunteerId, score: chosen.score, override, topVolunteerId: top?.volunteerId ?? null, topScore: top?.score ?? null, reason: why },
                // History shows why (the override reason, or the note of a batch dispatch).
                reason: why ?? undefined,
                after: async (m2, after) => this.signal(m2, NeedSignalType.NEED_DISPATCHED, after, 'DISPATCH', volunteerId),
            };
        };
    }
    withdraw() {
        return async (m, need) => {
            const claimant = present(need.claimedById, 'claimant');
            await this.volunteers.bumpStats(m, claimant, { withdrawals: 1 });
            return { patch: UNCLAIM, data: { volunteerId: claimant } };
        };
    }
    /** 爽约: counts against the volunteer's reliability. Staff (`byPerson`) may report it only once the service should have begun. */
    noShow(byPerson) {
        return async (m, need, { now }) => {
            const from = need.windowStart.getTime() + this.settings.noShowReportMinutes * MINUTE;
            if (byPerson && now.getTime() < from)
                throw needErrors.noShowTooEarly(this.settings.noShowReportMinutes, fmt(new Date(from)));
            const claimant = present(need.claimedById, 'claimant');
            await this.volunteers.bumpStats(m, claimant, { noShows: 1 });
            return { patch: UNCLAIM, data: { volunteerId: claimant } };
        };
    }
    /** 签到: from `startEarlyMinutes` before the window until `noShowGraceMinutes` after it. */
    start() {
        return async (_m, need, { now }) => {
            const earliest = need.windowStart.getTime() - this.settings.startEarlyMinutes * MINUTE;
            const latest = need.windowEnd.getTime() + this.settings.noShowGraceMinutes * MINUTE;
            if (now.getTime() < earliest)
                throw needErrors.startTooEarly(fmt(new Date(earliest)));
            if (now.getTime() > latest)
                throw needErrors.startTooLate();
            return { patch: { startedAt: now } };
        };
    }
    /** 签退: the minutes served, at most the time since the start plus a tolerance. */
    complete(minutes, note) {
        return async (_m, need, { now }) => {
            const elapsed = Math.floor((now.getTime() - present(need.startedAt, 'start time').getTime()) / MINUTE);
            const most = elapsed + this.settings.completeToleranceMinutes;
            if (minutes > most)
                throw needErrors.minutesExceedElapsed(elapsed, most);
            return {
                patch: { completedAt: now, serviceMinutes: minutes, completionNote: note?.trim() || null, autoConfirmAt: new Date(now.getTime() + this.settings.autoConfirmMinutes * MINUTE) },
                data: { minutes },
            };
        };
    }
    /** 异议: stops auto-confirmation and opens a DISPUTE item for the community. */
    dispute(reason) {
        return async (m, need, { now }) => {
            if (need.disputedAt)
                throw needErrors.alreadyDisputed();
            await this.openReview(m, need, now, 'DISPUTE', `居民对服务有异议：${reason.trim()}`, this.settings.callbackWorkingDays);
            return { patch: { disputedAt: now, disputeReason: reason.trim() } };
        };
    }
    /** 确认+评价: the confirmer may lower the minutes reported, never raise them; the time bank earns what is confirmed. */
    confirm(by, rating, minutes) {
        return async (m, need, { now }) => {
            const reported = present(need.serviceMinutes, 'reported minutes');
            if (minutes !== null && minutes !== undefined && minutes > reported)
                throw needErrors.minutesExceedReported(reported);
            const adjusted = minutes ?? reported;
            const effect = await this.confirmed(m, need, adjusted, now, by, rating);
            if (adjusted === reported)
                return effect;
            return { ...effect, patch: { ...effect.patch, serviceMinutes: adjusted }, data: { ...effect.data, reportedMinutes: reported, minutes: adjusted } };
        };
    }
    /** Auto-confirmation (scheduler): the same effects and the same hooks, without a rating. */
    autoConfirm() {
        return async (m, need, { now }) => this.confirmed(m, need, present(need.serviceMinutes, 'reported minutes'), now, null, null);
    }
    /**
     * What every confirmation does: the volunteer's statistics, a review item for a low rating, and — once the need is
     * updated — the time bank's earning of `minutes`, whose listeners run in this transaction (a failing listener
     * fails the confirmation and nothing of it stays).
     */
    async confirmed(m, need, minutes, now, by, rating) {
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
    close(auto) {
        return async (m, need, { now }) => {
            if ((await this.repo.openReviewCount(m, need.id)) > 0)
                throw auto ? needErrors.openReviewPendingAuto() : needErrors.openReviewPending();
            return auto ? { patch: { closedAt: now }, data: { auto: true } } : { patch: { closedAt: now } };
        };
    }
    // ---------------------------------------------------------------- disputes and rescheduling
    /**
     * Settles a dispute: confirm with the minutes staff established (through the same confirmation path, so the time
     * bank earns exactly those), reopen, or cancel. The DISPUTE item is resolved with the note in the same transaction.
     */
    resolveDispute(by, outcome, minutes, note) {
        return async (m, need, { now }) => {
            if (!need.disputedAt)
                throw needErrors.notDisputed();
            const reported = present(need.serviceMinutes, 'reported minutes');
            // Staff establish what was really served: never more than the volunteer reported.
            if (minutes !== null && minutes !== undefined && minutes > reported)
                throw needErrors.minutesExceedReported(reported);
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
                    patch: { ...UNCLAIM, startedAt: null, completedAt: null, serviceMinutes: null, completionNote: null, autoConfirmAt: null, disputedAt: null, disputeReason: null },
                    data: { ...data, volunteerId: need.claimedById },
                    reason: text,
                };
            }
            return { patch: { statusReason: text }, data, reason: text };
        };
    }
    /** 改期: the new window must fit the estimate; the EXPIRED callback is resolved and the claim deadline restarts. */
    reschedule(by, windowStart, windowEnd, reason) {
        return async (m, need, { now }) => {
            if (need.estimatedMinutes > (windowEnd.getTime() - windowStart.getTime()) / MINUTE)
                throw needErrors.windowShorterThanEstimate();
            await this.repo.resolveOpenReviews(m, need.id, 'EXPIRED_CALLBACK', `已改期：${reason.trim()}`, by);
            const { claimBy } = deadlinesFrom(now, await this.policyFor(m, need.gridPath, need.urgency));
            return {
                patch: { windowStart, windowEnd, publishedAt: now, claimDeadline: claimBy, claimBreachedAt: null },
                data: { from: [need.windowStart, need.windowEnd], to: [windowStart, windowEnd] },
            };
        };
    }
};
NeedEffects = __decorate([
    Injectable(),
    __param(5, Inject(APP_CONFIG)),
    __metadata("design:paramtypes", [NeedsRepository,
        VolunteersRepository,
        MatchingService,
        ServiceConfirmationHooks,
        NotificationBus, Object])
], NeedEffects);
export { NeedEffects };
//# sourceMappingURL=need-effects.js.map