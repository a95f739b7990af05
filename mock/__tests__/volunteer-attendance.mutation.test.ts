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
