import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { NeedMessage } from './need.model.js';

interface MessageRow {
  id: string;
  seq: string;
  need_id: string;
  author_id: string;
  text: string;
  sent_at: Date;
}
const toMessage = (r: MessageRow): NeedMessage => ({ id: r.id, seq: Number(r.seq), needId: r.need_id, authorId: r.author_id, text: r.text, sentAt: r.sent_at });

/** need_messages: kept with the need, oldest first. */
@Injectable()
export class NeedMessagesRepository {
  constructor(private readonly db: DataSource) {}

  async insert(m: EntityManager, needId: string, authorId: string, text: string): Promise<NeedMessage> {
    const [r] = await m.query(`INSERT INTO need_messages (need_id, author_id, text) VALUES ($1, $2, $3) RETURNING *`, [needId, authorId, text]);
    return toMessage(r);
  }

  async byId(id: string): Promise<NeedMessage | null> {
    const [r] = await this.db.query(`SELECT * FROM need_messages WHERE id = $1`, [id]);
    return r ? toMessage(r) : null;
  }

  /** A page of a need's messages, oldest first; the cursor is the sequence number. */
  async page(needId: string, first: number, afterSeq: number | null): Promise<{ rows: NeedMessage[]; total: number }> {
    const rows: MessageRow[] = await this.db.query(
      `SELECT * FROM need_messages WHERE need_id = $1 AND ($2::bigint IS NULL OR seq > $2) ORDER BY seq LIMIT $3`,
      [needId, afterSeq, first + 1],
    );
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM need_messages WHERE need_id = $1`, [needId]);
    return { rows: rows.map(toMessage), total: n };
  }
}
