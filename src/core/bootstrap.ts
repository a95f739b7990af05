// Wires the api client to the build's transport and the session store. Called once at launch
// (and by tests, with their own transport).
import Taro from '@tarojs/taro'
import { configureClient, createTransport, type LazyTransport, type Transport } from './api'
import { selectIsMember, useSession } from './session/store'

export const WELCOME_PAGE = '/account/pages/welcome/index'

let redirecting = false

export function bootstrap(transport: Transport = createTransport()): Transport {
  configureClient({
    transport,
    getToken: () => useSession.getState().token,
    onUnauthenticated: () => {
      useSession.getState().clear()
      if (redirecting) return
      redirecting = true
      Taro.showToast({ title: '登录已过期，请重新登录', icon: 'none' })
      Taro.reLaunch({ url: WELCOME_PAGE }).finally(() => { redirecting = false })
    }
  })
  if (process.env.TARO_ENV === 'h5' && typeof jest === 'undefined' && typeof window !== 'undefined') {
    // Before the router reads the URL (app.ts runs first): a non-member opening the entry starts on
    // welcome/bind directly instead of loading 首页 only to be sent on (README, Size).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { entryRedirect } = require('./session/entry') as typeof import('./session/entry') // H5 only: not in weapp's main package
    const state = useSession.getState()
    const { hash, pathname, search } = window.location
    const target = entryRedirect(LINLI_H5_ROUTER === 'browser' ? pathname : hash, { token: state.token, isMember: selectIsMember(state) })
    if (target) window.history.replaceState(window.history.state, '', LINLI_H5_ROUTER === 'browser' ? target : `${pathname}${search}#${target}`)
  }
  if (process.env.TARO_ENV === 'h5' && typeof jest === 'undefined' && typeof document !== 'undefined') {
    // H5 only (a compile-time branch): weapp's main package carries none of it.
    const { startAccessibilityMending } = require('./a11y-h5') as typeof import('./a11y-h5') // eslint-disable-line @typescript-eslint/no-require-imports
    if (document.body) startAccessibilityMending()
    else document.addEventListener('DOMContentLoaded', () => startAccessibilityMending(), { once: true })
  }
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
    // The e2e journeys drive fault injection (offline, failures) through this handle. On H5 the
    // mock loads with the first request (embedded-lazy.ts): the handle is there from then on.
    const w = window as unknown as { __linliMock?: unknown }
    if ('backend' in transport) w.__linliMock = (transport as { backend: unknown }).backend
    else if ('loadedBackend' in transport) {
      const lazy = transport as LazyTransport
      Object.defineProperty(w, '__linliMock', { configurable: true, get: () => lazy.loadedBackend() ?? undefined })
    }
  }
  return transport
}
