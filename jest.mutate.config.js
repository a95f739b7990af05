// Jest project for mutation testing (npm run mutate): only the tests that exercise mock/ and
// src/core/ — the mock's own tests, the contract tests (which drive the mock through the
// endpoint table and the real api client) and core's unit tests. Feature and page tests are
// left out: they cover neither folder directly and would only slow every mutant down.
// MUTATE_TESTS=src/core,__tests__/contract narrows the set further for a quick subset run;
// MUTATE_SKIP=mutation leaves out test files whose path contains "mutation" (the score before them).
const base = require('./jest.config.js')

const ALL = ['mock', '__tests__/contract', 'src/core']
const roots = (process.env.MUTATE_TESTS ? process.env.MUTATE_TESTS.split(',') : ALL).map((r) => r.trim().replace(/\/+$/, '')).filter(Boolean)

module.exports = {
  ...base,
  testPathIgnorePatterns: ['/node_modules/', ...(process.env.MUTATE_SKIP ? process.env.MUTATE_SKIP.split(',') : [])],
  testMatch: roots.map((r) => (r.includes('__tests__') ? `<rootDir>/${r}/**/*.test.[jt]s?(x)` : `<rootDir>/${r}/**/__tests__/**/*.test.[jt]s?(x)`))
}
