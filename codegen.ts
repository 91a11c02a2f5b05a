import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * TypeScript types for the example operations of examples/ (docs/client-guide.md): `npm run codegen` writes
 * examples/generated/types.ts from schema.graphql; test/e2e/examples.e2e-spec.ts fails when the committed file is stale.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: 'examples/**/*.graphql',
  generates: {
    'examples/generated/types.ts': {
      plugins: ['typescript', 'typescript-operations'],
      config: {
        // DateTime is ISO 8601 text; Fen (integer 分) is a decimal string out and an integer or decimal string in.
        scalars: { DateTime: 'string', Fen: { input: 'string | number', output: 'string' } },
        enumsAsTypes: true,
        onlyOperationTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
      },
    },
  },
};

export default config;
