import { buildSchema, GraphQLSchema, Kind, OperationDefinitionNode, parse, validate } from 'graphql';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { placeholderValue, PLACEHOLDER } from '../helpers/placeholders.js';
import { createTestApp, TestApp } from '../helpers/test-app.js';

/**
 * The client teams' example operations (examples/<user>/*.graphql, docs/client-guide.md): each is valid against the
 * committed schema.graphql, examples/generated/types.ts is what `npm run codegen` writes now, and all of them run in
 * journey order against a demo-seeded server without errors. Each file's header names who runs it (`Run as`: a demo
 * phone or `public`), its `Journey step` and its `Example variables` (JSON; placeholders of
 * test/helpers/placeholders.ts, plus `{{result:<Operation>.<path>}}` for a value an earlier example returned).
 */
interface Example {
  file: string;
  name: string;
  step: number;
  runAs: string;
  variables: unknown;
  source: string;
}

const ROOT = join(process.cwd(), 'examples');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'generated' ? [] : files(join(dir, e.name))) : e.name.endsWith('.graphql') ? [join(dir, e.name)] : [],
  );
}

function header(source: string, key: string, file: string): string {
  const m = new RegExp(`^# ${key}: (.+)$`, 'm').exec(source);
  if (!m) throw new Error(`${file}: no "# ${key}:" line in the header`);
  return m[1].trim();
}

const examples: Example[] = files(ROOT)
  .map((path) => {
    const source = readFileSync(path, 'utf8');
    const file = relative(process.cwd(), path);
    const ops = parse(source).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    if (ops.length !== 1 || !ops[0].name) throw new Error(`${file}: one named operation per file`);
    return {
      file,
      name: ops[0].name.value,
      step: Number(header(source, 'Journey step', file)),
      runAs: header(source, 'Run as \\(examples test\\)', file),
      variables: JSON.parse(header(source, 'Example variables', file)),
      source,
    };
  })
  .sort((a, b) => a.step - b.step);

describe('examples/: the client operations', () => {
  const schema: GraphQLSchema = buildSchema(readFileSync(join(process.cwd(), 'schema.graphql'), 'utf8'));

  it('cover every user group, each file with its who/what/variables header, steps unique', () => {
    const groups = new Set(examples.map((e) => e.file.split('/')[1]));
    expect([...groups].sort()).toEqual(['community-worker', 'resident', 'station', 'street-admin', 'volunteer']);
    expect(new Set(examples.map((e) => e.step)).size).toBe(examples.length);
    expect(new Set(examples.map((e) => e.name)).size).toBe(examples.length);
    for (const e of examples) {
      expect({ file: e.file, who: /^# Who: .+/m.test(e.source), what: /^# What: .+/m.test(e.source), vars: /^# Variables:/m.test(e.source) }).toEqual({
        file: e.file,
        who: true,
        what: true,
        vars: true,
      });
    }
  });

  it.each(examples.map((e) => [e.file, e] as const))('%s is valid against schema.graphql', (_file, e) => {
    expect(validate(schema, parse(e.source)).map((err) => err.message)).toEqual([]);
  });

  it('examples/generated/types.ts is what `npm run codegen` writes from the current schema and examples', async () => {
    // codegen.ts as `npm run codegen` reads it, in its own process (its plugins load outside Jest's module system);
    // `--check` regenerates in memory and exits 1 naming each stale file: then run `npm run codegen` and commit.
    const check = await promisify(execFile)(join(process.cwd(), 'node_modules/.bin/graphql-codegen'), ['--config', 'codegen.ts', '--check'], {
      cwd: process.cwd(),
    }).then(
      () => ({ stale: false, output: '' }),
      (err: { stdout?: string; stderr?: string }) => ({ stale: true, output: `${err.stdout ?? ''}${err.stderr ?? ''}` }),
    );
    expect(check).toEqual({ stale: false, output: '' });
  });

  describe('run in journey order against the demo data', () => {
    let t: TestApp;
    const results = new Map<string, unknown>();
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    const fill = async (value: unknown): Promise<unknown> => {
      if (Array.isArray(value)) return Promise.all(value.map(fill));
      if (value && typeof value === 'object') {
        return Object.fromEntries(await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await fill(v)] as const)));
      }
      if (typeof value !== 'string') return value;
      const result = /^\{\{result:(\w+)\.([\w.]+)\}\}$/.exec(value);
      if (result) {
        const found = result[2].split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], results.get(result[1]));
        if (found === undefined) throw new Error(`${value}: the earlier example gave no such value`);
        return found;
      }
      let out = value;
      for (const m of [...value.matchAll(PLACEHOLDER)]) out = out.replace(m[0], await placeholderValue(t.db, m[1], m[2]));
      return out;
    };

    it.each(examples.map((e) => [e.step, e.file, e] as const))('step %i: %s answers without errors', async (_step, _file, e) => {
      const token = e.runAs === 'public' ? undefined : await t.login(e.runAs);
      const res = await t.gql(e.source, (await fill(e.variables)) as Record<string, unknown>, token);
      expect({ example: e.file, errors: res.errors }).toEqual({ example: e.file, errors: undefined });
      expect(res.data).toBeDefined();
      results.set(e.name, res.data);
    });
  });
});
