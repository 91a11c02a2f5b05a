import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, FragmentDefinitionNode, GraphQLError, GraphQLSchema, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { ComplexityEstimator, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE } from './connection.js';
import { COMMON_ERRORS } from '../common.errors.js';

/** Depth of a selection set, following fragments; introspection subtrees are not counted. */
export function selectionDepth(set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, seen = new Set<string>()): number {
  if (!set) return 0;
  let max = 0;
  for (const sel of set.selections) {
    let depth = 0;
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

/** A page of `first` items costs `first` times what one item costs (20, the default page, when not given). */
export const pageSizeEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((a) => a.name === 'first')) return undefined;
  const first = typeof args.first === 'number' && args.first > 0 ? args.first : DEFAULT_PAGE;
  return 1 + childComplexity * first;
};

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
}

/** Why an operation is too deep or too costly to run, or null. The same check serves HTTP and graphql-ws. */
export function queryLimitError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  limits: QueryLimits,
): GraphQLError | null {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
  const op = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  const depth = selectionDepth(op?.selectionSet, fragments);
  if (depth > limits.maxDepth) return tooBig(COMMON_ERRORS.queryTooDeep.message(depth, limits.maxDepth), COMMON_ERRORS.queryTooDeep);
  let complexity: number;
  try {
    complexity = getComplexity({
      schema,
      query: document,
      operationName: operationName ?? undefined,
      variables: variables ?? {},
      estimators: [fieldExtensionsEstimator(), pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (err) {
    // The library refuses documents with too many nodes before it counts anything.
    if (err instanceof GraphQLError && /maximum allowed number of nodes/.test(err.message)) {
      return tooBig(COMMON_ERRORS.queryTooManyFields.message(limits.maxComplexity), COMMON_ERRORS.queryTooManyFields);
    }
    throw err;
  }
  if (complexity > limits.maxComplexity) return tooBig(COMMON_ERRORS.queryTooComplex.message(complexity, limits.maxComplexity), COMMON_ERRORS.queryTooComplex);
  return null;
}

/** Refuses operations nested deeper than `maxDepth` or costing more than `maxComplexity` before they run. */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const error = queryLimitError(schema, document, request.operationName, request.variables, limits);
          if (error) throw error;
        },
      };
    },
  };
}
