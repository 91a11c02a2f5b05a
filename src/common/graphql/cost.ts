import { FragmentDefinitionNode, GraphQLError, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { verifyAccessToken } from '../../auth/access-token.js';
import { DomainException } from '../errors.js';
import { limitErrors } from './limits.errors.js';

/**
 * What a root field costs on top of what it selects (docs/security.md): the resolvers that scan, plan, match,
 * verify or export do work out of proportion to the few fields they return, so they are priced for it. The
 * operation's total is checked against GRAPHQL_MAX_COMPLEXITY and spent from the caller's rate budget.
 */
export const FIELD_COSTS: Readonly<Record<string, number>> = {
  exportMyData: 500,
  batchAssignment: 1000,
  batchDispatch: 1000,
  verifyLedger: 1000,
  // a region-period of the rollup with every child region and month (seconds on a district over a year)
  regionStats: 1000,
  publicRegionStats: 1000,
  matchCandidates: 200,
  openNeedsForMe: 200,
  issueCertificate: 100,
  // scrypt (32 MiB, tens of ms) per call
  login: 100,
  registerResident: 100,
  changePassword: 100,
  registerResidentInPerson: 100,
  setPasswordWithCode: 100,
  requestPhoneCode: 50,
};

/** Introspection list fields: along one path the IDE's own query nests at most three (types → fields → args). */
const INTROSPECTION_LISTS = new Set(['types', 'fields', 'args', 'inputFields', 'enumValues', 'interfaces', 'possibleTypes', 'directives']);
export const MAX_INTROSPECTION_LISTS = 3;

/** Prices the fields of FIELD_COSTS, and `__schema` / `__type` at `introspectionCost` each. */
export function fieldCostEstimator(introspectionCost: number, page: ComplexityEstimator): ComplexityEstimator {
  return (options) => {
    const name = options.field.name;
    const base = name === '__schema' || name === '__type' ? introspectionCost : FIELD_COSTS[name];
    if (base === undefined) return undefined;
    return base + (page(options) ?? options.childComplexity);
  };
}

/** The root fields an operation selects, aliases counted apart, fragments followed; `__typename` is free. */
export function rootFieldCount(op: OperationDefinitionNode | undefined, fragments: Record<string, FragmentDefinitionNode>): number {
  const count = (set: SelectionSetNode, seen: Set<string>): number =>
    set.selections.reduce((n, sel) => {
      if (sel.kind === Kind.FIELD) return n + (sel.name.value === '__typename' ? 0 : 1);
      if (sel.kind === Kind.INLINE_FRAGMENT) return n + count(sel.selectionSet, seen);
      const f = fragments[sel.name.value];
      if (!f || seen.has(f.name.value)) return n;
      return n + count(f.selectionSet, new Set(seen).add(f.name.value));
    }, 0);
  return op ? count(op.selectionSet, new Set()) : 0;
}

/** The most introspection lists nested along one path under `set` (fragments followed). */
export function introspectionListDepth(
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  inside = false,
  seen = new Set<string>(),
): number {
  if (!set) return 0;
  let max = 0;
  for (const sel of set.selections) {
    let d = 0;
    if (sel.kind === Kind.FIELD) {
      const intro = inside || sel.name.value.startsWith('__');
      d = (intro && INTROSPECTION_LISTS.has(sel.name.value) ? 1 : 0) + introspectionListDepth(sel.selectionSet, fragments, intro, seen);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      d = introspectionListDepth(sel.selectionSet, fragments, inside, seen);
    } else if (fragments[sel.name.value] && !seen.has(sel.name.value)) {
      d = introspectionListDepth(fragments[sel.name.value].selectionSet, fragments, inside, new Set(seen).add(sel.name.value));
    }
    max = Math.max(max, d);
  }
  return max;
}

/** A DomainException as a GraphQLError that Apollo answers with `status` (the formatter keeps its code and reason). */
export function asRequestError(error: DomainException, status: number): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { http: { status } } });
}

/**
 * Cost-based rate limits: each actor (by the access token's subject) or, anonymous, each address has
 * RATE_LIMIT_POINTS per RATE_LIMIT_WINDOW_SECONDS, and every operation spends its computed cost.
 * rate-limiter-flexible's memory store: no database round trip per request (the limiter must not become the
 * bottleneck it protects against); with several instances the budget is per instance (docs/security.md).
 */
export class CostLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(
    readonly points: number,
    windowSeconds: number,
    private readonly tokenSecret: Buffer,
  ) {
    this.limiter = new RateLimiterMemory({ points, duration: windowSeconds });
  }

  /** The budget key of a request: `p:<personId>` for a valid token, else `ip:<address>`. */
  keyOf(authorization: string | undefined, ip: string | undefined): string {
    const m = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
    if (m) {
      const claims = verifyAccessToken(m[1], this.tokenSecret);
      if (!('problem' in claims)) return `p:${claims.sub}`;
    }
    return `ip:${ip ?? 'unknown'}`;
  }

  /** Spends `cost` points of `key`'s budget; null when allowed, else the RATE_LIMITED error and seconds to wait. */
  async spend(key: string, cost: number): Promise<{ error: DomainException; retryAfter: number } | null> {
    const points = Math.max(1, Math.ceil(cost));
    // A refused operation spends nothing: one too-costly call must not lock the caller out of cheap ones.
    const current = await this.limiter.get(key);
    if (current && current.consumedPoints + points > this.points) return this.refusal(current);
    if (!current && points > this.points) return { error: limitErrors.rateLimited(1), retryAfter: 1 };
    try {
      await this.limiter.consume(key, points);
      return null;
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      return this.refusal(res);
    }
  }

  private refusal(res: RateLimiterRes): { error: DomainException; retryAfter: number } {
    const retryAfter = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    return { error: limitErrors.rateLimited(retryAfter), retryAfter };
  }
}

const LIMITERS = new WeakMap<object, CostLimiter>();

/**
 * The one budget of an app instance (keyed by its config object): the GraphQL operations and the HTTP exports that
 * do the same work (`/export/region-stats.csv`) spend from it alike.
 */
export function costLimiterOf(config: { limits: { ratePoints: number; rateWindowSeconds: number }; tokenSecret: Buffer }): CostLimiter {
  let limiter = LIMITERS.get(config);
  if (!limiter) {
    limiter = new CostLimiter(config.limits.ratePoints, config.limits.rateWindowSeconds, config.tokenSecret);
    LIMITERS.set(config, limiter);
  }
  return limiter;
}
