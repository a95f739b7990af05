// The staff list of paused volunteers (found unguarded by npm run mutate:sample): who, since when,
// and how many no-shows paused them; staff only.
import { P, setup } from './timebank-fixture'

it('lists paused volunteers with their count of no-shows', async () => {
  const t = setup()
  expect(await t.get(P.staff, '/volunteer/staff/paused')).toEqual({ status: 200, body: [{ personId: 'p_065', name: '马建军', pausedAt: '2026-11-21T01:00:00.000Z', noShows: 2 }] })
  expect((await t.get(P.resident, '/volunteer/staff/paused')).status).toBe(403)
})
