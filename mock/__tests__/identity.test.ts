import { createMockBackend, KEY_PEOPLE, roomId } from '..'

const NOW = Date.parse('2026-11-29T08:00:00+08:00')
let key = 0
const post = (path: string, body: unknown, token?: string) => ({
  method: 'POST' as const, path, body,
  headers: { 'Idempotency-Key': `k${++key}`, ...(token ? { Authorization: `Bearer ${token}` } : {}) }
})

async function login(backend = createMockBackend({ now: () => NOW })) {
  const res = await backend.handle(post('/auth/login', { code: 'wx-code-1' }))
  return { backend, token: (res.body as { token: string }).token }
}

describe('identity in the mock', () => {
  it('binds a house when the name matches the census', async () => {
    const { backend, token } = await login()
    const res = await backend.handle(post('/me/house', { roomId: roomId(3, 2, '502'), name: '王秀英' }, token))
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ personId: KEY_PEOPLE.elderlyResident, isElderly: true, roles: ['resident'], house: { label: '桂花苑 3栋2单元502' } })
  })

  it('refuses a name that is not registered in that room with a field message', async () => {
    const { backend, token } = await login()
    const res = await backend.handle(post('/me/house', { roomId: roomId(3, 2, '502'), name: '王小明' }, token))
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ code: 'VALIDATION', fields: { name: expect.stringContaining('姓名与该房屋登记的住户不一致') } })
  })

  it('answers a room that does not exist with 404 on the room field', async () => {
    const { backend, token } = await login()
    const res = await backend.handle(post('/me/house', { roomId: 'r_9_9_909', name: '王秀英' }, token))
    expect(res).toMatchObject({ status: 404, body: { fields: { roomId: '该房号不存在，请重新选择' } } })
  })

  it('rejects an expired session with 401 登录已过期', async () => {
    let now = NOW
    const backend = createMockBackend({ now: () => now })
    const { token } = await login(backend)
    now += 31 * 86400_000
    const res = await backend.handle({ method: 'GET', path: '/me', headers: { Authorization: `Bearer ${token}` } })
    expect(res).toEqual({ status: 401, body: { code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' } })
  })

  it('replays the first result for the same idempotency key and refuses a different body with 409', async () => {
    const { backend, token } = await login()
    const req = { ...post('/me/house', { roomId: roomId(3, 2, '502'), name: '王秀英' }, token) }
    const first = await backend.handle(req)
    const again = await backend.handle(req)
    expect(again).toEqual(first)
    const different = await backend.handle({ ...req, body: { roomId: roomId(1, 1, '201'), name: '周婷' } })
    expect(different).toMatchObject({ status: 409, body: { code: 'IDEMPOTENCY_MISMATCH' } })
  })

  it('seeds the same community every time', () => {
    const a = createMockBackend({ now: () => NOW }).db()
    const b = createMockBackend({ now: () => NOW }).db()
    // 61 census residents + the 2 the volunteer domain appends (a student, a resident paused for no-shows).
    expect(a.persons.filter((p) => p.roomId)).toHaveLength(63)
    expect(a.buildings).toHaveLength(8)
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
  })
})

describe('persistence', () => {
  it('saves a read that changed state, so a restarted app still knows the notice was read', async () => {
    const { createMemoryStorage } = await import('..')
    const storage = createMemoryStorage()
    const first = createMockBackend({ now: () => NOW, storage })
    const res = await first.handle(post('/demo/switch', { personId: KEY_PEOPLE.elderlyResident }))
    const token = (res.body as { token: string }).token
    const auth = { Authorization: `Bearer ${token}` }
    const feed = await first.handle({ method: 'GET', path: '/notices/feed', headers: auth })
    const unread = (feed.body as { items: { id: string; read: boolean }[] }).items.find((n) => !n.read)
    expect(unread).toBeDefined()
    await first.handle({ method: 'GET', path: `/notices/${unread!.id}`, headers: auth })

    const restarted = createMockBackend({ now: () => NOW, storage })
    const again = await restarted.handle({ method: 'GET', path: '/notices/feed', headers: auth })
    expect((again.body as { items: { id: string; read: boolean }[] }).items.find((n) => n.id === unread!.id)?.read).toBe(true)
  })
})
