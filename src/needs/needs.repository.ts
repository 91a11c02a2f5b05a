import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { PageWindow } from '../common/graphql/connection.js';
import { keysetPage, KeysetOrder, keysetWindow, PageRequest, SqlWhere, WindowRequest } from '../common/keyset-page.js';
import type { HistoryEntry, TransitionStore } from '../common/state-machine.js';
import { scopePredicate, ScopePaths } from '../scope/actor.js';
import { DeadlinePolicy, Urgency } from './need-deadlines.js';
import { NeedCategory, NeedEvent, NeedReview } from './need.model.js';
import { NeedPatch, NeedRecord } from './need.record.js';
import { HELD_STATES, NEED_MACHINE, NeedAction, NeedStatus, WAITING_STATES } from './need-transitions.js';
import { needErrors } from './needs.errors.js';

export interface NeedRow {
  id: string;
  title: string;
  description: string | null;
  category: NeedCategory;
  urgency: Urgency;
  status: NeedStatus;
  beneficiary_id: string;
  posted_by: string;
  grid_id: string;
  grid_path: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  window_start: Date;
  window_end: Date;
  estimated_minutes: number;
  required_skills: string[];
  prefer_party_member: boolean;
  home_entry: boolean;
  group_activity: boolean;
  requires_vetting: boolean;
  accept_deadline: Date;
  claim_deadline: Date;
  accept_breached_at: Date | null;
  claim_breached_at: Date | null;
  service_overdue_at: Date | null;
  escalated_at: Date | null;
  escalated_to: string | null;
  escalation_count: number;
  accepted_by: string | null;
  claimed_by: string | null;
  claimed_at: Date | null;
  dispatch_override_reason: string | null;
  started_at: Date | null;
  completed_at: Date | null;
  service_minutes: number | null;
  auto_confirm_at: Date | null;
  disputed_at: Date | null;
  confirmed_at: Date | null;
  rating: number | null;
  rating_comment: string | null;
  rating_tags: string[];
  status_reason: string | null;
  created_at: Date;
  series_id: string | null;
  checkin_distance_m: number | null;
  checkout_distance_m: number | null;
}

const COLUMNS = `n.*, n.grid_path::text AS grid_path`;

export function toNeed(r: NeedRow): NeedRecord {
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
    seriesId: r.series_id ?? null,
    checkinDistanceM: r.checkin_distance_m ?? null,
    checkoutDistanceM: r.checkout_distance_m ?? null,
    beneficiaryId: r.beneficiary_id,
    postedById: r.posted_by,
    claimedById: r.claimed_by,
    acceptedById: r.accepted_by,
    address: r.address,
    dispatchOverrideReason: r.dispatch_override_reason,
  };
}

/** `'A','B'` for `status IN (…)`: statuses come from the transition table (enum values, never input), inlined so that the partial indexes apply. */
export function sqlStatuses(states: readonly NeedStatus[]): string {
  const known = new Set<string>(Object.values(NeedStatus));
  return states
    .map((s) => {
      if (!known.has(s)) throw new Error(`not a need status: ${s}`);
      return `'${s}'`;
    })
    .join(',');
}

/** The column of each patch field. */
const PATCH_COLUMNS: { readonly [K in keyof Required<NeedPatch>]: string } = {
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
  checkinDistanceM: 'checkin_distance_m',
  checkoutDistanceM: 'checkout_distance_m',
  address: 'address',
  latitude: 'latitude',
  longitude: 'longitude',
  description: 'description',
  requiredSkills: 'required_skills',
  acceptDeadline: 'accept_deadline',
  claimBreachedAt: 'claim_breached_at',
};

const PG_EXCLUSION_VIOLATION = '23P01';
const isExclusionViolation = (err: unknown) =>
  (err as { code?: string }).code === PG_EXCLUSION_VIOLATION || (err as { driverError?: { code?: string } }).driverError?.code === PG_EXCLUSION_VIOLATION;

/** The scheduler's scans: which needs are due at a time. */
export enum NeedScan {
  /** Not accepted by the accept deadline. */
  ACCEPT_BREACH = 'ACCEPT_BREACH',
  /** Still waiting at the claim deadline. */
  CLAIM_BREACH = 'CLAIM_BREACH',
  /** Checked in, window ended before the time given, nobody completed it: not yet flagged. */
  SERVICE_OVERDUE = 'SERVICE_OVERDUE',
  /** Claimed, window ended before the time given, never started. */
  NO_SHOW = 'NO_SHOW',
  /** Waiting (nobody holds them) with the window over. */
  EXPIRY = 'EXPIRY',
  /** Confirmed before the time given with no open review item (办结 by the system). */
  CLOSE = 'CLOSE',
  /** Completed, undisputed, auto-confirmation due. */
  AUTO_CONFIRM = 'AUTO_CONFIRM',
}

/** Each scan: the statuses (from the transition table), the condition on `$1` (the time) and the order. */
const SCANS: Readonly<Record<NeedScan, { statuses: readonly NeedStatus[]; where: string; order: string }>> = {
  ACCEPT_BREACH: {
    statuses: NEED_MACHINE.from(NeedAction.ACCEPT),
    where: 'n.accept_breached_at IS NULL AND n.accept_deadline <= $1',
    order: 'n.accept_deadline',
  },
  CLAIM_BREACH: { statuses: WAITING_STATES, where: 'n.claim_breached_at IS NULL AND n.claim_deadline <= $1', order: 'n.claim_deadline' },
  SERVICE_OVERDUE: { statuses: NEED_MACHINE.from(NeedAction.COMPLETE), where: 'n.service_overdue_at IS NULL AND n.window_end <= $1', order: 'n.window_end' },
  NO_SHOW: { statuses: NEED_MACHINE.from(NeedAction.NO_SHOW), where: 'n.window_end <= $1', order: 'n.window_end' },
  EXPIRY: { statuses: NEED_MACHINE.from(NeedAction.EXPIRE), where: 'n.window_end <= $1', order: 'n.window_end' },
  CLOSE: {
    statuses: NEED_MACHINE.from(NeedAction.CLOSE),
    where: `n.confirmed_at <= $1 AND NOT EXISTS (SELECT 1 FROM need_reviews r WHERE r.need_id = n.id AND r.status = 'OPEN')`,
    order: 'n.confirmed_at',
  },
  AUTO_CONFIRM: {
    statuses: NEED_MACHINE.from(NeedAction.AUTO_CONFIRM),
    where: 'n.disputed_at IS NULL AND n.auto_confirm_at <= $1',
    order: 'n.auto_confirm_at',
  },
};

/** The deadlines the scheduler watches: the column that marks each breach. */
export type BreachKind = 'ACCEPT' | 'CLAIM' | 'SERVICE';
const BREACH_COLUMN: Readonly<Record<BreachKind, string>> = { ACCEPT: 'accept_breached_at', CLAIM: 'claim_breached_at', SERVICE: 'service_overdue_at' };

/** What the needs list is filtered by (besides who may see it). */
export interface NeedListFilter {
  status?: NeedStatus | null;
  regionPath?: string | null;
  category?: NeedCategory | null;
}

/** What posting writes: the record's own fields as given, plus who posted it, vetting and the deadlines. */
export interface NewNeed extends Pick<
  NeedRecord,
  | 'title'
  | 'description'
  | 'category'
  | 'urgency'
  | 'beneficiaryId'
  | 'gridId'
  | 'gridPath'
  | 'address'
  | 'latitude'
  | 'longitude'
  | 'windowStart'
  | 'windowEnd'
  | 'estimatedMinutes'
  | 'requiredSkills'
  | 'preferPartyMember'
  | 'homeEntry'
  | 'groupActivity'
> {
  postedBy: string;
  requiresVetting: boolean;
  acceptBy: Date;
  claimBy: Date;
}

export type ReviewKind = 'LOW_RATING' | 'DEADLINE_CALLBACK' | 'DISPUTE' | 'EXPIRED_CALLBACK';

/** Who a list is for: the ids it may always see and the scopes where it sees more. */
export interface NeedVisibility {
  personId: string;
  volunteerId: string | null;
  staffScopes: ScopePaths;
}

/** 签到核查 latest service first; the cursor is (started_at, id). */
export const FAR_CHECKIN_ORDER: KeysetOrder = {
  keys: [
    { sql: 'n.started_at', type: 'timestamptz' },
    { sql: 'n.id', type: 'uuid' },
  ],
  direction: 'DESC',
};

@Injectable()
export class NeedsRepository implements TransitionStore<NeedRecord, NeedStatus, NeedAction, NeedPatch> {
  constructor(private readonly db: DataSource) {}

  async byIds(ids: readonly string[], manager: EntityManager = this.db.manager): Promise<NeedRecord[]> {
    const rows: NeedRow[] = await manager.query(`SELECT ${COLUMNS} FROM needs n WHERE n.id = ANY($1::uuid[])`, [ids]);
    return rows.map(toNeed);
  }

  /** The need locked for a transition: concurrent transitions on one need queue here and re-read the state. */
  async lock(manager: EntityManager, id: string): Promise<NeedRecord | null> {
    const rows: NeedRow[] = await manager.query(`SELECT ${COLUMNS} FROM needs n WHERE n.id = $1 FOR UPDATE`, [id]);
    return rows[0] ? toNeed(rows[0]) : null;
  }

  statusOf(need: NeedRecord): NeedStatus {
    return need.status;
  }

  /** Sets the status and the typed patch. The exclusion constraint is the last line against double-booking a volunteer. */
  async apply(m: EntityManager, id: string, to: NeedStatus, patch: NeedPatch = {}): Promise<void> {
    const set: [string, unknown][] = [['status', to]];
    for (const [field, value] of Object.entries(patch) as [keyof NeedPatch, unknown][]) {
      if (value !== undefined) set.push([PATCH_COLUMNS[field], value]);
    }
    const params = [...set.map(([, v]) => v), id];
    try {
      await m.query(`UPDATE needs SET ${set.map(([c], i) => `${c} = $${i + 1}`).join(', ')}, updated_at = now() WHERE id = $${params.length}`, params);
    } catch (err) {
      if (isExclusionViolation(err)) throw needErrors.overlappingCommitment();
      throw err;
    }
  }

  async recordHistory(m: EntityManager, e: HistoryEntry<NeedStatus, NeedAction>): Promise<void> {
    await this.recordEvent(m, { needId: e.id, action: e.action, from: e.from, to: e.to, actorId: e.actorId, reason: e.reason, data: e.data });
  }

  /** Marks a deadline breach and the escalation to `escalatedTo` (首接负责 moves up). */
  async markBreach(m: EntityManager, id: string, kind: BreachKind, at: Date, escalatedTo: string): Promise<void> {
    await m.query(
      `UPDATE needs SET ${BREACH_COLUMN[kind]} = $2, escalated_at = $2, escalated_to = $3, escalation_count = escalation_count + 1, updated_at = now() WHERE id = $1`,
      [id, at, escalatedTo],
    );
  }

  async insert(m: EntityManager, n: NewNeed): Promise<string> {
    const rows = await m.query(
      `INSERT INTO needs (title, description, category, urgency, beneficiary_id, posted_by, grid_id, grid_path, address, latitude, longitude,
                          window_start, window_end, estimated_minutes, required_skills, prefer_party_member, home_entry, requires_vetting,
                          accept_deadline, claim_deadline, group_activity)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8::ltree,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21) RETURNING id`,
      [
        n.title,
        n.description,
        n.category,
        n.urgency,
        n.beneficiaryId,
        n.postedBy,
        n.gridId,
        n.gridPath,
        n.address,
        n.latitude,
        n.longitude,
        n.windowStart,
        n.windowEnd,
        n.estimatedMinutes,
        n.requiredSkills,
        n.preferPartyMember,
        n.homeEntry,
        n.requiresVetting,
        n.acceptBy,
        n.claimBy,
        n.groupActivity,
      ],
    );
    return rows[0].id;
  }

  async recordEvent(
    m: EntityManager,
    e: { needId: string; action: string; from: NeedStatus | null; to: NeedStatus; actorId: string | null; reason?: string | null; data?: unknown; at?: Date },
  ): Promise<void> {
    await m.query(
      `INSERT INTO need_events (need_id, action, from_status, to_status, actor_id, reason, data, at) VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8, now()))`,
      [e.needId, e.action, e.from, e.to, e.actorId, e.reason ?? null, e.data === undefined ? null : JSON.stringify(e.data), e.at ?? null],
    );
  }

  async eventsOf(needIds: readonly string[]): Promise<(NeedEvent & { needId: string })[]> {
    const rows = await this.db.query(`SELECT ${EVENT_COLUMNS} FROM need_events e WHERE e.need_id = ANY($1::uuid[]) ORDER BY e.id`, [needIds]);
    return rows.map(toEvent);
  }

  /** One window of a need's history, oldest first (need_events_need_idx serves it). */
  async eventsWindow(needId: string, page: WindowRequest): Promise<PageWindow<NeedEvent & { needId: string }>> {
    const where = new SqlWhere();
    where.and(`e.need_id = ${where.param(needId)}`);
    const w = await keysetWindow<EventRow>(this.db, { select: EVENT_COLUMNS, from: 'need_events e', where, order: EVENT_ORDER, page });
    return { ...w, rows: w.rows.map(toEvent) };
  }

  /** Another need the volunteer holds whose window overlaps [start, end). */
  async overlappingHeld(m: EntityManager, volunteerId: string, start: Date, end: Date, exceptNeedId: string): Promise<string | null> {
    const rows = await m.query(
      `SELECT id FROM needs WHERE claimed_by = $1 AND status IN (${sqlStatuses(HELD_STATES)}) AND id <> $4
          AND tstzrange(window_start, window_end) && tstzrange($2, $3) LIMIT 1`,
      [volunteerId, start, end, exceptNeedId],
    );
    return rows[0]?.id ?? null;
  }

  // ---------------------------------------------------------------- project link (docs/projects.md "Linked needs")

  /**
   * Links needs to a project: only needs not yet held by anyone (SUBMITTED, ACCEPTED, OPEN, EXPIRED), not linked
   * elsewhere, under `regionPath`. Locks them; returns the ids it linked (the caller compares with what it asked).
   */
  async linkToProject(m: EntityManager, needIds: readonly string[], projectId: string, regionPath: string): Promise<string[]> {
    // An UPDATE … RETURNING answers [rows, affected count] through TypeORM.
    const [rows] = await m.query(
      `UPDATE needs SET project_id = $2 WHERE id IN (SELECT id FROM needs WHERE id = ANY($1::uuid[]) AND project_id IS NULL
          AND status IN ('SUBMITTED','ACCEPTED','OPEN','EXPIRED') AND grid_path <@ $3::ltree FOR UPDATE) RETURNING id`,
      [needIds, projectId, regionPath],
    );
    return rows.map((r: { id: string }) => r.id);
  }

  /** The project gave up (rejected, cancelled): its needs that nobody served return to the open feed. */
  async unlinkFromProject(m: EntityManager, projectId: string, keep: readonly string[]): Promise<void> {
    await m.query(`UPDATE needs SET project_id = NULL WHERE project_id = $1 AND NOT (id = ANY($2::uuid[]))`, [projectId, keep]);
  }

  /** The project a need is linked to, read on the locked row's transaction (claims and dispatches refuse linked needs). */
  async projectOf(m: EntityManager, needId: string): Promise<string | null> {
    const rows = await m.query(`SELECT project_id FROM needs WHERE id = $1`, [needId]);
    return rows[0]?.project_id ?? null;
  }

  /** The links of many needs (for `Need.project`). */
  async projectLinks(needIds: readonly string[]): Promise<{ needId: string; projectId: string | null }[]> {
    const rows = await this.db.query(`SELECT id, project_id FROM needs WHERE id = ANY($1::uuid[])`, [needIds]);
    return rows.map((r: { id: string; project_id: string | null }) => ({ needId: r.id, projectId: r.project_id }));
  }

  /** The needs linked to each project, with no personal data (title, category, status, grid). */
  async linkedToProjects(
    projectIds: readonly string[],
  ): Promise<{ id: string; projectId: string; title: string; category: NeedCategory; status: NeedStatus; gridId: string }[]> {
    const rows = await this.db.query(
      `SELECT id, project_id, title, category, status, grid_id FROM needs WHERE project_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [projectIds],
    );
    type Row = { id: string; project_id: string; title: string; category: NeedCategory; status: NeedStatus; grid_id: string };
    return rows.map((r: Row) => ({ id: r.id, projectId: r.project_id, title: r.title, category: r.category, status: r.status, gridId: r.grid_id }));
  }

  /** Serializes claims and dispatches of one volunteer, so that the overlap check and the update are atomic per volunteer. */
  async lockVolunteer(m: EntityManager, volunteerId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('wushe:volunteer-hold:' || $1))`, [volunteerId]);
  }

  /**
   * A page of visible needs, newest first. Each row carries `createdKey`: created_at as PostgreSQL writes it
   * (microseconds kept), for the cursor; a JS Date keeps milliseconds only, and rows posted in one transaction
   * (a series' occurrences) share created_at, so a millisecond cursor would skip them.
   */
  async list(
    vis: NeedVisibility,
    filter: NeedListFilter,
    first: number,
    after: [string, string] | null,
  ): Promise<{ rows: (NeedRecord & { createdKey: string })[]; total: number }> {
    const params: unknown[] = [vis.personId, vis.volunteerId];
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
    const rows: (NeedRow & { created_key: string })[] = await this.db.query(
      `SELECT ${COLUMNS}, n.created_at::text AS created_key FROM needs n WHERE ${where.join(' AND ')} ORDER BY n.created_at DESC, n.id DESC LIMIT $${params.length}`,
      params,
    );
    return { rows: rows.map((r) => ({ ...toNeed(r), createdKey: r.created_key })), total };
  }

  /** The deadline policy for `urgency` of the nearest region above `gridPath` that sets one. */
  async deadlinePolicy(m: EntityManager, gridPath: string, urgency: Urgency): Promise<DeadlinePolicy | null> {
    const rows = await m.query(
      `SELECT p.accept_minutes, p.claim_minutes FROM need_deadline_policies p JOIN regions r ON r.id = p.region_id
        WHERE r.path @> $1::ltree AND p.urgency = $2 ORDER BY nlevel(r.path) DESC LIMIT 1`,
      [gridPath, urgency],
    );
    return rows[0] ? { acceptMinutes: rows[0].accept_minutes, claimMinutes: rows[0].claim_minutes } : null;
  }

  /** Like deadlinePolicy, with the region that sets it. */
  async deadlinePolicySource(m: EntityManager, path: string, urgency: Urgency): Promise<(DeadlinePolicy & { regionId: string }) | null> {
    const rows = await m.query(
      `SELECT p.region_id, p.accept_minutes, p.claim_minutes FROM need_deadline_policies p JOIN regions r ON r.id = p.region_id
        WHERE r.path @> $1::ltree AND p.urgency = $2 ORDER BY nlevel(r.path) DESC LIMIT 1`,
      [path, urgency],
    );
    return rows[0] ? { regionId: rows[0].region_id, acceptMinutes: rows[0].accept_minutes, claimMinutes: rows[0].claim_minutes } : null;
  }

  async setDeadlinePolicy(m: EntityManager, regionId: string, urgency: Urgency, p: DeadlinePolicy, by: string): Promise<void> {
    await m.query(
      `INSERT INTO need_deadline_policies (region_id, urgency, accept_minutes, claim_minutes, updated_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (region_id, urgency) DO UPDATE SET accept_minutes = EXCLUDED.accept_minutes, claim_minutes = EXCLUDED.claim_minutes,
         updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [regionId, urgency, p.acceptMinutes, p.claimMinutes, by],
    );
  }

  /**
   * A page of needs in the scopes checked into or out of farther than a threshold, latest service first
   * (FAR_CHECKIN_ORDER; a distance is only recorded once the service started): `thresholdM` for all when given, else
   * each need's own region's (the nearest region above its grid that sets one, else `defaultM`).
   */
  async farCheckIns(
    scopes: ScopePaths,
    thresholdM: number | null,
    defaultM: number,
    page: PageRequest,
  ): Promise<{
    rows: { needId: string; title: string; checkinDistanceM: number | null; checkoutDistanceM: number | null; thresholdM: number; startedKey: string }[];
    total: number;
  }> {
    const where = new SqlWhere();
    const given = where.param(thresholdM);
    const fallback = where.param(defaultM);
    where.and('(n.checkin_distance_m > t.m OR n.checkout_distance_m > t.m)').and('n.started_at IS NOT NULL').and(where.scope('n.grid_path', scopes));
    const { rows, total } = await keysetPage<{
      id: string;
      title: string;
      checkin_distance_m: number | null;
      checkout_distance_m: number | null;
      threshold: number;
      started_key: string;
    }>(this.db, {
      select: 'n.id, n.title, n.checkin_distance_m, n.checkout_distance_m, t.m AS threshold, n.started_at::text AS started_key',
      from: `needs n CROSS JOIN LATERAL (
               SELECT coalesce(${given}::int, (SELECT p.far_checkin_m FROM need_checkin_policies p JOIN regions r ON r.id = p.region_id
                                               WHERE r.path @> n.grid_path ORDER BY nlevel(r.path) DESC LIMIT 1), ${fallback}::int) AS m) t`,
      where,
      order: FAR_CHECKIN_ORDER,
      page,
    });
    return {
      rows: rows.map((r) => ({
        needId: r.id,
        title: r.title,
        checkinDistanceM: r.checkin_distance_m,
        checkoutDistanceM: r.checkout_distance_m,
        thresholdM: Number(r.threshold),
        startedKey: r.started_key,
      })),
      total,
    };
  }

  /** The far check-in threshold in force at `path`, with the region that sets it (null: none, the default holds). */
  async farCheckInPolicySource(m: EntityManager, path: string): Promise<{ regionId: string; metres: number } | null> {
    const rows = await m.query(
      `SELECT p.region_id, p.far_checkin_m FROM need_checkin_policies p JOIN regions r ON r.id = p.region_id
        WHERE r.path @> $1::ltree ORDER BY nlevel(r.path) DESC LIMIT 1`,
      [path],
    );
    return rows[0] ? { regionId: rows[0].region_id, metres: Number(rows[0].far_checkin_m) } : null;
  }

  async setFarCheckInPolicy(m: EntityManager, regionId: string, metres: number, by: string): Promise<void> {
    await m.query(
      `INSERT INTO need_checkin_policies (region_id, far_checkin_m, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (region_id) DO UPDATE SET far_checkin_m = EXCLUDED.far_checkin_m, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [regionId, metres, by],
    );
  }

  // ---- review items ----

  /** Resolves the need's open items of one kind (a settled dispute, a rescheduled need). */
  async resolveOpenReviews(m: EntityManager, needId: string, kind: ReviewKind, resolution: string, by: string): Promise<void> {
    await m.query(
      `UPDATE need_reviews SET status = 'RESOLVED', resolution = $3, resolved_by = $4, resolved_at = now() WHERE need_id = $1 AND kind = $2 AND status = 'OPEN'`,
      [needId, kind, resolution.slice(0, 1000), by],
    );
  }

  async openReview(
    m: EntityManager,
    r: { needId: string; kind: ReviewKind; regionId: string; regionPath: string; rating?: number | null; note?: string | null; dueAt: Date },
  ): Promise<void> {
    await m.query(`INSERT INTO need_reviews (need_id, kind, region_id, region_path, rating, note, due_at) VALUES ($1, $2, $3, $4::ltree, $5, $6, $7)`, [
      r.needId,
      r.kind,
      r.regionId,
      r.regionPath,
      r.rating ?? null,
      r.note ?? null,
      r.dueAt,
    ]);
  }

  async reviews(scopes: ScopePaths, status: string | null, needId: string | null): Promise<NeedReview[]> {
    const params: unknown[] = [];
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

  async lockReview(m: EntityManager, id: string): Promise<(NeedReview & { regionPath: string }) | null> {
    const rows = await m.query(`SELECT *, region_path::text AS region_path FROM need_reviews WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ? { ...toReview(rows[0]), regionPath: rows[0].region_path } : null;
  }

  async resolveReview(m: EntityManager, id: string, resolution: string, by: string): Promise<NeedReview> {
    await m.query(`UPDATE need_reviews SET status = 'RESOLVED', resolution = $2, resolved_by = $3, resolved_at = now() WHERE id = $1`, [id, resolution, by]);
    const rows = await m.query(`SELECT * FROM need_reviews WHERE id = $1`, [id]);
    return toReview(rows[0]);
  }

  async openReviewCount(m: EntityManager, needId: string): Promise<number> {
    const rows = await m.query(`SELECT count(*)::int AS c FROM need_reviews WHERE need_id = $1 AND status = 'OPEN'`, [needId]);
    return rows[0].c;
  }

  // ---- the scheduler's scans: SKIP LOCKED so that two instances split the work instead of doing it twice ----

  /** Up to `limit` needs due for `scan` at `at`, locked, except `skip` (ids that failed in this run). */
  async due(m: EntityManager, scan: NeedScan, at: Date, limit: number, skip: readonly string[] = []): Promise<NeedRecord[]> {
    const q = SCANS[scan];
    const rows: NeedRow[] = await m.query(
      `SELECT ${COLUMNS} FROM needs n WHERE n.status IN (${sqlStatuses(q.statuses)}) AND ${q.where} AND NOT (n.id = ANY($3::uuid[]))
        ORDER BY ${q.order} LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [at, limit, skip],
    );
    return rows.map(toNeed);
  }
}

interface ReviewRow {
  id: string;
  need_id: string;
  kind: string;
  rating: number | null;
  note: string | null;
  due_at: Date;
  status: string;
  resolution: string | null;
  created_at: Date;
}

function toReview(r: ReviewRow): NeedReview {
  return {
    id: r.id,
    needId: r.need_id,
    kind: r.kind,
    rating: r.rating,
    note: r.note,
    dueAt: r.due_at,
    status: r.status,
    resolution: r.resolution,
    createdAt: r.created_at,
  };
}

/** A need's history oldest first; the cursor is the event id. */
export const EVENT_ORDER: KeysetOrder = { keys: [{ sql: 'e.id', type: 'int' }], direction: 'ASC' };

const EVENT_COLUMNS = `e.id::text AS id, e.need_id, e.action, e.from_status, e.to_status, e.actor_id, e.reason, e.at`;

interface EventRow {
  id: string;
  need_id: string;
  action: string;
  from_status: NeedStatus | null;
  to_status: NeedStatus;
  actor_id: string | null;
  reason: string | null;
  at: Date;
}

const toEvent = (r: EventRow): NeedEvent & { needId: string } => ({
  id: r.id,
  needId: r.need_id,
  action: r.action,
  from: r.from_status,
  to: r.to_status,
  actorId: r.actor_id,
  reason: r.reason,
  at: r.at,
});
