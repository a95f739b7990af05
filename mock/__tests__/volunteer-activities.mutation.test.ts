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

it('tells only the live sign-ups of a slot whose time moved; a new place tells everyone still coming', async () => {
  const backend = createMockBackend({ storage: createMemoryStorage(), now: () => NOW })
  const staff = await asPerson(backend, 'p_004')
  const morning = { startAt: iso(NOW + 24 * H), endAt: iso(NOW + 26 * H), capacity: 3 }
  const afternoon = { startAt: iso(NOW + 30 * H), endAt: iso(NOW + 32 * H), capacity: 3 }
  const draft = { title: '楼道清扫', description: '说明', place: '3栋楼下' }
  const published = await staff('POST', '/volunteer/activities', { ...draft, slots: [morning, afternoon] })
  const { id, slots } = published.body as { id: string; slots: { id: string }[] }
  const [a, b, c] = [await asPerson(backend, 'p_013'), await asPerson(backend, 'p_014'), await asPerson(backend, 'p_015')]
  expect((await a('POST', `/volunteer/slots/${slots[0].id}/signups`)).status).toBe(200)
  expect((await b('POST', `/volunteer/slots/${slots[1].id}/signups`)).status).toBe(200)
  const cancelled = await c('POST', `/volunteer/slots/${slots[0].id}/signups`)
  expect((await c('POST', `/volunteer/signups/${(cancelled.body as { id: string }).id}/cancel`)).status).toBe(200)
  const told = () => (backend.db().messages ?? []).filter((m) => m.title === '志愿活动有变更').map((m) => `${m.personId}:${m.body}`).sort()

  const later = { startAt: iso(NOW + 25 * H), endAt: iso(NOW + 27 * H), capacity: 3 }
  const moved = await staff('PUT', `/volunteer/activities/${id}`, { ...draft, slots: [{ id: slots[0].id, ...later }, { id: slots[1].id, ...afternoon }] })
  expect(moved.status).toBe(200)
  expect(told()).toEqual(['p_013:「楼道清扫」时间有调整，请查看最新时段。'])

  const unchanged = await staff('PUT', `/volunteer/activities/${id}`, { ...draft, slots: [{ id: slots[0].id, ...later }, { id: slots[1].id, ...afternoon }] })
  expect(unchanged.status).toBe(200)
  expect(told()).toHaveLength(1)

  const elsewhere = await staff('PUT', `/volunteer/activities/${id}`, { ...draft, place: '社区广场', slots: [{ id: slots[0].id, ...later }, { id: slots[1].id, ...afternoon }] })
  expect(elsewhere.status).toBe(200)
  expect(told()).toEqual(['p_013:「楼道清扫」地点改为：社区广场。', 'p_013:「楼道清扫」时间有调整，请查看最新时段。', 'p_014:「楼道清扫」地点改为：社区广场。'])
})

it('orders activities by their first slot: upcoming soonest first, organising and past latest first', async () => {
  let now = NOW
  const backend = createMockBackend({ storage: createMemoryStorage(), now: () => now })
  const staff = await asPerson(backend, 'p_004')
  const slot = (day: number) => ({ startAt: iso(NOW + day * 24 * H), endAt: iso(NOW + day * 24 * H + 2 * H), capacity: 2 })
  const publish = async (title: string, days: number[]) => {
    const res = await staff('POST', '/volunteer/activities', { title, description: '说明', place: '3栋楼下', slots: days.map(slot) })
    expect(res.status).toBe(200)
  }
  await publish('甲：第1天和第5天', [1, 5])
  await publish('乙：第3天', [3])
  await publish('丙：第2天和第4天', [2, 4])
  const mine = ['甲：第1天和第5天', '乙：第3天', '丙：第2天和第4天']
  const titles = async (view: string) => ((await staff('GET', `/volunteer/activities?view=${view}&limit=50`)).body as { items: { title: string }[] }).items.map((a) => a.title).filter((t) => mine.includes(t))
  expect(await titles('upcoming')).toEqual(['甲：第1天和第5天', '丙：第2天和第4天', '乙：第3天'])
  expect(await titles('organising')).toEqual(['乙：第3天', '丙：第2天和第4天', '甲：第1天和第5天'])
  now = NOW + 10 * 24 * H
  expect(await titles('past')).toEqual(['乙：第3天', '丙：第2天和第4天', '甲：第1天和第5天'])
  now = NOW + 4 * 24 * H + 3 * H // after 丙's last slot, before 甲's
  expect(await titles('upcoming')).toEqual(['甲：第1天和第5天'])
  expect(await titles('past')).toEqual(['乙：第3天', '丙：第2天和第4天'])
})

it('saves what a read tick did: a reminder sent on a GET is still sent (once) after a restart', async () => {
  const storage = createMemoryStorage()
  let now = NOW + 10 * 24 * H
  const backend = createMockBackend({ storage, now: () => now })
  const staff = await asPerson(backend, 'p_004')
  await staff('GET', '/volunteer/activities') // the seed's own ticks are done by now
  const start = now + 48 * H
  const published = await staff('POST', '/volunteer/activities', { title: '楼道清扫', description: '说明', place: '3栋楼下', slots: [{ startAt: iso(start), endAt: iso(start + 2 * H), capacity: 3 }] })
  const slotId = (published.body as { slots: { id: string }[] }).slots[0].id
  const zhou = await asPerson(backend, 'p_008')
  expect((await zhou('POST', `/volunteer/slots/${slotId}/signups`)).status).toBe(200)
  now = start - 23 * H
  expect((await zhou('GET', '/volunteer/activities')).status).toBe(200) // this read sends the reminder
  const reminders = (b: typeof backend) => (b.db().messages ?? []).filter((m) => m.title === '志愿活动明天开始' && m.personId === 'p_008').length
  expect(reminders(backend)).toBe(1)
  const reopened = createMockBackend({ storage, now: () => now })
  expect(reminders(reopened)).toBe(1)
  expect(reopened.db().volunteer!.activities.flatMap((a) => a.slots).find((s) => s.id === slotId)?.remindedAt).toBe(iso(now))
})

it("cancelling an activity cancels its own sign-ups only, and tells only its people", async () => {
  const backend = createMockBackend({ storage: createMemoryStorage(), now: () => NOW })
  const staff = await asPerson(backend, 'p_004')
  const slot = { startAt: iso(NOW + 48 * H), endAt: iso(NOW + 50 * H), capacity: 3 }
  const publish = async (title: string) => (await staff('POST', '/volunteer/activities', { title, description: '说明', place: '3栋楼下', slots: [slot] })).body as { id: string; slots: { id: string }[] }
  const [rain, book] = [await publish('楼道清扫'), await publish('图书角整理')]
  const zhou = await asPerson(backend, 'p_008')
  const wang = await asPerson(backend, 'p_001')
  expect((await zhou('POST', `/volunteer/slots/${rain.slots[0].id}/signups`)).status).toBe(200)
  expect((await wang('POST', `/volunteer/slots/${book.slots[0].id}/signups`)).status).toBe(200)
  expect((await staff('POST', `/volunteer/activities/${rain.id}/cancel`, { reason: '下雨改期' })).status).toBe(200)
  const statuses = backend.db().volunteer!.signups.filter((s) => [rain.id, book.id].includes(s.activityId)).map((s) => [s.personId, s.status]).sort()
  expect(statuses).toEqual([['p_001', 'confirmed'], ['p_008', 'cancelled']])
  expect((backend.db().messages ?? []).filter((m) => m.title === '志愿活动已取消').map((m) => [m.personId, m.body])).toEqual([['p_008', '「楼道清扫」已取消：下雨改期']])
})
