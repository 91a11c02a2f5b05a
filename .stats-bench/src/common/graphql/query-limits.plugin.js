import { GraphQLError, Kind } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE } from './connection.js';
/** Depth of a selection set, following fragments; introspection subtrees are not counted. */
export function selectionDepth(set, fragments, seen = new Set()) {
    if (!set)
        return 0;
    let max = 0;
    for (const sel of set.selections) {
        let depth = 0;
        if (sel.kind === Kind.FIELD) {
            if (sel.name.value.startsWith('__'))
                continue;
            depth = 1 + selectionDepth(sel.selectionSet, fragments, seen);
        }
        else if (sel.kind === Kind.INLINE_FRAGMENT) {
            depth = selectionDepth(sel.selectionSet, fragments, seen);
        }
        else {
            const name = sel.name.value;
            if (seen.has(name) || !fragments[name])
                continue;
            depth = selectionDepth(fragments[name].selectionSet, fragments, new Set(seen).add(name));
        }
        max = Math.max(max, depth);
    }
    return max;
}
const tooBig = (message, reason) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason, http: { status: 400 } } });
/** A page of `first` items costs `first` times what one item costs (20, the default page, when not given). */
export const pageSizeEstimator = ({ field, args, childComplexity }) => {
    if (!field.args.some((a) => a.name === 'first'))
        return undefined;
    const first = typeof args.first === 'number' && args.first > 0 ? args.first : DEFAULT_PAGE;
    return 1 + childComplexity * first;
};
/** Why an operation is too deep or too costly to run, or null. The same check serves HTTP and graphql-ws. */
export function queryLimitError(schema, document, operationName, variables, limits) {
    const fragments = {};
    for (const def of document.definitions)
        if (def.kind === Kind.FRAGMENT_DEFINITION)
            fragments[def.name.value] = def;
    const op = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName));
    const depth = selectionDepth(op?.selectionSet, fragments);
    if (depth > limits.maxDepth)
        return tooBig(`查询嵌套层数 ${depth} 超过上限 ${limits.maxDepth}`, 'QUERY_TOO_DEEP');
    let complexity;
    try {
        complexity = getComplexity({
            schema,
            query: document,
            operationName: operationName ?? undefined,
            variables: variables ?? {},
            estimators: [fieldExtensionsEstimator(), pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
        });
    }
    catch (err) {
        // The library refuses documents with too many nodes before it counts anything.
        if (err instanceof GraphQLError && /maximum allowed number of nodes/.test(err.message)) {
            return tooBig(`查询字段过多，超过上限 ${limits.maxComplexity}`, 'QUERY_TOO_COMPLEX');
        }
        throw err;
    }
    if (complexity > limits.maxComplexity)
        return tooBig(`查询复杂度 ${complexity} 超过上限 ${limits.maxComplexity}`, 'QUERY_TOO_COMPLEX');
    return null;
}
/** Refuses operations nested deeper than `maxDepth` or costing more than `maxComplexity` before they run. */
export function queryLimitsPlugin(limits) {
    return {
        async requestDidStart() {
            return {
                async didResolveOperation({ request, document, schema }) {
                    const error = queryLimitError(schema, document, request.operationName, request.variables, limits);
                    if (error)
                        throw error;
                },
            };
        },
    };
}
//# sourceMappingURL=query-limits.plugin.js.map