// Taking a place offered from the waitlist, exactly (found unguarded by npm run mutate:sample):
// a second tap on 确认参加 answers the confirmed signup again, an offer that ran out and a signup
// without an offer are refused with their own messages.
import { createMemoryStorage, createMockBackend } from '..'
import { asPerson } from './as-person'

const NOW = Date.parse('2026-11-29T08:00:00+08:00')
const H = 3600_000
const iso = (t: number) => new Date(t).toISOString()


it('accepting an offer twice answers the confirmed signup; a lapsed offer and no offer are refused', async () => {
  let clock = NOW
  const backend = createMockBackend({ storage: createMemoryStorage(), now: () => clock })
  const staff = await asPerson(backend, 'p_004')
  const published = await staff('POST', '/volunteer/activities', {
    title: '候补测试活动', description: '说明', place: '地点',
    slots: [{ startAt: iso(NOW + 2 * H), endAt: iso(NOW + 4 * H), capacity: 1 }]
  })
  expect(published.status).toBe(200)
  const slotId = (published.body as { slots: { id: string }[] }).slots[0].id
  const [a, b, c] = [await asPerson(backend, 'p_013'), await asPerson(backend, 'p_014'), await asPerson(backend, 'p_015')]
  for (const who of [a, b, c]) expect((await who('POST', `/volunteer/slots/${slotId}/signups`)).status).toBe(200)
  const signupOf = (p: string) => backend.db().volunteer!.signups.find((s) => s.slotId === slotId && s.personId === p)!

  // p_015 is still waitlisted: nothing to accept.
  expect(await c('POST', `/volunteer/signups/${signupOf('p_015').id}/accept`)).toEqual({ status: 422, body: { code: 'INVALID_STATE', message: '这个报名没有待确认的名额' } })

  expect((await staff('POST', `/volunteer/signups/${signupOf('p_013').id}/remove`, { reason: '临时有事' })).status).toBe(200)
  expect(signupOf('p_014').status).toBe('offered')
  clock += 31 * 60_000
  expect(await b('POST', `/volunteer/signups/${signupOf('p_014').id}/accept`)).toEqual({ status: 422, body: { code: 'INVALID_STATE', message: '名额确认已超时，已让给下一位候补' } })

  const offer = signupOf('p_015')
  expect(offer.status).toBe('offered')
  const first = await c('POST', `/volunteer/signups/${offer.id}/accept`)
  expect(first).toMatchObject({ status: 200, body: { id: offer.id, status: 'confirmed' } })
  const again = await c('POST', `/volunteer/signups/${offer.id}/accept`)
  expect(again).toEqual(first)
})
