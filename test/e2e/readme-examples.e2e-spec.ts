import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, OperationDefinitionNode, parse, print } from 'graphql';
import { fillPlaceholders } from '../helpers/placeholders.js';
import { createTestApp, TestApp } from '../helpers/test-app.js';

/**
 * Every README block marked runnable — a ```graphql block right after `<!-- example: as <phone> -->` or
 * `<!-- example: public -->` — runs against the demo-seeded server without errors, so the examples cannot rot.
 * Unmarked blocks are prose. Placeholders: test/helpers/placeholders.ts ({{person:<phone>}}, {{region:<code>}},
 * {{charity:<name>}}, {{next:<ISO weekday>:<HH:MM>}} …).
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

const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
const examples = markedExamples(readme);

describe('README examples', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const fill = (source: string): Promise<string> => fillPlaceholders(t.db, source);

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
