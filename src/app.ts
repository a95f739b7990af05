import { useEffect, type PropsWithChildren } from 'react'
import { bootstrap } from './core/bootstrap'
import { startOutbox } from './core/outbox'
import './app.scss'

bootstrap()

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
