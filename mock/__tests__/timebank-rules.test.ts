// The shared 时间银行 rules at their edges, and the staff-side checks of the mock.
import fc from 'fast-check'
import { formatPoints, parsePoints, TB_AMOUNT_MAX } from '../../types/contract/timebank'
import { tbOf } from '../handlers/timebank-store'
import { DAY, invariantProblems, P, setup } from './timebank-fixture'

describe('points as people type them', () => {
  it('parses half points exactly and refuses finer, zero, negative, huge and non-numeric amounts', () => {
    expect(parsePoints('1.5')).toEqual({ units: 3 })
    expect(parsePoints('10000')).toEqual({ units: TB_AMOUNT_MAX })
    expect(parsePoints('10000.5')).toEqual({ error: '积分不能超过 10000 分' })
    expect(parsePoints('0.5')).toEqual({ units: 1 })
    expect(parsePoints('0.25')).toEqual({ error: '积分最小单位为 0.5 分' })
    expect(parsePoints('0')).toEqual({ error: '积分必须大于 0' })
    expect(parsePoints('-1')).toEqual({ error: '积分应为数字，最小单位 0.5' })
    expect(parsePoints('1e3')).toEqual({ error: '积分应为数字，最小单位 0.5' })
    expect(parsePoints('两分')).toEqual({ error: '积分应为数字，最小单位 0.5' })
    expect(parsePoints(' ')).toEqual({ error: '请填写积分' })
  })

  it('round-trips every amount in units through its text', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: TB_AMOUNT_MAX }), (units) => {
      expect(parsePoints(formatPoints(units))).toEqual({ units })
    }))
    expect(formatPoints(-3)).toBe('-1.5')
  })
})

describe('timebank staff and edges', () => {
  it('redeems exactly up to the monthly limit and refuses one more', async () => {
    const t = setup()
    const soy = tbOf(t.db()).goods.find((g) => g.name === '酱油')!
    expect((await t.post(P.volunteer, `/timebank/goods/${soy.id}/redeem`, { quantity: 2 })).status).toBe(200)
    expect(await t.post(P.volunteer, `/timebank/goods/${soy.id}/redeem`, { quantity: 1 }))
      .toMatchObject({ status: 422, body: { message: '酱油每人每月限兑 2 件，您本月已兑 2 件' } })
    expect((await t.post(P.volunteer, `/timebank/goods/${soy.id}/redeem`, { quantity: 11 })).status).toBe(400)
  })

  it('lets only staff add, edit and restock goods, and counts goods in on the report', async () => {
    const t = setup()
    const draft = { name: '挂面', description: '1 公斤', points: 6, monthlyLimit: 2, stock: 5 }
    expect(await t.post(P.resident, '/timebank/goods', draft)).toMatchObject({ status: 403 })
    const created = await t.post<{ id: string; stock: number }>(P.staff, '/timebank/goods', draft)
    expect(created.body.stock).toBe(5)
    expect(await t.post(P.staff, '/timebank/goods', draft)).toMatchObject({ status: 409, body: { message: '已有同名商品，请直接编辑或入库' } })
    const edited = await t.post(P.staff, `/timebank/goods/${created.body.id}`, { ...draft, points: 8, active: false }, undefined, 'PUT')
    expect(edited.body).toMatchObject({ points: 8, active: false })
    expect((await t.get<{ id: string }[]>(P.resident, '/timebank/goods')).body.map((g) => g.id)).not.toContain(created.body.id)
    expect(await t.post(P.staff, `/timebank/goods/${created.body.id}/restock`, { quantity: 10, reason: '12 月采购' })).toMatchObject({ status: 200, body: { stock: 15 } })
    const report = await t.get<{ goodsIn: number }>(P.resident, '/timebank/report')
    expect(report.body.goodsIn).toBe(15)
    expect(invariantProblems(t.db())).toEqual([])
  })

  it('flags the same two residents paying each other the same amount within 7 days', async () => {
    const t = setup()
    const drain = tbOf(t.db()).offers.find((o) => o.title === '通下水道')!
    for (let i = 0; i < 2; i++) {
      const x = await t.post<{ id: string }>(P.resident, `/timebank/offers/${drain.id}/book`, { hours: 2 })
      await t.post(P.volunteer, `/timebank/exchanges/${x.body.id}/claim`, { points: 2 })
      await t.post(P.resident, `/timebank/exchanges/${x.body.id}/accept`)
      t.advance(DAY)
    }
    const flags = await t.get<{ kind: string; detail: string }[]>(P.staff, '/timebank/staff/flags')
    expect(flags.body.find((f) => f.kind === 'pair_repeat')?.detail).toBe('周婷 与 张伟，每次 1 分')
    expect((await t.get(P.resident, '/timebank/staff/flags')).status).toBe(403)
  })

  it('flags a 楼长 paid from an elderly resident of their building', async () => {
    const t = setup()
    // 李建国 (楼长 of 3栋) offers a service; 王秀英 (78, 3栋) books and pays it.
    const offer = await t.post<{ id: string }>(P.leader, '/timebank/offers', { title: '换灯泡', ratePerHour: 2 })
    const x = await t.post<{ id: string }>(P.elderlyResident, `/timebank/offers/${offer.body.id}/book`, { hours: 2 })
    await t.post(P.leader, `/timebank/exchanges/${x.body.id}/claim`, { points: 2 })
    await t.post(P.elderlyResident, `/timebank/exchanges/${x.body.id}/accept`)
    const flags = await t.get<{ kind: string; detail: string }[]>(P.staff, '/timebank/staff/flags')
    expect(flags.body.find((f) => f.kind === 'leader_from_elderly')?.detail).toBe('王秀英（78 岁）→ 楼长 李建国，1 分')
  })

  it('refuses a need the caller cannot pre-pay, and taking one\'s own need', async () => {
    const t = setup()
    expect(await t.post(P.elderlyResident, '/timebank/needs', { title: '陪同看病', points: 100 })).toMatchObject({ status: 422, body: { message: '积分余额不足：需要预付 50 分' } })
    const need = await t.post<{ id: string }>(P.elderlyResident, '/timebank/needs', { title: '陪同看病', points: 2 })
    expect(await t.post(P.elderlyResident, `/timebank/exchanges/${need.body.id}/take`)).toMatchObject({ status: 422, body: { message: '不能接自己发布的需求' } })
    expect(await t.post(P.resident, `/timebank/exchanges/${need.body.id}/take`)).toMatchObject({ status: 200, body: { status: 'agreed', providerName: '周婷' } })
    expect(await t.post(P.elderlyResident, `/timebank/exchanges/${need.body.id}/cancel`)).toMatchObject({ status: 200, body: { status: 'cancelled' } })
    expect(t.available(P.elderlyResident)).toBe(6)
  })
})
