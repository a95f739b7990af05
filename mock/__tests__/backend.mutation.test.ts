// The router's own rules, at their edges (found unguarded by npm run mutate): session expiry at the
// exact instant, idempotency (a refused write corrected and resent with the same key, a double tap
// with a different body, a replay after a restart), writes saved without a later GET, and the
// order of checks on a write.
import { createMockBackend, roomId } from '..'
import { stableStringify } from '../backend'
import { createMemoryStorage, DB_KEY } from '../storage'

const NOW = Date.parse('2026-11-29T08:00:00+08:00')
const DAY = 86400_000

const post = (path: string, body: unknown, opts: { token?: string; key?: string } = {}) => ({
  method: 'POST' as const, path, body,
  headers: { ...(opts.key ? { 'Idempotency-Key': opts.key } : {}), ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}) }
})
const get = (path: string, token?: string) => ({ method: 'GET' as const, path, headers: token ? { Authorization: `Bearer ${token}` } : {} })

async function login(backend: ReturnType<typeof createMockBackend>, code = 'wx-code-1') {
  const res = await backend.handle(post('/auth/login', { code }, { key: `login-${code}` }))
  expect(res.status).toBe(200)
  return (res.body as { token: string; expiresAt: string })
}

const HOUSE = { roomId: roomId(3, 2, '502'), name: '王秀英' }

describe('sessions', () => {
  it('a session lasts 30 days: valid one ms before expiresAt, 401 登录已过期 at it', async () => {
    let now = NOW
    const backend = createMockBackend({ now: () => now })
    const { token, expiresAt } = await login(backend)
    expect(Date.parse(expiresAt) - NOW).toBe(30 * DAY)
    now = Date.parse(expiresAt) - 1
    expect((await backend.handle(get('/me', token))).status).toBe(200)
    now = Date.parse(expiresAt)
    expect(await backend.handle(get('/me', token))).toEqual({ status: 401, body: { code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' } })
    // The same rule on a write.
    expect(await backend.handle(post('/me/house', HOUSE, { token, key: 'w1' }))).toEqual({ status: 401, body: { code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' } })
  })

  it('tells no token, an unknown token and a header without Bearer apart', async () => {
    const backend = createMockBackend({ now: () => NOW })
    const { token } = await login(backend)
    expect((await backend.handle(get('/me'))).body).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' })
    expect((await backend.handle(get('/me', 'nope'))).body).toEqual({ code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' })
    expect((await backend.handle({ method: 'GET', path: '/me', headers: { authorization: token } })).body).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' })
    // Header names are case-insensitive.
    expect((await backend.handle({ method: 'GET', path: '/me', headers: { AUTHORIZATION: `Bearer ${token}` } })).status).toBe(200)
  })
})

describe('idempotency', () => {
  it('a refused write corrected and resent with the same key is handled, not replayed as the refusal', async () => {
    const backend = createMockBackend({ now: () => NOW })
    const { token } = await login(backend)
    const wrong = await backend.handle(post('/me/house', { ...HOUSE, name: '王小明' }, { token, key: 'bind-1' }))
    expect(wrong.status).toBe(400)
    const right = await backend.handle(post('/me/house', HOUSE, { token, key: 'bind-1' }))
    expect(right.status).toBe(200)
    expect(right.body).toMatchObject({ house: { label: '桂花苑 3栋2单元502' } })
    // Now the success is what the key replays, and a different body under it is refused.
    expect(await backend.handle(post('/me/house', HOUSE, { token, key: 'bind-1' }))).toEqual(right)
    expect(await backend.handle(post('/me/house', { ...HOUSE, name: '王小明' }, { token, key: 'bind-1' }))).toEqual({
      status: 409, body: { code: 'IDEMPOTENCY_MISMATCH', message: '同一次提交的内容与首次不一致，请刷新后重新提交' }
    })
  })

  it('a double tap with the same body gets the first answer; with a different body, 409', async () => {
    const backend = createMockBackend({ now: () => NOW, faults: { latencyMs: 5 } })
    const { token } = await login(backend)
    const [a, b, c] = await Promise.all([
      backend.handle(post('/me/house', HOUSE, { token, key: 'tap' })),
      backend.handle(post('/me/house', HOUSE, { token, key: 'tap' })),
      backend.handle(post('/me/house', { ...HOUSE, name: '王小明' }, { token, key: 'tap' }))
    ])
    expect(a.status).toBe(200)
    expect(b).toEqual(a)
    expect(c).toEqual({ status: 409, body: { code: 'IDEMPOTENCY_MISMATCH', message: '同一次提交的内容与首次不一致，请刷新后重新提交' } })
  })

  it('keys are per account, method and path: the same key elsewhere is a new write', async () => {
    const backend = createMockBackend({ now: () => NOW })
    const one = await login(backend, 'wx-a')
    const two = await login(backend, 'wx-b')
    const a = await backend.handle(post('/me/house', HOUSE, { token: one.token, key: 'same' }))
    const b = await backend.handle(post('/me/house', HOUSE, { token: two.token, key: 'same' }))
    expect(a.status).toBe(200)
    expect(b.status).toBe(200)
    expect((a.body as { accountId: string }).accountId).not.toBe((b.body as { accountId: string }).accountId)
    const keys = Object.keys(backend.db().idempotency).filter((k) => k.endsWith(' same'))
    expect(keys).toHaveLength(2)
    expect(keys.every((k) => k.includes(' POST /me/house '))).toBe(true)
  })

  it('replays after a restart, from what the write itself saved (no GET in between)', async () => {
    const storage = createMemoryStorage()
    const first = createMockBackend({ storage, now: () => NOW })
    const { token } = await login(first)
    const bound = await first.handle(post('/me/house', HOUSE, { token, key: 'persist-1' }))
    expect(bound.status).toBe(200)
    const saved = JSON.parse(storage.getItem(DB_KEY) as string) as ReturnType<typeof first.db>
    expect(saved.accounts.find((a) => a.personId === (bound.body as { personId: string }).personId)).toBeDefined()
    expect(Object.values(saved.idempotency).filter((r) => r.status === 200 && stableStringify(r.body) === stableStringify(bound.body))).toHaveLength(1)
    const restarted = createMockBackend({ storage, now: () => NOW })
    expect(await restarted.handle(post('/me/house', HOUSE, { token, key: 'persist-1' }))).toEqual(bound)
  })

  it('a refused write saves no idempotency record', async () => {
    const storage = createMemoryStorage()
    const backend = createMockBackend({ storage, now: () => NOW })
    const { token } = await login(backend)
    const before = Object.keys(backend.db().idempotency).length
    expect((await backend.handle(post('/me/house', { ...HOUSE, name: '王小明' }, { token, key: 'no-rec' }))).status).toBe(400)
    expect(Object.keys(backend.db().idempotency)).toHaveLength(before)
  })
})

describe('order of checks on a write', () => {
  it('401 before a missing key; then the key is required and bounded to 128 chars', async () => {
    const backend = createMockBackend({ now: () => NOW })
    expect(await backend.handle(post('/me/house', HOUSE))).toEqual({ status: 401, body: { code: 'UNAUTHENTICATED', message: '请先登录' } })
    const { token } = await login(backend)
    expect(await backend.handle(post('/me/house', HOUSE, { token }))).toEqual({ status: 400, body: { code: 'VALIDATION', message: '缺少 Idempotency-Key 请求头' } })
    expect(await backend.handle(post('/me/house', HOUSE, { token, key: 'k'.repeat(129) }))).toEqual({ status: 400, body: { code: 'VALIDATION', message: 'Idempotency-Key 请求头太长' } })
    expect((await backend.handle(post('/me/house', HOUSE, { token, key: 'k'.repeat(128) }))).status).toBe(200)
  })

  it('a body that is not an object is refused before anything else; none at all is an empty input', async () => {
    const backend = createMockBackend({ now: () => NOW })
    const refused = { status: 400, body: { code: 'VALIDATION', message: '请求格式不正确，请更新小程序后重试' } }
    for (const body of ['x', 5, null, [1]]) expect(await backend.handle(post('/me/house', body))).toEqual(refused)
    const { token } = await login(backend)
    const none = await backend.handle(post('/me/house', undefined, { token, key: 'none' }))
    expect(none.status).toBe(400)
    expect((none.body as { code: string }).code).toBe('VALIDATION')
    expect((none.body as { fields: Record<string, string> }).fields).toHaveProperty('roomId')
  })

  it('unknown paths and methods are 404 with a short Chinese message', async () => {
    const backend = createMockBackend({ now: () => NOW })
    expect(await backend.handle(get('/nope'))).toEqual({ status: 404, body: { code: 'NOT_FOUND', message: '接口不存在：GET /nope' } })
    expect(await backend.handle({ method: 'DELETE', path: '/me', headers: {} })).toEqual({ status: 404, body: { code: 'NOT_FOUND', message: '接口不支持 DELETE 方法' } })
    const long = await backend.handle(get(`/${'x'.repeat(300)}`))
    expect((long.body as { message: string }).message).toBe(`接口不存在：GET /${'x'.repeat(99)}`)
  })

  it('a query in the path and the query map are merged; empty values count as missing', async () => {
    const backend = createMockBackend({ now: () => NOW })
    const a = await backend.handle({ method: 'GET', path: '/requests/public?limit=1', headers: {} })
    expect((a.body as { items: unknown[] }).items).toHaveLength(1)
    const b = await backend.handle({ method: 'GET', path: '/requests/public', query: { limit: '2', cursor: '' }, headers: {} })
    expect((b.body as { items: unknown[] }).items).toHaveLength(2)
  })
})

describe('faults and the clock', () => {
  it('offline throws (no answer); failureRate 1 answers 503 before handling', async () => {
    const backend = createMockBackend({ now: () => NOW, faults: { offline: true } })
    await expect(backend.handle(get('/requests/public'))).rejects.toThrow('network unreachable')
    backend.setFaults({ offline: false, failureRate: 1 })
    expect(await backend.handle(get('/requests/public'))).toEqual({ status: 503, body: { code: 'UNAVAILABLE', message: '服务繁忙，请稍后重试' } })
    backend.setFaults({ failureRate: 0 })
    expect((await backend.handle(get('/requests/public'))).status).toBe(200)
  })

  it('advanceClock adds up, ignores negative steps and 0 resets', () => {
    const backend = createMockBackend({ now: () => NOW })
    expect(backend.advanceClock(1000)).toBe(1000)
    expect(backend.advanceClock(500.7)).toBe(1500)
    expect(backend.advanceClock(-200)).toBe(1500)
    expect(backend.now()).toBe(NOW + 1500)
    expect(backend.advanceClock(0)).toBe(0)
    expect(backend.now()).toBe(NOW)
  })

  it('a stored database of another version, or corrupt, is replaced by a fresh seed', () => {
    const storage = createMemoryStorage()
    storage.setItem(DB_KEY, JSON.stringify({ version: -1, persons: [] }))
    expect(createMockBackend({ storage, now: () => NOW }).db().persons.length).toBeGreaterThan(50)
    storage.setItem(DB_KEY, '{not json')
    expect(createMockBackend({ storage, now: () => NOW }).db().persons.length).toBeGreaterThan(50)
    expect(JSON.parse(storage.getItem(DB_KEY) as string).persons.length).toBeGreaterThan(50)
  })

  it('stableStringify sorts keys, drops undefined and writes null for what JSON cannot say', () => {
    expect(stableStringify({ b: 1, a: [2, { d: undefined, c: 'x' }] })).toBe('{"a":[2,{"c":"x"}],"b":1}')
    expect(stableStringify(undefined)).toBe('null')
    expect(stableStringify(null)).toBe('null')
  })
})

describe('query strings', () => {
  // `?view=` (an emptied filter) is no view, from the path and from the transport's map alike;
  // a value that is not a string is dropped; the path's value loses to the map's.
  it('an empty value counts as missing, so the default applies', async () => {
    const backend = createMockBackend({ storage: createMemoryStorage(), now: () => NOW })
    const switched = await backend.handle(post('/demo/switch', { personId: 'p_003' }, { key: 'sw' }))
    const token = (switched.body as { token: string }).token
    const titles = (res: { status: number; body: unknown }) => [res.status, (res.body as { items?: { title: string }[] }).items?.map((a) => a.title)]
    const upcoming = titles(await backend.handle(get('/volunteer/activities', token)))
    expect(upcoming[0]).toBe(200)
    expect((upcoming[1] as string[]).length).toBeGreaterThan(0)
    expect(titles(await backend.handle(get('/volunteer/activities?view=', token)))).toEqual(upcoming)
    expect(titles(await backend.handle({ ...get('/volunteer/activities', token), query: { view: '' } }))).toEqual(upcoming)
    expect(titles(await backend.handle({ ...get('/volunteer/activities?view=bogus', token), query: { view: 'upcoming' } }))).toEqual(upcoming)
    const bad = await backend.handle({ ...get('/volunteer/activities?view=bogus', token), query: { view: 7 as unknown as string } })
    expect(bad).toEqual({ status: 400, body: { code: 'VALIDATION', message: '列表类型不正确', fields: { view: '列表类型不正确' } } })
  })
})
