// Wires the api client to the build's transport and the session store. Called once at launch
// (and by tests, with their own transport).
import Taro from '@tarojs/taro'
import { configureClient, createTransport, type Transport } from './api'
import { useSession } from './session/store'
import { startAccessibilityMending } from './a11y-h5'

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
  if (process.env.TARO_ENV === 'h5' && typeof jest === 'undefined' && typeof document !== 'undefined') {
    if (document.body) startAccessibilityMending()
    else document.addEventListener('DOMContentLoaded', () => startAccessibilityMending(), { once: true })
  }
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && 'backend' in transport) {
    // The e2e journeys drive fault injection (offline, failures) through this handle.
    ;(window as unknown as { __linliMock?: unknown }).__linliMock = (transport as { backend: unknown }).backend
  }
  return transport
}
