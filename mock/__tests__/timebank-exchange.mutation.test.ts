// 时间银行 service offers, exactly (found unguarded by npm run mutate:sample): one active offer per
// title and person, only the provider withdraws it, a withdrawn offer frees its title, and is
// still listed (and found) for its provider only.
import { P, setup } from './timebank-fixture'

interface Offer { id: string; title: string; active: boolean }

it('refuses a second active offer with the same title; withdrawn, it may be posted again', async () => {
  const t = setup()
  const first = await t.post<Offer>(P.leader, '/timebank/offers', { title: '换灯泡', ratePerHour: 2 })
  expect(first).toMatchObject({ status: 200, body: { title: '换灯泡', active: true } })
  expect(await t.post(P.leader, '/timebank/offers', { title: '换灯泡', ratePerHour: 3 })).toEqual({ status: 409, body: { code: 'CONFLICT', message: '您已发布过同名服务' } })
  // Another title, or another person with this title, is fine.
  expect((await t.post(P.leader, '/timebank/offers', { title: '修水管', ratePerHour: 2 })).status).toBe(200)
  expect((await t.post(P.volunteer, '/timebank/offers', { title: '换灯泡', ratePerHour: 2 })).status).toBe(200)

  expect(await t.post(P.volunteer, `/timebank/offers/${first.body.id}/withdraw`)).toEqual({ status: 403, body: { code: 'FORBIDDEN', message: '只能下架您自己发布的服务' } })
  expect((await t.post(P.leader, `/timebank/offers/${first.body.id}/withdraw`)).status).toBe(200)
  // Withdrawn: its provider is told so, anyone else no longer finds it.
  expect(await t.post(P.leader, `/timebank/offers/${first.body.id}/withdraw`)).toEqual({ status: 422, body: { code: 'INVALID_STATE', message: '该服务已下架' } })
  expect(await t.post(P.volunteer, `/timebank/offers/${first.body.id}/withdraw`)).toEqual({ status: 404, body: { code: 'NOT_FOUND', message: '该服务不存在' } })
  const again = await t.post<Offer>(P.leader, '/timebank/offers', { title: '换灯泡', ratePerHour: 3 })
  expect(again).toMatchObject({ status: 200, body: { title: '换灯泡', active: true } })
  expect(again.body.id).not.toBe(first.body.id)
})

it('lists active offers to everyone and a withdrawn one only to its provider', async () => {
  const t = setup()
  const offer = await t.post<Offer>(P.leader, '/timebank/offers', { title: '换灯泡', ratePerHour: 2 })
  expect((await t.post(P.leader, `/timebank/offers/${offer.body.id}/withdraw`)).status).toBe(200)
  const ids = async (as: string) => (await t.get<Offer[]>(as, '/timebank/offers')).body.map((o) => o.id)
  const mine = await ids(P.leader)
  const theirs = await ids(P.resident)
  expect(mine).toContain(offer.body.id)
  expect(theirs).not.toContain(offer.body.id)
  // Everything else is the same list: the active offers.
  expect(mine.filter((id) => id !== offer.body.id)).toEqual(theirs)
  expect(theirs.length).toBeGreaterThan(0)
})
