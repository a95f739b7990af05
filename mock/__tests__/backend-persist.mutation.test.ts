// When the mock writes its data (found unguarded by npm run mutate:sample): a read that changes
// nothing leaves the stored data alone, and a write is saved exactly once.
import { createMockBackend, roomId } from '..'
import { createMemoryStorage, DB_KEY, type MockStorage } from '../storage'

const NOW = Date.parse('2026-11-29T08:00:00+08:00')

function countingStorage() {
  const inner = createMemoryStorage()
  const counter = { writes: 0 }
  const storage: MockStorage = {
    getItem: (k) => inner.getItem(k),
    setItem: (k, v) => {
      if (k === DB_KEY) counter.writes++
      inner.setItem(k, v)
    },
    removeItem: (k) => inner.removeItem(k)
  }
  return { storage, counter }
}

it('a read that changes nothing does not rewrite the data; a write saves it once', async () => {
  const { storage, counter } = countingStorage()
  const backend = createMockBackend({ now: () => NOW, storage })
  expect(counter.writes).toBe(1) // the seed
  const login = await backend.handle({ method: 'POST', path: '/auth/login', body: { code: 'wx-code-1' }, headers: { 'Idempotency-Key': 'l1' } })
  expect(login.status).toBe(200)
  expect(counter.writes).toBe(2)
  const auth = { Authorization: `Bearer ${(login.body as { token: string }).token}` }

  expect((await backend.handle({ method: 'GET', path: '/me', headers: auth })).status).toBe(200)
  expect((await backend.handle({ method: 'GET', path: '/me', headers: auth })).status).toBe(200)
  expect(counter.writes).toBe(2)

  const bind = await backend.handle({ method: 'POST', path: '/me/house', body: { roomId: roomId(3, 2, '502'), name: '王秀英' }, headers: { ...auth, 'Idempotency-Key': 'h1' } })
  expect(bind.status).toBe(200)
  expect(counter.writes).toBe(3)
})
