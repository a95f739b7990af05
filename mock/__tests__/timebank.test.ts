// 时间银行 in the mock: redeem → hand over → release, services with escrow, gifts, staff, tick.
import { credit } from '../handlers/timebank-ledger'
import { tbOf } from '../handlers/timebank-store'
import { DAY, invariantProblems, P, setup } from './timebank-fixture'

// What the volunteer domain's seed credits 张伟 from its own records: final 垃圾分类宣传 2.5 h (5)
// + a confirmed 陪同就医 help task (4); pending 社区图书角整理 1.5 h (3); later a seeded 理发 task
// auto-confirmed after 72 h (1).
const V = 9
const VP = 3
const VHELP = 1

describe('timebank mock', () => {
  it('seeds balances that sum to zero with 醋 nearly gone and one order open', () => {
    const t = setup()
    expect(invariantProblems(t.db())).toEqual([])
    expect(t.available(P.volunteer)).toBe(40 + V)
    expect(t.db().ledger?.balances[`pending:${P.volunteer}`]).toBe(6 + VP)
    expect(tbOf(t.db()).goods.find((g) => g.name === '醋')?.stock).toBe(1)
    expect(tbOf(t.db()).orders.filter((o) => o.status === 'reserved')).toHaveLength(1)
  })

  it('redeems oil, hands it over by code once, and drops the stock', async () => {
    const t = setup()
    const oil = tbOf(t.db()).goods.find((g) => g.name === '食用油')!
    const order = await t.post<{ pickupCode: string; status: string; id: string }>(P.volunteer, `/timebank/goods/${oil.id}/redeem`, { quantity: 1 })
    expect(order.status).toBe(200)
    expect(order.body.pickupCode).toMatch(/^[A-Z2-9]{6}$/)
    expect(t.available(P.volunteer)).toBe(V)
    expect(oil.stock).toBe(11)
    const wrong = await t.post(P.staff, '/timebank/pickups', { code: 'ZZZZZZ' })
    expect(wrong).toMatchObject({ status: 404, body: { message: '取货码不正确，请核对后重新输入' } })
    const resident = await t.post(P.resident, '/timebank/pickups', { code: order.body.pickupCode })
    expect(resident).toMatchObject({ status: 403, body: { message: '仅社区工作人员可以管理时间银行' } })
    const done = await t.post(P.staff, '/timebank/pickups', { code: order.body.pickupCode.toLowerCase() })
    expect(done).toMatchObject({ status: 200, body: { status: 'picked_up' } })
    const again = await t.post(P.staff, '/timebank/pickups', { code: order.body.pickupCode })
    expect(again).toMatchObject({ status: 422, body: { message: '该取货码已使用，商品已领取' } })
    expect(oil.handedOver).toBe(1)
    expect(invariantProblems(t.db())).toEqual([])
  })

  it('refuses beyond the monthly limit and the balance, and releases after 7 days', async () => {
    const t = setup()
    const oil = tbOf(t.db()).goods.find((g) => g.name === '食用油')!
    expect((await t.post(P.volunteer, `/timebank/goods/${oil.id}/redeem`, { quantity: 2 }))).toMatchObject({ status: 422, body: { message: '食用油每人每月限兑 1 件，您本月已兑 0 件' } })
    expect((await t.post(P.elderlyResident, `/timebank/goods/${oil.id}/redeem`, { quantity: 1 }))).toMatchObject({ status: 422, body: { message: '积分余额不足：需要 20 分' } })
    const order = await t.post<{ id: string }>(P.volunteer, `/timebank/goods/${oil.id}/redeem`, { quantity: 1 })
    t.advance(7 * DAY - 1000)
    expect((await t.get<{ status: string }>(P.volunteer, `/timebank/orders/mine`)).status).toBe(200)
    expect(tbOf(t.db()).orders.find((o) => o.id === order.body.id)?.status).toBe('reserved')
    t.advance(2000)
    await t.get(P.volunteer, '/timebank/balance')
    expect(tbOf(t.db()).orders.find((o) => o.id === order.body.id)?.status).toBe('expired')
    // 20 points back from the order, and the 3 points of 周末社区清洁 left 公示 meanwhile.
    expect(t.available(P.volunteer)).toBe(46 + V + VP + VHELP)
    expect(t.db().ledger?.balances[`pending:${P.volunteer}`]).toBe(0)
    expect(oil.stock).toBe(12)
    expect(invariantProblems(t.db())).toEqual([])
  })

  it('lets exactly one of two residents have the last bottle of 醋', async () => {
    const t = setup()
    const vinegar = tbOf(t.db()).goods.find((g) => g.name === '醋')!
    const [a, b] = await Promise.all([
      t.post(P.volunteer, `/timebank/goods/${vinegar.id}/redeem`, { quantity: 1 }),
      t.post(P.resident, `/timebank/goods/${vinegar.id}/redeem`, { quantity: 1 })
    ])
    expect([a.status, b.status].sort()).toEqual([200, 422])
    expect([a, b].find((r) => r.status === 422)?.body).toMatchObject({ message: '醋已兑完，请等补货后再来' })
    expect(vinegar.stock).toBe(0)
    expect(invariantProblems(t.db())).toEqual([])
  })

  it('pays the provider on acceptance and returns the rest of the pre-payment', async () => {
    const t = setup()
    const drain = tbOf(t.db()).offers.find((o) => o.title === '通下水道')!
    const self = await t.post(P.volunteer, `/timebank/offers/${drain.id}/book`, { hours: 2 })
    expect(self).toMatchObject({ status: 422, body: { message: '不能预约自己提供的服务' } })
    const booked = await t.post<{ id: string; escrow: number }>(P.resident, `/timebank/offers/${drain.id}/book`, { hours: 4 })
    expect(booked.body.escrow).toBe(4)
    const before = t.available(P.resident)
    expect((await t.post(P.resident, `/timebank/exchanges/${booked.body.id}/claim`, { points: 2 }))).toMatchObject({ status: 403 })
    expect((await t.post(P.volunteer, `/timebank/exchanges/${booked.body.id}/claim`, { points: 5 }))).toMatchObject({ status: 422, body: { message: '申请积分不能超过对方预付的 2 分' } })
    await t.post(P.volunteer, `/timebank/exchanges/${booked.body.id}/claim`, { points: 3 })
    const accepted = await t.post(P.resident, `/timebank/exchanges/${booked.body.id}/accept`)
    expect(accepted).toMatchObject({ status: 200, body: { status: 'settled' } })
    expect(t.available(P.volunteer)).toBe(43 + V)
    expect(t.available(P.resident)).toBe(before + 1)
    expect((await t.get(P.elderlyResident, `/timebank/exchanges/${booked.body.id}`)).status).toBe(404)
    // A staff reversal moves what was paid back from the provider to the payer; the escrow stays closed.
    const pay = t.db().ledger!.transfers.find((tr) => tr.key === `exchange:${booked.body.id}:settle`)!
    expect((await t.post(P.staff, `/timebank/staff/transfers/${pay.id}/reverse`, { reason: '服务未完成' })).status).toBe(200)
    expect(t.available(P.volunteer)).toBe(40 + V)
    expect(t.available(P.resident)).toBe(before + 4)
    expect(invariantProblems(t.db())).toEqual([])
  })

  it('accepts an unanswered claim after 72 hours and flags it', async () => {
    const t = setup()
    const drain = tbOf(t.db()).offers.find((o) => o.title === '通下水道')!
    const booked = await t.post<{ id: string }>(P.resident, `/timebank/offers/${drain.id}/book`, { hours: 2 })
    await t.post(P.volunteer, `/timebank/exchanges/${booked.body.id}/claim`, { points: 2 })
    t.advance(72 * 3600_000)
    const x = await t.get<{ status: string; autoAccepted: boolean }>(P.resident, `/timebank/exchanges/${booked.body.id}`)
    expect(x.body).toMatchObject({ status: 'settled', autoAccepted: true })
    const flags = await t.get<{ kind: string }[]>(P.staff, '/timebank/staff/flags')
    expect(flags.body.map((f) => f.kind)).toContain('auto_accepted')
  })

  it('gives to the pool or the household only, and reverses once', async () => {
    const t = setup()
    expect((await t.post(P.volunteer, '/timebank/gifts', { to: P.resident, points: 2 }))).toMatchObject({ status: 403, body: { message: '只能转赠给公益池或同一户的家人' } })
    expect((await t.post(P.volunteer, '/timebank/gifts', { to: P.volunteer, points: 2 }))).toMatchObject({ status: 422, body: { message: '不能转赠给自己' } })
    expect((await t.post(P.volunteer, '/timebank/gifts', { to: 'pool', points: 41 + V }))).toMatchObject({ status: 422 })
    expect((await t.post(P.volunteer, '/timebank/gifts', { to: 'pool', points: 1.5 }))).toMatchObject({ status: 400 })
    const gift = await t.post<{ transferId: string }>(P.volunteer, '/timebank/gifts', { to: 'pool', points: 2 })
    expect(t.db().ledger?.balances['community:pool']).toBe(6)
    const rev = await t.post(P.staff, `/timebank/staff/transfers/${gift.body.transferId}/reverse`, { reason: '误操作' })
    expect(rev).toMatchObject({ status: 200, body: { kind: 'reversal', reverses: gift.body.transferId } })
    expect((await t.post(P.staff, `/timebank/staff/transfers/${gift.body.transferId}/reverse`, { reason: '误操作' }))).toMatchObject({ status: 422, body: { message: '该笔流水已冲正，不能重复冲正' } })
    expect((await t.post(P.resident, '/timebank/staff/issue', { personId: P.resident, points: 2, reason: '奖励自己' }))).toMatchObject({ status: 403 })
    expect(t.available(P.volunteer)).toBe(40 + V)
    expect(invariantProblems(t.db())).toEqual([])
  })

  it('makes seeded hours available when their 公示 ends, and says so', async () => {
    const t = setup()
    t.advance(2 * DAY - 1000)
    expect((await t.get<{ available: number; pending: number }>(P.volunteer, '/timebank/balance')).body).toMatchObject({ available: 40 + V + VP, pending: 6 })
    t.advance(1000)
    expect((await t.get<{ available: number; pending: number }>(P.volunteer, '/timebank/balance')).body).toMatchObject({ available: 46 + V + VP, pending: 0 })
    t.advance(DAY)
    await t.get(P.volunteer, '/timebank/balance')
    expect(t.available(P.volunteer)).toBe(46 + V + VP + VHELP)
    expect(t.db().messages?.filter((m) => m.personId === P.volunteer && m.kind === 'timebank').map((m) => m.title)).toEqual(['3 积分已到账'])
    expect(invariantProblems(t.db())).toEqual([])
  })

  it('moves pending points to available when hours become final, once', () => {
    const t = setup()
    const db = t.db()
    const source = { kind: 'offline_record', id: 'sa_3', title: '周末社区清洁 3 小时', link: null }
    const ids = () => `tt_x${db.ledger!.transfers.length}`
    credit(db, { personId: P.volunteer, amount: 6, source, final: true, at: new Date().toISOString() }, ids)
    credit(db, { personId: P.volunteer, amount: 6, source, final: true, at: new Date().toISOString() }, ids)
    expect(t.available(P.volunteer)).toBe(46 + V)
    expect(db.ledger?.balances[`pending:${P.volunteer}`]).toBe(VP)
    expect(invariantProblems(db)).toEqual([])
  })
})
