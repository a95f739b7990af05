// Cancelling a 时间银行 order, exactly (found unguarded by npm run mutate:sample): a reserved order
// is cancelled and refunded; one already handed over or already closed is refused, each with its
// own message.
import { tbOf } from '../handlers/timebank-store'
import { P, setup } from './timebank-fixture'

it('refuses to cancel an order that was handed over or is already closed', async () => {
  const t = setup()
  const soy = tbOf(t.db()).goods.find((g) => g.name === '酱油')!
  const handed = await t.post<{ id: string; pickupCode: string }>(P.volunteer, `/timebank/goods/${soy.id}/redeem`, { quantity: 1 })
  expect(handed.status).toBe(200)
  expect((await t.post(P.staff, '/timebank/pickups', { code: handed.body.pickupCode })).status).toBe(200)
  expect(await t.post(P.volunteer, `/timebank/orders/${handed.body.id}/cancel`)).toEqual({ status: 422, body: { code: 'INVALID_STATE', message: '商品已领取，不能取消' } })

  const other = await t.post<{ id: string }>(P.volunteer, `/timebank/goods/${soy.id}/redeem`, { quantity: 1 })
  expect(other.status).toBe(200)
  expect(await t.post(P.volunteer, `/timebank/orders/${other.body.id}/cancel`)).toMatchObject({ status: 200, body: { status: 'cancelled' } })
  expect(await t.post(P.volunteer, `/timebank/orders/${other.body.id}/cancel`)).toEqual({ status: 422, body: { code: 'INVALID_STATE', message: '该订单已关闭' } })
  expect(t.available(P.volunteer)).toBe(49 - 12)
})
