import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { keysetPage, KeysetOrder, PageRequest, SqlWhere } from '../common/keyset-page.js';
import { ScopePaths } from '../scope/actor.js';
import { WeeklySlot } from './availability.js';
import { Skill, VolunteerTeam, VolunteerTeamMember } from './volunteer.model.js';
import { reliability, starLevel } from './star-level.js';
import { Volunteer, VolunteerStatus } from './volunteer.model.js';

export interface VolunteerRow {
  id: string;
  person_id: string;
  community_id: string;
  status: VolunteerStatus;
  volunteer_no: string | null;
  is_party_member: boolean;
  is_vetted: boolean;
  skills: string[];
  completed_count: number;
  no_show_count: number;
  withdraw_count: number;
  rating_sum: number;
  rating_count: number;
  verified_minutes: number;
  community_path: string;
  emergency_contact_name: string | null;
  emergency_contact_phone: string | null;
  created_at: Date;
  created_key: string;
}

/** Volunteer with skills and statistics in one query: the shape every list and loader uses. */
const VOLUNTEER_COLUMNS = `v.id, v.person_id, v.community_id, v.status, v.volunteer_no, v.is_party_member, v.is_vetted,
         coalesce((SELECT array_agg(s.skill ORDER BY s.skill) FROM volunteer_skills s WHERE s.volunteer_id = v.id), '{}') AS skills,
         coalesce(st.completed_count, 0) AS completed_count, coalesce(st.no_show_count, 0) AS no_show_count,
         coalesce(st.withdraw_count, 0) AS withdraw_count, coalesce(st.rating_sum, 0) AS rating_sum,
         coalesce(st.rating_count, 0) AS rating_count, coalesce(st.verified_minutes, 0) AS verified_minutes,
         vc.path::text AS community_path, v.emergency_contact_name, v.emergency_contact_phone,
         v.created_at, v.created_at::text AS created_key`;
const VOLUNTEER_FROM = `volunteers v LEFT JOIN volunteer_stats st ON st.volunteer_id = v.id
    JOIN regions vc ON vc.id = v.community_id`;
export const VOLUNTEER_SELECT = `SELECT ${VOLUNTEER_COLUMNS} FROM ${VOLUNTEER_FROM}`;

/** Volunteers newest first; the cursor is (created_at, id). */
export const VOLUNTEER_ORDER: KeysetOrder = {
  keys: [
    { sql: 'v.created_at', type: 'timestamptz' },
    { sql: 'v.id', type: 'uuid' },
  ],
  direction: 'DESC',
};
/** Teams by name; the cursor is (name, id). */
export const TEAM_ORDER: KeysetOrder = {
  keys: [
    { sql: 't.name', type: 'text' },
    { sql: 't.id', type: 'uuid' },
  ],
  direction: 'ASC',
};

/** What `volunteers(filter)` asks for, typed: who the viewer is and where they see staff or peer views, then the filter. */
export interface VolunteerListFilter {
  viewerId: string;
  /** Where every status is visible (VOLUNTEER_READ). */
  staffScopes: ScopePaths;
  /** Where approved volunteers are visible (VOLUNTEER_PEER_READ). */
  peerScopes: ScopePaths;
  /** Serves in a region that lies in or contains this path. */
  regionPath?: string;
  skill?: string;
  status?: VolunteerStatus;
  isPartyMember?: boolean;
  /** Has a weekly slot covering this Asia/Shanghai weekday and minute. */
  availableAt?: { weekday: number; minute: number };
}

export function toVolunteer(r: VolunteerRow): Volunteer {
  return {
    id: r.id,
    personId: r.person_id,
    communityId: r.community_id,
    status: r.status,
    volunteerNo: r.volunteer_no,
    isPartyMember: r.is_party_member,
    isVetted: r.is_vetted,
    skills: r.skills,
    verifiedMinutes: r.verified_minutes,
    starLevel: starLevel(r.verified_minutes),
    reliability: reliability({
      completed: r.completed_count,
      noShows: r.no_show_count,
      withdrawals: r.withdraw_count,
      ratingSum: r.rating_sum,
      ratingCount: r.rating_count,
    }),
    completedCount: r.completed_count,
    noShowCount: r.no_show_count,
    communityPath: r.community_path,
    emergencyContactName: r.emergency_contact_name,
    emergencyContactPhone: r.emergency_contact_phone,
    createdAt: r.created_at,
    createdKey: r.created_key,
  };
}

@Injectable()
export class VolunteersRepository {
  constructor(private readonly db: DataSource) {}

  async byIds(ids: readonly string[], manager: EntityManager = this.db.manager): Promise<Volunteer[]> {
    const rows: VolunteerRow[] = await manager.query(`${VOLUNTEER_SELECT} WHERE v.id = ANY($1::uuid[])`, [ids]);
    return rows.map(toVolunteer);
  }

  async byPersonIds(personIds: readonly string[], manager: EntityManager = this.db.manager): Promise<Volunteer[]> {
    const rows: VolunteerRow[] = await manager.query(`${VOLUNTEER_SELECT} WHERE v.person_id = ANY($1::uuid[])`, [personIds]);
    return rows.map(toVolunteer);
  }

  /** Region path of the volunteer's home community, for scope checks. */
  async communityPath(volunteerId: string, manager: EntityManager = this.db.manager): Promise<string | null> {
    const rows = await manager.query(`SELECT r.path::text AS path FROM volunteers v JOIN regions r ON r.id = v.community_id WHERE v.id = $1`, [volunteerId]);
    return rows[0]?.path ?? null;
  }

  /** The community 社区 a region lies in (itself for a community, its parent for a grid); null above community level. */
  async communityOf(manager: EntityManager, regionId: string): Promise<{ id: string; path: string } | null> {
    const rows = await manager.query(
      `SELECT c.id, c.path::text AS path FROM regions r JOIN regions c ON c.level = 'COMMUNITY' AND r.path <@ c.path WHERE r.id = $1`,
      [regionId],
    );
    return rows[0] ?? null;
  }

  /** An organization's status and region path (a team it runs must lie in its region). */
  async skills(manager: EntityManager = this.db.manager): Promise<Skill[]> {
    return manager.query(`SELECT name, category FROM skills ORDER BY sort, name`);
  }

  /** The names in `names` that are not on the seeded skill list. */
  async unknownSkills(manager: EntityManager, names: string[]): Promise<string[]> {
    const rows: { name: string }[] = await manager.query(
      `SELECT n AS name FROM unnest($1::text[]) n WHERE NOT EXISTS (SELECT 1 FROM skills s WHERE s.name = n)`,
      [names],
    );
    return rows.map((r) => r.name);
  }

  /** The volunteer row of a person, locked for the registering transaction. */
  async lockByPerson(manager: EntityManager, personId: string): Promise<{ id: string; status: VolunteerStatus; community_path: string } | null> {
    const rows = await manager.query(
      `SELECT v.id, v.status, c.path::text AS community_path FROM volunteers v JOIN regions c ON c.id = v.community_id WHERE v.person_id = $1 FOR UPDATE OF v`,
      [personId],
    );
    return rows[0] ?? null;
  }

  async insert(
    manager: EntityManager,
    v: { personId: string; communityId: string; isPartyMember: boolean; contactName: string | null; contactPhone: string | null },
  ): Promise<string | null> {
    const rows = await manager.query(
      `INSERT INTO volunteers (person_id, community_id, is_party_member, emergency_contact_name, emergency_contact_phone)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (person_id) DO NOTHING RETURNING id`,
      [v.personId, v.communityId, v.isPartyMember, v.contactName, v.contactPhone],
    );
    return rows[0]?.id ?? null;
  }

  /** A rejected applicant applies again: the same row returns to PENDING with the new details. */
  async reapply(
    manager: EntityManager,
    id: string,
    v: { communityId: string; isPartyMember: boolean; contactName: string | null; contactPhone: string | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE volunteers SET status = 'PENDING', community_id = $2, is_party_member = $3, emergency_contact_name = $4,
              emergency_contact_phone = $5, status_reason = NULL, reviewed_by = NULL, reviewed_at = NULL, updated_at = now()
        WHERE id = $1`,
      [id, v.communityId, v.isPartyMember, v.contactName, v.contactPhone],
    );
  }

  async insertDetails(manager: EntityManager, id: string, skills: string[], regionIds: string[], slots: WeeklySlot[]): Promise<void> {
    await this.replaceDetails(manager, id, { skills, regionIds, slots });
    await manager.query(`INSERT INTO volunteer_stats (volunteer_id) VALUES ($1) ON CONFLICT DO NOTHING`, [id]);
  }

  /** Replaces the parts of a volunteer's profile that are given (the volunteer edits their own). */
  async replaceDetails(
    manager: EntityManager,
    id: string,
    d: { skills?: string[]; regionIds?: string[]; slots?: WeeklySlot[]; contact?: { name: string; phone: string } },
  ): Promise<void> {
    if (d.skills) {
      await manager.query(`DELETE FROM volunteer_skills WHERE volunteer_id = $1`, [id]);
      await manager.query(`INSERT INTO volunteer_skills (volunteer_id, skill) SELECT $1, unnest($2::text[])`, [id, d.skills]);
    }
    if (d.regionIds) {
      await manager.query(`DELETE FROM volunteer_regions WHERE volunteer_id = $1`, [id]);
      await manager.query(`INSERT INTO volunteer_regions (volunteer_id, region_id, path) SELECT $1, id, path FROM regions WHERE id = ANY($2::uuid[])`, [
        id,
        d.regionIds,
      ]);
    }
    if (d.slots) {
      await manager.query(`DELETE FROM volunteer_availability WHERE volunteer_id = $1`, [id]);
      if (d.slots.length)
        await manager.query(
          `INSERT INTO volunteer_availability (volunteer_id, weekday, start_minute, end_minute)
         SELECT $1, unnest($2::smallint[]), unnest($3::smallint[]), unnest($4::smallint[])`,
          [id, d.slots.map((s) => s.weekday), d.slots.map((s) => s.startMinute), d.slots.map((s) => s.endMinute)],
        );
    }
    // Keeps the contact when none is given.
    await manager.query(
      `UPDATE volunteers SET emergency_contact_name = coalesce($2, emergency_contact_name), emergency_contact_phone = coalesce($3, emergency_contact_phone), updated_at = now() WHERE id = $1`,
      [id, d.contact?.name ?? null, d.contact?.phone ?? null],
    );
  }

  /** The volunteer with its community, locked for a review decision. */
  async lockForReview(
    manager: EntityManager,
    id: string,
  ): Promise<{
    id: string;
    person_id: string;
    status: VolunteerStatus;
    volunteer_no: string | null;
    community_id: string;
    community_code: string;
    community_path: string;
  } | null> {
    const rows = await manager.query(
      `SELECT v.id, v.person_id, v.status, v.volunteer_no, v.community_id, r.code AS community_code, r.path::text AS community_path
         FROM volunteers v JOIN regions r ON r.id = v.community_id WHERE v.id = $1 FOR UPDATE OF v`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Next volunteer number of a community: V + community code + 3-digit sequence, never reused. */
  async nextVolunteerNo(manager: EntityManager, communityId: string, communityCode: string): Promise<string> {
    for (;;) {
      const [row] = await manager.query(
        `INSERT INTO volunteer_number_counters (community_id, last_value)
         VALUES ($1, (SELECT count(*) FROM volunteers WHERE community_id = $1 AND volunteer_no IS NOT NULL) + 1)
         ON CONFLICT (community_id) DO UPDATE SET last_value = volunteer_number_counters.last_value + 1
         RETURNING last_value`,
        [communityId],
      );
      const no = `V${communityCode}${String(row.last_value).padStart(3, '0')}`;
      const taken = await manager.query(`SELECT 1 FROM volunteers WHERE volunteer_no = $1`, [no]);
      if (taken.length === 0) return no;
    }
  }

  async setStatus(
    manager: EntityManager,
    id: string,
    status: VolunteerStatus,
    reviewerId: string,
    reason: string | null,
    volunteerNo: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE volunteers SET status = $2, reviewed_by = $3, reviewed_at = now(), status_reason = $4,
              volunteer_no = coalesce(volunteer_no, $5), updated_at = now() WHERE id = $1`,
      [id, status, reviewerId, reason, volunteerNo],
    );
  }

  /** A suspended volunteer stays a team member but leads no team. */
  async demoteFromLeader(manager: EntityManager, volunteerId: string): Promise<void> {
    await manager.query(`UPDATE volunteer_team_members SET is_leader = false WHERE volunteer_id = $1 AND is_leader`, [volunteerId]);
  }

  /** A rejected applicant is in no team. */
  async removeFromTeams(manager: EntityManager, volunteerId: string): Promise<void> {
    await manager.query(`DELETE FROM volunteer_team_members WHERE volunteer_id = $1`, [volunteerId]);
  }

  /** One page of volunteers matching `where` (built by the service), newest first, and the total count. */
  /** A page of volunteers: the viewer themself, staff views of every status and peer views of approved ones. */
  async list(f: VolunteerListFilter, page: PageRequest): Promise<{ rows: Volunteer[]; total: number }> {
    const w = new SqlWhere();
    const viewer = w.param(f.viewerId);
    w.and(`(v.person_id = ${viewer} OR ${w.scope('vc.path', f.staffScopes)} OR (v.status = 'APPROVED' AND ${w.scope('vc.path', f.peerScopes)}))`);
    if (f.regionPath !== undefined) {
      const path = w.param(f.regionPath);
      w.and(`EXISTS (SELECT 1 FROM volunteer_regions vr WHERE vr.volunteer_id = v.id AND (vr.path <@ ${path}::ltree OR vr.path @> ${path}::ltree))`);
    }
    if (f.skill !== undefined) w.and(`EXISTS (SELECT 1 FROM volunteer_skills vs WHERE vs.volunteer_id = v.id AND vs.skill = ${w.param(f.skill)})`);
    if (f.status !== undefined) w.and(`v.status = ${w.param(f.status)}`);
    if (f.isPartyMember !== undefined) w.and(`v.is_party_member = ${w.param(f.isPartyMember)}`);
    if (f.availableAt) {
      const day = w.param(f.availableAt.weekday);
      const minute = w.param(f.availableAt.minute);
      w.and(
        `EXISTS (SELECT 1 FROM volunteer_availability va WHERE va.volunteer_id = v.id AND va.weekday = ${day} AND va.start_minute <= ${minute} AND va.end_minute > ${minute})`,
      );
    }
    const { rows, total } = await keysetPage<VolunteerRow>(this.db, {
      select: VOLUNTEER_COLUMNS,
      from: VOLUNTEER_FROM,
      where: w,
      order: VOLUNTEER_ORDER,
      page,
    });
    return { rows: rows.map(toVolunteer), total };
  }

  async regionIdsOf(volunteerIds: readonly string[]): Promise<{ volunteer_id: string; region_id: string }[]> {
    return this.db.query(`SELECT volunteer_id, region_id FROM volunteer_regions WHERE volunteer_id = ANY($1::uuid[]) ORDER BY path`, [volunteerIds]);
  }

  async availabilityOf(volunteerIds: readonly string[]): Promise<(WeeklySlot & { volunteerId: string })[]> {
    const rows = await this.db.query(
      `SELECT volunteer_id, weekday, start_minute, end_minute FROM volunteer_availability WHERE volunteer_id = ANY($1::uuid[]) ORDER BY weekday, start_minute`,
      [volunteerIds],
    );
    return rows.map((r: { volunteer_id: string; weekday: number; start_minute: number; end_minute: number }) => ({
      volunteerId: r.volunteer_id,
      weekday: r.weekday,
      startMinute: r.start_minute,
      endMinute: r.end_minute,
    }));
  }

  // —— teams 志愿服务队 ——

  async teamsByIds(ids: readonly string[], manager: EntityManager = this.db.manager): Promise<VolunteerTeam[]> {
    const rows = await manager.query(
      `SELECT t.id, t.name, t.community_id, t.path::text AS path, t.organization_id, t.created_at FROM volunteer_teams t WHERE t.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map(toTeam);
  }

  async lockTeam(manager: EntityManager, id: string): Promise<VolunteerTeam | null> {
    const rows = await manager.query(
      `SELECT t.id, t.name, t.community_id, t.path::text AS path, t.organization_id, t.created_at FROM volunteer_teams t WHERE t.id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ? toTeam(rows[0]) : null;
  }

  async insertTeam(
    manager: EntityManager,
    t: { name: string; communityId: string; communityPath: string; organizationId: string | null; createdBy: string },
  ): Promise<string | null> {
    const rows = await manager.query(
      `INSERT INTO volunteer_teams (name, community_id, path, organization_id, created_by)
       VALUES ($1, $2, $5::ltree, $3, $4)
       ON CONFLICT (community_id, name) DO NOTHING RETURNING id`,
      [t.name, t.communityId, t.organizationId, t.createdBy, t.communityPath],
    );
    return rows[0]?.id ?? null;
  }

  async upsertMember(manager: EntityManager, teamId: string, volunteerId: string, isLeader: boolean): Promise<void> {
    await manager.query(
      `INSERT INTO volunteer_team_members (team_id, volunteer_id, is_leader) VALUES ($1, $2, $3)
       ON CONFLICT (team_id, volunteer_id) DO UPDATE SET is_leader = EXCLUDED.is_leader`,
      [teamId, volunteerId, isLeader],
    );
  }

  async removeMember(manager: EntityManager, teamId: string, volunteerId: string): Promise<boolean> {
    const rows = await manager.query(`DELETE FROM volunteer_team_members WHERE team_id = $1 AND volunteer_id = $2 RETURNING volunteer_id`, [
      teamId,
      volunteerId,
    ]);
    return rows.length > 0;
  }

  /** Members with the birth date of their person, for the adult-leader rule (志愿服务条例: minors serve with an adult lead). */
  /** The team's members with their status and person (birth dates come from the people module). */
  async teamMembers(
    manager: EntityManager,
    teamId: string,
  ): Promise<{ volunteer_id: string; person_id: string; is_leader: boolean; status: VolunteerStatus }[]> {
    return manager.query(
      `SELECT m.volunteer_id, v.person_id, m.is_leader, v.status
         FROM volunteer_team_members m JOIN volunteers v ON v.id = m.volunteer_id
        WHERE m.team_id = $1`,
      [teamId],
    );
  }

  /** Status and where the volunteer serves (home community and service regions), for team membership rules. */
  async serviceArea(
    manager: EntityManager,
    volunteerId: string,
  ): Promise<{ status: VolunteerStatus; person_id: string; community_path: string; region_paths: string[] } | null> {
    const rows = await manager.query(
      `SELECT v.status, v.person_id, c.path::text AS community_path,
              coalesce((SELECT array_agg(vr.path::text) FROM volunteer_regions vr WHERE vr.volunteer_id = v.id), '{}') AS region_paths
         FROM volunteers v JOIN regions c ON c.id = v.community_id WHERE v.id = $1`,
      [volunteerId],
    );
    return rows[0] ?? null;
  }

  async membersOf(teamIds: readonly string[]): Promise<VolunteerTeamMember[]> {
    const rows = await this.db.query(
      `SELECT team_id, volunteer_id, is_leader, joined_at FROM volunteer_team_members WHERE team_id = ANY($1::uuid[]) ORDER BY is_leader DESC, joined_at`,
      [teamIds],
    );
    return rows.map(toMember);
  }

  async membershipsOf(volunteerIds: readonly string[]): Promise<VolunteerTeamMember[]> {
    const rows = await this.db.query(
      `SELECT team_id, volunteer_id, is_leader, joined_at FROM volunteer_team_members WHERE volunteer_id = ANY($1::uuid[]) ORDER BY joined_at`,
      [volunteerIds],
    );
    return rows.map(toMember);
  }

  /** A page of teams whose community lies in `scopes` (and under `regionPath` when given), by name. */
  async teamList(f: { scopes: ScopePaths; regionPath?: string }, page: PageRequest): Promise<{ rows: VolunteerTeam[]; total: number }> {
    const w = new SqlWhere();
    w.and(w.scope('t.path', f.scopes));
    if (f.regionPath !== undefined) w.and(`t.path <@ ${w.param(f.regionPath)}::ltree`);
    const { rows, total } = await keysetPage<TeamRow>(this.db, {
      select: 't.id, t.name, t.community_id, t.path::text AS path, t.organization_id, t.created_at',
      from: 'volunteer_teams t',
      where: w,
      order: TEAM_ORDER,
      page,
    });
    return { rows: rows.map(toTeam), total };
  }

  // ---- fed by the dispatch loop (needs module): reliability and satisfaction read these ----

  /** Adds to the volunteer's service statistics (completions, no-shows, withdrawals, a rating), in the caller's transaction. */
  async bumpStats(
    m: EntityManager,
    volunteerId: string,
    delta: { completed?: number; noShows?: number; withdrawals?: number; rating?: number; servedAt?: Date },
  ): Promise<void> {
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
      [
        volunteerId,
        delta.completed ?? 0,
        delta.noShows ?? 0,
        delta.withdrawals ?? 0,
        delta.rating ?? 0,
        delta.rating === undefined ? 0 : 1,
        delta.servedAt ?? null,
      ],
    );
  }

  /** Whether one of the volunteer's service regions holds `path`. */
  async servesArea(m: EntityManager, volunteerId: string, path: string): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM volunteer_regions WHERE volunteer_id = $1 AND path @> $2::ltree LIMIT 1`, [volunteerId, path]);
    return rows.length > 0;
  }
}

interface TeamRow {
  id: string;
  name: string;
  community_id: string;
  path: string;
  organization_id: string | null;
  created_at: Date;
}

const toTeam = (r: TeamRow): VolunteerTeam => ({
  id: r.id,
  name: r.name,
  communityId: r.community_id,
  communityPath: r.path,
  organizationId: r.organization_id,
  createdAt: r.created_at,
});

const toMember = (r: { team_id: string; volunteer_id: string; is_leader: boolean; joined_at: Date }): VolunteerTeamMember => ({
  teamId: r.team_id,
  volunteerId: r.volunteer_id,
  isLeader: r.is_leader,
  joinedAt: r.joined_at,
});
