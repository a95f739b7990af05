// 我的诉求's tabs as the server answers them: 办理中 holds every open state, 已办结 every final one
// (不予受理 included), and a filter the contract does not know is a typed 400.
import { KEY_PEOPLE } from '../../mock'
import { endpoints } from '../../types/contract'
import { describeBothTransports } from '../helpers/contract'

const REQUEST = {
  categoryCode: 'streetlight' as const,
  answers: { lamp_state: 'flicker' },
  description: '3栋前广场的路灯一直闪，晚上很晃眼',
  location: { placeId: 's_plaza_3', point: { lat: 22.5421, lng: 114.0582 }, note: '靠近花坛' }
}

describeBothTransports('requests grouped as a resident thinks of them', (t) => {
  it('puts submitted and accepted under 办理中, declined under 已办结, and all of them under 全部', async () => {
    const resident = await t.loginAs(KEY_PEOPLE.resident)
    const staff = await t.loginAs(KEY_PEOPLE.staff)
    const before = await t.call(endpoints.listMyServiceRequests, {}, { token: resident.token })
    const a = await t.call(endpoints.createServiceRequest, REQUEST, { token: resident.token })
    const b = await t.call(endpoints.createServiceRequest, { ...REQUEST, description: '5栋门口的路灯不亮了，晚上很黑' }, { token: resident.token })
    const c = await t.call(endpoints.createServiceRequest, { ...REQUEST, description: '6栋门口的路灯白天也亮着，浪费电' }, { token: resident.token })
    await t.call(endpoints.acceptServiceRequest, { id: b.id }, { token: staff.token })
    await t.call(endpoints.declineServiceRequest, { id: c.id, reason: '不属于社区管理范围' }, { token: staff.token })

    const open = await t.call(endpoints.listMyServiceRequests, { group: 'open', limit: 50 }, { token: resident.token })
    const done = await t.call(endpoints.listMyServiceRequests, { group: 'done', limit: 50 }, { token: resident.token })
    const all = await t.call(endpoints.listMyServiceRequests, { limit: 50 }, { token: resident.token })
    expect(open.items.map((r) => r.id)).toEqual(expect.arrayContaining([a.id, b.id]))
    expect(open.items.map((r) => r.id)).not.toContain(c.id)
    expect(done.items.map((r) => r.id)).toContain(c.id)
    expect(new Set(open.items.map((r) => r.status))).toEqual(new Set(open.items.map((r) => r.status).filter((s) => ['submitted', 'accepted', 'dispatched', 'in_progress'].includes(s))))
    expect(done.items.map((r) => r.status).filter((s) => !['closed', 'declined', 'duplicate'].includes(s))).toEqual([])
    expect(open.total + done.total).toBe(all.total)
    expect(all.total).toBe(before.total + 3)
  })

  it('refuses a group it does not know with a Chinese message', async () => {
    const resident = await t.loginAs(KEY_PEOPLE.resident)
    const raw = await t.raw({ method: 'GET', path: '/requests/mine?group=closed', headers: { Authorization: `Bearer ${resident.token}` } })
    expect(raw).toMatchObject({ status: 400, body: { fields: { group: '筛选不正确' } } })
  })
})
