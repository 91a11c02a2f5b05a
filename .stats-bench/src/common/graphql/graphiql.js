import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
const require = createRequire(import.meta.url);
/** Files of the bundled GraphQL IDE, served from node_modules so that it works with no internet access. */
export const GRAPHIQL_ASSETS = {
    'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'application/javascript; charset=utf-8' },
    'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'application/javascript; charset=utf-8' },
    'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'application/javascript; charset=utf-8' },
    'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css; charset=utf-8' },
};
const cache = new Map();
export function graphiqlAsset(name) {
    const asset = GRAPHIQL_ASSETS[name];
    if (!asset)
        return null;
    let body = cache.get(name);
    if (!body) {
        // The packages' export maps do not list these files, so resolve the package folder and read from it.
        body = readFileSync(join(dirname(require.resolve(`${asset.pkg}/package.json`)), asset.file));
        cache.set(name, body);
    }
    return { body, type: asset.type };
}
const DEFAULT_QUERY = `# 五社联动 时间银行 — GraphQL
# 1. Run "login" below, copy accessToken
# 2. Put {"Authorization": "Bearer <accessToken>"} in Headers, then run "me"

mutation login {
  login(input: { phone: "13800000001", password: "demo1234" }) {
    accessToken
    refreshToken
    me { id name }
  }
}

query me {
  me { id name phone idNumber roles { role scopeId scopeName } }
}
`;
const HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<title>五社联动时间银行 GraphQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1" />
<link rel="stylesheet" href="/graphiql/graphiql.css" />
<style>body{margin:0;height:100vh}#graphiql{height:100vh}</style>
</head>
<body>
<div id="graphiql">Loading…</div>
<script src="/graphiql/react.js"></script>
<script src="/graphiql/react-dom.js"></script>
<script src="/graphiql/graphiql.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: location.pathname });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(DEFAULT_QUERY)}, isHeadersEditorEnabled: true, shouldPersistHeaders: true }),
  );
</script>
</body>
</html>`;
/** Serves GraphiQL as Apollo's landing page for browser GETs of /graphql. */
export function graphiqlLandingPagePlugin() {
    return {
        async serverWillStart() {
            return {
                async renderLandingPage() {
                    return { html: HTML };
                },
            };
        },
    };
}
//# sourceMappingURL=graphiql.js.map