const defineJestConfig = require('@tarojs/test-utils-react/dist/jest.js').default

module.exports = defineJestConfig({
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/__tests__/**/*.test.[jt]s?(x)', '<rootDir>/src/**/*.test.[jt]s?(x)', '<rootDir>/mock/**/*.test.[jt]s?(x)'],
  bail: 0, // test-utils-react defaults to bail: 1
  // test-utils-react sets [] (transform everything), which makes babel-preset-taro
  // transpile jest's own runner and crash on private methods; only transpile ESM deps.
  transformIgnorePatterns: ['^((?!/node_modules/).)*/node_modules/(?!(@tarojs|@stencil|swiper|lodash-es|dayjs|zustand|zod|query-string|decode-uri-component|filter-obj|split-on-first)/)'],
  // default transform only matches .js/.jsx/.ts/.tsx; swiper ships .mjs
  transform: {
    '^.+\\.(mjs|cjs|js|jsx|ts|tsx)$': require.resolve('@tarojs/test-utils-react/dist/jest/babel-transformer.js')
  },
  setupFilesAfterEnv: ['<rootDir>/__tests__/__mocks__/jest.setup.ts'],
  moduleNameMapper: {
    '\\.(css|scss|sass|less)$': '<rootDir>/__tests__/__mocks__/styleMock.js',
    '^@/(.*)$': '<rootDir>/src/$1'
  },
  globals: { LINLI_TRANSPORT: 'embedded', LINLI_API_BASE: 'http://127.0.0.1:9527/api', LINLI_H5_ROUTER: 'hash' }
})
