import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PageWindow } from '../common/graphql/connection.js';
import { KeysetOrder, keysetWindow, SqlWhere, WindowRequest } from '../common/keyset-page.js';
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

/** Messages oldest first; `seq` is unique per need. */
export const MESSAGE_ORDER: KeysetOrder = { keys: [{ sql: 'seq', type: 'int' }], direction: 'ASC' };

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

  /** A window of a need's messages, oldest first; the cursor is the sequence number. */
  async page(needId: string, page: WindowRequest): Promise<PageWindow<NeedMessage>> {
    const where = new SqlWhere();
    where.and(`need_id = ${where.param(needId)}`);
    const w = await keysetWindow<MessageRow>(this.db, { select: '*', from: 'need_messages', where, order: MESSAGE_ORDER, page });
    return { ...w, rows: w.rows.map(toMessage) };
  }
}
