import type { PropsWithChildren } from 'react'
import { bootstrap } from './core/bootstrap'
import './app.scss'

bootstrap()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
