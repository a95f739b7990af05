// 类似诉求 before filing (found unguarded by npm run mutate:sample): a request counts as "mine"
// for the person who filed it and for the one it was filed for, nobody else.
import { KEY_PEOPLE } from '..'
import { setup } from './timebank-fixture'

interface Similar { id: string; mine: boolean }

it('marks a similar request as mine for its filer and for whom it was filed', async () => {
  const t = setup()
  const mine = async (as: string, categoryCode: string, placeId: string) => {
    const res = await t.get<Similar[]>(as, `/requests/similar?categoryCode=${categoryCode}&placeId=${placeId}`)
    expect(res.status).toBe(200)
    return Object.fromEntries(res.body.map((r) => [r.id, r.mine]))
  }
  // sr_0026 (垃圾站) was filed by 周婷 herself.
  expect((await mine(KEY_PEOPLE.resident, 'sanitation', 's_garbage')).sr_0026).toBe(true)
  expect((await mine(KEY_PEOPLE.volunteer, 'sanitation', 's_garbage')).sr_0026).toBe(false)
  // sr_0030 (3栋) was filed by 楼长 李建国 for 王秀英.
  expect((await mine(KEY_PEOPLE.leader, 'facility', 'b_3')).sr_0030).toBe(true)
  expect((await mine(KEY_PEOPLE.elderlyResident, 'facility', 'b_3')).sr_0030).toBe(true)
  expect((await mine(KEY_PEOPLE.resident, 'facility', 'b_3')).sr_0030).toBe(false)
})
