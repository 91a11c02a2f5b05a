var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, toConnection } from '../common/graphql/connection.js';
import { isUuid } from '../common/ids.js';
import { logger } from '../common/logging/logger.js';
import { fireTransition } from '../common/state-machine.js';
import { MatchingService } from '../matching/matching.service.js';
import { NeedSignalType } from '../notifications/notification-bus.js';
import { RegionLevel } from '../regions/region-level.js';
import { RegionsService } from '../regions/regions.service.js';
import { Permission } from '../scope/permission.js';
import { VolunteerStatus } from '../volunteers/volunteer.model.js';
import { VolunteersRepository } from '../volunteers/volunteers.repository.js';
import { DisputeOutcome, NeedEffects } from './need-effects.js';
import { deadlinesFrom, DEFAULT_DEADLINES, Urgency } from './need-deadlines.js';
import { isRatingTag, NeedCategory, RATING_TAG_LIST } from './need.model.js';
import { present } from './need.record.js';
import { HELD_STATES, NEED_MACHINE, needAllows, NeedAction, needConditions, NeedParty, NeedStatus, WINDOW_PASSED } from './need-transitions.js';
import { allFields, needErrors } from './needs.errors.js';
import { NeedsRepository } from './needs.repository.js';
export { DisputeOutcome } from './need-effects.js';
/** The history note of each dispatch of a batch: the plan is optimal as a whole, so no single pair is an override of it. */
const BATCH_NOTE = '批量派单（最优分配）';
const DISPATCH_FAILED = '派单失败';
let NeedsService = class NeedsService {
    db;
    repo;
    volunteers;
    regions;
    matching;
    effects;
    settings;
    constructor(db, repo, volunteers, regions, matching, effects) {
        this.db = db;
        this.repo = repo;
        this.volunteers = volunteers;
        this.regions = regions;
        this.matching = matching;
        this.effects = effects;
        this.settings = effects.settings;
    }
    // ---------------------------------------------------------------- reading
    async myVolunteer(personId, m) {
        const [v] = await this.volunteers.byPersonIds([personId], m);
        return v ?? null;
    }
    /** How the actor relates to the need (see NeedParty); STAFF is the NEED_TRIAGE row of the permission matrix. */
    async partiesOf(m, actor, need, volunteer) {
        const parties = new Set();
        if (actor.personId === need.beneficiaryId)
            parties.add(NeedParty.BENEFICIARY);
        if (actor.personId === need.postedById && need.postedById !== need.beneficiaryId)
            parties.add(NeedParty.PROXY);
        if (volunteer && need.claimedById === volunteer.id)
            parties.add(NeedParty.CLAIMANT);
        if (volunteer && volunteer.status === VolunteerStatus.APPROVED && actor.holds(Permission.NEED_CLAIM) && volunteer.personId !== need.beneficiaryId
            && (await this.volunteers.servesArea(m, volunteer.id, need.gridPath)))
            parties.add(NeedParty.VOLUNTEER);
        if (this.isStaffOf(actor, need))
            parties.add(NeedParty.STAFF);
        return parties;
    }
    isStaffOf(actor, need) {
        return actor.can(Permission.NEED_TRIAGE, { regionPath: need.gridPath });
    }
    /** Like `get`, but an unknown id is null (the `need` query is nullable). */
    async find(actor, id) {
        const [need] = isUuid(id) ? await this.repo.byIds([id]) : [];
        return need ? this.get(actor, id) : null;
    }
    /** A need the actor may see: its parties; a volunteer of the area only while it is OPEN; its last claimant. */
    async get(actor, id) {
        const [need] = isUuid(id) ? await this.repo.byIds([id]) : [];
        if (!need)
            throw needErrors.needNotFound();
        const volunteer = await this.myVolunteer(actor.personId);
        const parties = await this.partiesOf(this.db.manager, actor, need, volunteer);
        const onlyVolunteer = parties.size === 1 && parties.has(NeedParty.VOLUNTEER);
        if (parties.size === 0 || (onlyVolunteer && need.status !== NeedStatus.OPEN && need.claimedById !== volunteer?.id))
            throw needErrors.viewForbidden();
        return need;
    }
    /** The exact address only for the resident's side, staff in scope, and the volunteer while it is claimed by them (DESIGN.md §11). */
    seesExactPlace(actor, need, volunteer) {
        if (actor.personId === need.beneficiaryId || actor.personId === need.postedById)
            return true;
        if (this.isStaffOf(actor, need))
            return true;
        return !!volunteer && need.claimedById === volunteer.id && HELD_STATES.includes(need.status);
    }
    addressFor(actor, need, volunteer) {
        return this.seesExactPlace(actor, need, volunteer) ? need.address : null;
    }
    /**
     * Coordinates follow the address rule: exact for the same people; everyone else who may see the need gets them
     * rounded to 0.01° (about 1 km), enough to judge the distance, not to find the door.
     */
    locationFor(actor, need, volunteer) {
        if (need.latitude === null || need.longitude === null)
            return null;
        if (this.seesExactPlace(actor, need, volunteer))
            return { latitude: need.latitude, longitude: need.longitude };
        return { latitude: Math.round(need.latitude * 100) / 100, longitude: Math.round(need.longitude * 100) / 100 };
    }
    /** Why staff overrode the top candidate: shown to staff in scope only. */
    dispatchOverrideReasonFor(actor, need) {
        return actor && this.isStaffOf(actor, need) ? need.dispatchOverrideReason : null;
    }
    async list(actor, filter, first, after) {
        const volunteer = await this.myVolunteer(actor.personId);
        let regionPath = null;
        if (filter?.regionId) {
            const region = await this.regions.find(filter.regionId);
            if (!region)
                throw needErrors.filterRegionNotFound();
            regionPath = region.path;
        }
        return this.repo.list({ personId: actor.personId, volunteerId: volunteer?.status === VolunteerStatus.APPROVED ? volunteer.id : null, staffScopes: actor.scopeOf(Permission.NEED_TRIAGE) }, { status: filter?.status, category: filter?.category, regionPath }, first, after);
    }
    /** The needs page of `needs`: newest first, keyset cursor (created at, id). */
    async page(actor, filter, first, cursor) {
        const after = cursor ? decodeCursor(cursor, 2) : null;
        const { rows, total } = await this.list(actor, filter, first, after);
        return toConnection(rows, first, total, (n) => [n.createdAt.toISOString(), n.id], (n) => n);
    }
    async feed(actor) {
        const volunteer = await this.myVolunteer(actor.personId);
        if (!volunteer || volunteer.status !== VolunteerStatus.APPROVED)
            throw needErrors.notApprovedVolunteer();
        const ranked = await this.matching.feed(volunteer.id);
        const needs = new Map((await this.repo.byIds(ranked.map((r) => r.needId))).map((n) => [n.id, n]));
        return ranked.flatMap((r) => {
            const need = needs.get(r.needId);
            return need ? [{ need, score: r.score }] : [];
        });
    }
    /** 志愿者的需求推荐 as a page: ranked by score, the cursor is (score × 10, need id). */
    async feedPage(actor, first, cursor) {
        const ranked = await this.feed(actor);
        let start = 0;
        if (cursor) {
            const [score, id] = decodeCursor(cursor, 2);
            const at = ranked.findIndex((r) => r.need.id === id);
            // The need may have left the feed (claimed meanwhile): continue after its score instead.
            start = at >= 0 ? at + 1 : ranked.findIndex((r) => Math.round(r.score * 10) < Number(score));
            if (start < 0)
                start = ranked.length;
        }
        const rows = ranked.slice(start, start + first + 1);
        return toConnection(rows, first, ranked.length, (r) => [Math.round(r.score * 10), r.need.id], (r) => r.need);
    }
    // ---------------------------------------------------------------- posting
    /**
     * 点单 (or 代办 by staff). Runs in `manager`'s transaction when given, so that another module can post a need
     * together with its own changes; otherwise in its own.
     */
    async post(actor, input, now = new Date(), manager) {
        const failures = [];
        if (!(input.windowStart instanceof Date) || Number.isNaN(input.windowStart.getTime()))
            failures.push(needErrors.windowStartInvalid());
        else if (input.windowStart.getTime() <= now.getTime())
            failures.push(needErrors.windowStartPast());
        if (input.windowEnd.getTime() <= input.windowStart.getTime())
            failures.push(needErrors.windowEndBeforeStart());
        else if (input.windowEnd.getTime() - input.windowStart.getTime() > 7 * 24 * 3600_000)
            failures.push(needErrors.windowTooLong());
        else if (input.estimatedMinutes > (input.windowEnd.getTime() - input.windowStart.getTime()) / 60000)
            failures.push(needErrors.estimateExceedsWindow());
        const latitude = input.latitude ?? null;
        const longitude = input.longitude ?? null;
        if ((latitude === null) !== (longitude === null))
            failures.push(latitude !== null ? needErrors.longitudeMissing() : needErrors.latitudeMissing());
        const skills = [...new Set((input.requiredSkills ?? []).map((s) => s.trim()))];
        const title = input.title.trim();
        if (!title)
            failures.push(needErrors.titleEmpty());
        const run = async (m) => {
            const beneficiaryId = input.beneficiaryId ?? actor.personId;
            const beneficiary = await this.repo.personHome(m, beneficiaryId);
            if (!beneficiary)
                failures.push(needErrors.beneficiaryUnknown());
            if (skills.length > 0) {
                const notListed = new Set(await this.volunteers.unknownSkills(m, skills));
                const unknown = skills.filter((s) => notListed.has(s));
                if (unknown.length > 0)
                    failures.push(needErrors.unknownSkills(unknown));
            }
            const gridId = input.gridId ?? beneficiary?.grid_id ?? null;
            const grid = gridId ? await this.regions.find(gridId, m) : null;
            if (!gridId)
                failures.push(needErrors.gridMissing());
            else if (!grid || grid.level !== RegionLevel.GRID)
                failures.push(needErrors.gridUnknown());
            const invalid = allFields(failures);
            if (invalid || !grid || !beneficiary)
                throw invalid ?? needErrors.gridUnknown();
            const proxy = beneficiaryId !== actor.personId;
            const staff = actor.can(Permission.NEED_TRIAGE, { regionPath: grid.path });
            // 代办: only staff of the grid may post for someone else; a resident posts in their own grid.
            const allowed = proxy ? staff : actor.can(Permission.NEED_POST, { regionPath: grid.path });
            if (!allowed)
                throw proxy ? needErrors.proxyForbidden() : needErrors.outsideOwnGrid();
            // The resident must live where the proxy works: staff cannot post for people outside their scope or without a grid.
            if (proxy && (!beneficiary.grid_path || !actor.can(Permission.NEED_TRIAGE, { regionPath: beneficiary.grid_path })))
                throw needErrors.proxyForbidden();
            // Group activities are organized by staff; their hours are donate-only in the time bank (DESIGN.md §6.1).
            if (input.groupActivity && !staff)
                throw needErrors.groupActivityStaffOnly();
            const urgency = input.urgency ?? Urgency.NORMAL;
            const { acceptBy, claimBy } = deadlinesFrom(now, await this.effects.policyFor(m, grid.path, urgency));
            const flags = await this.repo.personFlags(m, beneficiaryId);
            const homeEntry = input.homeEntry ?? false;
            const id = await this.repo.insert(m, {
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
                requiresVetting: homeEntry || input.category === NeedCategory.CHILD_CARE || flags.includes('CHILD_IN_DIFFICULTY'),
                acceptBy,
                claimBy,
            });
            await this.repo.recordEvent(m, { needId: id, action: 'POST', from: null, to: NeedStatus.SUBMITTED, actorId: actor.personId, data: { proxy } });
            const [need] = await this.repo.byIds([id], m);
            await this.effects.signal(m, NeedSignalType.NEED_CHANGED, need, 'POST', null);
            return need;
        };
        return manager ? run(manager) : this.db.transaction(run);
    }
    /** The deadlines that apply in a region, per urgency, and where each comes from (staff in scope). */
    async deadlinePolicies(actor, regionId) {
        const region = await this.regions.find(regionId);
        if (!region)
            throw needErrors.regionNotFound();
        if (!actor.can(Permission.NEED_TRIAGE, { regionPath: region.path }))
            throw needErrors.policyReadForbidden();
        const out = [];
        for (const urgency of [Urgency.EMERGENCY, Urgency.URGENT, Urgency.NORMAL]) {
            const p = await this.repo.deadlinePolicySource(this.db.manager, region.path, urgency);
            out.push({ regionId, urgency, acceptMinutes: p?.acceptMinutes ?? DEFAULT_DEADLINES[urgency].acceptMinutes, claimMinutes: p?.claimMinutes ?? DEFAULT_DEADLINES[urgency].claimMinutes, setByRegionId: p?.regionId ?? null });
        }
        return out;
    }
    async setDeadlinePolicy(actor, regionId, urgency, p) {
        if (!Number.isInteger(p.acceptMinutes) || p.acceptMinutes < 5 || p.acceptMinutes > 43200)
            throw needErrors.acceptMinutesOutOfRange();
        if (!Number.isInteger(p.claimMinutes) || p.claimMinutes < 5 || p.claimMinutes > 43200)
            throw needErrors.claimMinutesOutOfRange();
        if (p.claimMinutes < p.acceptMinutes)
            throw needErrors.claimBeforeAccept();
        return this.db.transaction(async (m) => {
            const region = await this.regions.find(regionId, m);
            if (!region)
                throw needErrors.regionNotFound();
            if (!actor.can(Permission.NEED_DEADLINE_SET, { regionPath: region.path }))
                throw needErrors.policySetForbidden();
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
    async transition(actor, id, action, reason, effect, opts = {}) {
        if (!isUuid(id))
            throw needErrors.needNotFound();
        const rule = NEED_MACHINE.rule(action);
        if (rule.needsReason && !reason?.trim())
            throw needErrors.reasonRequired();
        if (reason && reason.length > 500)
            throw needErrors.reasonTooLong();
        const run = async (m) => {
            // The scheduler passes its clock (tests run it at chosen times); people act now.
            const now = opts.at ?? new Date();
            let volunteer = null;
            let proxyPosted = false;
            let applied = {};
            const { before, from, to } = await fireTransition(m, NEED_MACHINE, this.repo, {
                id,
                action,
                actorId: actor?.personId ?? null,
                reason,
                partiesOf: async (need) => {
                    proxyPosted = need.postedById !== need.beneficiaryId;
                    if (!actor)
                        return new Set([NeedParty.SYSTEM]);
                    volunteer = await this.myVolunteer(actor.personId, m);
                    const parties = await this.partiesOf(m, actor, need, volunteer);
                    if (parties.size === 0)
                        throw needErrors.noParty();
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
            if (to === NeedStatus.EXPIRED && from !== NeedStatus.EXPIRED)
                await this.effects.expiredCallback(m, before, now);
            const [after] = await this.repo.byIds([id], m);
            await applied.after?.(m, after);
            await this.effects.signal(m, NeedSignalType.NEED_CHANGED, after, action, before.claimedById ?? after.claimedById);
            logger.info('need transition', { needId: id, action, from, to });
            return after;
        };
        return opts.manager ? run(opts.manager) : this.db.transaction(run);
    }
    accept(actor, id) {
        return this.transition(actor, id, NeedAction.ACCEPT, null, this.effects.accept(actor.personId));
    }
    reject(actor, id, reason) {
        return this.transition(actor, id, NeedAction.REJECT, reason);
    }
    publish(actor, id) {
        return this.transition(actor, id, NeedAction.PUBLISH, null, this.effects.publish());
    }
    claim(actor, id) {
        return this.transition(actor, id, NeedAction.CLAIM, null, this.effects.claim());
    }
    /** 派单. Choosing someone other than the top candidate is an override: it needs a reason, and both are recorded. */
    dispatch(actor, id, volunteerId, reason) {
        if (!isUuid(volunteerId))
            throw needErrors.dispatchVolunteerUnknown();
        if (reason && reason.length > 500)
            throw needErrors.reasonTooLong();
        return this.transition(actor, id, NeedAction.DISPATCH, null, this.effects.dispatch(actor.personId, volunteerId, reason));
    }
    /**
     * 批量派单: the optimal plan of a region, each pair dispatched in its own transaction (a need that moved on
     * meanwhile fails alone). Returns the plan and each need's outcome: null when dispatched, else why not.
     */
    async batchDispatch(actor, regionId, capacity) {
        const plan = await this.matching.plan(actor, regionId, capacity);
        const outcome = new Map();
        for (const p of plan.pairs) {
            try {
                await this.dispatch(actor, p.needId, p.volunteerId, BATCH_NOTE);
                outcome.set(p.needId, null);
            }
            catch (err) {
                outcome.set(p.needId, err instanceof Error ? err.message : DISPATCH_FAILED);
            }
        }
        return { plan, outcome };
    }
    withdraw(actor, id, reason) {
        return this.transition(actor, id, NeedAction.WITHDRAW, reason, this.effects.withdraw());
    }
    /**
     * 爽约: the volunteer did not come; the need is open again (EXPIRED with a callback item if its window is over) and
     * the no-show counts against their reliability. Staff may report it only once the service should have begun.
     */
    noShow(actor, id, reason, manager, at) {
        return this.transition(actor, id, NeedAction.NO_SHOW, reason, this.effects.noShow(actor !== null), { manager, at });
    }
    start(actor, id) {
        return this.transition(actor, id, NeedAction.START, null, this.effects.start());
    }
    complete(actor, id, minutes, note) {
        if (!Number.isInteger(minutes) || minutes < 1 || minutes > 720)
            throw needErrors.serviceMinutesOutOfRange();
        if (note && note.length > 500)
            throw needErrors.noteTooLong();
        return this.transition(actor, id, NeedAction.COMPLETE, null, this.effects.complete(minutes, note));
    }
    /** 异议: stops auto-confirmation and opens a DISPUTE item for the community, which settles it with resolveDispute. */
    dispute(actor, id, reason) {
        return this.transition(actor, id, NeedAction.DISPUTE, reason, this.effects.dispute(reason));
    }
    /**
     * Settles a dispute (NEED_DISPUTE_RESOLVE in scope): confirm with the minutes staff established, reopen, or cancel
     * (need-effects.ts).
     */
    async resolveDispute(actor, id, outcome, minutes, note) {
        const failures = [];
        const given = minutes !== null && minutes !== undefined;
        if (!note?.trim())
            failures.push(needErrors.disputeNoteRequired());
        else if (note.length > 500)
            failures.push(needErrors.disputeNoteTooLong());
        if (outcome === DisputeOutcome.CONFIRM && !given)
            failures.push(needErrors.disputeMinutesRequired());
        if (given && (!Number.isInteger(minutes) || minutes < 1 || minutes > 720))
            failures.push(needErrors.serviceMinutesOutOfRange());
        if (outcome !== DisputeOutcome.CONFIRM && given)
            failures.push(needErrors.disputeMinutesUnexpected());
        const invalid = allFields(failures);
        if (invalid)
            throw invalid;
        const action = { CONFIRM: NeedAction.DISPUTE_CONFIRM, REOPEN: NeedAction.DISPUTE_REOPEN, CANCEL: NeedAction.DISPUTE_CANCEL }[outcome];
        const settle = this.effects.resolveDispute(actor.personId, outcome, minutes, note);
        return this.transition(actor, id, action, null, async (m, need, ctx) => {
            if (!actor.can(Permission.NEED_DISPUTE_RESOLVE, { regionPath: need.gridPath }))
                throw needErrors.disputeResolverOnly();
            return settle(m, need, ctx);
        });
    }
    /**
     * 改期 (staff): a new window in the future, and the need is OPEN again — the way back for an EXPIRED need, and a
     * way to move a published one (an accepted need not yet published is published as usual). Recorded with the old and new window.
     */
    reschedule(actor, id, windowStart, windowEnd, reason) {
        const failures = [];
        const now = Date.now();
        const startValid = windowStart instanceof Date && !Number.isNaN(windowStart.getTime());
        if (!startValid)
            failures.push(needErrors.windowStartInvalid());
        else if (windowStart.getTime() <= now)
            failures.push(needErrors.windowStartPast());
        if (!(windowEnd instanceof Date) || Number.isNaN(windowEnd.getTime()) || (windowStart instanceof Date && windowEnd.getTime() <= windowStart.getTime()))
            failures.push(needErrors.windowEndBeforeStart());
        else if (windowEnd.getTime() - windowStart.getTime() > 7 * 24 * 3600_000)
            failures.push(needErrors.windowTooLong());
        const invalid = allFields(failures);
        if (invalid)
            throw invalid;
        return this.transition(actor, id, NeedAction.RESCHEDULE, reason, this.effects.reschedule(actor.personId, windowStart, windowEnd, reason));
    }
    /** The scheduler: a waiting need whose window passed with nobody holding it. */
    expire(m, id, at) {
        return this.transition(null, id, NeedAction.EXPIRE, '服务时间已过，无人接单', undefined, { manager: m, at });
    }
    /** The scheduler: 办结 of a confirmed need after the period, unless a review item is still open. */
    autoClose(m, id, at) {
        return this.transition(null, id, NeedAction.CLOSE, null, this.effects.close(true), { manager: m, at });
    }
    /**
     * 确认+评价. The confirmation is the event the time bank credits: its listeners run inside this transaction,
     * so a failing listener fails the confirmation and nothing of it stays.
     */
    confirm(actor, id, rating, comment, tags, minutes) {
        const failures = [];
        if (minutes !== null && minutes !== undefined && (!Number.isInteger(minutes) || minutes < 1))
            failures.push(needErrors.confirmMinutesInvalid());
        if (!Number.isInteger(rating) || rating < 1 || rating > 5)
            failures.push(needErrors.ratingInvalid());
        if (comment && comment.length > 500)
            failures.push(needErrors.commentTooLong());
        const tagList = [...new Set(tags ?? [])];
        if (tagList.length > 5)
            failures.push(needErrors.tooManyTags());
        const unknown = tagList.filter((t) => !isRatingTag(t));
        if (unknown.length > 0)
            failures.push(needErrors.unknownTags(unknown, RATING_TAG_LIST));
        const invalid = allFields(failures);
        if (invalid)
            throw invalid;
        return this.transition(actor, id, NeedAction.CONFIRM, null, this.effects.confirm(actor.personId, { rating, comment: comment?.trim() || null, tags: tagList }, minutes));
    }
    /** Auto-confirmation (scheduler): the same effects and the same hooks, without a rating. */
    autoConfirm(m, id, at) {
        return this.transition(null, id, NeedAction.AUTO_CONFIRM, null, this.effects.autoConfirm(), { manager: m, at });
    }
    close(actor, id) {
        return this.transition(actor, id, NeedAction.CLOSE, null, this.effects.close(false));
    }
    cancel(actor, id, reason) {
        return this.transition(actor, id, NeedAction.CANCEL, reason);
    }
    // ---------------------------------------------------------------- reviews
    async reviews(actor, status, needId) {
        return this.repo.reviews(actor.scopeOf(Permission.NEED_TRIAGE), status, needId && isUuid(needId) ? needId : null);
    }
    async resolveReview(actor, id, resolution) {
        if (!resolution?.trim())
            throw needErrors.resolutionRequired();
        if (resolution.length > 1000)
            throw needErrors.resolutionTooLong();
        return this.db.transaction(async (m) => {
            const review = isUuid(id) ? await this.repo.lockReview(m, id) : null;
            if (!review)
                throw needErrors.reviewNotFound();
            if (!actor.can(Permission.NEED_TRIAGE, { regionPath: review.regionPath }))
                throw needErrors.reviewForbidden();
            if (review.status !== 'OPEN')
                throw needErrors.reviewAlreadyResolved();
            // A dispute is settled with its outcome (resolveDispute), so that the need and the time bank follow.
            if (review.kind === 'DISPUTE')
                throw needErrors.useResolveDispute();
            return this.repo.resolveReview(m, id, resolution.trim(), actor.personId);
        });
    }
};
NeedsService = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [DataSource,
        NeedsRepository,
        VolunteersRepository,
        RegionsService,
        MatchingService,
        NeedEffects])
], NeedsService);
export { NeedsService };
//# sourceMappingURL=needs.service.js.map