import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** SQL of background vetting 背景审核 and of a volunteer's base location (kept apart from the registry's repository). */
@Injectable()
export class VolunteerVettingRepository {
  async lock(m: EntityManager, id: string): Promise<{ id: string; person_id: string; community_path: string } | null> {
    const rows = await m.query(
      `SELECT v.id, v.person_id, r.path::text AS community_path FROM volunteers v JOIN regions r ON r.id = v.community_id WHERE v.id = $1 FOR UPDATE OF v`,
      [id],
    );
    return rows[0] ?? null;
  }

  async setVetted(m: EntityManager, id: string, vetted: boolean, by: string, note: string): Promise<void> {
    await m.query(`UPDATE volunteers SET is_vetted = $2, vetted_by = $3, vetted_at = now(), vetting_note = $4, updated_at = now() WHERE id = $1`, [
      id,
      vetted,
      by,
      note,
    ]);
  }

  async setLocation(m: EntityManager, id: string, latitude: number | null, longitude: number | null): Promise<void> {
    await m.query(`UPDATE volunteers SET latitude = $2, longitude = $3, updated_at = now() WHERE id = $1`, [id, latitude, longitude]);
  }
}
