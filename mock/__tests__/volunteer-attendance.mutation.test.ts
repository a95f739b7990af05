// The staff list of paused volunteers (found unguarded by npm run mutate:sample): who, since when,
// and how many no-shows paused them; staff only.
import { P, setup } from './timebank-fixture'

it('lists paused volunteers with their count of no-shows', async () => {
  const t = setup()
  expect(await t.get(P.staff, '/volunteer/staff/paused')).toEqual({ status: 200, body: [{ personId: 'p_065', name: '马建军', pausedAt: '2026-11-21T01:00:00.000Z', noShows: 2 }] })
  expect((await t.get(P.resident, '/volunteer/staff/paused')).status).toBe(403)
})

it("counts this year's hours on 我的志愿, final and in 公示 apart, and starts again at 0:00 China time on 1 January", async () => {
  const t = setup()
  const overview = async () => {
    const o = (await t.get<{ year: number; yearFinalMinutes: number; yearProvisionalMinutes: number; history: { hours: { minutes: number } | null }[] }>('p_003', '/volunteer/me')).body
    return [o.year, o.yearFinalMinutes, o.yearProvisionalMinutes, o.history.filter((h) => h.hours).length]
  }
  expect(await overview()).toEqual([2026, 150, 90, 2])
  t.advance(Date.parse('2026-12-31T15:59:00Z') - t.now()) // 23:59 on 31 December in China
  expect((await overview()).slice(0, 2)).toEqual([2026, 240])
  t.advance(60_000) // 0:00 on 1 January in China, still 31 December in UTC
  expect(await overview()).toEqual([2027, 0, 0, 2])
})

it('says why a paused volunteer cannot sign up, and nothing for one who is not paused', async () => {
  const t = setup()
  const profile = async (as: string) => (await t.get<{ profile: { paused: boolean; pausedReason: string | null } }>(as, '/volunteer/me')).body.profile
  expect(await profile('p_065')).toMatchObject({ paused: true, pausedReason: '90 天内缺席 2 次，暂停自主报名，请联系社区工作人员恢复' })
  expect(await profile('p_003')).toMatchObject({ paused: false, pausedReason: null })
})

it('opens 签到 on 我的志愿 only for a confirmed sign-up of a live activity in its window', async () => {
  const t = setup()
  const start = t.now() + 2 * 86400_000
  const published = await t.post<{ id: string; slots: { id: string }[] }>(P.staff, '/volunteer/activities', {
    title: '楼道清扫', description: '清理楼道杂物', place: '3栋楼下', slots: [{ startAt: new Date(start).toISOString(), endAt: new Date(start + 2 * 3600_000).toISOString(), capacity: 5 }]
  })
  const slotId = published.body.slots[0].id
  const signup = async (who: string) => (await t.post<{ id: string }>(who, `/volunteer/slots/${slotId}/signups`)).body.id
  const [kept, dropped] = [await signup(P.resident), await signup(P.elderlyResident)]
  expect((await t.post(P.elderlyResident, `/volunteer/signups/${dropped}/cancel`)).status).toBe(200)
  const checkOpen = async (who: string, id: string) => {
    const me = (await t.get<{ upcoming: { id: string; checkOpen: boolean }[]; history: { id: string; checkOpen: boolean }[] }>(who, '/volunteer/me')).body
    return [...me.upcoming, ...me.history].find((s) => s.id === id)?.checkOpen
  }
  t.advance(start - 31 * 60_000 - t.now())
  expect(await checkOpen(P.resident, kept)).toBe(false)
  t.advance(2 * 60_000)
  expect([await checkOpen(P.resident, kept), await checkOpen(P.elderlyResident, dropped)]).toEqual([true, false])
  expect((await t.post(P.staff, `/volunteer/activities/${published.body.id}/cancel`, { reason: '下雨改期' })).status).toBe(200)
  expect(await checkOpen(P.resident, kept)).toBe(false)
})

it("checks in one's own sign-up only: a neighbour's on the same slot is no ticket", async () => {
  const t = setup()
  const start = t.now() + 20 * 60_000
  const published = await t.post<{ slots: { id: string }[] }>(P.staff, '/volunteer/activities', {
    title: '楼道清扫', description: '清理楼道杂物', place: '3栋楼下', slots: [{ startAt: new Date(start).toISOString(), endAt: new Date(start + 2 * 3600_000).toISOString(), capacity: 5 }]
  })
  const slotId = published.body.slots[0].id
  expect((await t.post(P.resident, `/volunteer/slots/${slotId}/signups`)).status).toBe(200)
  const code = (await t.get<{ code: string }>(P.staff, `/volunteer/slots/${slotId}/code`)).body.code
  const res = await t.post(P.elderlyResident, `/volunteer/slots/${slotId}/check-in`, { code })
  expect(res).toEqual({ status: 403, body: { code: 'FORBIDDEN', message: '您没有报名这个时段，不能签到' } })
  expect(t.db().volunteer!.signups.filter((s) => s.slotId === slotId).map((s) => [s.personId, s.checkInAt])).toEqual([[P.resident, null]])
})
