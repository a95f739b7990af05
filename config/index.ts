import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import path from 'node:path'
import devConfig from './dev'
import prodConfig from './prod'

// The contract and the mock live outside src/ (they are shared with the node mock server),
// so Taro's babel pipeline must be told to compile them.
const sharedSources = [path.resolve(__dirname, '..', 'types'), path.resolve(__dirname, '..', 'mock')]

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'linli',
    date: '2026-11-29',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: process.env.TARO_ENV === 'h5' ? (process.env.H5_OUT || 'dist-h5') : 'dist',
    plugins: [],
    defineConstants: {
      // Which backend the app talks to: the in-process mock (default) or an HTTP server.
      LINLI_TRANSPORT: JSON.stringify(process.env.LINLI_TRANSPORT === 'http' ? 'http' : 'embedded'),
      LINLI_API_BASE: JSON.stringify(process.env.LINLI_API_BASE || 'http://127.0.0.1:9527/api')
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: process.env.TARO_CACHE === '1' },
    mini: {
      compile: { include: sharedSources },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      }
    },
    h5: {
      compile: { include: sharedSources },
      publicPath: '/',
      staticDirectory: 'static',
      devServer: { host: '127.0.0.1', port: 10086 }, // default binds 0.0.0.0
      router: { mode: process.env.H5_ROUTER_MODE === 'browser' ? 'browser' : 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      }
    }
  }
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
