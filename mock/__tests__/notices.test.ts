import { createMemoryStorage, createMockBackend, KEY_PEOPLE } from '..'

const NOW = Date.parse('2026-11-29T08:00:00+08:00')
let key = 0

async function session(backend: ReturnType<typeof createMockBackend>, personId: string) {
  const res = await backend.handle({ method: 'POST', path: '/demo/switch', body: { personId }, headers: { 'Idempotency-Key': `nk${++key}` } })
  return { Authorization: `Bearer ${(res.body as { token: string }).token}` }
}

describe('notices in the mock', () => {
  it('keeps a read receipt recorded by opening a notice (a GET) across a restart', async () => {
    const storage = createMemoryStorage()
    const backend = createMockBackend({ storage, now: () => NOW })
    const leader = await session(backend, KEY_PEOPLE.leader)
    const published = await backend.handle({
      method: 'POST', path: '/notices', headers: { ...leader, 'Idempotency-Key': `nk${++key}` },
      body: { title: '停水', body: '明天停水', category: 'outage', targets: [{ scope: 'building', id: 'b_3' }] }
    })
    const id = (published.body as { id: string }).id
    const wang = await session(backend, KEY_PEOPLE.elderlyResident)
    expect(await backend.handle({ method: 'GET', path: `/notices/${id}`, headers: wang })).toMatchObject({ status: 200 })

    const restarted = createMockBackend({ storage, now: () => NOW })
    const notice = restarted.db().notices?.find((n) => n.id === id)
    expect(notice?.readBy[KEY_PEOPLE.elderlyResident]).toBe(new Date(NOW).toISOString())
    expect(restarted.db().messages?.find((m) => m.ref === id && m.personId === KEY_PEOPLE.elderlyResident)?.readAt).toBe(new Date(NOW).toISOString())
  })

  it('seeds the same notices every time, with one withdrawn and one expired', () => {
    const a = createMockBackend({ now: () => NOW }).db().notices ?? []
    const b = createMockBackend({ now: () => NOW }).db().notices ?? []
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
    expect(a.filter((n) => n.withdrawnAt)).toHaveLength(1)
    expect(a.some((n) => n.expiresOn && n.expiresOn < '2026-11-29')).toBe(true)
  })
})
