import { GraphQLInputType, getNamedType, isInputObjectType, isNonNullType } from 'graphql';
import { changedTables, checksumOfAllTables } from '../helpers/checksum.js';
import type { TestApp } from '../helpers/test-app.js';
import { malformedFor } from './malformed.js';
import { loadSchema, Operation, operations, operationText, plausible, rng, setPath } from './schema-ops.js';

export const ATTACK_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'INSUFFICIENT_BALANCE',
  'LIMIT_EXCEEDED',
  'RATE_LIMITED',
]);

export interface AttackOptions {
  seed: number;
  /** Malformed cases per operation. */
  budget: number;
  /** Tokens to attack with (null = anonymous); one is drawn per case. */
  tokens: (string | null)[];
  /** Ids that exist, by argument name, so that a malformed value is the only thing wrong. */
  ids: (name: string) => string;
}

interface Target {
  path: string[];
  type: GraphQLInputType;
  name: string;
}

function targets(op: Operation): Target[] {
  const out: Target[] = [];
  const walk = (type: GraphQLInputType, path: string[], depth: number) => {
    out.push({ path, type, name: path[path.length - 1] });
    const inner = isNonNullType(type) ? (type as { ofType: GraphQLInputType }).ofType : type;
    const named = getNamedType(inner);
    if (isInputObjectType(named) && depth < 2) for (const f of Object.values(named.getFields())) walk(f.type, [...path, f.name], depth + 1);
  };
  for (const a of op.field.args) walk(a.type, [a.name], 0);
  return out;
}

/**
 * The schema-driven attack (issue 10 §7): for every query and mutation, `budget` calls each with one argument
 * (or input field) replaced by a malformed value, drawn by a seeded PRNG. Each must answer a coded error (never
 * INTERNAL_SERVER_ERROR, never success) and leave every table as it was. Returns the failures, each naming the
 * seed and case index so that a run can be replayed with ATTACK_SEED.
 */
export async function attack(t: TestApp, options: AttackOptions): Promise<{ cases: number; failures: string[] }> {
  const random = rng(options.seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const failures: string[] = [];
  let cases = 0;
  // The sums after one mutation are the sums before the next: one checksum per mutation call, and none for
  // queries (which the final comparison still covers).
  let sums = await checksumOfAllTables(t.db);
  for (const op of operations(loadSchema())) {
    const all = targets(op);
    if (!all.length) continue;
    for (let i = 0; i < options.budget; i++) {
      const target = pick(all);
      const bad = pick(malformedFor(target.type, target.name));
      const vars: Record<string, unknown> = {};
      for (const a of op.field.args) {
        const v = plausible(a.type, a.name, options.ids);
        if (v !== undefined) vars[a.name] = v;
      }
      setPath(vars, target.path, bad.value);
      const token = pick(options.tokens);
      const res = await t.gql(operationText(op), vars, token ?? undefined);
      cases++;
      const code = res.errors?.[0]?.extensions?.code;
      const where = `${op.field.name}(${target.path.join('.')} = ${bad.label}) [seed ${options.seed}, case ${cases}]`;
      // A lookup that answers "nothing" (null, an empty list) for a malformed id or code is the not-found answer of
      // nullable queries by design; a mutation must always refuse.
      const found = res.data?.[op.field.name];
      const nothing = op.kind === 'query' && (found === null || (Array.isArray(found) && found.length === 0));
      if (!res.errors?.length && !nothing) failures.push(`${where}: accepted`);
      else if (res.errors?.length && (!code || !ATTACK_CODES.has(code))) failures.push(`${where}: ${code ?? 'no code'} ${res.errors[0].message}`);
      if (op.kind === 'mutation') {
        const after = await checksumOfAllTables(t.db);
        const changed = changedTables(sums, after);
        if (changed.length) failures.push(`${where}: wrote ${changed.join(', ')}`);
        sums = after;
      }
    }
  }
  const changed = changedTables(sums, await checksumOfAllTables(t.db));
  if (changed.length) failures.push(`a query wrote ${changed.join(', ')} [seed ${options.seed}]`);
  return { cases, failures };
}
