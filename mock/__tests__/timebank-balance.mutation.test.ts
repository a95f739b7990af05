// 时间银行 year figures on the balance card, exactly (found unguarded by npm run mutate:sample):
// what was spent this year, and a cancelled order that gives the points back without counting
// them as income.
import { tbOf } from '../handlers/timebank-store'
import { P, setup } from './timebank-fixture'

interface Balance { available: number; held: number; yearEarned: number; yearSpent: number; year: string }

it('counts spending this year; a cancelled order undoes it and is not income', async () => {
  const t = setup()
  // Seeded: 周婷 took rice and reserved soy sauce, 王秀英 paid for help and holds an order.
  expect((await t.get<Balance>(P.resident, '/timebank/balance')).body).toMatchObject({ year: '2026', yearEarned: 70, yearSpent: 58, held: 8 })
  expect((await t.get<Balance>(P.elderlyResident, '/timebank/balance')).body).toMatchObject({ yearEarned: 24, yearSpent: 18, held: 12 })

  expect((await t.get<Balance>(P.volunteer, '/timebank/balance')).body).toMatchObject({ available: 49, held: 0, yearEarned: 49, yearSpent: 0 })
  const oil = tbOf(t.db()).goods.find((g) => g.name === '食用油')!
  const order = await t.post<{ id: string; points: number }>(P.volunteer, `/timebank/goods/${oil.id}/redeem`, { quantity: 1 })
  expect(order).toMatchObject({ status: 200, body: { points: 40 } })
  expect((await t.get<Balance>(P.volunteer, '/timebank/balance')).body).toMatchObject({ available: 9, held: 40, yearEarned: 49, yearSpent: 40 })
  expect((await t.post(P.volunteer, `/timebank/orders/${order.body.id}/cancel`)).status).toBe(200)
  expect((await t.get<Balance>(P.volunteer, '/timebank/balance')).body).toMatchObject({ available: 49, held: 0, yearEarned: 49, yearSpent: 0 })
})
