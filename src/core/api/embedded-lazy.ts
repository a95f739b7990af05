// H5 demo builds: the embedded mock (all seven domains, their seeds and every zod schema) is the
// largest part of the app, and no first screen needs it before its first request. This transport
// loads it with a dynamic import() the first time it is asked for (or when `preload()` is called
// after the first page is mounted), so the first render neither downloads nor parses it.
// weapp cannot import() a module outside a subpackage, so weapp keeps the eager embedded transport.
import type { MockBackend } from '../../../mock'
import { isOnline } from '../network'
import { TransportFailure, type Transport, type TransportRequest, type UploadRequest } from './transport'

type Loaded = Transport & { backend: MockBackend }

export interface LazyTransport extends Transport {
  /** Starts loading the mock if it has not started; resolves with the loaded transport. */
  preload(): Promise<Loaded>
  /** The backend once loaded (the e2e journeys' fault-injection handle), else null. */
  loadedBackend(): MockBackend | null
}

export function createLazyEmbeddedTransport(load: () => Promise<Loaded>, onLoad: (t: Loaded) => void = () => undefined): LazyTransport {
  let loading: Promise<Loaded> | null = null
  let loaded: Loaded | null = null
  const get = (): Promise<Loaded> => {
    if (loaded) return Promise.resolve(loaded)
    if (!loading) {
      loading = load().then((t) => {
        loaded = t
        onLoad(t)
        return t
      }, (e: unknown) => {
        // A chunk that failed to download (offline, say) is tried again on the next request.
        loading = null
        throw e
      })
    }
    return loading
  }
  const ready = async (): Promise<Loaded> => {
    if (loaded) return loaded
    if (!isOnline()) throw new TransportFailure('network', 'device offline')
    try {
      return await get()
    } catch (e) {
      throw new TransportFailure('network', e instanceof Error ? e.message : 'mock chunk failed to load')
    }
  }
  return {
    kind: 'embedded',
    send: async (r: TransportRequest) => (await ready()).send(r),
    upload: async (r: UploadRequest) => (await ready()).upload(r),
    preload: get,
    loadedBackend: () => loaded?.backend ?? null
  }
}
