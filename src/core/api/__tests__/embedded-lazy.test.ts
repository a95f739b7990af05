// The H5 transport that loads the embedded mock on first use: one load, shared; the first request
// waits for it and gets the mock's real answer; offline or a failed chunk is a network failure
// (the page shows 网络不可用, the outbox keeps the item) and the next request tries the load again.
import { createMemoryStorage, createMockBackend } from '../../../../mock'
import { createEmbeddedTransport } from '../embedded'
import { createLazyEmbeddedTransport } from '../embedded-lazy'
import { TransportFailure, type TransportRequest } from '../transport'

const request: TransportRequest = { method: 'GET', path: '/community/structure', headers: {}, timeoutMs: 1000 }

function setOnline(online: boolean) {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online })
}

function loaderOverMemoryMock() {
  const backend = createMockBackend({ storage: createMemoryStorage(), faults: { latencyMs: 0 } })
  const load = jest.fn(async () => createEmbeddedTransport(backend))
  return { backend, load }
}

afterEach(() => setOnline(true))

test('nothing is loaded until the first request; that request gets the mock\'s own answer', async () => {
  const { backend, load } = loaderOverMemoryMock()
  const lazy = createLazyEmbeddedTransport(load)
  expect(load).toHaveBeenCalledTimes(0)
  expect(lazy.loadedBackend()).toBeNull()

  const response = await lazy.send(request)
  const direct = await backend.handle({ method: 'GET', path: '/community/structure', headers: {} })
  expect(load).toHaveBeenCalledTimes(1)
  expect(response.status).toBe(200)
  expect(response).toEqual(direct)
  expect(lazy.loadedBackend()).toBe(backend)
  expect(lazy.kind).toBe('embedded')
})

test('requests made while the mock is loading share one load', async () => {
  const { load } = loaderOverMemoryMock()
  const loaded: string[] = []
  const lazy = createLazyEmbeddedTransport(load, (t) => loaded.push(t.kind))
  const statuses = (await Promise.all([lazy.send(request), lazy.send(request), lazy.preload().then(() => ({ status: -1 }))])).map((r) => r.status)
  expect(statuses).toEqual([200, 200, -1])
  expect(load).toHaveBeenCalledTimes(1)
  expect(loaded).toEqual(['embedded'])
})

test('offline before the mock was ever loaded: a network failure, and no download is tried', async () => {
  const { load } = loaderOverMemoryMock()
  const lazy = createLazyEmbeddedTransport(load)
  setOnline(false)
  const error = await lazy.send(request).then(() => null, (e: unknown) => e)
  expect(error).toBeInstanceOf(TransportFailure)
  expect((error as TransportFailure).reason).toBe('network')
  expect(load).toHaveBeenCalledTimes(0)
})

test('a chunk that fails to download is a network failure, and the next request loads it again', async () => {
  const { backend } = loaderOverMemoryMock()
  const load = jest.fn()
    .mockRejectedValueOnce(new Error('Loading chunk mock failed.'))
    .mockResolvedValue(createEmbeddedTransport(backend))
  const lazy = createLazyEmbeddedTransport(load)
  const error = await lazy.send(request).then(() => null, (e: unknown) => e)
  expect((error as TransportFailure).reason).toBe('network')
  expect((error as TransportFailure).message).toBe('Loading chunk mock failed.')
  expect(lazy.loadedBackend()).toBeNull()

  expect((await lazy.send(request)).status).toBe(200)
  expect(load).toHaveBeenCalledTimes(2)
  expect(lazy.loadedBackend()).toBe(backend)
})

test('uploads wait for the mock too', async () => {
  const { load } = loaderOverMemoryMock()
  const lazy = createLazyEmbeddedTransport(load)
  const progress: number[] = []
  const response = await lazy.upload({ path: '/files', filePath: 'data:image/png;base64,iVBORw0KGgo=', fields: { purpose: 'request' }, headers: {}, timeoutMs: 1000, onProgress: (p) => progress.push(p) })
  expect(load).toHaveBeenCalledTimes(1)
  expect(response.status).toBe(401) // the mock's own answer: no session
  expect(progress).toEqual([0, 50, 100])
})
