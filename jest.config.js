/**
 * Two groups: unit tests beside the code, end-to-end tests through HTTP GraphQL against real PostgreSQL.
 * The e2e global setup runs outside Jest's module system, so it uses the compiled build (`npm test` builds first).
 */
const transform = { '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }] };
const common = {
  testEnvironment: 'node',
  rootDir: import.meta.dirname,
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform,
};

export default {
  maxWorkers: 2,
  // A worker that has run many e2e files holds a heap of 2 GB (each file loads the whole app), and freeing it when the
  // worker exits took longer than the 500 ms Jest allows ("A worker process has failed to exit gracefully"), although
  // no handle was left open; a worker past this size after a file is replaced by a fresh one.
  workerIdleMemoryLimit: '512MB',
  // Jest's transform cache beside the dependencies, not in the temp directory: `npm test` leaves nothing there.
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
  testTimeout: 120000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
    },
  ],
};
