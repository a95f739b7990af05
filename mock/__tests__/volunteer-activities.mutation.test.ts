// Editing an activity's time slots (found unguarded by npm run mutate:sample): a slot may be
// dropped only when nobody is signed up for it any more; one live sign-up among cancelled ones
// still keeps it.
import { createMemoryStorage, createMockBackend } from '..'
import { asPerson } from './as-person'

const NOW = Date.parse('2026-11-29T08:00:00+08:00')
const H = 3600_000
const iso = (t: number) => new Date(t).toISOString()


it('refuses to drop a slot while one sign-up is live, and drops it once all are cancelled', async () => {
  const backend = createMockBackend({ storage: createMemoryStorage(), now: () => NOW })
  const staff = await asPerson(backend, 'p_004')
  const morning = { startAt: iso(NOW + 24 * H), endAt: iso(NOW + 26 * H), capacity: 2 }
  const afternoon = { startAt: iso(NOW + 30 * H), endAt: iso(NOW + 32 * H), capacity: 2 }
  const draft = { title: '楼道清扫', description: '说明', place: '3栋楼下' }
  const published = await staff('POST', '/volunteer/activities', { ...draft, slots: [morning, afternoon] })
  expect(published.status).toBe(200)
  const { id, slots } = published.body as { id: string; slots: { id: string }[] }
  const [a, b] = [await asPerson(backend, 'p_013'), await asPerson(backend, 'p_014')]
  const signupA = await a('POST', `/volunteer/slots/${slots[1].id}/signups`)
  const signupB = await b('POST', `/volunteer/slots/${slots[1].id}/signups`)
  expect([signupA.status, signupB.status]).toEqual([200, 200])
  expect((await a('POST', `/volunteer/signups/${(signupA.body as { id: string }).id}/cancel`)).status).toBe(200)

  const dropAfternoon = () => staff('PUT', `/volunteer/activities/${id}`, { ...draft, slots: [{ id: slots[0].id, ...morning }] })
  const refused = await dropAfternoon()
  const message = '「楼道清扫」11月30日 14:00已有人报名，不能删除，请先取消或移除报名'
  expect(refused).toEqual({ status: 400, body: { code: 'VALIDATION', message, fields: { slots: message } } })

  expect((await b('POST', `/volunteer/signups/${(signupB.body as { id: string }).id}/cancel`)).status).toBe(200)
  const dropped = await dropAfternoon()
  expect(dropped.status).toBe(200)
  expect((dropped.body as { slots: { id: string }[] }).slots.map((s) => s.id)).toEqual([slots[0].id])
})
