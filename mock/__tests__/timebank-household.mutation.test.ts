// 转赠 to the family (a seed-13 survivor of npm run mutate:sample): the household list is the
// other people of one's own room, never oneself; a gift to one of them moves the points.
import { invariantProblems, P, setup } from './timebank-fixture'

it('lists the rest of the household as 转赠 targets and gives to one of them', async () => {
  const t = setup()
  const byRoom = new Map<string, string[]>()
  for (const p of t.db().persons) if (p.roomId) byRoom.set(p.roomId, [...(byRoom.get(p.roomId) ?? []), p.id])
  const [, family] = [...byRoom.entries()].find(([, ids]) => ids.length >= 2)!
  const [me, ...others] = family
  const names = Object.fromEntries(t.db().persons.map((p) => [p.id, p.name]))
  const listed = await t.get<{ personId: string; name: string }[]>(me, '/timebank/household')
  expect(listed).toEqual({ status: 200, body: others.map((id) => ({ personId: id, name: names[id] })) })
  expect((await t.get<unknown[]>(P.staff, '/timebank/household')).body).toEqual([])

  const issued = await t.post(P.staff, '/timebank/staff/issue', { personId: me, points: 5, reason: '志愿服务补录' })
  expect(issued.status).toBe(200)
  const [mine, theirs] = [t.available(me), t.available(others[0])]
  const gift = await t.post(me, '/timebank/gifts', { to: others[0], points: 2 })
  expect(gift.status).toBe(200)
  expect([t.available(me), t.available(others[0])]).toEqual([mine - 2, theirs + 2])
  expect(invariantProblems(t.db())).toEqual([])
})
