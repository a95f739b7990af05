// 退出登录 ends the caller's sessions only (found unguarded by npm run mutate:sample, seed 12): one
// person signing out on one phone must not sign out everyone else, nor leave their own other
// session (a second phone) alive.
import { createMemoryStorage, createMockBackend } from '..'

const NOW = Date.parse('2026-11-29T08:00:00+08:00')

async function login(backend: ReturnType<typeof createMockBackend>, code: string, key: string) {
  const res = await backend.handle({ method: 'POST', path: '/auth/login', body: { code }, headers: { 'Idempotency-Key': key } })
  expect(res.status).toBe(200)
  return { Authorization: `Bearer ${(res.body as { token: string }).token}` }
}

it('a sign-out ends both of that account\'s sessions and nobody else\'s', async () => {
  const backend = createMockBackend({ now: () => NOW, storage: createMemoryStorage() })
  const phoneA = await login(backend, 'wx-a', 'la1')
  const phoneA2 = await login(backend, 'wx-a', 'la2') // the same WeChat account on a second phone
  const other = await login(backend, 'wx-b', 'lb1')
  const out = await backend.handle({ method: 'POST', path: '/auth/logout', body: {}, headers: { ...phoneA, 'Idempotency-Key': 'out-a' } })
  expect(out.status).toBe(200)
  expect(out.body).toEqual({ ok: true })
  expect((await backend.handle({ method: 'GET', path: '/me', headers: phoneA })).status).toBe(401)
  expect((await backend.handle({ method: 'GET', path: '/me', headers: phoneA2 })).status).toBe(401)
  expect((await backend.handle({ method: 'GET', path: '/me', headers: other })).status).toBe(200)
})
