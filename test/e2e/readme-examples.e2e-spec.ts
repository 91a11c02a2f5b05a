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
  file: string;
  line: number;
  as: string | null;
  /** `<!-- example: as <phone>, expect <REASON or CODE> -->`: the block must fail with that reason (docs/client-guide.md). */
  expect: string | null;
  source: string;
}

const MARKED = /^[ \t]*<!-- example: (public|as (\d{11}))(?:, expect ([A-Z_]+))? -->[ \t]*\r?\n[ \t]*```graphql[ \t]*\r?\n([\s\S]*?)\r?\n[ \t]*```/gm;

export function markedExamples(text: string, file = 'README.md'): Example[] {
  const out: Example[] = [];
  for (const m of text.matchAll(MARKED)) {
    out.push({ file, line: text.slice(0, m.index).split('\n').length, as: m[2] ?? null, expect: m[3] ?? null, source: m[4] });
  }
  return out;
}

const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
const guide = readFileSync(join(process.cwd(), 'docs/client-guide.md'), 'utf8');
const examples = [...markedExamples(readme), ...markedExamples(guide, 'docs/client-guide.md')];

describe('README examples', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const fill = (source: string): Promise<string> => fillPlaceholders(t.db, source);

  it('finds the marked examples (and only those)', () => {
    const inReadme = examples.filter((e) => e.file === 'README.md').length;
    expect(inReadme).toBeGreaterThanOrEqual(5);
    expect(readme.match(/```graphql/g)!.length).toBeGreaterThan(inReadme);
    expect(examples.filter((e) => e.file !== 'README.md' && e.expect).length).toBeGreaterThanOrEqual(3);
  });

  // In document order: a refusal shown after a success (an idempotency key reused) depends on it.
  it.each(examples.map((e) => [e.file, e.line, e.expect ? `is refused with ${e.expect}` : 'runs without errors', e] as const))(
    'the example at %s line %i %s',
    async (_file, _line, _what, example) => {
      const document = parse(await fill(example.source));
      const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      expect(operations.length).toBeGreaterThan(0);
      const token = example.as ? await t.login(example.as) : undefined;
      if (example.expect) {
        expect(operations).toHaveLength(1);
        const ext = (await t.gql(print(operations[0]), {}, token)).errors?.[0]?.extensions;
        expect([ext?.reason, ext?.code]).toContain(example.expect);
        return;
      }
      for (const op of operations) {
        const res = await t.gql(print(op), {}, token);
        expect({ operation: print(op).slice(0, 80), errors: res.errors }).toEqual({ operation: print(op).slice(0, 80), errors: undefined });
        expect(res.data).toBeDefined();
      }
    },
  );
});
