import DataLoader from 'dataloader';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../scope/actor.js';

/**
 * Per-request GraphQL context. DataLoaders live here so that batching and caching never cross requests.
 *
 * The loader set is typed: each module declares its loaders once, as `LoaderKey<K, V>` constants in its
 * `<module>.loaders.ts` provider (e.g. `PeopleLoaders.person`, `VolunteerLoaders.volunteer`), and every resolver that
 * needs a person, volunteer, region or organization injects that provider instead of defining its own loader.
 */
export interface GqlContext {
  req: FastifyRequest;
  reply?: FastifyReply;
  /** Resolved once per request by the auth guard; undefined = anonymous. */
  actor?: Actor;
  /** Why a presented bearer token was refused, if it was. */
  tokenProblem?: string;
  /** The session of the bearer token (auth_sessions.id), once the guard has checked it is live. */
  sessionId?: string;
  /** The graphql-ws socket an operation came over (closed when its session ends). */
  socket?: { close(code: number, reason: string): void; once(event: 'close', cb: () => void): unknown };
  loaders: Map<string, DataLoader<unknown, unknown>>;
}

/** A typed slot of the request's loader set: its name and the key and value types of its DataLoader. */
export class LoaderKey<K, V> {
  declare private readonly types?: [K, V];
  constructor(readonly name: string) {}
}

/** The request's DataLoader for `key`, made on first use with `batch` (which must return values in key order). */
export function loader<K, V>(ctx: GqlContext, key: string | LoaderKey<K, V>, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
  const name = typeof key === 'string' ? key : key.name;
  let found = ctx.loaders.get(name) as DataLoader<K, V> | undefined;
  if (!found) {
    found = new DataLoader<K, V>(batch, { maxBatchSize: 500 });
    ctx.loaders.set(name, found);
  }
  return found;
}

/** Orders rows by the keys DataLoader asked for; missing keys give null. */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? null);
}

/** Groups rows by the keys DataLoader asked for; missing keys give []. */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
