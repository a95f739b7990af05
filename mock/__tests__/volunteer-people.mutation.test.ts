// The staff list of minor volunteers, exactly (found unguarded by npm run mutate:sample): each
// with age, building and consent; one with no house bound has an empty building.
import { P, setup } from './timebank-fixture'

it('lists minors with their building, an empty one without a house; staff only', async () => {
  const t = setup()
  const lin = { personId: 'p_064', name: '林小雨', age: 16, building: '锦绣园 5栋', guardianName: '林建华', consentAt: '2026-09-30T00:00:00.000Z' }
  expect(await t.get(P.staff, '/volunteer/staff/minors')).toEqual({ status: 200, body: [lin] })
  t.db().persons.find((p) => p.id === 'p_064')!.roomId = null
  expect(await t.get(P.staff, '/volunteer/staff/minors')).toEqual({ status: 200, body: [{ ...lin, building: '' }] })
  expect((await t.get(P.resident, '/volunteer/staff/minors')).status).toBe(403)
})
