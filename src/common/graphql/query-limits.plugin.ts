import type { ApolloServerPlugin } from '@apollo/server';
import { FragmentDefinitionNode, GraphQLError, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

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

const tooBig = (message: string, reason: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason, http: { status: 400 } } });

/** Refuses operations nested deeper than `maxDepth` or costing more than `maxComplexity` before they run. */
export function queryLimitsPlugin(maxDepth: number, maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
          const op = document.definitions.find(
            (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!request.operationName || d.name?.value === request.operationName),
          );
          const depth = selectionDepth(op?.selectionSet, fragments);
          if (depth > maxDepth) throw tooBig(`查询嵌套层数 ${depth} 超过上限 ${maxDepth}`, 'QUERY_TOO_DEEP');
          const complexity = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > maxComplexity) throw tooBig(`查询复杂度 ${complexity} 超过上限 ${maxComplexity}`, 'QUERY_TOO_COMPLEX');
        },
      };
    },
  };
}
