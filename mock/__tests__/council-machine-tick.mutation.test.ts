// A vote that opens on its own is saved by the read that opened it (found unguarded by
// npm run mutate:sample): councilTick reports the change, so the data written to storage has the
// vote open, not only the copy in memory.
import { createMockBackend } from '..'
import { councilTick } from '../handlers/council-machine'
import { proposalsOf } from '../handlers/council-store'
import { createMemoryStorage, DB_KEY } from '../storage'

const NOW = Date.parse('2026-11-29T08:00:00+08:00')
const H = 3600_000

it('opening a scheduled vote counts as a change and is written by the GET that ran the tick', async () => {
  let now = NOW
  const storage = createMemoryStorage()
  const backend = createMockBackend({ now: () => now, storage })
  const login = await backend.handle({ method: 'POST', path: '/auth/login', body: { code: 'wx-code-1' }, headers: { 'Idempotency-Key': 'l1' } })
  const auth = { Authorization: `Bearer ${(login.body as { token: string }).token}` }
  // Arrange: the seeded vote of cp_0004 is scheduled to open in one hour.
  const record = proposalsOf(backend.db()).find((p) => p.id === 'cp_0004')!
  record.stage = 'scheduled'
  record.vote!.opened = false
  record.vote!.opensAt = new Date(NOW + H).toISOString()
  backend.persist()

  now = NOW + H
  expect((await backend.handle({ method: 'GET', path: '/me', headers: auth })).status).toBe(200)
  const stored = JSON.parse(storage.getItem(DB_KEY)!) as { proposals: { id: string; stage: string; vote?: { opened: boolean } }[] }
  expect(stored.proposals.find((p) => p.id === 'cp_0004')).toMatchObject({ stage: 'voting', vote: { opened: true } })
  // Nothing else fell due at that hour.
  expect(councilTick(backend.db(), now)).toBe(false)
})
