import { useEffect, type PropsWithChildren } from 'react'
import { bootstrap } from './core/bootstrap'
import { startDeadEndGuards } from './core/dead-ends'
import './app.scss'

bootstrap()
startDeadEndGuards()
// H5 only (a compile-time branch, so weapp carries none of it): named back button, chunk-failure message.
// eslint-disable-next-line @typescript-eslint/no-require-imports
if (process.env.TARO_ENV === 'h5') (require('./core/h5-shell') as typeof import('./core/h5-shell')).startH5Shell()

/**
 * Core sends what the outbox kept (votes, sign-ups, requests filed offline) at launch, on network
 * regain and on return to the foreground, whichever feature page is open — or none. On H5 the
 * outbox (with photo upload and the files schema) is its own chunk, loaded after the first page is
 * mounted; if it cannot be fetched (offline) it is tried again when the network is back. weapp has
 * no import() outside subpackages: it starts the outbox from the main package as before.
 */
function startOutboxLater(): void {
  if (process.env.TARO_ENV === 'h5') {
    // The `outbox` chunk (a cache group in config/index.ts, shared with the pages that submit).
    import('./core/outbox').then((m) => { m.startOutbox() }, () => {
      window.addEventListener('online', () => startOutboxLater(), { once: true })
    })
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('./core/outbox') as typeof import('./core/outbox')).startOutbox()
  }
}

/**
 * When to start it: on H5 once the page has loaded and the main thread is idle, so the first screen
 * renders first; on weapp (no such events) on the next tick after mount, as before. The H5 branch
 * sits inside the compile-time condition so weapp's main package carries none of it.
 */
const whenIdle: (run: () => void) => () => void = process.env.TARO_ENV === 'h5'
  ? (run) => {
      if (typeof window === 'undefined' || typeof window.requestIdleCallback !== 'function') {
        const timer = setTimeout(run, 0)
        return () => clearTimeout(timer)
      }
      let handle: number | null = null
      const schedule = () => { handle = window.requestIdleCallback(run, { timeout: 3000 }) }
      if (document.readyState === 'complete') schedule()
      else window.addEventListener('load', schedule, { once: true })
      return () => {
        window.removeEventListener('load', schedule)
        if (handle !== null) window.cancelIdleCallback(handle)
      }
    }
  : (run) => {
      const timer = setTimeout(run, 0)
      return () => clearTimeout(timer)
    }

function App({ children }: PropsWithChildren) {
  // Started after the first page is mounted, so launch renders first.
  useEffect(() => whenIdle(startOutboxLater), [])
  return children
}

export default App
