import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { scopePredicate, ScopePaths } from '../scope/actor.js';
import { DeadlinePolicy, Urgency } from './need-deadlines.js';
import { Need, NeedCategory, NeedEvent, NeedReview } from './need.model.js';
import { NeedStatus } from './need-transitions.js';

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
}

const COLUMNS = `n.*, n.grid_path::text AS grid_path`;

export function toNeed(r: NeedRow): Need {
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

export interface NewNeed {
  title: string;
  description: string | null;
  category: NeedCategory;
  urgency: Urgency;
  beneficiaryId: string;
  postedBy: string;
  gridId: string;
  gridPath: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  windowStart: Date;
  windowEnd: Date;
  estimatedMinutes: number;
  requiredSkills: string[];
  preferPartyMember: boolean;
  homeEntry: boolean;
  groupActivity: boolean;
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

@Injectable()
export class NeedsRepository {
  constructor(private readonly db: DataSource) {}

  async byIds(ids: readonly string[], manager: EntityManager = this.db.manager): Promise<Need[]> {
    const rows: NeedRow[] = await manager.query(`SELECT ${COLUMNS} FROM needs n WHERE n.id = ANY($1::uuid[])`, [ids]);
    return rows.map(toNeed);
  }

  /** The need locked for a transition: concurrent transitions on one need queue here and re-read the state. */
  async lock(manager: EntityManager, id: string): Promise<Need | null> {
    const rows: NeedRow[] = await manager.query(`SELECT ${COLUMNS} FROM needs n WHERE n.id = $1 FOR UPDATE`, [id]);
    return rows[0] ? toNeed(rows[0]) : null;
  }

  async insert(m: EntityManager, n: NewNeed): Promise<string> {
    const rows = await m.query(
      `INSERT INTO needs (title, description, category, urgency, beneficiary_id, posted_by, grid_id, grid_path, address, latitude, longitude,
                          window_start, window_end, estimated_minutes, required_skills, prefer_party_member, home_entry, requires_vetting,
                          accept_deadline, claim_deadline, group_activity)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8::ltree,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21) RETURNING id`,
      [n.title, n.description, n.category, n.urgency, n.beneficiaryId, n.postedBy, n.gridId, n.gridPath, n.address, n.latitude, n.longitude,
        n.windowStart, n.windowEnd, n.estimatedMinutes, n.requiredSkills, n.preferPartyMember, n.homeEntry, n.requiresVetting, n.acceptBy, n.claimBy, n.groupActivity],
    );
    return rows[0].id;
  }

  /** Sets `status` and the given columns (names are code constants, never input). */
  async update(m: EntityManager, id: string, set: Record<string, unknown>): Promise<void> {
    const cols = Object.keys(set);
    const params = cols.map((c) => set[c]);
    params.push(id);
    await m.query(`UPDATE needs SET ${cols.map((c, i) => `${c} = $${i + 1}`).join(', ')}, updated_at = now() WHERE id = $${params.length}`, params);
  }

  async recordEvent(m: EntityManager, e: { needId: string; action: string; from: NeedStatus | null; to: NeedStatus; actorId: string | null; reason?: string | null; data?: unknown; at?: Date }): Promise<void> {
    await m.query(
      `INSERT INTO need_events (need_id, action, from_status, to_status, actor_id, reason, data, at) VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8, now()))`,
      [e.needId, e.action, e.from, e.to, e.actorId, e.reason ?? null, e.data === undefined ? null : JSON.stringify(e.data), e.at ?? null],
    );
  }

  async eventsOf(needIds: readonly string[]): Promise<(NeedEvent & { needId: string })[]> {
    const rows = await this.db.query(
      `SELECT e.id::text AS id, e.need_id, e.action, e.from_status, e.to_status, e.actor_id, e.reason, e.at FROM need_events e WHERE e.need_id = ANY($1::uuid[]) ORDER BY e.id`,
      [needIds],
    );
    return rows.map((r: any) => ({ id: r.id, needId: r.need_id, action: r.action, from: r.from_status, to: r.to_status, actorId: r.actor_id, reason: r.reason, at: r.at }));
  }

  /** Another need the volunteer holds whose window overlaps [start, end). */
  async overlappingHeld(m: EntityManager, volunteerId: string, start: Date, end: Date, exceptNeedId: string): Promise<string | null> {
    const rows = await m.query(
      `SELECT id FROM needs WHERE claimed_by = $1 AND status IN ('CLAIMED','IN_SERVICE') AND id <> $4
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
  async linkedToProjects(projectIds: readonly string[]): Promise<{ id: string; projectId: string; title: string; category: NeedCategory; status: NeedStatus; gridId: string }[]> {
    const rows = await this.db.query(
      `SELECT id, project_id, title, category, status, grid_id FROM needs WHERE project_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [projectIds],
    );
    return rows.map((r: any) => ({ id: r.id, projectId: r.project_id, title: r.title, category: r.category, status: r.status, gridId: r.grid_id }));
  }

  /** Serializes claims and dispatches of one volunteer, so that the overlap check and the update are atomic per volunteer. */
  async lockVolunteer(m: EntityManager, volunteerId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('wushe:volunteer-hold:' || $1))`, [volunteerId]);
  }

  async list(vis: NeedVisibility, filter: { status?: NeedStatus | null; regionPath?: string | null; category?: NeedCategory | null }, first: number, after: [string, string] | null): Promise<{ rows: Need[]; total: number }> {
    const params: unknown[] = [vis.personId, vis.volunteerId];
    const staff = scopePredicate('n.grid_path', vis.staffScopes, params);
    const visible = `(n.beneficiary_id = $1 OR n.posted_by = $1 OR (n.claimed_by IS NOT NULL AND n.claimed_by = $2) OR ${staff}
      OR (n.status = 'OPEN' AND $2::uuid IS NOT NULL AND EXISTS (SELECT 1 FROM volunteer_regions vr WHERE vr.volunteer_id = $2 AND n.grid_path <@ vr.path)))`;
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
    const rows: NeedRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM needs n WHERE ${where.join(' AND ')} ORDER BY n.created_at DESC, n.id DESC LIMIT $${params.length}`,
      params,
    );
    return { rows: rows.map(toNeed), total };
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

  async region(m: EntityManager, id: string): Promise<{ id: string; path: string; level: string } | null> {
    const rows = await m.query(`SELECT id, path::text AS path, level FROM regions WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The ancestor (or self) of `path` at `level`. */
  async ancestorAt(m: EntityManager, path: string, level: 'COMMUNITY' | 'STREET'): Promise<{ id: string; path: string } | null> {
    const rows = await m.query(`SELECT id, path::text AS path FROM regions WHERE path @> $1::ltree AND level = $2 LIMIT 1`, [path, level]);
    return rows[0] ?? null;
  }

  async skillsExist(m: EntityManager, skills: string[]): Promise<string[]> {
    const rows = await m.query(`SELECT name FROM skills WHERE name = ANY($1::text[])`, [skills]);
    return rows.map((r: { name: string }) => r.name);
  }

  async personFlags(m: EntityManager, personId: string): Promise<string[]> {
    const rows = await m.query(`SELECT flag::text FROM person_flags WHERE person_id = $1`, [personId]);
    return rows.map((r: { flag: string }) => r.flag);
  }

  async personHome(m: EntityManager, personId: string): Promise<{ id: string; grid_id: string | null; grid_path: string | null; address: string | null; birth_date: string | null } | null> {
    const rows = await m.query(
      `SELECT p.id, p.grid_id, r.path::text AS grid_path, p.address, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date
         FROM persons p LEFT JOIN regions r ON r.id = p.grid_id WHERE p.id = $1`,
      [personId],
    );
    return rows[0] ?? null;
  }

  // ---- volunteer statistics fed by the loop (reliability and satisfaction read them) ----

  async bumpStats(m: EntityManager, volunteerId: string, set: { completed?: number; noShows?: number; withdrawals?: number; rating?: number; servedAt?: Date }): Promise<void> {
    await m.query(
      `INSERT INTO volunteer_stats (volunteer_id, completed_count, no_show_count, withdraw_count, rating_sum, rating_count, last_served_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (volunteer_id) DO UPDATE SET
         completed_count = volunteer_stats.completed_count + EXCLUDED.completed_count,
         no_show_count = volunteer_stats.no_show_count + EXCLUDED.no_show_count,
         withdraw_count = volunteer_stats.withdraw_count + EXCLUDED.withdraw_count,
         rating_sum = volunteer_stats.rating_sum + EXCLUDED.rating_sum,
         rating_count = volunteer_stats.rating_count + EXCLUDED.rating_count,
         last_served_at = greatest(volunteer_stats.last_served_at, EXCLUDED.last_served_at)`,
      [volunteerId, set.completed ?? 0, set.noShows ?? 0, set.withdrawals ?? 0, set.rating ?? 0, set.rating === undefined ? 0 : 1, set.servedAt ?? null],
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

  async openReview(m: EntityManager, r: { needId: string; kind: ReviewKind; regionId: string; regionPath: string; rating?: number | null; note?: string | null; dueAt: Date }): Promise<void> {
    await m.query(
      `INSERT INTO need_reviews (need_id, kind, region_id, region_path, rating, note, due_at) VALUES ($1, $2, $3, $4::ltree, $5, $6, $7)`,
      [r.needId, r.kind, r.regionId, r.regionPath, r.rating ?? null, r.note ?? null, r.dueAt],
    );
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

  async dueAcceptBreaches(m: EntityManager, now: Date, limit: number): Promise<Need[]> {
    const rows: NeedRow[] = await m.query(
      `SELECT ${COLUMNS} FROM needs n WHERE n.status = 'SUBMITTED' AND n.accept_breached_at IS NULL AND n.accept_deadline <= $1
        ORDER BY n.accept_deadline LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map(toNeed);
  }

  async dueClaimBreaches(m: EntityManager, now: Date, limit: number): Promise<Need[]> {
    const rows: NeedRow[] = await m.query(
      `SELECT ${COLUMNS} FROM needs n WHERE n.status IN ('SUBMITTED','ACCEPTED','OPEN') AND n.claim_breached_at IS NULL AND n.claim_deadline <= $1
        ORDER BY n.claim_deadline LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map(toNeed);
  }

  /** Services checked in whose window ended before `before` and that nobody completed: not yet flagged. */
  async dueServiceOverdue(m: EntityManager, before: Date, limit: number): Promise<Need[]> {
    const rows: NeedRow[] = await m.query(
      `SELECT ${COLUMNS} FROM needs n WHERE n.status = 'IN_SERVICE' AND n.service_overdue_at IS NULL AND n.window_end <= $1
        ORDER BY n.window_end LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [before, limit],
    );
    return rows.map(toNeed);
  }

  async dueNoShows(m: EntityManager, before: Date, limit: number): Promise<Need[]> {
    const rows: NeedRow[] = await m.query(
      `SELECT ${COLUMNS} FROM needs n WHERE n.status = 'CLAIMED' AND n.window_end <= $1 ORDER BY n.window_end LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [before, limit],
    );
    return rows.map(toNeed);
  }

  /** Waiting needs (nobody holds them) whose window is over. */
  async dueExpiries(m: EntityManager, now: Date, limit: number): Promise<Need[]> {
    const rows: NeedRow[] = await m.query(
      `SELECT ${COLUMNS} FROM needs n WHERE n.status IN ('ACCEPTED','OPEN') AND n.window_end <= $1 ORDER BY n.window_end LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map(toNeed);
  }

  /** Confirmed needs confirmed before `before` with no open review item (办结 by the system). */
  async dueCloses(m: EntityManager, before: Date, limit: number): Promise<Need[]> {
    const rows: NeedRow[] = await m.query(
      `SELECT ${COLUMNS} FROM needs n WHERE n.status = 'CONFIRMED' AND n.confirmed_at <= $1
          AND NOT EXISTS (SELECT 1 FROM need_reviews r WHERE r.need_id = n.id AND r.status = 'OPEN')
        ORDER BY n.confirmed_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [before, limit],
    );
    return rows.map(toNeed);
  }

  /** One due auto-confirmation, locked; each is confirmed in its own transaction so that one failure does not block the rest. */
  async nextAutoConfirm(m: EntityManager, now: Date, skip: readonly string[]): Promise<Need | null> {
    const rows: NeedRow[] = await m.query(
      `SELECT ${COLUMNS} FROM needs n WHERE n.status = 'COMPLETED' AND n.disputed_at IS NULL AND n.auto_confirm_at <= $1
          AND NOT (n.id = ANY($2::uuid[]))
        ORDER BY n.auto_confirm_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [now, skip],
    );
    return rows[0] ? toNeed(rows[0]) : null;
  }
}

function toReview(r: any): NeedReview {
  return { id: r.id, needId: r.need_id, kind: r.kind, rating: r.rating, note: r.note, dueAt: r.due_at, status: r.status, resolution: r.resolution, createdAt: r.created_at };
}
