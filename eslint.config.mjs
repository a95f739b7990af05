// Lint: eslint's recommended rules, typescript-eslint (syntax-only, fast: no type information),
// and the React hooks rules, over the app, the contract, the mock, tests and tooling.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', '.ci-out/**', 'node_modules/**', 'coverage/**', '.mock-data/**', '.size/**', 'e2e/shots/**', '.swc/**', 'scripts/empty-taro/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: {
      globals: { ...globals.browser, LINLI_TRANSPORT: 'readonly', LINLI_API_BASE: 'readonly' }
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // The React Compiler rules of eslint-plugin-react-hooks 7 (purity, set-state-in-effect, ...)
      // describe what the compiler can optimise; this app does not use the compiler, and loading
      // data in an effect is its intended pattern. Shown as warnings, not CI failures.
      ...Object.fromEntries(Object.keys(reactHooks.configs.recommended.rules)
        .filter((rule) => !['react-hooks/rules-of-hooks', 'react-hooks/exhaustive-deps'].includes(rule))
        .map((rule) => [rule, 'warn'])),
      // `_`-prefixed arguments are deliberately unused (handler signatures, callbacks).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Taro's app config files call the build-time globals defineAppConfig / definePageConfig.
      'no-undef': 'off',
      // Failures become a Chinese message for the resident (errors are data), and the app's
      // TypeScript lib (ES2017) has no `new Error(message, { cause })`.
      'preserve-caught-error': 'off'
    }
  },
  {
    // Node-side code: the mock server, build config, tooling, tests.
    files: ['mock/**', 'config/**', 'scripts/**', 'e2e/**', '**/__tests__/**', '*.{js,mjs,cjs}', '.ci/**'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } }
  },
  {
    // Journeys and benches pass functions to page.evaluate, which run in the browser.
    files: ['e2e/**', 'scripts/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } }
  },
  {
    // Glue to untyped framework internals: ambient declarations and the jest bootstrap, which
    // must `require` modules in a set order after patching globals.
    files: ['**/*.d.ts', '__tests__/__mocks__/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    // Tests `require` inside jest.isolateModules / after jest.mock to get fresh module state.
    files: ['**/__tests__/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: ['**/*.{js,cjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  }
)
