import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, FragmentDefinitionNode, GraphQLError, GraphQLSchema, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { ComplexityEstimator, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE } from './connection.js';
import { COMMON_ERRORS } from '../common.errors.js';
import type { GqlContext } from './context.js';
import { asRequestError, CostLimiter, fieldCostEstimator, introspectionListDepth, MAX_INTROSPECTION_LISTS, rootFieldCount } from './cost.js';
import { limitErrors } from './limits.errors.js';

/** Depth of a selection set, following fragments; introspection subtrees are not counted. */
export function selectionDepth(set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, seen = new Set<string>()): number {
  if (!set) return 0;
  let max = 0;
  for (const sel of set.selections) {
    let depth: number;
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) continue;
      depth = 1 + selectionDepth(sel.selectionSet, fragments, seen);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      depth = selectionDepth(sel.selectionSet, fragments, seen);
    } else {
      const name = sel.name.value;
      if (seen.has(name) || !fragments[name]) continue;
      depth = selectionDepth(fragments[name].selectionSet, fragments, new Set(seen).add(name));
    }
    max = Math.max(max, depth);
  }
  return max;
}

/** Thrown before any resolver, as a GraphQLError (Apollo's plugin contract), with the catalog's code and reason. */
const tooBig = (message: string, spec: { code: string; reason: string }) =>
  new GraphQLError(message, { extensions: { code: spec.code, reason: spec.reason, http: { status: 400 } } });

/** A page of `first` (or `last`) items costs that many times what one item costs (20, the default page, when not given). */
export const pageSizeEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((a) => a.name === 'first')) return undefined;
  const size = [args.first, args.last].find((n): n is number => typeof n === 'number' && n > 0) ?? DEFAULT_PAGE;
  return 1 + childComplexity * size;
};

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
  /** Root fields (aliases counted apart) per operation; unlimited when absent. */
  maxRootFields?: number;
  /** What `__schema` / `__type` cost each (1 when absent). */
  introspectionCost?: number;
}

/**
 * Costs already computed, per parsed document: Apollo keeps one parsed document per query text, so an operation
 * sent again (a client's everyday queries) with the same operation name and variables is not walked again. The
 * cost is a function of (schema, document, operation name, variables, limits) only; refusals are not remembered.
 * Small variables only (a key of at most 1 KB), and at most 64 per document.
 */
const costs = new WeakMap<DocumentNode, Map<string, { schema: GraphQLSchema; limits: QueryLimits; cost: number }>>();
const MAX_KEY = 1024;
const MAX_PER_DOCUMENT = 64;

function costKey(operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): string | null {
  let vars: string;
  try {
    vars = variables ? JSON.stringify(variables) : '';
  } catch {
    return null;
  }
  return vars.length <= MAX_KEY ? `${operationName ?? ''}\u0000${vars}` : null;
}

/** The cost of an operation, or why it may not run. The same check serves HTTP and graphql-ws. */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  limits: QueryLimits,
): { error: GraphQLError } | { cost: number } {
  const key = costKey(operationName, variables);
  const known = key === null ? undefined : costs.get(document)?.get(key);
  if (known && known.schema === schema && known.limits === limits) return { cost: known.cost };
  let cost = 0;
  const error = queryLimitError(schema, document, operationName, variables, limits, (c) => (cost = c));
  if (error) return { error };
  if (key !== null) {
    let byKey = costs.get(document);
    if (!byKey) costs.set(document, (byKey = new Map<string, { schema: GraphQLSchema; limits: QueryLimits; cost: number }>()));
    if (byKey.size >= MAX_PER_DOCUMENT) byKey.clear();
    byKey.set(key, { schema, limits, cost });
  }
  return { cost };
}

/** Why an operation is too deep or too costly to run, or null. The same check serves HTTP and graphql-ws. */
export function queryLimitError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  limits: QueryLimits,
  onCost?: (cost: number) => void,
): GraphQLError | null {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
  const op = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  // Counted before anything else: an operation of thousands of aliases is refused without being walked further.
  const roots = rootFieldCount(op, fragments);
  if (limits.maxRootFields && roots > limits.maxRootFields) return asRequestError(limitErrors.tooManyRootFields(roots, limits.maxRootFields), 400);
  if (introspectionListDepth(op?.selectionSet, fragments) > MAX_INTROSPECTION_LISTS) return asRequestError(limitErrors.introspectionTooDeep(), 400);
  const depth = selectionDepth(op?.selectionSet, fragments);
  if (depth > limits.maxDepth) return tooBig(COMMON_ERRORS.queryTooDeep.message(depth, limits.maxDepth), COMMON_ERRORS.queryTooDeep);
  let complexity: number;
  try {
    complexity = getComplexity({
      schema,
      query: document,
      operationName: operationName ?? undefined,
      variables: variables ?? {},
      estimators: [
        fieldCostEstimator(limits.introspectionCost ?? 1, pageSizeEstimator),
        fieldExtensionsEstimator(),
        pageSizeEstimator,
        simpleEstimator({ defaultComplexity: 1 }),
      ],
    });
  } catch (err) {
    // The library refuses documents with too many nodes before it counts anything.
    if (err instanceof GraphQLError && /maximum allowed number of nodes/.test(err.message)) {
      return tooBig(COMMON_ERRORS.queryTooManyFields.message(limits.maxComplexity), COMMON_ERRORS.queryTooManyFields);
    }
    throw err;
  }
  if (complexity > limits.maxComplexity) return tooBig(COMMON_ERRORS.queryTooComplex.message(complexity, limits.maxComplexity), COMMON_ERRORS.queryTooComplex);
  onCost?.(complexity);
  return null;
}

/**
 * Refuses operations with too many root fields, nested deeper than `maxDepth` or costing more than
 * `maxComplexity` before they run, then spends their cost from the caller's rate budget (RATE_LIMITED, with
 * Retry-After, once it is used up).
 */
export function queryLimitsPlugin(limits: QueryLimits, limiter?: CostLimiter): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, contextValue }) {
          const checked = queryCost(schema, document, request.operationName, request.variables, limits);
          if ('error' in checked) throw checked.error;
          if (!limiter) return;
          const req = contextValue.req;
          const refused = await limiter.spend(limiter.keyOf(req?.headers?.authorization, req?.ip), checked.cost);
          if (refused) {
            contextValue.reply?.header('retry-after', String(refused.retryAfter));
            throw asRequestError(refused.error, 429);
          }
        },
      };
    },
  };
}
