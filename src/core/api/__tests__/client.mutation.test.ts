// Edges of the api client that the mutation run (npm run mutate) found unguarded: how each status
// is classified, which failures are retried, how paths and queries are built, and the calls that
// core makes for the outbox and uploads.
import * as z from 'zod/mini'
import { endpoints } from '../../../../types/contract'
import { ERROR_MESSAGES } from '../../../../types/contract/common'
import { backoffDelay, call, callRoute, clientConfig, configureClient, newIdempotencyKey, upload, validateInput } from '../client'
import { ApiError, isApiError, messageOf, toApiError } from '../errors'
import { TransportFailure, type Transport, type TransportRequest, type TransportResponse, type UploadRequest } from '../transport'

type Reply = TransportResponse | Error

function setup(replies: Reply[], extra: Partial<Parameters<typeof configureClient>[0]> = {}) {
  const seen: TransportRequest[] = []
  const uploads: UploadRequest[] = []
  const next = () => {
    const r = replies.shift() ?? { status: 200, body: 'unscripted' }
    if (r instanceof Error) throw r
    return r
  }
  const transport: Transport = {
    kind: 'http',
    send: async (req) => { seen.push(req); return next() },
    upload: async (req) => { uploads.push(req); return next() }
  }
  const unauthenticated = jest.fn()
  configureClient({ transport, getToken: () => 'tok', onUnauthenticated: unauthenticated, retryBaseMs: 0, retryMaxMs: 0, retries: 2, timeoutMs: 1000, random: () => 0, ...extra })
  return { seen, uploads, unauthenticated }
}

const ok = (body: unknown): TransportResponse => ({ status: 200, body })

describe('toApiError classifies a status without an error body', () => {
  it.each([
    [400, 'VALIDATION'], [401, 'UNAUTHENTICATED'], [403, 'FORBIDDEN'], [404, 'NOT_FOUND'], [409, 'CONFLICT'],
    [422, 'INVALID_STATE'], [429, 'RATE_LIMITED'], [499, 'VALIDATION'], [500, 'INTERNAL'], [503, 'INTERNAL']
  ] as const)('%i with an empty body is %s with its Chinese message', (status, code) => {
    const e = toApiError(status, '')
    expect(e).toBeInstanceOf(ApiError)
    expect({ status: e.status, code: e.code, message: e.message, name: e.name }).toEqual({ status, code, message: ERROR_MESSAGES[code], name: 'ApiError' })
  })

  it('keeps a body in the error model, with its fields and time to retry', () => {
    const e = toApiError(429, { code: 'RATE_LIMITED', message: '尝试次数太多，请 15 分钟后再试', retryAt: '2026-12-01T10:15:00.000Z' })
    expect({ code: e.code, message: e.message, retryAt: e.retryAt, fields: e.fields }).toEqual({
      code: 'RATE_LIMITED', message: '尝试次数太多，请 15 分钟后再试', retryAt: '2026-12-01T10:15:00.000Z', fields: undefined
    })
  })

  it('ignores a body whose code is not one of ours, or whose message is not text', () => {
    expect(toApiError(403, { code: 'EACCES', message: 'permission denied' })).toMatchObject({ code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN })
    expect(toApiError(403, { code: 'FORBIDDEN', message: 7 })).toMatchObject({ code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN })
    expect(toApiError(404, { code: 5, message: 'x' })).toMatchObject({ code: 'NOT_FOUND', message: ERROR_MESSAGES.NOT_FOUND })
    expect(toApiError(404, null)).toMatchObject({ code: 'NOT_FOUND', message: ERROR_MESSAGES.NOT_FOUND })
  })

  it('isNetwork only for no answer at all', () => {
    expect(new ApiError(0, { code: 'NETWORK', message: '' }).isNetwork).toBe(true)
    expect(new ApiError(0, { code: 'TIMEOUT', message: '' }).isNetwork).toBe(true)
    expect(new ApiError(503, { code: 'UNAVAILABLE', message: '' }).isNetwork).toBe(false)
  })

  it('messageOf shows our message, never raw exception text', () => {
    expect(messageOf(toApiError(403, null))).toBe('您没有权限进行此操作')
    expect(messageOf(new TypeError('Cannot read properties of undefined'))).toBe(ERROR_MESSAGES.INTERNAL)
    expect(isApiError(new Error('x'))).toBe(false)
    expect(isApiError(toApiError(500, null))).toBe(true)
  })
})

describe('which failures are retried', () => {
  it('retries a 500 and returns the later answer', async () => {
    const { seen } = setup([{ status: 500, body: null }, ok({ n: 1 })])
    await expect(call(endpoints.getMe, {})).resolves.toEqual({ n: 1 })
    expect(seen).toHaveLength(2)
  })

  it('does not retry a 429: the server asked us to wait', async () => {
    const { seen } = setup([{ status: 429, body: { code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' } }, ok({})])
    await expect(call(endpoints.getMe, {})).rejects.toMatchObject({ status: 429, code: 'RATE_LIMITED' })
    expect(seen).toHaveLength(1)
  })

  it('does not retry an empty 403 and does not report it as a lost session', async () => {
    const { seen, unauthenticated } = setup([{ status: 403, body: '' }, ok({})])
    await expect(call(endpoints.getMe, {})).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN', message: '您没有权限进行此操作' })
    expect(seen).toHaveLength(1)
    expect(unauthenticated).not.toHaveBeenCalled()
  })

  it('a 399 answer is a success, a 400 is not', async () => {
    setup([{ status: 399, body: 'fine' }, { status: 400, body: null }])
    await expect(call(endpoints.getMe, {})).resolves.toBe('fine')
    await expect(call(endpoints.getMe, {})).rejects.toMatchObject({ status: 400, code: 'VALIDATION' })
  })

  it('tries exactly retries + 1 times, numbering each retry, with the per-call budget winning', async () => {
    const { seen } = setup([{ status: 500, body: null }, { status: 500, body: null }, { status: 500, body: null }, ok('late')])
    const onRetry = jest.fn()
    await expect(call(endpoints.getMe, {}, { onRetry })).rejects.toMatchObject({ code: 'INTERNAL', status: 500 })
    expect(seen).toHaveLength(3)
    expect(onRetry.mock.calls.map((c) => [c[0], (c[1] as ApiError).code])).toEqual([[1, 'INTERNAL'], [2, 'INTERNAL']])
    const again = setup([new TransportFailure('network'), ok('late')])
    await expect(call(endpoints.getMe, {}, { retries: 0 })).rejects.toMatchObject({ code: 'NETWORK', status: 0 })
    expect(again.seen).toHaveLength(1)
  })

  it('a thrown non-timeout failure is NETWORK; a timeout failure is TIMEOUT', async () => {
    setup([new TransportFailure('timeout'), new Error('socket hang up')], { retries: 0 })
    await expect(call(endpoints.getMe, {})).rejects.toMatchObject({ code: 'TIMEOUT', message: ERROR_MESSAGES.TIMEOUT, status: 0 })
    await expect(call(endpoints.getMe, {})).rejects.toMatchObject({ code: 'NETWORK', message: ERROR_MESSAGES.NETWORK, status: 0 })
  })

  it('waits the backoff between retries', async () => {
    jest.useFakeTimers()
    try {
      const { seen } = setup([new TransportFailure('network'), ok('second')], { retryBaseMs: 1000, retryMaxMs: 8000 })
      const done = call(endpoints.getMe, {})
      await jest.advanceTimersByTimeAsync(999)
      expect(seen).toHaveLength(1)
      await jest.advanceTimersByTimeAsync(1)
      await expect(done).resolves.toBe('second')
      expect(seen).toHaveLength(2)
    } finally {
      jest.useRealTimers()
    }
  })

  it('backoff doubles from the base and jitter adds at most half', () => {
    const c = { retryBaseMs: 300, retryMaxMs: 100_000 }
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, { ...c, random: () => 0 }))).toEqual([300, 600, 1200, 2400])
    expect(backoffDelay(1, { ...c, random: () => 1 })).toBe(900)
    expect(backoffDelay(3, { retryBaseMs: 300, retryMaxMs: 1000, random: () => 0.5 })).toBe(1250)
  })
})

describe('what is sent', () => {
  it('fills path params encoded and sends the rest as a query, skipping empty values', async () => {
    const { seen } = setup([ok({}), ok({})])
    await call(endpoints.getServiceRequest, { id: 'sr:1' })
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/requests/sr%3A1', query: {}, body: undefined })
    await call(endpoints.listMyServiceRequests, { status: 'closed', limit: 5, cursor: undefined })
    expect(seen[1].query).toEqual({ status: 'closed', limit: '5' })
    expect(seen[1].path).toBe('/requests/mine')
  })

  it('sends an object or array query value as JSON', async () => {
    const { seen } = setup([ok({})])
    await call({ ...endpoints.getMe, input: { safeParse: (v: unknown) => ({ success: true, data: v }) } } as never, { ids: ['a', 'b'], n: 0, empty: null } as never)
    expect(seen[0].query).toEqual({ ids: '["a","b"]', n: '0' })
  })

  it('refuses to run before configureClient()', () => {
    jest.isolateModules(() => {
      const fresh = jest.requireActual('../client') as typeof import('../client')
      expect(() => fresh.clientConfig()).toThrow('api client used before configureClient()')
    })
  })

  it('sends no Authorization header without a token', async () => {
    const { seen } = setup([ok({})], { getToken: () => null })
    await call(endpoints.getMe, {})
    expect(seen[0].headers).toEqual({})
  })

  it('reports a validation issue of the whole input under "_" and the first message of each field', () => {
    const e = validateInput(endpoints.bindHouse, null as never)
    expect(e).toBeInstanceOf(ApiError)
    expect(Object.keys(e?.fields ?? {})).toEqual(['_'])
    expect(e?.status).toBe(400)
    const two = validateInput(endpoints.bindHouse, { roomId: 'r_1_1_101', name: '' })
    expect(two?.fields).toEqual({ name: '请填写姓名' })
    expect(two?.message).toBe('请填写姓名')
    expect(validateInput(endpoints.bindHouse, { roomId: 'r_1_1_101', name: '周婷' })).toBeNull()
  })

  it('names a nested field by its dotted path and keeps the first message of a field', () => {
    const input = z.object({ place: z.object({ note: z.string().check(z.minLength(3, '太短'), z.regex(/^[a-z]+$/, '只能是字母')) }) })
    const e = validateInput({ ...endpoints.getMe, input } as never, { place: { note: '1' } } as never)
    expect(e?.fields).toEqual({ 'place.note': '太短' })
    expect(e?.message).toBe('太短')
  })

  it('callRoute sends the outbox item as a keyed write with its own key', async () => {
    const { seen } = setup([{ status: 503, body: null }, ok({ id: 'sr_9' })])
    await expect(callRoute('POST', '/requests', { title: 't' }, { idempotencyKey: 'ob-1' })).resolves.toEqual({ id: 'sr_9' })
    expect(seen.map((r) => [r.method, r.path, r.body, r.headers['Idempotency-Key'], r.headers.Authorization])).toEqual([
      ['POST', '/requests', { title: 't' }, 'ob-1', 'Bearer tok'], ['POST', '/requests', { title: 't' }, 'ob-1', 'Bearer tok']
    ])
  })

  it('upload sends the file through the transport with a key and progress', async () => {
    const { uploads } = setup([ok({ id: 'f_1' })])
    const onProgress = jest.fn()
    await expect(upload('/files', 'blob:x', { purpose: 'request' }, { onProgress, idempotencyKey: 'up-1' })).resolves.toEqual({ id: 'f_1' })
    expect(uploads).toHaveLength(1)
    expect(uploads[0]).toMatchObject({ path: '/files', filePath: 'blob:x', fields: { purpose: 'request' }, timeoutMs: 1000, onProgress })
    expect(uploads[0].headers).toEqual({ Authorization: 'Bearer tok', 'Idempotency-Key': 'up-1' })
  })

  it('a fresh key is time-base36, a dash and 16 hex digits from crypto, and differs each time', () => {
    const a = newIdempotencyKey()
    expect(a).toMatch(/^[0-9a-z]+-[0-9a-f]{16}$/)
    expect(new Set(Array.from({ length: 50 }, () => newIdempotencyKey())).size).toBe(50)
    // The random part is the platform's cryptographic source, not Math.random.
    const math = jest.spyOn(Math, 'random')
    const spy = jest.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(b: T): T => {
      const bytes = b as unknown as Uint8Array
      bytes.forEach((_, i) => { bytes[i] = i * 17 })
      return b
    })
    try {
      expect(newIdempotencyKey().split('-')[1]).toBe('0011223344556677')
      expect(math).not.toHaveBeenCalled()
    } finally {
      spy.mockRestore()
      math.mockRestore()
    }
  })

  it('keeps earlier settings when configured again', () => {
    setup([], { timeoutMs: 1234 })
    configureClient({ transport: clientConfig().transport, retries: 7 })
    expect(clientConfig()).toMatchObject({ timeoutMs: 1234, retries: 7, retryBaseMs: 0 })
  })
})
