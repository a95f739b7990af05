// Whether the device has a network, and a way to hear when that changes. The embedded
// transport honours it too, so the in-process mock fails like a remote server would.
import Taro from '@tarojs/taro'

type Listener = (online: boolean) => void
const listeners = new Set<Listener>()
let online = true
let started = false

function start() {
  if (started) return
  started = true
  if (process.env.TARO_ENV === 'h5') {
    online = typeof navigator === 'undefined' ? true : navigator.onLine !== false
    if (typeof window !== 'undefined') {
      window.addEventListener('online', () => set(true))
      window.addEventListener('offline', () => set(false))
    }
    return
  }
  Taro.getNetworkType({ success: (r) => set(r.networkType !== 'none') })
  Taro.onNetworkStatusChange((r) => set(r.isConnected))
}

function set(next: boolean) {
  if (next === online) return
  online = next
  listeners.forEach((l) => l(next))
}

export function isOnline(): boolean {
  start()
  if (process.env.TARO_ENV === 'h5' && typeof navigator !== 'undefined') return navigator.onLine !== false
  return online
}

export function onNetworkChange(listener: Listener): () => void {
  start()
  listeners.add(listener)
  return () => { listeners.delete(listener) }
}
