import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import path from 'node:path'
import devConfig from './dev'
import { SizeStatsPlugin } from './size-stats'
import prodConfig from './prod'

// The contract and the mock live outside src/ (they are shared with the node mock server),
// so Taro's babel pipeline must be told to compile them.
const sharedSources = [path.resolve(__dirname, '..', 'types'), path.resolve(__dirname, '..', 'mock')]

// WeChat runs package JS on the phone's own engine, documented baseline ES2015; older phones
// (which elderly residents often have) fail on newer syntax. The weapp build therefore targets
// the `weapp` browserslist in package.json (ios >= 10, android >= 5) and also compiles the
// dependencies that ship newer syntax; H5 keeps the modern `defaults` list. Checked by es-check.
if (process.env.TARO_ENV === 'weapp') process.env.BROWSERSLIST_ENV = 'weapp'
const newerSyntaxDeps = /[\\/]node_modules[\\/](zod|zustand|dayjs)[\\/]/
const es2015Dependencies = (file: string) => newerSyntaxDeps.test(file)

const LINLI_TRANSPORT = process.env.LINLI_TRANSPORT === 'http' ? 'http' : 'embedded'
const H5_ROUTER_MODE = process.env.H5_ROUTER_MODE === 'browser' ? 'browser' : 'hash'

export default defineConfig<'webpack5'>(async (merge) => {
  const isProduction = process.env.NODE_ENV !== 'development'
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'linli',
    date: '2026-11-29',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: process.env.TARO_ENV === 'h5' ? (process.env.H5_OUT || 'dist-h5') : (process.env.WEAPP_OUT || 'dist'),
    plugins: [],
    defineConstants: {
      // Which backend the app talks to: the in-process mock (default) or an HTTP server.
      LINLI_TRANSPORT: JSON.stringify(LINLI_TRANSPORT),
      LINLI_API_BASE: JSON.stringify(process.env.LINLI_API_BASE || 'http://127.0.0.1:9527/api'),
      // The H5 router's mode, for code that must read the route before the router starts (bootstrap).
      LINLI_H5_ROUTER: JSON.stringify(H5_ROUTER_MODE)
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: process.env.TARO_CACHE === '1' },
    mini: {
      compile: { include: [...sharedSources, es2015Dependencies] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        if (isProduction) chain.plugin('linli-size-stats').use(SizeStatsPlugin)
      }
    },
    h5: {
      compile: { include: sharedSources },
      publicPath: '/',
      staticDirectory: 'static',
      devServer: { host: '127.0.0.1', port: 10086 }, // default binds 0.0.0.0
      router: { mode: H5_ROUTER_MODE },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        if (isProduction) chain.plugin('linli-size-stats').use(SizeStatsPlugin)
        // zod and the contract's shared primitives are not in the first load (the api client, session
        // and outbox reach schemas only through import()): the pages, the mock and the identity calls
        // that need them share one `schemas` chunk instead of each carrying its own copy (README, Size).
        // The UI kit's modules have no import-time side effects: a page that imports `Button` from
        // core/ui (index.ts re-exports all) carries only what it uses — the welcome page no longer
        // brings Picker, Textarea and Input with their styles. Keep core/ui free of top-level effects.
        const uiRule = chain.module.rule('linli-ui-side-effect-free').test(/[\\/]src[\\/]core[\\/]ui[\\/][^\\/]+\.tsx?$/)
        ;(uiRule as unknown as { sideEffects(value: boolean): unknown }).sideEffects(false) // webpack-chain 6.5 has it; its types do not
        const splitChunks = (chain.optimization.get('splitChunks') || {}) as { cacheGroups?: Record<string, unknown> }
        chain.optimization.splitChunks({
          ...splitChunks,
          cacheGroups: {
            ...splitChunks.cacheGroups,
            schemas: {
              name: 'schemas',
              chunks: 'async',
              test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]types[\\/]contract[\\/](common|endpoint|wire)\.ts$/,
              priority: 200,
              enforce: true
            },
            // The outbox with photo upload: started by app.ts after the first page (import()), and
            // used by the pages that submit — one chunk for all of them.
            outbox: {
              name: 'outbox',
              chunks: 'async',
              test: /[\\/]src[\\/]core[\\/](outbox|media)[\\/]|[\\/]types[\\/]contract[\\/]files\.ts$/,
              priority: 190,
              enforce: true
            }
          }
        })
      }
    }
  }
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
