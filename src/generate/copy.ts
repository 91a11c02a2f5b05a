import { once } from 'node:events';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A value in COPY's text format: NULL as \N, bytea as \x…, dates as ISO strings, text with its specials escaped. */
function field(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (Buffer.isBuffer(v)) return '\\\\x' + v.toString('hex');
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return '{' + v.map((x) => '"' + String(x).replace(/["\\]/g, '\\$&') + '"').join(',') + '}';
  // Scalars as their usual text; any other value (a jsonb object) as its JSON text.
  const s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

/** COPY rows into `target` ("table (col, …)") in one statement, streaming in chunks with back-pressure. */
export async function copyRows(client: Client, target: string, rows: Iterable<unknown[]>): Promise<number> {
  const stream = client.query(copyFrom(`COPY ${target} FROM STDIN`));
  let chunk: string[] = [];
  let size = 0;
  let n = 0;
  const push = async (text: string) => {
    if (!stream.write(text)) await once(stream, 'drain');
  };
  for (const row of rows) {
    const line = row.map(field).join('\t') + '\n';
    chunk.push(line);
    size += line.length;
    n++;
    if (size > 1 << 20) {
      await push(chunk.join(''));
      chunk = [];
      size = 0;
    }
  }
  if (chunk.length) await push(chunk.join(''));
  stream.end();
  await once(stream, 'finish');
  return n;
}
