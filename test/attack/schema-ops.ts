import {
  buildSchema,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The committed schema snapshot: the attack harness and the id walker read the operations from it. */
export function loadSchema(): GraphQLSchema {
  return buildSchema(readFileSync(join(process.cwd(), 'schema.graphql'), 'utf8'));
}

export type OpKind = 'query' | 'mutation';

export interface Operation {
  kind: OpKind;
  field: GraphQLField<unknown, unknown>;
}

export function operations(schema: GraphQLSchema): Operation[] {
  const q = Object.values(schema.getQueryType()!.getFields()).map((field) => ({ kind: 'query' as const, field }));
  const m = Object.values(schema.getMutationType()!.getFields()).map((field) => ({ kind: 'mutation' as const, field }));
  return [...q, ...m];
}

/** A path to an ID-typed argument or input field: `['input', 'personId']`, `['id']`; `list` when it is [ID]. */
export interface IdPath {
  path: string[];
  list: boolean;
  required: boolean;
}

export function idPaths(field: GraphQLField<unknown, unknown>): IdPath[] {
  const out: IdPath[] = [];
  const walk = (type: GraphQLInputType, path: string[], depth: number) => {
    const required = isNonNullType(type);
    const inner = required ? (type as { ofType: GraphQLInputType }).ofType : type;
    const list = isListType(inner);
    const named = getNamedType(inner);
    if (isScalarType(named) && named.name === 'ID') out.push({ path, list, required });
    else if (isInputObjectType(named) && depth < 3) for (const f of Object.values(named.getFields())) walk(f.type, [...path, f.name], depth + 1);
  };
  for (const a of field.args) walk(a.type, [a.name], 0);
  return out;
}

/** GraphQL text of an operation that takes every argument as a variable and selects a minimal result. */
export function operationText(op: Operation): string {
  const vars = op.field.args.map((a: GraphQLArgument) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = op.field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const type = getNamedType(op.field.type);
  const selection = isScalarType(type) || isEnumType(type) ? '' : ' { __typename }';
  return `${op.kind}${vars ? ` (${vars})` : ''} { ${op.field.name}${args ? `(${args})` : ''}${selection} }`;
}

/** A deterministic PRNG (mulberry32) so that a failing run is replayed from its printed seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A plausible value for an input type (used to fill the arguments not under attack). */
export function plausible(type: GraphQLInputType, name: string, ids: (name: string) => string, depth = 0): unknown {
  const nonNull = isNonNullType(type);
  const inner = nonNull ? (type as { ofType: GraphQLInputType }).ofType : type;
  if (!nonNull && depth > 0) return undefined;
  if (isListType(inner)) {
    const v = plausible((inner as { ofType: GraphQLInputType }).ofType, name, ids, depth + 1);
    return v === undefined ? [] : [v];
  }
  const named = getNamedType(inner);
  if (isEnumType(named)) return named.getValues()[0].value;
  if (isInputObjectType(named)) {
    const o: Record<string, unknown> = {};
    for (const f of Object.values(named.getFields())) {
      const v = plausible(f.type, f.name, ids, depth + 1);
      if (v !== undefined) o[f.name] = v;
    }
    return o;
  }
  switch (named.name) {
    case 'ID':
      return ids(name);
    case 'Int':
      return 60;
    case 'Float':
      return 32.06;
    case 'Boolean':
      return false;
    case 'DateTime':
      return new Date(Date.now() + 14 * 86400_000).toISOString();
    case 'Fen':
      return 100;
    default:
      if (/phone/i.test(name)) return '13912345678';
      if (/password/i.test(name)) return 'attack2026x';
      if (/idempotency/i.test(name)) return `k-${name}`;
      return '测试';
  }
}

/** Sets `value` at `path` of `vars` (creating objects on the way). */
export function setPath(vars: Record<string, unknown>, path: string[], value: unknown): void {
  let o = vars;
  for (let i = 0; i < path.length - 1; i++) {
    const next = (o[path[i]] ??= {}) as Record<string, unknown> | Record<string, unknown>[];
    // A list of input objects (e.g. fundingLines): the id goes into each of its items.
    if (Array.isArray(next)) {
      for (const item of next) setPath(item, path.slice(i + 1), value);
      return;
    }
    o = next;
  }
  o[path[path.length - 1]] = value;
}
