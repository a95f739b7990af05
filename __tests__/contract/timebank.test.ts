// 时间银行 against both transports: balances, redeem → hand over, services, gifts, staff, bad input.
import { KEY_PEOPLE } from '../../mock'
import { endpoints } from '../../types/contract'
import { describeBothTransports } from '../helpers/contract'

const { volunteer: zhang, resident: zhou, elderlyResident: wang, staff } = KEY_PEOPLE

describeBothTransports('timebank contract', (t) => {
  it('shows the volunteer 24.5 points available and 4.5 in 公示 (time bank and volunteer records), with where they came from', async () => {
    const s = await t.loginAs(zhang)
    const b = await t.call(endpoints.getTbBalance, {}, { token: s.token })
    expect(b).toMatchObject({ available: 49, pending: 9, held: 0, name: '张伟', year: '2026', yearEarned: 49 })
    const st = await t.call(endpoints.listTbStatement, {}, { token: s.token })
    expect(st.items.map((l) => l.title)).toEqual(expect.arrayContaining(['重阳节敬老探访 12 小时', '周末社区清洁 3 小时']))
    expect(st.items.find((l) => l.title === '周末社区清洁 3 小时')).toMatchObject({ amount: 0, pendingAmount: 6, kindLabel: '服务时长进入公示' })
  })

  it('redeems a bottle of oil, hands it over by code, and the stock drops by one', async () => {
    const s = await t.loginAs(zhang)
    const goods = await t.call(endpoints.listTbGoods, {}, { token: s.token })
    const oil = goods.find((g) => g.name === '食用油')!
    expect(oil).toMatchObject({ points: 40, stock: 12, monthlyLimit: 1, myMonthCount: 0 })
    const order = await t.call(endpoints.redeemTbGoods, { id: oil.id, quantity: 1 }, { token: s.token })
    expect(order).toMatchObject({ status: 'reserved', goodsName: '食用油', points: 40 })
    expect(order.pickupCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/)
    expect(await t.call(endpoints.getTbBalance, {}, { token: s.token })).toMatchObject({ available: 9, held: 40 })
    await expect(t.call(endpoints.redeemTbGoods, { id: oil.id, quantity: 1 }, { token: s.token }))
      .rejects.toMatchObject({ status: 422, message: '食用油每人每月限兑 1 件，您本月已兑 1 件' })

    const w = await t.loginAs(staff)
    const open = await t.call(endpoints.listTbOrdersToHandOver, {}, { token: w.token })
    expect(open.items.find((o) => o.id === order.id)?.pickupCode).toBeNull()
    const handed = await t.call(endpoints.handOverTbOrder, { code: ` ${order.pickupCode!.toLowerCase()} ` }, { token: w.token })
    expect(handed).toMatchObject({ status: 'picked_up', personName: '张伟' })
    await expect(t.call(endpoints.handOverTbOrder, { code: order.pickupCode! }, { token: w.token }))
      .rejects.toMatchObject({ status: 422, message: '该取货码已使用，商品已领取' })
    const report = await t.call(endpoints.getTbReport, {}, { token: w.token })
    expect(report.goods.find((g) => g.name === '食用油')).toMatchObject({ stock: 11, reserved: 0, handedOver: 1 })
    expect(report).toMatchObject({ ledgerSum: 0, problems: [] })
  })

  it('cancels an order at once: points and stock come back; another person\'s order is 404', async () => {
    const s = await t.loginAs(zhou)
    const goods = await t.call(endpoints.listTbGoods, {}, { token: s.token })
    const soy = goods.find((g) => g.name === '酱油')!
    const order = await t.call(endpoints.redeemTbGoods, { id: soy.id, quantity: 1 }, { token: s.token })
    const other = await t.loginAs(wang)
    await expect(t.call(endpoints.cancelTbOrder, { id: order.id }, { token: other.token })).rejects.toMatchObject({ status: 404 })
    const cancelled = await t.call(endpoints.cancelTbOrder, { id: order.id }, { token: s.token })
    expect(cancelled).toMatchObject({ status: 'cancelled', pickupCode: null })
    expect((await t.call(endpoints.getTbGoods, { id: soy.id }, { token: s.token })).stock).toBe(soy.stock)
    expect((await t.call(endpoints.getTbBalance, {}, { token: s.token })).available).toBe(12)
  })

  it('pays the volunteer for clearing a drain and both histories show it', async () => {
    const s = await t.loginAs(zhou)
    const offers = await t.call(endpoints.listTbOffers, {}, { token: s.token })
    const drain = offers.find((o) => o.title === '通下水道')!
    expect(drain).toMatchObject({ providerName: '张伟', ratePerHour: 2 })
    const x = await t.call(endpoints.bookTbOffer, { id: drain.id, hours: 2 }, { token: s.token })
    expect(x).toMatchObject({ status: 'agreed', escrow: 2, role: 'receiver' })
    const v = await t.loginAs(zhang)
    await t.call(endpoints.claimTbExchange, { id: x.id, points: 2 }, { token: v.token })
    const paid = await t.call(endpoints.acceptTbExchange, { id: x.id }, { token: s.token })
    expect(paid).toMatchObject({ status: 'settled', claimed: 2 })
    const mine = await t.call(endpoints.listTbStatement, {}, { token: s.token })
    const his = await t.call(endpoints.listTbStatement, {}, { token: v.token })
    expect(his.items[0]).toMatchObject({ title: '通下水道', amount: 2, kindLabel: '邻里服务', link: `/timebank/pages/exchange/index?id=${x.id}` })
    expect(mine.items.find((l) => l.kind === 'escrow_hold' && l.title === '通下水道')).toMatchObject({ amount: -2 })
  })

  it('refuses bad amounts with Chinese messages and a resident calling staff endpoints with 403', async () => {
    const s = await t.loginAs(zhou)
    for (const points of [0, -2, 1.5, 20_001, '3' as unknown as number]) {
      await expect(t.call(endpoints.giftTbPoints, { to: 'pool', points }, { token: s.token }))
        .rejects.toMatchObject({ status: 400, message: '积分应为 0.5–10000 分，最小单位 0.5 分' })
    }
    await expect(t.call(endpoints.giftTbPoints, { to: 'pool', points: 13 }, { token: s.token })).rejects.toMatchObject({ status: 422, message: '积分余额不足：可用 6 分' })
    await expect(t.call(endpoints.issueTbPoints, { personId: zhou, points: 2, reason: '给自己加分' }, { token: s.token }))
      .rejects.toMatchObject({ status: 403, message: '仅社区工作人员可以管理时间银行' })
    await expect(t.call(endpoints.listTbLedger, {}, { token: s.token })).rejects.toMatchObject({ status: 403 })
    await expect(t.call(endpoints.issueTbPoints, { personId: zhou, points: 2, reason: '' }, { token: (await t.loginAs(staff)).token }))
      .rejects.toMatchObject({ status: 400, message: '原因至少需要 2 个字' })
  })

  it('replays the same key with the first result and refuses the same key with another body', async () => {
    const s = await t.loginAs(zhang)
    const first = await t.call(endpoints.giftTbPoints, { to: 'pool', points: 2 }, { token: s.token, idempotencyKey: 'gift-once' })
    const again = await t.call(endpoints.giftTbPoints, { to: 'pool', points: 2 }, { token: s.token, idempotencyKey: 'gift-once' })
    expect(again.transferId).toBe(first.transferId)
    expect(again.balance.available).toBe(47)
    await expect(t.call(endpoints.giftTbPoints, { to: 'pool', points: 4 }, { token: s.token, idempotencyKey: 'gift-once' }))
      .rejects.toMatchObject({ status: 409, code: 'IDEMPOTENCY_MISMATCH' })
    expect((await t.call(endpoints.getTbBalance, {}, { token: s.token })).available).toBe(47)
  })

  it('lets staff issue, deduct and reverse once, never editing history', async () => {
    const w = await t.loginAs(staff)
    const issued = await t.call(endpoints.issueTbPoints, { personId: wang, points: 4, reason: '社区活动奖励' }, { token: w.token })
    expect(issued).toMatchObject({ kind: 'issue', memo: '社区活动奖励', actorName: '陈静' })
    const rev = await t.call(endpoints.reverseTbTransfer, { id: issued.id, reason: '发错了人' }, { token: w.token })
    expect(rev).toMatchObject({ kind: 'reversal', reverses: issued.id })
    await expect(t.call(endpoints.reverseTbTransfer, { id: issued.id, reason: '发错了人' }, { token: w.token }))
      .rejects.toMatchObject({ status: 422, message: '该笔流水已冲正，不能重复冲正' })
    const ledger = await t.call(endpoints.listTbLedger, { personId: wang }, { token: w.token })
    expect(ledger.items.find((e) => e.id === issued.id)).toMatchObject({ reversedBy: rev.id, memo: '社区活动奖励' })
    await expect(t.call(endpoints.issueTbPoints, { personId: wang, points: 200, direction: 'debit', reason: '扣分' }, { token: w.token }))
      .rejects.toMatchObject({ status: 422, message: '王秀英的可用积分只有 3 分，不能扣减 100 分' })
  })

  it('gives the last bottle of 醋 to exactly one of two residents tapping at once', async () => {
    const a = await t.loginAs(zhang)
    const b = await t.loginAs(zhou)
    const vinegar = (await t.call(endpoints.listTbGoods, {}, { token: a.token })).find((g) => g.name === '醋')!
    expect(vinegar.stock).toBe(1)
    const results = await Promise.allSettled([
      t.call(endpoints.redeemTbGoods, { id: vinegar.id, quantity: 1 }, { token: a.token }),
      t.call(endpoints.redeemTbGoods, { id: vinegar.id, quantity: 1 }, { token: b.token })
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect(refused.reason).toMatchObject({ status: 422, message: '醋已兑完，请等补货后再来' })
    expect((await t.call(endpoints.getTbGoods, { id: vinegar.id }, { token: a.token })).stock).toBe(0)
  })
})
