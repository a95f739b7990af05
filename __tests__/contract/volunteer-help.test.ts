// 邻里互助 against both transports: ask (self or 楼长 on behalf), claim once, address only for the
// claimer, done → confirm by the requester (never the helper), auto-confirm after 72 h, disputes.
import { KEY_PEOPLE } from '../../mock'
import { balanceOf } from '../../mock/handlers/timebank-ledger'
import { endpoints } from '../../types/contract'
import { describeBothTransports } from '../helpers/contract'

const { elderlyResident: wang, volunteer: zhang, leader: li, staff, leaderJinxiu: zhao } = KEY_PEOPLE
const huang = 'p_011'
const H = 3600_000

describeBothTransports('volunteer help tasks contract', (t) => {
  const as = async (id: string) => (await t.loginAs(id)).token

  it('takes a request from ask to confirm, showing the address only to the claimer and crediting once', async () => {
    const w = await as(wang)
    const task = await t.call(endpoints.askForHelp, { kind: 'lightbulb', detail: '卫生间灯泡坏了', whenText: '今天下午' }, { token: w })
    expect(task).toMatchObject({ status: 'open', buildingLabel: '桂花苑 3栋', address: '桂花苑 3栋2单元502', filedByLeader: null })

    const h = await as(huang)
    const open = await t.call(endpoints.listHelpTasks, { view: 'open' }, { token: h })
    const seen = open.find((x) => x.id === task.id)
    expect(seen).toMatchObject({ address: null, requesterName: '王*', buildingLabel: '桂花苑 3栋' })

    const z = await as(zhang)
    const claimed = await t.call(endpoints.claimHelpTask, { id: task.id }, { token: z })
    expect(claimed).toMatchObject({ status: 'claimed', address: '桂花苑 3栋2单元502', requesterName: '王秀英' })
    await expect(t.call(endpoints.claimHelpTask, { id: task.id }, { token: h }))
      .rejects.toMatchObject({ status: 409, message: '这个请求已被其他志愿者认领' })
    expect((await t.call(endpoints.getHelpTask, { id: task.id }, { token: h })).address).toBeNull()

    await t.call(endpoints.completeHelpTask, { id: task.id, minutes: 40 }, { token: z })
    await expect(t.call(endpoints.confirmHelpTask, { id: task.id }, { token: z }))
      .rejects.toMatchObject({ status: 403, message: '不能确认自己提供的帮助' })
    const before = balanceOf(t.backend.db(), `person:${zhang}`)
    const done = await t.call(endpoints.confirmHelpTask, { id: task.id }, { token: w })
    expect(done).toMatchObject({ status: 'confirmed', autoConfirmed: false, minutes: 40 })
    await t.call(endpoints.confirmHelpTask, { id: task.id }, { token: w })
    expect(balanceOf(t.backend.db(), `person:${zhang}`) - before).toBe(1)
    const messages = await t.call(endpoints.listMessages, { kind: 'volunteer' }, { token: z })
    expect(messages.items[0].title).toBe('互助已确认')
  })

  it('refuses claiming one\'s own task, and the 楼长 who filed it on someone\'s behalf', async () => {
    const me = await as(zhao) // 楼长 of 5栋 and a volunteer
    const own = await t.call(endpoints.askForHelp, { kind: 'other', detail: '帮忙搬一下花盆', whenText: '周六上午' }, { token: me })
    await expect(t.call(endpoints.claimHelpTask, { id: own.id }, { token: me }))
      .rejects.toMatchObject({ status: 403, message: '不能认领自己的互助请求' })
    const options = await t.call(endpoints.listHelpOnBehalf, {}, { token: me })
    const neighbour = options[0]
    const filed = await t.call(endpoints.askForHelp, { kind: 'groceries', detail: '买菜两斤', whenText: '明天', forPersonId: neighbour.personId }, { token: me })
    expect(filed.filedByLeader).toBe('赵敏（楼长代为申请）')
    await expect(t.call(endpoints.claimHelpTask, { id: filed.id }, { token: me }))
      .rejects.toMatchObject({ status: 403, message: '不能认领自己代为申请的互助请求' })
    await expect(t.call(endpoints.askForHelp, { kind: 'groceries', detail: '买菜两斤', whenText: '明天', forPersonId: wang }, { token: me }))
      .rejects.toMatchObject({ status: 403, message: '只能代您负责楼栋的居民申请' })
    await expect(t.call(endpoints.claimHelpTask, { id: filed.id }, { token: await as(wang) }))
      .rejects.toMatchObject({ status: 403, message: '仅志愿者可以认领互助请求' })
  })

  it('confirms automatically after 72 hours, flags it for staff, and lets the 楼长 dispute within 7 days', async () => {
    const l = await as(li)
    const task = await t.call(endpoints.askForHelp, { kind: 'medicine', detail: '取药', whenText: '明天', forPersonId: wang }, { token: l })
    const z = await as(zhang)
    await t.call(endpoints.claimHelpTask, { id: task.id }, { token: z })
    await t.call(endpoints.completeHelpTask, { id: task.id, minutes: 60 }, { token: z })
    t.advance(72 * H)
    const s = await as(staff)
    const flagged = await t.call(endpoints.listHelpTasks, { view: 'staff' }, { token: s })
    expect(flagged.find((x) => x.id === task.id)).toMatchObject({ status: 'confirmed', autoConfirmed: true })
    const disputed = await t.call(endpoints.disputeHelpTask, { id: task.id, reason: '实际没有上门' }, { token: l })
    expect(disputed.status).toBe('disputed')
    await expect(t.call(endpoints.settleHelpTask, { id: task.id, minutes: 60, note: '核实已上门' }, { token: z })).rejects.toMatchObject({ status: 403 })
    await expect(t.call(endpoints.settleHelpTask, { id: task.id, minutes: 60, note: '核实已上门' }, { token: s })).resolves.toMatchObject({ status: 'settled' })
    t.advance(8 * 24 * H)
    const late = await t.call(endpoints.askForHelp, { kind: 'medicine', detail: '再取一次药', whenText: '明天', forPersonId: wang }, { token: l })
    await t.call(endpoints.claimHelpTask, { id: late.id }, { token: z })
    await t.call(endpoints.completeHelpTask, { id: late.id, minutes: 30 }, { token: z })
    t.advance(8 * 24 * H)
    await expect(t.call(endpoints.disputeHelpTask, { id: late.id, reason: '太晚了' }, { token: l }))
      .rejects.toMatchObject({ status: 422, message: '完成 7 天内才能提出异议' })
  })

  it('lets the requester withdraw a claimed task (the claimer is told) but not someone else', async () => {
    const w = await as(wang)
    const task = await t.call(endpoints.askForHelp, { kind: 'haircut', detail: '上门理发', whenText: '周日' }, { token: w })
    const z = await as(zhang)
    await t.call(endpoints.claimHelpTask, { id: task.id }, { token: z })
    await expect(t.call(endpoints.cancelHelpTask, { id: task.id }, { token: z })).rejects.toMatchObject({ status: 403, message: '只有求助的居民或代为申请的楼长可以撤销' })
    await expect(t.call(endpoints.cancelHelpTask, { id: task.id }, { token: w })).resolves.toMatchObject({ status: 'cancelled' })
    const inbox = await t.call(endpoints.listMessages, { kind: 'volunteer' }, { token: z })
    expect(inbox.items[0].title).toBe('互助请求已撤销')
  })

  it('lists open tasks nearest building first for a volunteer and refuses a resident (403)', async () => {
    const z = await as(zhang)
    const open = await t.call(endpoints.listHelpTasks, { view: 'open' }, { token: z })
    const distances = open.map((x) => x.distanceM ?? 0)
    expect(distances).toEqual([...distances].sort((a, b) => a - b))
    await expect(t.call(endpoints.listHelpTasks, { view: 'open' }, { token: await as(wang) })).rejects.toMatchObject({ status: 403 })
    await expect(t.call(endpoints.askForHelp, { kind: 'other', detail: 'x', whenText: '明天' }, { token: await as(wang) }))
      .rejects.toMatchObject({ status: 400, fields: { detail: '需要帮什么至少需要 2 个字' } })
  })
})
