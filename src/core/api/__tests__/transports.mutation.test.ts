// The two real transports: what Taro.request / Taro.uploadFile are asked (url, headers, timeout,
// multipart field), how answers and failures come back; and the embedded mock's storage keys,
// offline behaviour and upload progress.
import Taro from '@tarojs/taro'
import { MockNetworkDown, type MockBackend } from '../../../../mock'
import { createEmbeddedTransport, taroStorage } from '../embedded'
import { createHttpTransport } from '../http'
import { TransportFailure } from '../transport'

afterEach(() => jest.restoreAllMocks())

type RequestOptions = Parameters<typeof Taro.request>[0]
type UploadOptions = Parameters<typeof Taro.uploadFile>[0]

describe('http transport', () => {
  function requestAnswers(answer: (o: RequestOptions) => void) {
    const seen: RequestOptions[] = []
    jest.spyOn(Taro, 'request').mockImplementation(((o: RequestOptions) => { seen.push(o); answer(o); return undefined }) as never)
    return seen
  }

  it('sends to the root without a double slash, with the query, JSON headers and the timeout', async () => {
    const seen = requestAnswers((o) => o.success?.({ statusCode: 201, data: { id: 'r_1' } } as never))
    const t = createHttpTransport('https://api.example.cn/api/')
    expect(t.kind).toBe('http')
    const res = await t.send({ method: 'GET', path: '/requests', query: { page: '2', q: '楼道 灯' }, headers: { Authorization: 'Bearer x' }, timeoutMs: 7000 })
    expect(res).toEqual({ status: 201, body: { id: 'r_1' } })
    const { success: _s, fail: _f, ...options } = seen[0]
    expect(options).toEqual({
      url: 'https://api.example.cn/api/requests?page=2&q=%E6%A5%BC%E9%81%93%20%E7%81%AF',
      method: 'GET',
      data: undefined,
      header: { 'content-type': 'application/json', Authorization: 'Bearer x' },
      timeout: 7000,
      dataType: 'json'
    })
  })

  it('sends a body; a root without a slash is used as it is', async () => {
    const seen = requestAnswers((o) => o.success?.({ statusCode: 200, data: '{"ok":true}' } as never))
    const res = await createHttpTransport('http://h/api').send({ method: 'POST', path: '/x', body: { a: 1 }, headers: {}, timeoutMs: 1 })
    expect(seen[0].url).toBe('http://h/api/x')
    expect(seen[0].data).toEqual({ a: 1 })
    expect(res.body).toEqual({ ok: true })
  })

  it('keeps a body that is not JSON as text', async () => {
    requestAnswers((o) => o.success?.({ statusCode: 502, data: '<html>Bad Gateway</html>' } as never))
    await expect(createHttpTransport('http://h').send({ method: 'GET', path: '/x', headers: {}, timeoutMs: 1 })).resolves.toEqual({ status: 502, body: '<html>Bad Gateway</html>' })
  })

  it.each([
    ['request:fail timeout', 'timeout'],
    ['request:fail 请求超时', 'timeout'],
    ['request:fail TIMEOUT', 'timeout'],
    ['request:fail net::ERR_INTERNET_DISCONNECTED', 'network'],
    [undefined, 'network']
  ])('a failure %j is a %s failure', async (errMsg, reason) => {
    requestAnswers((o) => o.fail?.({ errMsg } as never))
    const e = await createHttpTransport('http://h').send({ method: 'GET', path: '/x', headers: {}, timeoutMs: 1 }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(TransportFailure)
    expect((e as TransportFailure).reason).toBe(reason)
    expect((e as TransportFailure).message).toBe(errMsg ?? 'network')
  })

  it('uploads the file as the multipart field "file" with the fields, headers and timeout, reporting progress', async () => {
    const seen: UploadOptions[] = []
    const progress: number[] = []
    let onUpdate: ((p: { progress: number }) => void) | undefined
    jest.spyOn(Taro, 'uploadFile').mockImplementation(((o: UploadOptions) => {
      seen.push(o)
      setTimeout(() => { onUpdate?.({ progress: 60 }); o.success?.({ statusCode: 200, data: '{"id":"f_1"}' } as never) }, 0)
      return { onProgressUpdate: (cb: (p: { progress: number }) => void) => { onUpdate = cb } }
    }) as never)
    const res = await createHttpTransport('https://h/api/').upload({ path: '/files', filePath: 'wxfile://tmp_1', fields: { purpose: 'other' }, headers: { 'Idempotency-Key': 'k' }, timeoutMs: 9000, onProgress: (p) => progress.push(p) })
    expect(res).toEqual({ status: 200, body: { id: 'f_1' } })
    const { success: _s, fail: _f, ...options } = seen[0]
    expect(options).toEqual({ url: 'https://h/api/files', filePath: 'wxfile://tmp_1', name: 'file', formData: { purpose: 'other' }, header: { 'Idempotency-Key': 'k' }, timeout: 9000 })
    expect(progress).toEqual([60])
  })

  it('a failed upload is a network or timeout failure', async () => {
    jest.spyOn(Taro, 'uploadFile').mockImplementation(((o: UploadOptions) => { o.fail?.({ errMsg: 'uploadFile:fail timeout' } as never); return undefined }) as never)
    const e = await createHttpTransport('h').upload({ path: '/files', filePath: 'x', fields: {}, headers: {}, timeoutMs: 1 }).catch((x: unknown) => x)
    expect((e as TransportFailure).reason).toBe('timeout')
  })
})

describe('embedded transport', () => {
  let online = true
  beforeAll(() => {
    Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online })
  })
  beforeEach(() => { online = true })

  function fakeBackend(answer: (r: Parameters<MockBackend['handle']>[0]) => Promise<{ status: number; body: unknown }>) {
    const seen: Array<Parameters<MockBackend['handle']>[0]> = []
    const backend = { handle: async (r: Parameters<MockBackend['handle']>[0]) => { seen.push(r); return answer(r) } } as unknown as MockBackend
    return { seen, backend }
  }

  it('keeps the mock database under linli.mock.<key>; an empty value is none', () => {
    taroStorage.setItem('db', '{"v":1}')
    expect(Taro.getStorageSync('linli.mock.db')).toBe('{"v":1}')
    expect(taroStorage.getItem('db')).toBe('{"v":1}')
    Taro.setStorageSync('linli.mock.empty', '')
    expect(taroStorage.getItem('empty')).toBeNull()
    Taro.setStorageSync('linli.mock.obj', { a: 1 })
    expect(taroStorage.getItem('obj')).toBeNull()
    taroStorage.removeItem('db')
    expect(Taro.getStorageSync('linli.mock.db')).toBe('')
    expect(taroStorage.getItem('db')).toBeNull()
  })

  it('hands the request to the mock as it is and brings back its answer', async () => {
    const { seen, backend } = fakeBackend(async () => ({ status: 200, body: { ok: true } }))
    const t = createEmbeddedTransport(backend)
    expect(t.kind).toBe('embedded')
    expect(t.backend).toBe(backend)
    const res = await t.send({ method: 'PUT', path: '/me', query: { a: '1' }, body: { b: 2 }, headers: { Authorization: 'Bearer t' }, timeoutMs: 5 })
    expect(res).toEqual({ status: 200, body: { ok: true } })
    expect(seen).toEqual([{ method: 'PUT', path: '/me', query: { a: '1' }, body: { b: 2 }, headers: { Authorization: 'Bearer t' } }])
  })

  it('fails like a network when the device is offline, without asking the mock', async () => {
    online = false
    const { seen, backend } = fakeBackend(async () => ({ status: 200, body: null }))
    const e = await createEmbeddedTransport(backend).send({ method: 'GET', path: '/x', headers: {}, timeoutMs: 1 }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(TransportFailure)
    expect([(e as TransportFailure).reason, (e as TransportFailure).message]).toEqual(['network', 'device offline'])
    expect(seen).toEqual([])
  })

  it('turns the mock\'s injected network fault into a network failure and passes other errors on', async () => {
    const down = createEmbeddedTransport(fakeBackend(async () => { throw new MockNetworkDown() }).backend)
    const e = await down.send({ method: 'GET', path: '/x', headers: {}, timeoutMs: 1 }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(TransportFailure)
    expect((e as TransportFailure).message).toBe('network unreachable (mock fault injection)')
    const boom = new RangeError('bug')
    const broken = createEmbeddedTransport(fakeBackend(async () => { throw boom }).backend)
    await expect(broken.send({ method: 'GET', path: '/x', headers: {}, timeoutMs: 1 })).rejects.toBe(boom)
  })

  it('uploads a data URL as the body with the fields, reporting 0, 50, 100', async () => {
    const { seen, backend } = fakeBackend(async () => ({ status: 201, body: { id: 'f' } }))
    const progress: number[] = []
    const res = await createEmbeddedTransport(backend).upload({ path: '/files', filePath: 'data:image/png;base64,iVBO', fields: { purpose: 'other' }, headers: { H: '1' }, timeoutMs: 1, onProgress: (p) => progress.push(p) })
    expect(res).toEqual({ status: 201, body: { id: 'f' } })
    expect(seen).toEqual([{ method: 'POST', path: '/files', body: { purpose: 'other', dataUrl: 'data:image/png;base64,iVBO' }, headers: { H: '1' } }])
    expect(progress).toEqual([0, 50, 100])
  })

  it('reads an H5 blob: photo into a data URL', async () => {
    const g = globalThis as unknown as { fetch: unknown }
    const saved = g.fetch
    g.fetch = async () => ({ blob: async () => new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }) })
    try {
      const { seen, backend } = fakeBackend(async () => ({ status: 201, body: null }))
      await createEmbeddedTransport(backend).upload({ path: '/files', filePath: 'blob:http://x/1', fields: {}, headers: {}, timeoutMs: 1 })
      expect((seen[0].body as { dataUrl: string }).dataUrl).toBe('data:image/jpeg;base64,AQID')
    } finally {
      g.fetch = saved
    }
  })
})
