import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, OperationDefinitionNode, parse, print } from 'graphql';
import { createTestApp, TestApp } from '../helpers/test-app.js';

/**
 * Every README block marked runnable — a ```graphql block right after `<!-- example: as <phone> -->` or
 * `<!-- example: public -->` — runs against the demo-seeded server without errors, so the examples cannot rot.
 * Unmarked blocks are prose. Placeholders: {{person:<phone>}}, {{region:<code>}}, {{charity:<name>}},
 * {{next:<ISO weekday>:<HH:MM>}} (Asia/Shanghai, 1–7 days ahead).
 */
interface Example {
  line: number;
  as: string | null;
  source: string;
}

const MARKED = /^[ \t]*<!-- example: (public|as (\d{11})) -->[ \t]*\r?\n[ \t]*```graphql[ \t]*\r?\n([\s\S]*?)\r?\n[ \t]*```/gm;

export function markedExamples(readme: string): Example[] {
  const out: Example[] = [];
  for (const m of readme.matchAll(MARKED)) {
    out.push({ line: readme.slice(0, m.index).split('\n').length, as: m[2] ?? null, source: m[3] });
  }
  return out;
}

function nextAt(weekday: number, hhmm: string): string {
  const shanghai = new Date(Date.now() + 8 * 3600_000);
  let days = ((weekday % 7) - shanghai.getUTCDay() + 7) % 7;
  if (days === 0) days = 7;
  const base = Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate() + days);
  return new Date(base + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000 - 8 * 3600_000).toISOString();
}

const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
const examples = markedExamples(readme);

describe('README examples', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const fill = async (source: string): Promise<string> => {
    let out = source;
    for (const m of [...source.matchAll(/\{\{(person|region|charity|next):([^}]+)\}\}/g)]) {
      const [whole, kind, key] = m;
      let value: string;
      if (kind === 'next') {
        const [day, ...time] = key.split(':');
        value = nextAt(Number(day), time.join(':'));
      } else {
        const sql = {
          person: `SELECT id FROM persons WHERE phone = $1`,
          region: `SELECT id FROM regions WHERE code = $1`,
          charity: `SELECT id FROM charities WHERE name = $1`,
        }[kind]!;
        const rows = await t.db.query(sql, [key]);
        if (rows.length !== 1) throw new Error(`README placeholder ${whole}: no such demo row`);
        value = rows[0].id;
      }
      out = out.replace(whole, value);
    }
    return out;
  };

  it('finds the marked examples (and only those)', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    const blocks = readme.match(/```graphql/g)!.length;
    expect(blocks).toBeGreaterThan(examples.length);
  });

  it.each(examples.map((e) => [e.line, e] as const))('the example at README.md line %i runs without errors', async (_line, example) => {
    const document = parse(await fill(example.source));
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    expect(operations.length).toBeGreaterThan(0);
    const token = example.as ? await t.login(example.as) : undefined;
    for (const op of operations) {
      const res = await t.gql(print(op), {}, token);
      expect({ operation: print(op).slice(0, 80), errors: res.errors }).toEqual({ operation: print(op).slice(0, 80), errors: undefined });
      expect(res.data).toBeDefined();
    }
  });
});
