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
import { scopePredicate } from '../scope/actor.js';
import { HELD_STATES, NEED_MACHINE, NeedAction, NeedStatus, WAITING_STATES } from './need-transitions.js';
import { needErrors } from './needs.errors.js';
const COLUMNS = `n.*, n.grid_path::text AS grid_path`;
export function toNeed(r) {
    return {
        id: r.id,
        title: r.title,
        description: r.description,
        status: r.status,
        category: r.category,
        urgency: r.urgency,
        gridId: r.grid_id,
        gridPath: r.grid_path,
        proxy: r.posted_by !== r.beneficiary_id,
        windowStart: r.window_start,
        windowEnd: r.window_end,
        estimatedMinutes: r.estimated_minutes,
        requiredSkills: r.required_skills,
        preferPartyMember: r.prefer_party_member,
        homeEntry: r.home_entry,
        groupActivity: r.group_activity,
        latitude: r.latitude,
        longitude: r.longitude,
        claimedAt: r.claimed_at,
        startedAt: r.started_at,
        completedAt: r.completed_at,
        serviceMinutes: r.service_minutes,
        confirmedAt: r.confirmed_at,
        disputedAt: r.disputed_at,
        statusReason: r.status_reason,
        rating: r.rating === null ? null : { rating: r.rating, comment: r.rating_comment, tags: r.rating_tags },
        deadlines: {
            acceptBy: r.accept_deadline,
            claimBy: r.claim_deadline,
            acceptBreachedAt: r.accept_breached_at,
            claimBreachedAt: r.claim_breached_at,
            serviceOverdueAt: r.service_overdue_at,
            escalated: r.escalated_at !== null,
            escalatedAt: r.escalated_at,
            escalatedToRegionId: r.escalated_to,
            escalationCount: r.escalation_count,
            autoConfirmAt: r.status === NeedStatus.COMPLETED && !r.disputed_at ? r.auto_confirm_at : null,
        },
        createdAt: r.created_at,
        beneficiaryId: r.beneficiary_id,
        postedById: r.posted_by,
        claimedById: r.claimed_by,
        acceptedById: r.accepted_by,
        address: r.address,
        dispatchOverrideReason: r.dispatch_override_reason,
    };
}
/** `'A','B'` for `status IN (…)`: statuses come from the transition table (enum values, never input), inlined so that the partial indexes apply. */
export function sqlStatuses(states) {
    const known = new Set(Object.values(NeedStatus));
    return states.map((s) => {
        if (!known.has(s))
            throw new Error(`not a need status: ${s}`);
        return `'${s}'`;
    }).join(',');
}
/** The column of each patch field. */
const PATCH_COLUMNS = {
    acceptedBy: 'accepted_by',
    acceptedAt: 'accepted_at',
    publishedAt: 'published_at',
    claimedBy: 'claimed_by',
    claimedAt: 'claimed_at',
    dispatchedBy: 'dispatched_by',
    dispatchOverrideReason: 'dispatch_override_reason',
    startedAt: 'started_at',
    completedAt: 'completed_at',
    serviceMinutes: 'service_minutes',
    completionNote: 'completion_note',
    autoConfirmAt: 'auto_confirm_at',
    disputedAt: 'disputed_at',
    disputeReason: 'dispute_reason',
    confirmedAt: 'confirmed_at',
    confirmedBy: 'confirmed_by',
    rating: 'rating',
    ratingComment: 'rating_comment',
    ratingTags: 'rating_tags',
    closedAt: 'closed_at',
    statusReason: 'status_reason',
    windowStart: 'window_start',
    windowEnd: 'window_end',
    claimDeadline: 'claim_deadline',
    claimBreachedAt: 'claim_breached_at',
};
const PG_EXCLUSION_VIOLATION = '23P01';
const isExclusionViolation = (err) => err.code === PG_EXCLUSION_VIOLATION || err.driverError?.code === PG_EXCLUSION_VIOLATION;
/** The scheduler's scans: which needs are due at a time. */
export var NeedScan;
(function (NeedScan) {
    /** Not accepted by the accept deadline. */
    NeedScan["ACCEPT_BREACH"] = "ACCEPT_BREACH";
    /** Still waiting at the claim deadline. */
    NeedScan["CLAIM_BREACH"] = "CLAIM_BREACH";
    /** Checked in, window ended before the time given, nobody completed it: not yet flagged. */
    NeedScan["SERVICE_OVERDUE"] = "SERVICE_OVERDUE";
    /** Claimed, window ended before the time given, never started. */
    NeedScan["NO_SHOW"] = "NO_SHOW";
    /** Waiting (nobody holds them) with the window over. */
    NeedScan["EXPIRY"] = "EXPIRY";
    /** Confirmed before the time given with no open review item (办结 by the system). */
    NeedScan["CLOSE"] = "CLOSE";
    /** Completed, undisputed, auto-confirmation due. */
    NeedScan["AUTO_CONFIRM"] = "AUTO_CONFIRM";
})(NeedScan || (NeedScan = {}));
/** Each scan: the statuses (from the transition table), the condition on `$1` (the time) and the order. */
const SCANS = {
    ACCEPT_BREACH: { statuses: NEED_MACHINE.from(NeedAction.ACCEPT), where: 'n.accept_breached_at IS NULL AND n.accept_deadline <= $1', order: 'n.accept_deadline' },
    CLAIM_BREACH: { statuses: WAITING_STATES, where: 'n.claim_breached_at IS NULL AND n.claim_deadline <= $1', order: 'n.claim_deadline' },
    SERVICE_OVERDUE: { statuses: NEED_MACHINE.from(NeedAction.COMPLETE), where: 'n.service_overdue_at IS NULL AND n.window_end <= $1', order: 'n.window_end' },
    NO_SHOW: { statuses: NEED_MACHINE.from(NeedAction.NO_SHOW), where: 'n.window_end <= $1', order: 'n.window_end' },
    EXPIRY: { statuses: NEED_MACHINE.from(NeedAction.EXPIRE), where: 'n.window_end <= $1', order: 'n.window_end' },
    CLOSE: {
        statuses: NEED_MACHINE.from(NeedAction.CLOSE),
        where: `n.confirmed_at <= $1 AND NOT EXISTS (SELECT 1 FROM need_reviews r WHERE r.need_id = n.id AND r.status = 'OPEN')`,
        order: 'n.confirmed_at',
    },
    AUTO_CONFIRM: { statuses: NEED_MACHINE.from(NeedAction.AUTO_CONFIRM), where: 'n.disputed_at IS NULL AND n.auto_confirm_at <= $1', order: 'n.auto_confirm_at' },
};
const BREACH_COLUMN = { ACCEPT: 'accept_breached_at', CLAIM: 'claim_breached_at', SERVICE: 'service_overdue_at' };
let NeedsRepository = class NeedsRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async byIds(ids, manager = this.db.manager) {
        const rows = await manager.query(`SELECT ${COLUMNS} FROM needs n WHERE n.id = ANY($1::uuid[])`, [ids]);
        return rows.map(toNeed);
    }
    /** The need locked for a transition: concurrent transitions on one need queue here and re-read the state. */
    async lock(manager, id) {
        const rows = await manager.query(`SELECT ${COLUMNS} FROM needs n WHERE n.id = $1 FOR UPDATE`, [id]);
        return rows[0] ? toNeed(rows[0]) : null;
    }
    statusOf(need) {
        return need.status;
    }
    /** Sets the status and the typed patch. The exclusion constraint is the last line against double-booking a volunteer. */
    async apply(m, id, to, patch = {}) {
        const set = [['status', to]];
        for (const [field, value] of Object.entries(patch)) {
            if (value !== undefined)
                set.push([PATCH_COLUMNS[field], value]);
        }
        const params = [...set.map(([, v]) => v), id];
        try {
            await m.query(`UPDATE needs SET ${set.map(([c], i) => `${c} = $${i + 1}`).join(', ')}, updated_at = now() WHERE id = $${params.length}`, params);
        }
        catch (err) {
            if (isExclusionViolation(err))
                throw needErrors.overlappingCommitment();
            throw err;
        }
    }
    async recordHistory(m, e) {
        await this.recordEvent(m, { needId: e.id, action: e.action, from: e.from, to: e.to, actorId: e.actorId, reason: e.reason, data: e.data });
    }
    /** Marks a deadline breach and the escalation to `escalatedTo` (首接负责 moves up). */
    async markBreach(m, id, kind, at, escalatedTo) {
        await m.query(`UPDATE needs SET ${BREACH_COLUMN[kind]} = $2, escalated_at = $2, escalated_to = $3, escalation_count = escalation_count + 1, updated_at = now() WHERE id = $1`, [id, at, escalatedTo]);
    }
    async insert(m, n) {
        const rows = await m.query(`INSERT INTO needs (title, description, category, urgency, beneficiary_id, posted_by, grid_id, grid_path, address, latitude, longitude,
                          window_start, window_end, estimated_minutes, required_skills, prefer_party_member, home_entry, requires_vetting,
                          accept_deadline, claim_deadline, group_activity)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8::ltree,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21) RETURNING id`, [n.title, n.description, n.category, n.urgency, n.beneficiaryId, n.postedBy, n.gridId, n.gridPath, n.address, n.latitude, n.longitude,
            n.windowStart, n.windowEnd, n.estimatedMinutes, n.requiredSkills, n.preferPartyMember, n.homeEntry, n.requiresVetting, n.acceptBy, n.claimBy, n.groupActivity]);
        return rows[0].id;
    }
    async recordEvent(m, e) {
        await m.query(`INSERT INTO need_events (need_id, action, from_status, to_status, actor_id, reason, data, at) VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8, now()))`, [e.needId, e.action, e.from, e.to, e.actorId, e.reason ?? null, e.data === undefined ? null : JSON.stringify(e.data), e.at ?? null]);
    }
    async eventsOf(needIds) {
        const rows = await this.db.query(`SELECT e.id::text AS id, e.need_id, e.action, e.from_status, e.to_status, e.actor_id, e.reason, e.at FROM need_events e WHERE e.need_id = ANY($1::uuid[]) ORDER BY e.id`, [needIds]);
        return rows.map((r) => ({ id: r.id, needId: r.need_id, action: r.action, from: r.from_status, to: r.to_status, actorId: r.actor_id, reason: r.reason, at: r.at }));
    }
    /** Another need the volunteer holds whose window overlaps [start, end). */
    async overlappingHeld(m, volunteerId, start, end, exceptNeedId) {
        const rows = await m.query(`SELECT id FROM needs WHERE claimed_by = $1 AND status IN (${sqlStatuses(HELD_STATES)}) AND id <> $4
          AND tstzrange(window_start, window_end) && tstzrange($2, $3) LIMIT 1`, [volunteerId, start, end, exceptNeedId]);
        return rows[0]?.id ?? null;
    }
    // ---------------------------------------------------------------- project link (docs/projects.md "Linked needs")
    /**
     * Links needs to a project: only needs not yet held by anyone (SUBMITTED, ACCEPTED, OPEN, EXPIRED), not linked
     * elsewhere, under `regionPath`. Locks them; returns the ids it linked (the caller compares with what it asked).
     */
    async linkToProject(m, needIds, projectId, regionPath) {
        // An UPDATE … RETURNING answers [rows, affected count] through TypeORM.
        const [rows] = await m.query(`UPDATE needs SET project_id = $2 WHERE id IN (SELECT id FROM needs WHERE id = ANY($1::uuid[]) AND project_id IS NULL
          AND status IN ('SUBMITTED','ACCEPTED','OPEN','EXPIRED') AND grid_path <@ $3::ltree FOR UPDATE) RETURNING id`, [needIds, projectId, regionPath]);
        return rows.map((r) => r.id);
    }
    /** The project gave up (rejected, cancelled): its needs that nobody served return to the open feed. */
    async unlinkFromProject(m, projectId, keep) {
        await m.query(`UPDATE needs SET project_id = NULL WHERE project_id = $1 AND NOT (id = ANY($2::uuid[]))`, [projectId, keep]);
    }
    /** The project a need is linked to, read on the locked row's transaction (claims and dispatches refuse linked needs). */
    async projectOf(m, needId) {
        const rows = await m.query(`SELECT project_id FROM needs WHERE id = $1`, [needId]);
        return rows[0]?.project_id ?? null;
    }
    /** The links of many needs (for `Need.project`). */
    async projectLinks(needIds) {
        const rows = await this.db.query(`SELECT id, project_id FROM needs WHERE id = ANY($1::uuid[])`, [needIds]);
        return rows.map((r) => ({ needId: r.id, projectId: r.project_id }));
    }
    /** The needs linked to each project, with no personal data (title, category, status, grid). */
    async linkedToProjects(projectIds) {
        const rows = await this.db.query(`SELECT id, project_id, title, category, status, grid_id FROM needs WHERE project_id = ANY($1::uuid[]) ORDER BY created_at, id`, [projectIds]);
        return rows.map((r) => ({ id: r.id, projectId: r.project_id, title: r.title, category: r.category, status: r.status, gridId: r.grid_id }));
    }
    /** Serializes claims and dispatches of one volunteer, so that the overlap check and the update are atomic per volunteer. */
    async lockVolunteer(m, volunteerId) {
        await m.query(`SELECT pg_advisory_xact_lock(hashtext('wushe:volunteer-hold:' || $1))`, [volunteerId]);
    }
    async list(vis, filter, first, after) {
        const params = [vis.personId, vis.volunteerId];
        const staff = scopePredicate('n.grid_path', vis.staffScopes, params);
        const visible = `(n.beneficiary_id = $1 OR n.posted_by = $1 OR (n.claimed_by IS NOT NULL AND n.claimed_by = $2) OR ${staff}
      OR (n.status IN (${sqlStatuses(NEED_MACHINE.from(NeedAction.CLAIM))}) AND $2::uuid IS NOT NULL AND EXISTS (SELECT 1 FROM volunteer_regions vr WHERE vr.volunteer_id = $2 AND n.grid_path <@ vr.path)))`;
        const where = [visible];
        if (filter.status) {
            params.push(filter.status);
            where.push(`n.status = $${params.length}`);
        }
        if (filter.category) {
            params.push(filter.category);
            where.push(`n.category = $${params.length}`);
        }
        if (filter.regionPath) {
            params.push(filter.regionPath);
            where.push(`n.grid_path <@ $${params.length}::ltree`);
        }
        const countParams = [...params];
        const total = Number((await this.db.query(`SELECT count(*) FROM needs n WHERE ${where.join(' AND ')}`, countParams))[0].count);
        if (after) {
            params.push(after[0], after[1]);
            where.push(`(n.created_at, n.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
        }
        params.push(first + 1);
        const rows = await this.db.query(`SELECT ${COLUMNS} FROM needs n WHERE ${where.join(' AND ')} ORDER BY n.created_at DESC, n.id DESC LIMIT $${params.length}`, params);
        return { rows: rows.map(toNeed), total };
    }
    /** The deadline policy for `urgency` of the nearest region above `gridPath` that sets one. */
    async deadlinePolicy(m, gridPath, urgency) {
        const rows = await m.query(`SELECT p.accept_minutes, p.claim_minutes FROM need_deadline_policies p JOIN regions r ON r.id = p.region_id
        WHERE r.path @> $1::ltree AND p.urgency = $2 ORDER BY nlevel(r.path) DESC LIMIT 1`, [gridPath, urgency]);
        return rows[0] ? { acceptMinutes: rows[0].accept_minutes, claimMinutes: rows[0].claim_minutes } : null;
    }
    /** Like deadlinePolicy, with the region that sets it. */
    async deadlinePolicySource(m, path, urgency) {
        const rows = await m.query(`SELECT p.region_id, p.accept_minutes, p.claim_minutes FROM need_deadline_policies p JOIN regions r ON r.id = p.region_id
        WHERE r.path @> $1::ltree AND p.urgency = $2 ORDER BY nlevel(r.path) DESC LIMIT 1`, [path, urgency]);
        return rows[0] ? { regionId: rows[0].region_id, acceptMinutes: rows[0].accept_minutes, claimMinutes: rows[0].claim_minutes } : null;
    }
    async setDeadlinePolicy(m, regionId, urgency, p, by) {
        await m.query(`INSERT INTO need_deadline_policies (region_id, urgency, accept_minutes, claim_minutes, updated_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (region_id, urgency) DO UPDATE SET accept_minutes = EXCLUDED.accept_minutes, claim_minutes = EXCLUDED.claim_minutes,
         updated_by = EXCLUDED.updated_by, updated_at = now()`, [regionId, urgency, p.acceptMinutes, p.claimMinutes, by]);
    }
    /** The ancestor (or self) of `path` at `level`. */
    async ancestorAt(m, path, level) {
        const rows = await m.query(`SELECT id, path::text AS path FROM regions WHERE path @> $1::ltree AND level = $2 LIMIT 1`, [path, level]);
        return rows[0] ?? null;
    }
    async personFlags(m, personId) {
        const rows = await m.query(`SELECT flag::text FROM person_flags WHERE person_id = $1`, [personId]);
        return rows.map((r) => r.flag);
    }
    async personHome(m, personId) {
        const rows = await m.query(`SELECT p.id, p.grid_id, r.path::text AS grid_path, p.address, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date
         FROM persons p LEFT JOIN regions r ON r.id = p.grid_id WHERE p.id = $1`, [personId]);
        return rows[0] ?? null;
    }
    // ---- review items ----
    /** Resolves the need's open items of one kind (a settled dispute, a rescheduled need). */
    async resolveOpenReviews(m, needId, kind, resolution, by) {
        await m.query(`UPDATE need_reviews SET status = 'RESOLVED', resolution = $3, resolved_by = $4, resolved_at = now() WHERE need_id = $1 AND kind = $2 AND status = 'OPEN'`, [needId, kind, resolution.slice(0, 1000), by]);
    }
    async openReview(m, r) {
        await m.query(`INSERT INTO need_reviews (need_id, kind, region_id, region_path, rating, note, due_at) VALUES ($1, $2, $3, $4::ltree, $5, $6, $7)`, [r.needId, r.kind, r.regionId, r.regionPath, r.rating ?? null, r.note ?? null, r.dueAt]);
    }
    async reviews(scopes, status, needId) {
        const params = [];
        const where = [scopePredicate('region_path', scopes, params)];
        if (status) {
            params.push(status);
            where.push(`status = $${params.length}`);
        }
        if (needId) {
            params.push(needId);
            where.push(`need_id = $${params.length}`);
        }
        const rows = await this.db.query(`SELECT * FROM need_reviews WHERE ${where.join(' AND ')} ORDER BY due_at, id LIMIT 200`, params);
        return rows.map(toReview);
    }
    async lockReview(m, id) {
        const rows = await m.query(`SELECT *, region_path::text AS region_path FROM need_reviews WHERE id = $1 FOR UPDATE`, [id]);
        return rows[0] ? { ...toReview(rows[0]), regionPath: rows[0].region_path } : null;
    }
    async resolveReview(m, id, resolution, by) {
        await m.query(`UPDATE need_reviews SET status = 'RESOLVED', resolution = $2, resolved_by = $3, resolved_at = now() WHERE id = $1`, [id, resolution, by]);
        const rows = await m.query(`SELECT * FROM need_reviews WHERE id = $1`, [id]);
        return toReview(rows[0]);
    }
    async openReviewCount(m, needId) {
        const rows = await m.query(`SELECT count(*)::int AS c FROM need_reviews WHERE need_id = $1 AND status = 'OPEN'`, [needId]);
        return rows[0].c;
    }
    // ---- the scheduler's scans: SKIP LOCKED so that two instances split the work instead of doing it twice ----
    /** Up to `limit` needs due for `scan` at `at`, locked, except `skip` (ids that failed in this run). */
    async due(m, scan, at, limit, skip = []) {
        const q = SCANS[scan];
        const rows = await m.query(`SELECT ${COLUMNS} FROM needs n WHERE n.status IN (${sqlStatuses(q.statuses)}) AND ${q.where} AND NOT (n.id = ANY($3::uuid[]))
        ORDER BY ${q.order} LIMIT $2 FOR UPDATE SKIP LOCKED`, [at, limit, skip]);
        return rows.map(toNeed);
    }
};
NeedsRepository = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [DataSource])
], NeedsRepository);
export { NeedsRepository };
function toReview(r) {
    return { id: r.id, needId: r.need_id, kind: r.kind, rating: r.rating, note: r.note, dueAt: r.due_at, status: r.status, resolution: r.resolution, createdAt: r.created_at };
}
//# sourceMappingURL=needs.repository.js.map