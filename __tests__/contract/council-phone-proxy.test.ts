// 委托 made by phone and recorded by staff, against both transports: who is offered (60+ on the
// frozen roll, with their building's 楼长), who may ask (staff only), and the record showing up.
import { KEY_PEOPLE } from '../../mock'
import { endpoints } from '../../types/contract'
import { describeBothTransports } from '../helpers/contract'

describeBothTransports('council phone 委托', (t) => {
  it('offers staff the elderly on the roll with their 楼长, and records a 委托 once', async () => {
    const staff = await t.loginAs(KEY_PEOPLE.staff)
    const before = await t.call(endpoints.listProxyCandidates, { id: 'cp_0004' }, { token: staff.token })
    expect(before.length).toBeGreaterThan(0)
    expect(before.filter((c) => c.age < 60)).toEqual([])
    const wang = before.find((c) => c.personId === KEY_PEOPLE.elderlyResident)
    expect(wang).toMatchObject({ name: '王秀英', age: 78, leaders: [{ personId: KEY_PEOPLE.leader, name: '李建国' }], delegatedTo: null, voted: false })

    await t.call(endpoints.delegateProxy, { id: 'cp_0004', leaderId: KEY_PEOPLE.leader, residentId: KEY_PEOPLE.elderlyResident, note: '电话委托' }, { token: staff.token })
    await t.call(endpoints.delegateProxy, { id: 'cp_0004', leaderId: KEY_PEOPLE.leader, residentId: KEY_PEOPLE.elderlyResident, note: '电话委托' }, { token: staff.token })
    const after = await t.call(endpoints.listProxyCandidates, { id: 'cp_0004' }, { token: staff.token })
    expect(after.find((c) => c.personId === KEY_PEOPLE.elderlyResident)?.delegatedTo).toBe('李建国')
    const record = t.backend.db().proposals?.find((p) => p.id === 'cp_0004')?.vote?.delegations.filter((d) => d.residentId === KEY_PEOPLE.elderlyResident)
    expect(record?.map((d) => ({ leaderId: d.leaderId, recordedBy: d.recordedBy }))).toEqual([{ leaderId: KEY_PEOPLE.leader, recordedBy: KEY_PEOPLE.staff }])
  })

  it('refuses residents and 楼长 the list, and a proposal without a vote', async () => {
    const leader = await t.loginAs(KEY_PEOPLE.leader)
    await expect(t.call(endpoints.listProxyCandidates, { id: 'cp_0004' }, { token: leader.token })).rejects.toMatchObject({ status: 403 })
    const wang = await t.loginAs(KEY_PEOPLE.elderlyResident)
    await expect(t.call(endpoints.listProxyCandidates, { id: 'cp_0004' }, { token: wang.token })).rejects.toMatchObject({ status: 403 })
    const staff = await t.loginAs(KEY_PEOPLE.staff)
    await expect(t.call(endpoints.listProxyCandidates, { id: 'cp_0001' }, { token: staff.token })).rejects.toMatchObject({ status: 422, message: '该议题还没有安排表决' })
    await expect(t.call(endpoints.listProxyCandidates, { id: 'cp_9999' }, { token: staff.token })).rejects.toMatchObject({ status: 404 })
  })
})
