// Two people on one phone: after a 演示身份 switch (or logout and login) the 首页 feed, 消息 and the
// compose drafts show nothing of the person before; that person's drafts are back when they are.
import TestUtils from '@tarojs/test-utils-react'
import { KEY_PEOPLE } from '../../../mock'
import { useSession } from '../../core/session/store'
import { NoticeFeed } from '../components/notice-feed'
import { NEW_SLOT, useNoticeDrafts } from '../draft-store'
import { loadMessages, useMessages } from '../messages-store'
import { useNotices } from '../store'
import { eventually, signInAs, startBackend } from './helpers'

const A = KEY_PEOPLE.elderlyResident // 王秀英, 3栋
const B = KEY_PEOPLE.resident // 周婷, 1栋
const A_ONLY = '3栋明天上午停水'
const switchTo = (personId: string) => useSession.getState().switchIdentity(personId)
const titles = (tu: TestUtils) => Array.from(tu.queries.querySelectorAll('.notice-row__title')).map((t) => t.textContent)

describe('notices across a change of identity', () => {
  beforeEach(() => { useNoticeDrafts.setState({ drafts: {}, others: {} }) })

  it('B never sees A\'s 首页 feed, notices or messages, not even before B\'s own load', async () => {
    const backend = startBackend()
    await signInAs(A)
    const tu = new TestUtils()
    await tu.mount(NoticeFeed)
    await eventually(() => expect(titles(tu)).toContain(A_ONLY))
    await loadMessages('first', null)
    expect(useMessages.getState().list.items.length).toBeGreaterThan(0)
    const aMessages = useMessages.getState().list.items.map((m) => m.id)

    backend.setFaults({ latencyMs: 400 })
    await tu.act(async () => { await switchTo(B) })
    // At once, while B's feed is still on its way.
    expect(useNotices.getState().feed.items).toEqual([])
    expect(useNotices.getState().byId).toEqual({})
    expect(useMessages.getState()).toMatchObject({ unread: 0, list: { items: [] } })
    expect(titles(tu)).not.toContain(A_ONLY)

    backend.setFaults({ latencyMs: 0 })
    await loadMessages('first', null)
    expect(useMessages.getState().list.items.filter((m) => aMessages.includes(m.id))).toEqual([])
    await eventually(() => expect(useNotices.getState().feed.phase).toBe('ready'))
    // B's own feed came in by itself, without A's 3栋 notice.
    await eventually(() => expect(titles(tu).length).toBeGreaterThan(0))
    expect(useNotices.getState().feed.items.map((n) => n.title)).not.toContain(A_ONLY)
    expect(titles(tu)).not.toContain(A_ONLY)
    tu.unmout()
  })

  it('a 楼长\'s half-typed notice waits for the 楼长, unseen by the next person', async () => {
    startBackend()
    await signInAs(KEY_PEOPLE.leader)
    useNoticeDrafts.getState().patch(NEW_SLOT, { title: '4栋周六停电检修', body: '上午9点至11点' })

    await switchTo(KEY_PEOPLE.leaderJinxiu)
    expect(useNoticeDrafts.getState().drafts).toEqual({})
    useNoticeDrafts.getState().patch(NEW_SLOT, { title: '5栋茶话会' })

    await useSession.getState().logout()
    expect(useNoticeDrafts.getState().drafts).toEqual({})
    await switchTo(KEY_PEOPLE.leader)
    expect(useNoticeDrafts.getState().drafts[NEW_SLOT]).toMatchObject({ title: '4栋周六停电检修', body: '上午9点至11点' })
    await switchTo(KEY_PEOPLE.leaderJinxiu)
    expect(useNoticeDrafts.getState().drafts[NEW_SLOT]).toMatchObject({ title: '5栋茶话会' })
  })
})
