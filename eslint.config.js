// @ts-check
// Lint rules: ESLint's and typescript-eslint's *type-checked recommended* sets, with the few changes below, each
// with its reason. `npm run lint` runs this with --max-warnings 0 and then `prettier --check`; `npm run format`
// (scripts/lint-fix.sh) applies Prettier and every autofix.
import js from '@eslint/js';
import graphql from '@graphql-eslint/eslint-plugin';
import tseslint from 'typescript-eslint';

/** The `no-unsafe-*` family: flags every use of a value typed `any`. */
const noUnsafe = {
  '@typescript-eslint/no-unsafe-assignment': 'off',
  '@typescript-eslint/no-unsafe-member-access': 'off',
  '@typescript-eslint/no-unsafe-call': 'off',
  '@typescript-eslint/no-unsafe-return': 'off',
  '@typescript-eslint/no-unsafe-argument': 'off',
};

const nodeGlobals = { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' };

/**
 * The schema linter (docs/client-guide.md): the committed schema snapshot follows the Relay connection spec and
 * documents every type, field, argument and enum value; every example operation says what it is for.
 */
const requireDescription = ['error', { types: true, rootField: true, FieldDefinition: true, InputValueDefinition: true, EnumValueDefinition: true }];
const schemaLint = [
  {
    files: ['schema.graphql'],
    languageOptions: { parser: graphql.parser, parserOptions: { graphQLConfig: { schema: 'schema.graphql' } } },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      // Each connection has edges and a non-null PageInfo; each edge a cursor and a node; PageInfo all four fields.
      '@graphql-eslint/relay-connection-types': 'error',
      // shouldImplementNode off: ids are per type (UUIDs or ledger numbers) and the API has no global `node(id)`
      // refetch, so there is no Node interface for edges' nodes to implement. listTypeCanWrapOnlyEdgeType off: short
      // bounded lists (a need's tags, a project's indicators) are plain lists, which the Relay spec does not forbid.
      '@graphql-eslint/relay-edge-types': ['error', { withEdgeSuffix: true, shouldImplementNode: false, listTypeCanWrapOnlyEdgeType: false }],
      '@graphql-eslint/relay-page-info': 'error',
      // includeBoth off: forward (first/after) on every list, backward (last/before) too on those browsed from the
      // end (statement entries, need messages, need history), as the Relay spec allows.
      '@graphql-eslint/relay-arguments': ['error', { includeBoth: false }],
      '@graphql-eslint/require-description': requireDescription,
    },
  },
  {
    files: ['examples/**/*.graphql'],
    languageOptions: {
      parser: graphql.parser,
      parserOptions: { graphQLConfig: { schema: 'schema.graphql', documents: 'examples/**/*.graphql' } },
    },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      // Every example operation starts with its comment: who runs it, what it does, its variables.
      '@graphql-eslint/require-description': ['error', { OperationDefinition: true }],
      '@graphql-eslint/no-anonymous-operations': 'error',
      '@graphql-eslint/unique-operation-name': 'error',
    },
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.data/', '.test-data/', 'examples/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: c.files ?? ['**/*.ts', '**/*.js', '**/*.mjs'] })),
  ...schemaLint,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A name starting with `_` is deliberately unused: a positional parameter an interface imposes, or a key
      // taken out of an object by destructuring so that `...rest` holds the others.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Off: Apollo plugin hooks, Nest lifecycle hooks and ServiceConfirmationHooks listeners are `async` because
      // their interface returns a Promise, whether or not this implementation awaits. The promise bugs that matter
      // (a promise dropped or passed where a callback is expected) stay errors: no-floating-promises, no-misused-promises.
      '@typescript-eslint/require-await': 'off',
      // STYLE: no committed `.only`, no skipped tests.
      'no-restricted-properties': [
        'error',
        ...['describe', 'it', 'test'].flatMap((object) => [
          { object, property: 'only', message: 'A committed .only runs one test and silently drops the rest.' },
          { object, property: 'skip', message: 'No skipped tests: fix it or delete it.' },
        ]),
      ],
    },
  },
  {
    // Repositories (and the demo seed and migrations, which write through the same raw SQL) type result rows by
    // annotation: TypeORM's `manager.query()` returns `any`, and `const rows: NeedRow[] = await m.query(...)` is the
    // one place a row gets its type. Checking every column access of an `any` row again would only add casts.
    files: ['src/**/*.repository.ts', 'src/seed/**/*.ts', 'src/time-bank/demo-ledger.ts', 'migrations/**/*.ts'],
    rules: noUnsafe,
  },
  {
    // Tests read GraphQL responses (`res.body.data.need.status`), untyped JSON by nature, and assert their shape
    // with expect(); typing every response would only restate the schema the assertions already check.
    files: ['test/**/*.ts', 'src/**/*.spec.ts'],
    rules: { ...noUnsafe, '@typescript-eslint/no-explicit-any': 'off' },
  },
  // Plain JavaScript (this file, jest.config.js, the test template script) is in no tsconfig: no type-aware rules.
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { globals: nodeGlobals } },
);
