// Refusals of the 议事, 时间银行, 通知, 民生诉求 and 上传 handlers, each with its exact answer and no side effect
// (found unguarded by npm run mutate:sample: removing the guard or blanking its message survived).
import { findProposal, proposalsOf } from '../handlers/council-store'
import { tbOf } from '../handlers/timebank-store'
import { VALID_REQUEST } from './requests-fixture'
import { DAY, P, setup, type Res } from './timebank-fixture'

type Code = 'VALIDATION' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'INVALID_STATE'
const STATUS: Record<Code, number> = { VALIDATION: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, INVALID_STATE: 422 }

/** The exact answer of a refusal; a field refusal also names its field with the same message. */
const refused = (code: Code, message: string, field?: string) =>
  ({ status: STATUS[code], body: field ? { code, message, fields: { [field]: message } } : { code, message } })

type T = ReturnType<typeof setup>
const proposal = (t: T, id: string) => findProposal(t.db(), id)!
const iso = (t: T, ms: number) => new Date(t.now() + ms).toISOString()

interface Id { id: string }

describe('议事 refusals', () => {
  it.each([
    ['a building', { kind: 'buildings', ids: ['b_99'] }, '选择的楼栋不存在'],
    ['an estate', { kind: 'estate', id: 'e_9' }, '选择的小区不存在']
  ])('a proposal cannot be raised for %s that does not exist', async (_what, scope, message) => {
    const t = setup()
    const res = await t.post(P.resident, '/council/proposals', { title: '楼下增设座椅', reason: '老人散步走累了没有地方休息。', solution: '在楼下空地放两张长椅。', scope, kind: 'resident' })
    expect(res).toEqual(refused('VALIDATION', message, 'scope'))
    expect(proposalsOf(t.db())).toHaveLength(10)
  })

  it('a resident without a house cannot raise a proposal', async () => {
    const t = setup()
    // Rooms come from the census, not from any endpoint: a resident who moved out keeps their
    // person (and volunteer role) but has no room, a state the API cannot produce.
    t.db().persons.find((p) => p.id === P.volunteer)!.roomId = null
    const res = await t.post(P.volunteer, '/council/proposals', { title: '楼下增设座椅', reason: '老人散步走累了没有地方休息。', solution: '在楼下空地放两张长椅。', scope: { kind: 'community' }, kind: 'resident' })
    expect(res).toEqual(refused('FORBIDDEN', '请先绑定房屋后再提出议题'))
    expect(proposalsOf(t.db())).toHaveLength(10)
  })

  it('a reply must answer a comment that exists', async () => {
    const t = setup()
    const res = await t.post(P.elderlyResident, '/council/proposals/cp_0001/comments', { body: '同意', parentId: 'cc_9999' })
    expect(res).toEqual(refused('VALIDATION', '回复的评论不存在', 'parentId'))
    expect(proposal(t, 'cp_0001').comments.map((c) => c.id)).toEqual(['cc_0001'])
  })

  it('only a 楼长 may cast a vote on behalf of someone else', async () => {
    const t = setup()
    const res = await t.post(P.elderlyResident, '/council/proposals/cp_0004/ballot', { choices: ['yes'], onBehalfOf: 'p_015' })
    expect(res).toEqual(refused('FORBIDDEN', '仅楼长可以代投'))
    expect(proposal(t, 'cp_0004').vote!.audit).toHaveLength(2)
  })

  it('a 楼长 casts on behalf of residents of their own buildings only', async () => {
    const t = setup()
    const res = await t.post(P.leader, '/council/proposals/cp_0004/ballot', { choices: ['yes'], onBehalfOf: P.resident })
    expect(res).toEqual(refused('FORBIDDEN', '只能为您负责楼栋的居民代投', 'onBehalfOf'))
    expect(proposal(t, 'cp_0004').vote!.audit).toHaveLength(2)
  })

  it('a 委托 is recorded only before or during the vote', async () => {
    const t = setup()
    // cp_0006 has had its vote and is in 公示.
    const res = await t.post(P.resident, '/council/proposals/cp_0006/delegations', { leaderId: 'p_007' })
    expect(res).toEqual(refused('INVALID_STATE', '只能在表决开始前或表决中登记委托'))
    expect(proposal(t, 'cp_0006').vote!.delegations).toEqual([])
  })

  it('a 委托 is only for a resident on the vote\'s roll', async () => {
    const t = setup()
    // 周婷 lives in 1栋; cp_0004 is voted by 3栋 and 4栋.
    const res = await t.post(P.staff, '/council/proposals/cp_0004/delegations', { leaderId: P.leader, residentId: P.resident })
    expect(res).toEqual(refused('FORBIDDEN', '该居民不在本次表决名单中'))
    expect(proposal(t, 'cp_0004').vote!.delegations).toEqual([])
  })

  it('a resident entrusts only a 楼长 of their own building', async () => {
    const t = setup()
    const res = await t.post(P.elderlyResident, '/council/proposals/cp_0004/delegations', { leaderId: P.leaderJinxiu })
    expect(res).toEqual(refused('VALIDATION', '只能委托本楼的楼长', 'leaderId'))
    expect(proposal(t, 'cp_0004').vote!.delegations).toEqual([])
  })

  it('sign-up closes once the meeting has started', async () => {
    const t = setup()
    t.advance(3 * DAY + 3600_000) // cm_0001 started an hour ago
    const res = await t.post(P.volunteer, '/council/meetings/cm_0001/signup')
    expect(res).toEqual(refused('INVALID_STATE', '会议已开始，不能再报名'))
    expect(proposal(t, 'cp_0003').meetings[0].signups).toEqual([])
  })

  it('a full meeting takes no more sign-ups', async () => {
    const t = setup()
    const scheduled = await t.post<{ meetings: Id[] }>(P.staff, '/council/staff/proposals/cp_0003/meetings', { kind: 'coordination', startsAt: iso(t, 2 * DAY), place: '社区会议室', capacity: 1 })
    expect(scheduled.status).toBe(200)
    const meetingId = scheduled.body.meetings[1].id
    expect((await t.post(P.volunteer, `/council/meetings/${meetingId}/signup`)).status).toBe(200)
    const res = await t.post(P.leaderJinxiu, `/council/meetings/${meetingId}/signup`)
    expect(res).toEqual(refused('INVALID_STATE', '报名人数已满'))
    expect(proposal(t, 'cp_0003').meetings[1].signups.map((s) => s.personId)).toEqual([P.volunteer])
  })

  it('only staff and 楼长 see who has voted', async () => {
    const t = setup()
    expect(await t.get(P.elderlyResident, '/council/proposals/cp_0004/voters')).toEqual(refused('FORBIDDEN', '仅社区工作人员和楼长可以查看投票情况'))
  })

  it.each([
    ['the voter roll', 'GET', '/council/proposals/cp_9999/voters'],
    ['a staff action', 'POST', '/council/staff/proposals/cp_9999/close']
  ])('%s of a proposal that does not exist is 404', async (_what, method, path) => {
    const t = setup()
    const res = method === 'GET' ? await t.get(P.staff, path) : await t.post(P.staff, path)
    expect(res).toEqual(refused('NOT_FOUND', '未找到这条议题，请刷新后重试'))
  })

  it('staff cannot attach minutes to a meeting that does not exist', async () => {
    const t = setup()
    const res = await t.post(P.staff, '/council/staff/meetings/cm_9999/minutes', { minutes: '会议讨论了停车位分配方案。' })
    expect(res).toEqual(refused('NOT_FOUND', '未找到这场会议'))
  })

  it('minutes wait until the meeting has taken place', async () => {
    const t = setup()
    const res = await t.post(P.staff, '/council/staff/meetings/cm_0001/minutes', { minutes: '会议讨论了停车位分配方案。' })
    expect(res).toEqual(refused('INVALID_STATE', '会议尚未召开，不能上传纪要'))
    expect(proposal(t, 'cp_0003').meetings[0].minutes).toBeNull()
  })

  it('a meeting is scheduled in the future', async () => {
    const t = setup()
    const res = await t.post(P.staff, '/council/staff/proposals/cp_0003/meetings', { kind: 'hearing', startsAt: iso(t, -DAY), place: '社区会议室', capacity: 10 })
    expect(res).toEqual(refused('VALIDATION', '会议时间应晚于现在', 'startsAt'))
    expect(proposal(t, 'cp_0003').meetings.map((m) => m.id)).toEqual(['cm_0001'])
  })

  it('a vote closes after it opens', async () => {
    const t = setup()
    const opens = iso(t, 8 * DAY)
    const res = await t.post(P.staff, '/council/staff/proposals/cp_0003/schedule', { question: { type: 'yesno', text: '是否同意轮换分配车位' }, opensAt: opens, closesAt: opens })
    expect(res).toEqual(refused('VALIDATION', '截止时间应晚于开始时间', 'closesAt'))
    expect(proposal(t, 'cp_0003')).toMatchObject({ stage: 'deliberating', vote: null })
  })

  it('staff answer only an objection that exists', async () => {
    const t = setup()
    const res = await t.post(P.staff, '/council/staff/proposals/cp_0006/objections/co_9999/answer', { answer: '已核实，情况属实。' })
    expect(res).toEqual(refused('NOT_FOUND', '未找到这条异议'))
  })

  it('an objection is answered once', async () => {
    const t = setup()
    const raised = await t.post<{ objections: Id[] }>(P.resident, '/council/proposals/cp_0006/objections', { body: '计票时漏了我家的票。' })
    expect(raised.status).toBe(200)
    const objectionId = raised.body.objections[0].id
    const path = `/council/staff/proposals/cp_0006/objections/${objectionId}/answer`
    expect((await t.post(P.staff, path, { answer: '已核实，您家的票已计入。' })).status).toBe(200)
    const res = await t.post(P.staff, path, { answer: '第二次答复的内容。' })
    expect(res).toEqual(refused('INVALID_STATE', '这条异议已答复'))
    expect(proposal(t, 'cp_0006').objections.map((o) => o.answer)).toEqual(['已核实，您家的票已计入。'])
  })

  it('progress is posted only after the responsible unit, due date and milestones are set', async () => {
    const t = setup()
    const res = await t.post(P.staff, '/council/staff/proposals/cp_0003/progress', { percent: 10, note: '已开工' })
    expect(res).toEqual(refused('INVALID_STATE', '请先明确责任单位、期限和节点'))
    expect(proposal(t, 'cp_0003')).toMatchObject({ stage: 'deliberating', execution: null })
  })
})

describe('时间银行 refusals', () => {
  /** The seeded exchanges by title: 周婷's open need (8 units pre-paid) and 王秀英's settled 修电脑 by 何晓东. */
  const exchangeId = (t: T, title: '帮忙搬衣柜' | '修电脑') => tbOf(t.db()).exchanges.find((x) => x.title === title)!.id
  const exchange = (t: T, id: string) => tbOf(t.db()).exchanges.find((x) => x.id === id)!

  /** 张伟 takes 周婷's need and claims all 8 units. */
  async function claimed(t: T) {
    const need = exchangeId(t, '帮忙搬衣柜')
    expect((await t.post(P.volunteer, `/timebank/exchanges/${need}/take`)).status).toBe(200)
    expect((await t.post(P.volunteer, `/timebank/exchanges/${need}/claim`, { points: 8 })).status).toBe(200)
  }

  it('neighbour services are for residents with a house', async () => {
    const t = setup()
    const res = await t.post(P.staff, '/timebank/needs', { title: '帮忙搬家', points: 4 })
    expect(res).toEqual(refused('FORBIDDEN', '邻里服务仅限已绑定房屋的居民'))
    expect(tbOf(t.db()).exchanges).toHaveLength(2)
  })

  it('an offer that does not exist cannot be booked, and nothing is pre-paid', async () => {
    const t = setup()
    const before = t.available(P.resident)
    const res = await t.post(P.resident, '/timebank/offers/tf_9999/book', { hours: 2 })
    expect(res).toEqual(refused('NOT_FOUND', '该服务不存在或已下架'))
    expect(t.available(P.resident)).toBe(before)
  })

  it('someone else\'s settled exchange is as good as absent', async () => {
    const t = setup()
    const settled = exchangeId(t, '修电脑')
    expect(await t.get(P.resident, `/timebank/exchanges/${settled}`)).toEqual(refused('NOT_FOUND', '该服务记录不存在'))
  })

  it('a need that was taken cannot be taken again', async () => {
    const t = setup()
    const need = exchangeId(t, '帮忙搬衣柜')
    expect((await t.post(P.volunteer, `/timebank/exchanges/${need}/take`)).status).toBe(200)
    const res = await t.post(P.volunteer, `/timebank/exchanges/${need}/take`)
    expect(res).toEqual(refused('INVALID_STATE', '该需求已有邻居接单'))
    expect(exchange(t, need)).toMatchObject({ status: 'agreed', providerId: P.volunteer })
  })

  it('only the provider of a service can claim its points', async () => {
    const t = setup()
    const need = exchangeId(t, '帮忙搬衣柜')
    expect((await t.post(P.volunteer, `/timebank/exchanges/${need}/take`)).status).toBe(200)
    const res = await t.post(P.resident, `/timebank/exchanges/${need}/claim`, { points: 8 })
    expect(res).toEqual(refused('FORBIDDEN', '只有服务提供者可以申请积分'))
    expect(exchange(t, need)).toMatchObject({ status: 'agreed', claimed: null })
  })

  it('only the receiver of a service can accept its points claim', async () => {
    const t = setup()
    const need = exchangeId(t, '帮忙搬衣柜')
    await claimed(t)
    const before = t.available(P.volunteer)
    const res = await t.post(P.volunteer, `/timebank/exchanges/${need}/accept`)
    expect(res).toEqual(refused('FORBIDDEN', '只有服务接受者可以确认支付'))
    expect(exchange(t, need).status).toBe('claimed')
    expect(t.available(P.volunteer)).toBe(before)
  })

  it('only the receiver of a service can dispute its points claim', async () => {
    const t = setup()
    const need = exchangeId(t, '帮忙搬衣柜')
    await claimed(t)
    const res = await t.post(P.volunteer, `/timebank/exchanges/${need}/dispute`, { reason: '我自己有异议' })
    expect(res).toEqual(refused('FORBIDDEN', '只有服务接受者可以提出异议'))
    expect(exchange(t, need)).toMatchObject({ status: 'claimed', claimed: 8, disputes: [] })
  })

  it('a dispute needs a claim waiting for confirmation', async () => {
    const t = setup()
    const need = exchangeId(t, '帮忙搬衣柜')
    expect((await t.post(P.volunteer, `/timebank/exchanges/${need}/take`)).status).toBe(200)
    const res = await t.post(P.resident, `/timebank/exchanges/${need}/dispute`, { reason: '还没申请就有异议' })
    expect(res).toEqual(refused('INVALID_STATE', '当前没有待确认的积分申请'))
    expect(exchange(t, need)).toMatchObject({ status: 'agreed', disputes: [] })
  })

  it('only the one who posted a need can cancel it', async () => {
    const t = setup()
    const need = exchangeId(t, '帮忙搬衣柜')
    const before = t.available(P.resident)
    const res = await t.post(P.volunteer, `/timebank/exchanges/${need}/cancel`)
    expect(res).toEqual(refused('FORBIDDEN', '只有发起人可以取消'))
    expect(exchange(t, need).status).toBe('open')
    expect(t.available(P.resident)).toBe(before)
  })

  it('a claimed service can no longer be cancelled, and its pre-payment stays in escrow', async () => {
    const t = setup()
    const need = exchangeId(t, '帮忙搬衣柜')
    await claimed(t)
    const before = t.available(P.resident)
    const res = await t.post(P.resident, `/timebank/exchanges/${need}/cancel`)
    expect(res).toEqual(refused('INVALID_STATE', '对方已申请积分或服务已结束，不能取消'))
    expect(exchange(t, need).status).toBe('claimed')
    expect(t.available(P.resident)).toBe(before)
  })

  it('goods that do not exist are 404', async () => {
    const t = setup()
    expect(await t.get(P.resident, '/timebank/goods/tg_9999')).toEqual(refused('NOT_FOUND', '该商品不存在'))
  })

  describe('goods taken off the shelf', () => {
    async function offShelf(t: T) {
      const oil = tbOf(t.db()).goods.find((g) => g.name === '食用油')!
      const res = await t.post(P.staff, `/timebank/goods/${oil.id}`, { name: oil.name, description: oil.description, points: oil.points, monthlyLimit: oil.monthlyLimit, active: false }, undefined, 'PUT')
      expect(res).toMatchObject({ status: 200, body: { active: false } })
      return oil
    }

    it('are not shown to residents', async () => {
      const t = setup()
      const oil = await offShelf(t)
      expect(await t.get(P.resident, `/timebank/goods/${oil.id}`)).toEqual(refused('NOT_FOUND', '该商品已下架'))
    })

    it('cannot be redeemed: no points held, no stock taken', async () => {
      const t = setup()
      const oil = await offShelf(t)
      const before = t.available(P.resident)
      const res = await t.post(P.resident, `/timebank/goods/${oil.id}/redeem`, { quantity: 1 })
      expect(res).toEqual(refused('INVALID_STATE', '该商品已下架'))
      expect(t.available(P.resident)).toBe(before)
      expect(tbOf(t.db()).goods.find((g) => g.id === oil.id)!.stock).toBe(12)
    })
  })

  it('redeeming needs a bound house', async () => {
    const t = setup()
    const soy = tbOf(t.db()).goods.find((g) => g.name === '酱油')!
    const res = await t.post(P.staff, `/timebank/goods/${soy.id}/redeem`, { quantity: 1 })
    expect(res).toEqual(refused('FORBIDDEN', '请先绑定房屋后再兑换'))
    expect(soy.stock).toBe(29)
    expect(tbOf(t.db()).orders).toHaveLength(2)
  })

  it('someone else\'s order cannot be cancelled', async () => {
    const t = setup()
    // to_0002 is 王秀英's soy sauce, waiting to be picked up.
    const res = await t.post(P.resident, '/timebank/orders/to_0002/cancel')
    expect(res).toEqual(refused('NOT_FOUND', '该兑换订单不存在'))
    expect(tbOf(t.db()).orders.find((o) => o.id === 'to_0002')!.status).toBe('reserved')
  })

  it('a cancelled order\'s pickup code hands nothing over', async () => {
    const t = setup()
    const soy = tbOf(t.db()).goods.find((g) => g.name === '酱油')!
    const order = await t.post<Id & { pickupCode: string }>(P.resident, `/timebank/goods/${soy.id}/redeem`, { quantity: 1 })
    expect(order.status).toBe(200)
    expect((await t.post(P.resident, `/timebank/orders/${order.body.id}/cancel`)).status).toBe(200)
    const res = await t.post(P.staff, '/timebank/pickups', { code: order.body.pickupCode })
    expect(res).toEqual(refused('INVALID_STATE', '该订单已取消或已过期，不能领取'))
    expect(tbOf(t.db()).orders.find((o) => o.id === order.body.id)!.status).toBe('cancelled')
    expect(tbOf(t.db()).goods.find((g) => g.id === soy.id)!.handedOver).toBe(0)
  })

  it('staff issue points only to a person who exists', async () => {
    const t = setup()
    const res = await t.post(P.staff, '/timebank/staff/issue', { personId: 'p_999', points: 4, reason: '志愿服务奖励' })
    expect(res).toEqual(refused('NOT_FOUND', '该居民不存在'))
  })

  it('staff reverse only a transfer that exists', async () => {
    const t = setup()
    const res = await t.post(P.staff, '/timebank/staff/transfers/tt_9999/reverse', { reason: '录入错误' })
    expect(res).toEqual(refused('NOT_FOUND', '该笔流水不存在'))
  })

  async function transferOf(t: T, kind: string): Promise<string> {
    const page = await t.get<{ items: Id[] }>(P.staff, `/timebank/staff/ledger?kind=${kind}`)
    expect(page.body.items.length).toBeGreaterThan(0)
    return page.body.items[0].id
  }

  it('a reversal is not reversed again', async () => {
    const t = setup()
    const id = await transferOf(t, 'reversal')
    const res = await t.post(P.staff, `/timebank/staff/transfers/${id}/reverse`, { reason: '录入错误' })
    expect(res).toEqual(refused('INVALID_STATE', '冲正记录不能再冲正，如需更正请发放或扣减'))
    expect(tbOf(t.db()).reversedBy[id]).toBeUndefined()
  })

  it('an order hold is undone by cancelling the order, not by a reversal', async () => {
    const t = setup()
    const id = await transferOf(t, 'order_hold')
    const before = t.available(P.elderlyResident)
    const res = await t.post(P.staff, `/timebank/staff/transfers/${id}/reverse`, { reason: '录入错误' })
    expect(res).toEqual(refused('INVALID_STATE', '兑换和预付由订单或服务自动处理，请取消订单或服务'))
    expect(tbOf(t.db()).reversedBy[id]).toBeUndefined()
    expect(t.available(P.elderlyResident)).toBe(before)
  })

  it('points already spent cannot be reversed', async () => {
    const t = setup()
    const issued = await t.post<Id>(P.staff, '/timebank/staff/issue', { personId: P.he, points: 100, reason: '志愿服务奖励' })
    expect(issued.status).toBe(200)
    const left = t.available(P.he) - 98
    expect((await t.post(P.he, '/timebank/gifts', { to: 'pool', points: left })).status).toBe(200)
    expect(t.available(P.he)).toBe(98)
    const res = await t.post(P.staff, `/timebank/staff/transfers/${issued.body.id}/reverse`, { reason: '发错了人' })
    expect(res).toEqual(refused('INVALID_STATE', '相关账户积分已被使用，余额不足以冲正，请改用扣减'))
    expect(t.available(P.he)).toBe(98)
    expect(tbOf(t.db()).reversedBy[issued.body.id]).toBeUndefined()
  })
})

describe('通知 refusals', () => {
  const WITHDRAWN = 'n_0009' // 李建国's 3栋电梯维保时间调整, withdrawn in the seed
  const notice = (t: T, id: string) => (t.db().notices ?? []).find((n) => n.id === id)!

  it('a notice that does not exist is 404', async () => {
    const t = setup()
    expect(await t.get(P.resident, '/notices/n_9999')).toEqual(refused('NOT_FOUND', '该通知不存在'))
  })

  it('a withdrawn notice is not withdrawn again', async () => {
    const t = setup()
    const at = notice(t, WITHDRAWN).withdrawnAt
    expect(at).toMatch(/^2026-/)
    const res = await t.post(P.leader, `/notices/${WITHDRAWN}/withdraw`)
    expect(res).toEqual(refused('INVALID_STATE', '该通知已撤回'))
    expect(notice(t, WITHDRAWN).withdrawnAt).toBe(at)
  })

  it('a withdrawn notice sends no reminders', async () => {
    const t = setup()
    const messages = (t.db().messages ?? []).length
    const res = await t.post(P.leader, `/notices/${WITHDRAWN}/remind`)
    expect(res).toEqual(refused('INVALID_STATE', '通知已撤回，无法提醒'))
    expect(notice(t, WITHDRAWN).remindedAt).toEqual([])
    expect((t.db().messages ?? []).length).toBe(messages)
  })

  it('a notice goes only to places that exist', async () => {
    const t = setup()
    const count = (t.db().notices ?? []).length
    const res = await t.post(P.staff, '/notices', { title: '停水通知', body: '明天上午停水。', category: 'other', targets: [{ scope: 'building', id: 'b_99' }] })
    expect(res).toEqual(refused('VALIDATION', '发布范围不存在，请重新选择', 'targets'))
    expect((t.db().notices ?? []).length).toBe(count)
  })

  it('the feed fixture needs a building that exists', async () => {
    const t = setup()
    const count = (t.db().notices ?? []).length
    const res = await t.post(P.staff, '/demo/notice-fixture', { buildingId: 'b_99', count: 3 })
    expect(res).toEqual(refused('NOT_FOUND', '该楼栋不存在'))
    expect((t.db().notices ?? []).length).toBe(count)
  })
})

describe('民生诉求 refusals', () => {
  async function file(t: T): Promise<string> {
    const res = await t.post<Id>(P.resident, '/requests', VALID_REQUEST)
    expect(res.status).toBe(200)
    return res.body.id
  }
  const request = (t: T, id: string) => (t.db().serviceRequests ?? []).find((r) => r.id === id)!

  it('a request that does not exist cannot be followed', async () => {
    const t = setup()
    expect(await t.post(P.elderlyResident, '/requests/sr_9999/follow')).toEqual(refused('NOT_FOUND', '未找到这条诉求，请刷新后重试'))
  })

  it('the requester does not follow their own request', async () => {
    const t = setup()
    const id = await file(t)
    const res = await t.post(P.resident, `/requests/${id}/follow`)
    expect(res).toEqual(refused('INVALID_STATE', '这是您自己提交的诉求，无需关注'))
    expect(request(t, id).followers).toEqual([])
  })

  it('staff act only on a request that exists', async () => {
    const t = setup()
    expect(await t.post(P.staff, '/staff/requests/sr_9999/accept')).toEqual(refused('NOT_FOUND', '未找到这条诉求，请刷新工单列表'))
  })

  it.each([
    ['declined', 'decline'],
    ['itself a duplicate', 'duplicate']
  ])('a request is not marked a duplicate of one that was %s', async (_what, action) => {
    const t = setup()
    const original = await file(t)
    if (action === 'decline') {
      expect((await t.post(P.staff, `/staff/requests/${original}/decline`, { reason: '不属于社区管理范围' })).status).toBe(200)
    } else {
      const first = await file(t)
      expect((await t.post(P.staff, `/staff/requests/${original}/duplicate`, { duplicateOf: first })).status).toBe(200)
    }
    const later = await file(t)
    const res = await t.post(P.staff, `/staff/requests/${later}/duplicate`, { duplicateOf: original })
    expect(res).toEqual(refused('VALIDATION', '原诉求已不予受理或也是重复诉求，请选择正在办理或已办结的诉求', 'duplicateOf'))
    expect(request(t, later)).toMatchObject({ status: 'submitted', duplicateOfId: null })
  })
})

describe('上传 refusals', () => {
  it('an image with no bytes is refused and nothing is stored', async () => {
    const t = setup()
    const res: Res = await t.post(P.resident, '/files', { dataUrl: 'data:image/jpeg;base64,' })
    expect(res).toEqual(refused('VALIDATION', '图片内容为空，请重新选择', 'dataUrl'))
    expect(t.db().files).toEqual([])
  })
})
