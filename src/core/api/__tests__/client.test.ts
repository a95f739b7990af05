import { endpoints } from '../../../../types/contract'
import { backoffDelay, call, configureClient } from '../client'
import { ApiError } from '../errors'
import { TransportFailure, type Transport, type TransportRequest, type TransportResponse } from '../transport'

type Reply = TransportResponse | Error | 'hang'

function scriptedTransport(replies: Reply[]) {
  const seen: TransportRequest[] = []
  const transport: Transport = {
    kind: 'http',
    send: async (req) => {
      seen.push(req)
      const next = replies.shift() ?? { status: 500, body: null }
      if (next === 'hang') return new Promise<TransportResponse>(() => undefined)
      if (next instanceof Error) throw next
      return next
    },
    upload: () => Promise.reject(new Error('unused'))
  }
  return { transport, seen }
}

const ok = (body: unknown): TransportResponse => ({ status: 200, body })
const profile = { accountId: 'a_1', personId: null, name: null, roles: [], house: null, leaderOf: [], isElderly: false, staffTitle: null }

function setup(replies: Reply[], extra: Parameters<typeof configureClient>[0] extends infer C ? Partial<C> : never = {}) {
  const t = scriptedTransport(replies)
  const unauthenticated = jest.fn()
  configureClient({ transport: t.transport, getToken: () => 'tok', onUnauthenticated: unauthenticated, retryBaseMs: 0, retryMaxMs: 0, retries: 3, timeoutMs: 1000, ...extra })
  return { ...t, unauthenticated }
}

describe('api client', () => {
  it('rejects invalid input locally with the same field message the mock would send', async () => {
    const { seen } = setup([])
    await expect(call(endpoints.bindHouse, { roomId: 'r_1_1_101', name: '  ' })).rejects.toMatchObject({
      code: 'VALIDATION', status: 400, fields: { name: '请填写姓名' }
    })
    expect(seen).toHaveLength(0)
  })

  it('sends the session token and a fresh idempotency key on writes, query strings on reads', async () => {
    const { seen } = setup([ok(profile), ok(profile)])
    await call(endpoints.getMe, {})
    await call(endpoints.bindHouse, { roomId: 'r_1_1_101', name: '周婷' })
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/me', body: undefined, headers: { Authorization: 'Bearer tok' } })
    expect(seen[0].headers['Idempotency-Key']).toBeUndefined()
    expect(seen[1]).toMatchObject({ method: 'POST', path: '/me/house', body: { roomId: 'r_1_1_101', name: '周婷' } })
    expect(seen[1].headers['Idempotency-Key']).toMatch(/.+-.+/)
  })

  it('retries a keyed write after network failures with the same key, then succeeds', async () => {
    const { seen } = setup([new TransportFailure('network'), { status: 503, body: { code: 'UNAVAILABLE', message: '服务繁忙，请稍后重试' } }, ok(profile)])
    const onRetry = jest.fn()
    await expect(call(endpoints.bindHouse, { roomId: 'r_1_1_101', name: '周婷' }, { onRetry, idempotencyKey: 'draft-1' })).resolves.toEqual(profile)
    expect(seen.map((r) => r.headers['Idempotency-Key'])).toEqual(['draft-1', 'draft-1', 'draft-1'])
    expect(onRetry).toHaveBeenCalledTimes(2)
  })

  it('gives up after the retry budget with a Chinese network message', async () => {
    const { seen } = setup(Array.from({ length: 5 }, () => new TransportFailure('network')))
    const error = await call(endpoints.getMe, {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'NETWORK', message: '网络连接失败，请检查网络后重试', isNetwork: true })
    expect(seen).toHaveLength(4)
  })

  it('does not retry a 4xx answer and passes its fields through', async () => {
    const body = { code: 'VALIDATION', message: '姓名不一致', fields: { name: '姓名不一致' } }
    const { seen } = setup([{ status: 400, body }])
    await expect(call(endpoints.bindHouse, { roomId: 'r_1_1_101', name: '某人' })).rejects.toMatchObject({ status: 400, fields: { name: '姓名不一致' } })
    expect(seen).toHaveLength(1)
  })

  it('times out a call that never answers', async () => {
    setup(['hang'], { timeoutMs: 20, retries: 0 })
    await expect(call(endpoints.getMe, {})).rejects.toMatchObject({ code: 'TIMEOUT', message: '网络较慢，请求超时，请稍后重试' })
  })

  it('reports a 401 once so the session can be cleared', async () => {
    const { unauthenticated } = setup([{ status: 401, body: { code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' } }])
    await expect(call(endpoints.getMe, {})).rejects.toMatchObject({ status: 401, message: '登录已过期，请重新登录' })
    expect(unauthenticated).toHaveBeenCalledTimes(1)
  })

  it('maps a body that is not in the error model to a generic Chinese message', async () => {
    setup([{ status: 502, body: '<html>Bad Gateway</html>' }], { retries: 0 })
    await expect(call(endpoints.getMe, {})).rejects.toMatchObject({ code: 'INTERNAL', message: '服务暂时出了点问题，请稍后重试' })
  })

  it('backs off exponentially with up to 50% jitter, capped', () => {
    const c = { retryBaseMs: 500, retryMaxMs: 8000 }
    expect(backoffDelay(0, { ...c, random: () => 0 })).toBe(500)
    expect(backoffDelay(2, { ...c, random: () => 0 })).toBe(2000)
    expect(backoffDelay(2, { ...c, random: () => 0.999 })).toBe(2999)
    expect(backoffDelay(10, { ...c, random: () => 0 })).toBe(8000)
  })
})
