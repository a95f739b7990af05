// The 时间银行 monthly 公示 and the staff ledger's account names, exactly (found unguarded by
// npm run mutate:sample): goods out counts only hand-overs, in their month; every account kind
// has its own label.
import { createMockBackend } from '..'
import { ACCOUNTS } from '../handlers/timebank-ledger'
import { accountLabel, tbOf } from '../handlers/timebank-store'
import { DAY, P, setup } from './timebank-fixture'

interface Report { month: string; goodsOut: number; ordersToHandOver: number }

describe('monthly report: goods out', () => {
  it('counts what was handed over in the month, not cancelled orders, not other months', async () => {
    const t = setup()
    const soy = tbOf(t.db()).goods.find((g) => g.name === '酱油')!
    const oil = tbOf(t.db()).goods.find((g) => g.name === '食用油')!
    // The seed has one bag of rice handed over on 11月18日.
    expect((await t.get<Report>(P.resident, '/timebank/report')).body).toMatchObject({ month: '2026-11', goodsOut: 1 })

    const cancelled = await t.post<{ id: string }>(P.volunteer, `/timebank/goods/${soy.id}/redeem`, { quantity: 1 })
    expect(cancelled.status).toBe(200)
    expect((await t.post(P.volunteer, `/timebank/orders/${cancelled.body.id}/cancel`)).status).toBe(200)
    const handed = await t.post<{ pickupCode: string }>(P.volunteer, `/timebank/goods/${oil.id}/redeem`, { quantity: 1 })
    expect(handed.status).toBe(200)
    // Reserved is not out yet; a cancelled order never left the shelf.
    expect((await t.get<Report>(P.resident, '/timebank/report')).body).toMatchObject({ goodsOut: 1, ordersToHandOver: 2 })

    expect((await t.post(P.staff, '/timebank/pickups', { code: handed.body.pickupCode })).status).toBe(200)
    expect((await t.get<Report>(P.resident, '/timebank/report')).body).toMatchObject({ goodsOut: 2, ordersToHandOver: 1 })
    expect((await t.get<Report>(P.resident, '/timebank/report?month=2026-10')).body).toMatchObject({ month: '2026-10', goodsOut: 0 })

    // A hand-over on 12月1日 belongs to December's report.
    const late = await t.post<{ pickupCode: string }>(P.resident, `/timebank/goods/${soy.id}/redeem`, { quantity: 1 })
    expect(late.status).toBe(200)
    t.advance(3 * DAY)
    expect((await t.post(P.staff, '/timebank/pickups', { code: late.body.pickupCode })).status).toBe(200)
    expect((await t.get<Report>(P.resident, '/timebank/report?month=2026-11')).body.goodsOut).toBe(2)
    expect((await t.get<Report>(P.resident, '/timebank/report')).body).toMatchObject({ month: '2026-12', goodsOut: 1 })
  })
})

describe('ledger account labels', () => {
  const db = createMockBackend({ now: () => Date.parse('2026-11-29T08:00:00+08:00') }).db()

  it('names each account kind', () => {
    expect(accountLabel(db, ACCOUNTS.issuance)).toBe('社区发行')
    expect(accountLabel(db, ACCOUNTS.pool)).toBe('公益池')
    expect(accountLabel(db, ACCOUNTS.store)).toBe('社区兑换站')
    expect(accountLabel(db, ACCOUNTS.available(P.volunteer))).toBe('张伟（可用）')
    expect(accountLabel(db, ACCOUNTS.pending(P.volunteer))).toBe('张伟（公示中）')
    expect(accountLabel(db, 'hold:to_0002')).toBe('兑换冻结 to_0002')
    expect(accountLabel(db, 'escrow:tx_0001')).toBe('服务预付 tx_0001')
    expect(accountLabel(db, 'community:other')).toBe('community:other')
  })
})

describe('staff flags', () => {
  it('one settled service is one payment: its pre-payment is not counted as a second one', async () => {
    const t = setup()
    // The seed has a 3-point service from 王秀英 to 何晓东, paid through the escrow once.
    const flags = await t.get<{ kind: string; detail: string }[]>(P.staff, '/timebank/staff/flags')
    expect(flags).toEqual({ status: 200, body: [] })
  })
})

it("flags an auto-accepted service with the settling transfer, so staff can open or reverse it", async () => {
  const t = setup()
  const drain = tbOf(t.db()).offers.find((o) => o.title === '通下水道')!
  const booked = await t.post<{ id: string }>(P.resident, `/timebank/offers/${drain.id}/book`, { hours: 2 })
  expect((await t.post(P.volunteer, `/timebank/exchanges/${booked.body.id}/claim`, { points: 2 })).status).toBe(200)
  t.advance(72 * 3600_000)
  await t.get(P.resident, `/timebank/exchanges/${booked.body.id}`)
  const settle = t.db().ledger!.transfers.find((tr) => tr.key === `exchange:${booked.body.id}:settle`)!
  expect(settle.id).toMatch(/^tt_/)
  const flags = (await t.get<{ kind: string; transferIds: string[]; label: string }[]>(P.staff, '/timebank/staff/flags')).body.filter((f) => f.kind === 'auto_accepted')
  expect(flags.map((f) => [f.label, f.transferIds])).toContainEqual(['服务 72 小时未确认，已自动支付', [settle.id]])
})
