// Picks the transport named by the build (LINLI_TRANSPORT) and re-exports the client.
// The condition is a compile-time constant, so an HTTP build drops the mock from its bundle.
// On H5 the embedded mock is a separate chunk, loaded on the first request (embedded-lazy.ts);
// weapp has no import() outside subpackages and loads it with the main package as before.
import { createHttpTransport } from './http'
import type { Transport } from './transport'
import type { MockBackend } from '../../../mock'

export * from './client'
export * from './errors'
export type { Transport } from './transport'
export type { LazyTransport } from './embedded-lazy'

export function createTransport(): Transport & { backend?: MockBackend } {
  if (LINLI_TRANSPORT === 'http') {
    return createHttpTransport(LINLI_API_BASE)
  } else if (process.env.TARO_ENV === 'h5') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createLazyEmbeddedTransport } = require('./embedded-lazy') as typeof import('./embedded-lazy')
    return createLazyEmbeddedTransport(() => import(/* webpackChunkName: "mock" */ './embedded').then((m) => m.createEmbeddedTransport()))
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('./embedded') as typeof import('./embedded')).createEmbeddedTransport()
  }
}

/** True in builds that run the mock in-process (the 演示身份 switcher and fault panel show there). */
export const isMockBuild = LINLI_TRANSPORT === 'embedded'
