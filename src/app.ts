import { useEffect, type PropsWithChildren } from 'react'
import { bootstrap } from './core/bootstrap'
import { startDeadEndGuards } from './core/dead-ends'
import { startOutbox } from './core/outbox'
import './app.scss'

bootstrap()
startDeadEndGuards()
// H5 only (a compile-time branch, so weapp carries none of it): named back button, chunk-failure message.
// eslint-disable-next-line @typescript-eslint/no-require-imports
if (process.env.TARO_ENV === 'h5') (require('./core/h5-shell') as typeof import('./core/h5-shell')).startH5Shell()

function App({ children }: PropsWithChildren) {
  // Core sends what the outbox kept (votes, sign-ups, requests filed offline) at launch, on network
  // regain and on return to the foreground, whichever feature page is open — or none. Started after
  // the first page is mounted, so launch renders first.
  useEffect(() => {
    const timer = setTimeout(() => startOutbox(), 0)
    return () => clearTimeout(timer)
  }, [])
  return children
}

export default App
