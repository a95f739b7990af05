// Mutation testing (issue 11): `npm run mutate` mutates all of mock/ and src/core/;
// `npx stryker run --mutate mock/bounds.ts,src/core/api/client.ts` mutates a subset.
// Slow (about 5 s per mutant on the shared 2-core machine): not part of CI. See README "Mutation testing".
// MUTATE_RUN=<name> keeps a run's report and incremental file apart (reports/<name>/…), so two
// subsets can be measured side by side; MUTATE_TESTS (see jest.mutate.config.js) narrows the tests.
const run = process.env.MUTATE_RUN || 'mutation'

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.mutate.config.js',
    // Only the test files that import the mutated file are loaded for each mutant.
    enableFindRelatedTests: true
  },
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: [
    'mock/**/*.ts',
    'src/core/**/*.ts',
    'src/core/**/*.tsx',
    '!**/__tests__/**',
    '!**/*.test.ts',
    '!**/*.test.tsx',
    // Seed data: fixed demo content, not rules; a changed literal there is not a bug.
    '!mock/seed-community.ts',
    '!mock/handlers/*-seed.ts',
    // node:http glue for `npm run mock`; its logic (routing, limits) lives in backend.ts/bounds.ts.
    '!mock/server.ts'
  ],
  // The machine has 2 shared cores.
  concurrency: 1,
  incremental: true,
  incrementalFile: `reports/${run}/stryker-incremental.json`,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: `reports/${run}/mutation.html` },
  jsonReporter: { fileName: `reports/${run}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 85, low: 70, break: null },
  // Several tests start an HTTP mock server or wait on backoff timers.
  timeoutMS: 20000,
  timeoutFactor: 2,
  ignorePatterns: ['.stryker-tmp', 'dist', 'dist-*', 'e2e/shots', '.size', 'coverage', '.ci-out', '.mock-data', 'reports', '.swc'],
  tempDirName: `.stryker-tmp/${run}`,
  cleanTempDir: 'always'
}
