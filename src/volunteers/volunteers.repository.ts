import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
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
}

/** Volunteer with skills and statistics in one query: the shape every list and loader uses. */
export const VOLUNTEER_SELECT = `
  SELECT v.id, v.person_id, v.community_id, v.status, v.volunteer_no, v.is_party_member, v.is_vetted,
         coalesce((SELECT array_agg(s.skill ORDER BY s.skill) FROM volunteer_skills s WHERE s.volunteer_id = v.id), '{}') AS skills,
         coalesce(st.completed_count, 0) AS completed_count, coalesce(st.no_show_count, 0) AS no_show_count,
         coalesce(st.withdraw_count, 0) AS withdraw_count, coalesce(st.rating_sum, 0) AS rating_sum,
         coalesce(st.rating_count, 0) AS rating_count, coalesce(st.verified_minutes, 0) AS verified_minutes
    FROM volunteers v LEFT JOIN volunteer_stats st ON st.volunteer_id = v.id`;

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
    reliability: reliability({ completed: r.completed_count, noShows: r.no_show_count, withdrawals: r.withdraw_count, ratingSum: r.rating_sum, ratingCount: r.rating_count }),
    completedCount: r.completed_count,
    noShowCount: r.no_show_count,
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
}
