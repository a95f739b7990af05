// Two people on one phone (演示身份 switch, or logout and login as someone else): the second sees
// nothing of the first's 我的诉求, drafts or queued submissions; the first finds them on return.
import TestUtils from '@tarojs/test-utils-react'
import { KEY_PEOPLE } from '../../../mock'
import { flush, selectOutboxOf, startOutbox, useOutbox } from '../../core/outbox'
import { useSession } from '../../core/session/store'
import { hasContent, useRequestDraft } from '../draft-store'
import { listKey, loadMine, loadRequest, useRequests } from '../store'
import { SUBMIT_KIND, submitDraft, wireRequestOutbox } from '../submit'
import MyRequestsPage from '../pages/mine'
import { settle, startAs } from './harness'

const A = KEY_PEOPLE.resident // 周婷, 1栋
const B = KEY_PEOPLE.elderlyResident // 王秀英, 3栋
const switchTo = (personId: string) => useSession.getState().switchIdentity(personId)
const mineIds = () => ((useRequests.getState().lists[listKey.mine(null)]?.items ?? []) as Array<{ id: string }>).map((r) => r.id)
const mineTexts = () => ((useRequests.getState().lists[listKey.mine(null)]?.items ?? []) as Array<{ description: string }>).map((r) => r.description)

const fillA = () => {
  const d = useRequestDraft.getState()
  d.setCategory('streetlight')
  d.setAnswer('lamp_state', 'off')
  d.setDescription('1栋门口的路灯连续三晚不亮，周婷反映')
  d.setPlace({ id: 'b_1', name: '1栋', source: 'manual', point: null, distanceMeters: null })
}

describe('requests across a change of identity', () => {
  it('B sees none of A\'s 我的诉求, details or draft; A finds the half-typed draft on return', async () => {
    await startAs(A)
    await loadMine(null, 'first')
    const aIds = mineIds()
    expect(aIds.length).toBeGreaterThan(0)
    await loadRequest(aIds[0])
    fillA()
    const aKey = useRequestDraft.getState().key

    await switchTo(B)
    expect(useRequests.getState().lists).toEqual({})
    expect(useRequests.getState().byId).toEqual({})
    expect(hasContent(useRequestDraft.getState())).toBe(false)
    expect(useRequestDraft.getState().key).not.toBe(aKey)

    const tu = new TestUtils()
    await tu.mount(MyRequestsPage)
    await settle(tu, 300)
    expect(useRequests.getState().lists[listKey.mine(null)]?.phase).toBe('ready')
    expect(mineIds().filter((id) => aIds.includes(id))).toEqual([])
    expect(tu.html()).not.toContain('周婷反映')
    tu.unmout()

    await useSession.getState().logout()
    expect(hasContent(useRequestDraft.getState())).toBe(false)
    await switchTo(A)
    expect(useRequestDraft.getState()).toMatchObject({ key: aKey, categoryCode: 'streetlight', description: '1栋门口的路灯连续三晚不亮，周婷反映', place: { id: 'b_1' } })
  })

  it('a 楼长\'s own draft and 代办 drafts stay with the 楼长', async () => {
    await startAs(KEY_PEOPLE.leader)
    useRequestDraft.getState().setDescription('我自己的：4栋楼道灯坏了')
    useRequestDraft.getState().switchTo(KEY_PEOPLE.elderlyResident)
    useRequestDraft.getState().setDescription('代王秀英：家里水管漏水')

    await switchTo(KEY_PEOPLE.resident)
    expect(useRequestDraft.getState()).toMatchObject({ description: '', onBehalfOf: null, aside: {} })
    useRequestDraft.getState().setDescription('周婷自己的草稿')

    await switchTo(KEY_PEOPLE.leader)
    expect(useRequestDraft.getState()).toMatchObject({ description: '代王秀英：家里水管漏水', onBehalfOf: KEY_PEOPLE.elderlyResident })
    useRequestDraft.getState().switchTo(null)
    expect(useRequestDraft.getState().description).toBe('我自己的：4栋楼道灯坏了')

    await switchTo(KEY_PEOPLE.resident)
    expect(useRequestDraft.getState().description).toBe('周婷自己的草稿')
  })

  it('A\'s queued submission is neither shown to B nor sent with B\'s token; it goes out when A is back', async () => {
    const backend = await startAs(A)
    wireRequestOutbox()
    const stop = startOutbox()
    fillA()
    const key = useRequestDraft.getState().key
    backend.setFaults({ offline: true })
    expect((await submitDraft()).status).toBe('queued')
    backend.setFaults({ offline: false })

    await switchTo(B)
    expect(selectOutboxOf(SUBMIT_KIND)(useOutbox.getState())).toEqual([])
    await flush(true)
    await new Promise((r) => setTimeout(r, 50))
    expect(useOutbox.getState().items.map((i) => i.key)).toEqual([key])
    await loadMine(null, 'refresh')
    expect(mineTexts()).not.toContain('1栋门口的路灯连续三晚不亮，周婷反映')

    await switchTo(A)
    for (let i = 0; i < 100 && useOutbox.getState().items.length; i++) await new Promise((r) => setTimeout(r, 20))
    expect(useOutbox.getState().items).toEqual([])
    await loadMine(null, 'refresh')
    expect(mineTexts()).toContain('1栋门口的路灯连续三晚不亮，周婷反映')
    stop()
  })
})
