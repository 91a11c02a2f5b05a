import type { GraphQLSchema } from 'graphql';

/**
 * Descriptions of the three root types. Nest's code-first builder creates Query, Mutation and Subscription itself and
 * offers no option for their descriptions, so they are set on the built schema (`transformSchema` in the GraphQL module
 * options); the committed schema.graphql and introspection both show them.
 */
const ROOT_DESCRIPTIONS = {
  query:
    '查询 queries: 读取数据，不改变任何状态。多数需要登录（Authorization: Bearer <accessToken>）；公开查询（如 publicRegionStats、verifyCertificate）无需登录。权限与辖区见各字段说明及 docs/client-guide.md。',
  mutation:
    '变更 mutations: 每个变更在一个数据库事务中执行，校验操作者对其收到的每个 id 的权限与辖区；出错时不改变任何数据，返回带 code 与 reason 的中文错误（docs/errors.md）。',
  subscription:
    '订阅 subscriptions: 通过 WebSocket 上的 graphql-ws 协议推送事件；在 connection_init 的 payload 中携带 { authorization: "Bearer <accessToken>" }。登出或令牌过期时服务端关闭订阅。',
} as const;

export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const roots = { query: schema.getQueryType(), mutation: schema.getMutationType(), subscription: schema.getSubscriptionType() };
  for (const [kind, type] of Object.entries(roots)) if (type) type.description = ROOT_DESCRIPTIONS[kind as keyof typeof ROOT_DESCRIPTIONS];
  return schema;
}
