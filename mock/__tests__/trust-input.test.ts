// Secrets from crypto, the 绑定房屋 throttle, and bad input answered with a typed 4xx (never 500).
import { createMockBackend, KEY_PEOPLE, roomId, type MockBackend } from '..'
import { BIND_ATTEMPTS_MAX, BIND_WINDOW_MS } from '../handlers/identity'
import { JPEG_DATA_URL, NOW, setup } from './requests-fixture'

let key = 0
const post = (backend: MockBackend, path: string, body: unknown, token?: string, headers: Record<string, string> = {}) =>
  backend.handle({ method: 'POST', path, body, headers: { 'Idempotency-Key': `k${++key}`, ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers } })
const get = (backend: MockBackend, path: string, token?: string) =>
  backend.handle({ method: 'GET', path, headers: token ? { Authorization: `Bearer ${token}` } : {} })
const login = async (backend: MockBackend, code: string) => ((await post(backend, '/auth/login', { code })).body as { token: string }).token
const CHINESE = /[\u4e00-\u9fa5]/

describe('secrets', () => {
  it('gives two backends with the same seed different session tokens and file ids', async () => {
    const [a, b] = [createMockBackend({ now: () => NOW }), createMockBackend({ now: () => NOW })]
    const [ta, tb] = [await login(a, 'same-code'), await login(b, 'same-code')]
    expect(ta.split('.')[0]).toBe(tb.split('.')[0])
    expect(ta).not.toBe(tb)
    expect(ta).toMatch(/^a_\d{4}\.[a-z0-9]{32}$/)
    const staffA = ((await post(a, '/demo/switch', { personId: KEY_PEOPLE.staff })).body as { token: string }).token
    const fa = (await post(a, '/files', { dataUrl: JPEG_DATA_URL }, staffA)).body as { id: string }
    const staffB = ((await post(b, '/demo/switch', { personId: KEY_PEOPLE.staff })).body as { token: string }).token
    const fb = (await post(b, '/files', { dataUrl: JPEG_DATA_URL }, staffB)).body as { id: string }
    expect(fa.id.slice(0, 6)).toBe(fb.id.slice(0, 6))
    expect(fa.id).not.toBe(fb.id)
  })

  it('answers a forged staff token (right account id, guessed random part) with 401', async () => {
    const backend = createMockBackend({ now: () => NOW })
    const real = ((await post(backend, '/demo/switch', { personId: KEY_PEOPLE.staff })).body as { token: string }).token
    const forged = `${real.split('.')[0]}.${'a'.repeat(32)}`
    expect(await get(backend, '/staff/requests', forged)).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' } })
    expect((await get(backend, '/staff/requests', real)).status).toBe(200)
  })
})

describe('绑定房屋 throttle', () => {
  const ROOM = roomId(3, 2, '502')
  const wrong = (backend: MockBackend, token: string, room = ROOM) => post(backend, '/me/house', { roomId: room, name: '王小明' }, token)
  const right = (backend: MockBackend, token: string) => post(backend, '/me/house', { roomId: ROOM, name: '王秀英' }, token)

  it('binds after one wrong name fewer than the limit', async () => {
    let now = NOW
    const backend = createMockBackend({ now: () => now })
    const token = await login(backend, 'guesser')
    for (let i = 0; i < BIND_ATTEMPTS_MAX - 1; i++) expect((await wrong(backend, token)).status).toBe(400)
    expect((await right(backend, token)).status).toBe(200)
    now += 1
  })

  it('refuses even the right name after the limit of wrong ones with 429, retryAt and the time', async () => {
    let now = NOW
    const backend = createMockBackend({ now: () => now })
    const token = await login(backend, 'guesser')
    for (let i = 0; i < BIND_ATTEMPTS_MAX; i++) {
      expect((await wrong(backend, token)).status).toBe(400)
      now += 60_000
    }
    const first = NOW
    const res = await right(backend, token)
    expect(res).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED', retryAt: new Date(first + BIND_WINDOW_MS).toISOString() } })
    // 08:00 Beijing + 15 minutes
    expect((res.body as { message: string }).message).toBe('姓名核对失败次数过多，请于 08:15 后再试，或联系社区工作人员登记')
    now = first + BIND_WINDOW_MS - 1
    expect((await right(backend, token)).status).toBe(429)
    now = first + BIND_WINDOW_MS
    expect((await right(backend, token)).status).toBe(200)
  })

  it('limits wrong names per room too, across fresh WeChat logins', async () => {
    const backend = createMockBackend({ now: () => NOW })
    for (let i = 0; i < BIND_ATTEMPTS_MAX; i++) expect((await wrong(backend, await login(backend, `fresh-${i}`))).status).toBe(400)
    const next = await login(backend, 'fresh-last')
    expect((await right(backend, next)).status).toBe(429)
    // Another room is not locked for that account.
    expect((await post(backend, '/me/house', { roomId: roomId(1, 1, '201'), name: '周婷' }, next)).status).toBe(200)
  })
})

describe('bad input is a typed 4xx with a Chinese message', () => {
  const expect4xx = (res: { status: number; body: unknown }, status: number) => {
    expect(res.status).toBe(status)
    expect((res.body as { message: string }).message).toMatch(CHINESE)
  }

  it.each(['%', '%zz', '%E4%BD', 'sr_0001%'])('answers a malformed escape %s in a path id with 400', async (bad) => {
    const t = await setup()
    const res = await t.get(`/requests/${bad}`, KEY_PEOPLE.resident)
    expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION', message: '链接中的编号格式不正确，请返回后重新打开' } })
    expect4xx(await t.post(`/requests/${bad}/follow`, {}, KEY_PEOPLE.resident), 400)
  })

  it('refuses a body nested 10,000 deep with 400 before looking at the session or key', async () => {
    const backend = createMockBackend({ now: () => NOW })
    let deep: unknown = 1
    for (let i = 0; i < 10_000; i++) deep = { a: deep }
    const res = await backend.handle({ method: 'POST', path: '/requests', body: { x: deep }, headers: {} })
    expect(res).toMatchObject({ status: 400, body: { message: '请求内容层级太深，请更新小程序后重试' } })
  })

  it('takes 31 levels of nesting and refuses 32', async () => {
    const t = await setup()
    const nest = (n: number) => { let v: unknown = 1; for (let i = 0; i < n; i++) v = [v]; return v }
    expect((await t.post('/auth/logout', { x: nest(31) }, KEY_PEOPLE.resident)).status).toBe(200)
    expect4xx(await t.post('/auth/logout', { x: nest(32) }, KEY_PEOPLE.resident), 400)
  })

  it('answers a write without a session 401 even when the Idempotency-Key is missing', async () => {
    const backend = createMockBackend({ now: () => NOW })
    const res = await backend.handle({ method: 'POST', path: '/requests', body: {}, headers: {} })
    expect(res).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED', message: '请先登录' } })
  })

  it.each([[true], [[5]], ['0x2'], ['5'], [0], [6], [4.5]])('refuses the rating %j (JSON integers 1–5 only)', async (bad) => {
    const t = await setup()
    const r = await t.requestIn('closed')
    const res = await t.post(`/requests/${r.id}/rate`, { speed: bad, result: 5, attitude: 5 }, KEY_PEOPLE.resident)
    expect(res).toMatchObject({ status: 400, body: { fields: { speed: '请为办理速度打 1–5 星' } } })
  })

  it('accepts ratings of exactly 1 and 5', async () => {
    const t = await setup()
    const r = await t.requestIn('closed')
    expect((await t.post(`/requests/${r.id}/rate`, { speed: 1, result: 5, attitude: 3 }, KEY_PEOPLE.resident)).status).toBe(200)
  })

  it.each(['9999-99-99', '2026-02-30', '2026-13-01', '26-12-01'])('refuses the notice expiry %s', async (day) => {
    const t = await setup()
    const res = await t.post('/notices', { title: '停水通知', body: '明天停水', category: 'outage', targets: [{ scope: 'building', id: 'b_3' }], expiresOn: day }, KEY_PEOPLE.leader)
    expect(res).toMatchObject({ status: 400, body: { fields: { expiresOn: '截止日期格式不正确' } } })
  })

  it('refuses a notice title of zero-width characters only with 请填写标题', async () => {
    const t = await setup()
    const res = await t.post('/notices', { title: '\u200b\u200b\ufeff', body: '明天停水', category: 'outage', targets: [{ scope: 'building', id: 'b_3' }] }, KEY_PEOPLE.leader)
    expect(res).toMatchObject({ status: 400, body: { fields: { title: '请填写标题' } } })
  })

  it('refuses a description of 3 visible characters padded with zero-width ones, and takes 4', async () => {
    const t = await setup()
    const res = await t.post('/requests', { categoryCode: 'other', description: `路灯坏${'\u200b'.repeat(5)}`, location: { placeId: 'b_1' } }, KEY_PEOPLE.resident)
    expect(res).toMatchObject({ status: 400, body: { fields: { description: '问题描述至少 4 个字' } } })
    const ok = await t.post('/requests', { categoryCode: 'other', description: `路灯坏了${'\u200b'.repeat(5)}`, location: { placeId: 'b_1' } }, KEY_PEOPLE.resident)
    expect(ok).toMatchObject({ status: 200, body: { description: '路灯坏了' } })
  })

  it.each(['1e400', '-1', '1.5', 'abc', '10000000'])('refuses cursor=%s with 400', async (cursor) => {
    const t = await setup()
    expect4xx(await t.get(`/requests/public?cursor=${cursor}`), 400)
  })

  it.each(['1e400', '0', '51', 'Infinity', '0x10'])('refuses limit=%s and takes 1 and 50', async (limit) => {
    const t = await setup()
    expect4xx(await t.get(`/requests/public?limit=${limit}`), 400)
    expect((await t.get('/requests/public?limit=1')).status).toBe(200)
    expect((await t.get('/requests/public?limit=50')).status).toBe(200)
  })

  it('reads an empty lat as missing, not as 0', async () => {
    const t = await setup()
    const res = await t.get('/requests/places/nearest?lat=&lng=120.1')
    expect(res).toMatchObject({ status: 400, body: { fields: { lat: '纬度不正确' } } })
    expect4xx(await t.get('/requests/places/nearest?lat=1e400&lng=120.1'), 400)
  })

  it('takes a login code of 128 characters and refuses 129', async () => {
    const backend = createMockBackend({ now: () => NOW })
    expect((await post(backend, '/auth/login', { code: 'x'.repeat(128) })).status).toBe(200)
    expect4xx(await post(backend, '/auth/login', { code: 'x'.repeat(129) }), 400)
    expect(backend.db().accounts.some((a) => a.openid.length > 200)).toBe(false)
  })

  it('takes 10 subscription results in one call and refuses 11', async () => {
    const t = await setup()
    const results = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`tmpl_${i}`, 'accept']))
    expect((await t.post('/requests/subscriptions', { results: results(10) }, KEY_PEOPLE.resident)).status).toBe(200)
    expect4xx(await t.post('/requests/subscriptions', { results: results(11) }, KEY_PEOPLE.resident), 400)
  })

  it('refuses an Idempotency-Key longer than 128 characters', async () => {
    const t = await setup()
    const token = ((await t.post('/demo/switch', { personId: KEY_PEOPLE.resident })).body as { token: string }).token
    expect4xx(await post(t.backend, '/auth/logout', {}, token, { 'Idempotency-Key': 'k'.repeat(129) }), 400)
  })
})
