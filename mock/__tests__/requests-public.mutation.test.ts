// The public monthly figures of 民生诉求, exactly (found unguarded by npm run mutate:sample): the
// resolution rate is closed over filed, leaving out declined and duplicate requests; the public
// list leaves them out too.
import { P, setup } from './timebank-fixture'

it('reports each month: filed, closed, resolution rate, median hours, satisfaction', async () => {
  const t = setup()
  const stats = async (month: string) => (await t.get(P.resident, `/requests/stats?month=${month}`)).body
  // November: 20 filed, one a duplicate; 13 of the other 19 are closed (0.684), 14 closed in the month.
  expect(await stats('2026-11')).toEqual({ month: '2026-11', filed: 20, closed: 14, resolutionRate: 0.684, medianHoursToClose: 61.9, meanSatisfaction: 4.6, rated: 10 })
  // October: 11 filed, two declined, the other 9 all closed.
  expect(await stats('2026-10')).toEqual({ month: '2026-10', filed: 11, closed: 8, resolutionRate: 1, medianHoursToClose: 69.6, meanSatisfaction: 5, rated: 6 })
  expect(await stats('2026-09')).toEqual({ month: '2026-09', filed: 0, closed: 0, resolutionRate: null, medianHoursToClose: null, meanSatisfaction: null, rated: 0 })
})

it('lists every request publicly except declined and duplicate ones, newest first', async () => {
  const t = setup()
  const res = await t.get<{ items: { id: string; status: string }[]; nextCursor: string | null }>(P.resident, '/requests/public?limit=50')
  expect(res.status).toBe(200)
  // 31 seeded: sr_0003 and sr_0005 declined, sr_0018 a duplicate.
  const ids = res.body.items.map((r) => r.id)
  expect(ids).toHaveLength(28)
  expect(ids.filter((id) => ['sr_0003', 'sr_0005', 'sr_0018'].includes(id))).toEqual([])
  expect(ids.slice(0, 3)).toEqual(['sr_0031', 'sr_0030', 'sr_0029'])
  expect(res.body.nextCursor).toBeNull()
})
