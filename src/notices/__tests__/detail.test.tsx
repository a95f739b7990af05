import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { KEY_PEOPLE } from '../../../mock'
import { endpoints } from '../../../types/contract'
import { call } from '../../core/api'
import { useMessages } from '../messages-store'
import DetailPage from '../pages/detail'
import MessagesPage from '../pages/messages'
import ReceiptsPage from '../pages/receipts'
import { useNotices } from '../store'
import { eventually, signInAs, startBackend } from './helpers'

let mockParam = ''
jest.mock('../route', () => ({ useParam: () => mockParam }))

const XSS = '<img src=x onerror=alert(1)>'
const text = (tu: TestUtils, selector: string) => tu.queries.querySelector(selector)?.textContent ?? null

async function publishAsLeader(title = '3栋周六消防演练', body = '周六上午 10 点在楼下空地进行消防演练。') {
  await signInAs(KEY_PEOPLE.leader)
  return call(endpoints.publishNotice, { title, body, category: 'activity', targets: [{ scope: 'building', id: 'b_3' }] })
}

describe('notice detail, receipts and messages pages', () => {
  afterEach(() => jest.restoreAllMocks())

  it('shows markup as plain text in the detail, the feed row and the message center', async () => {
    startBackend()
    const notice = await publishAsLeader(XSS, `${XSS}\n请注意`)
    await signInAs(KEY_PEOPLE.elderlyResident)
    mockParam = notice.id
    const tu = new TestUtils()
    await tu.mount(DetailPage)
    await tu.queries.waitForQuerySelector('.notice-view__title')
    expect(text(tu, '.notice-view__title')).toBe(XSS)
    expect(text(tu, '.notice-view__body')).toBe(`${XSS}\n请注意`)
    expect(document.querySelector('img[src="x"]')).toBeNull()
    expect(text(tu, '.notice-view__poster')).toBe('3栋楼长 李建国')
    expect(text(tu, '.notice-view__time')).toMatch(/^刚刚（\d{4}年\d+月\d+日 \d\d:\d\d）$/)
    expect(tu.queries.querySelector('.notice-detail__withdraw')).toBeNull() // residents cannot withdraw
    tu.unmout()

    const inbox = new TestUtils()
    await inbox.mount(MessagesPage)
    await inbox.queries.waitForQuerySelector('.msg-row')
    expect(text(inbox, '.msg-row .ll-cell__title')).toContain(XSS)
    expect(document.querySelector('img[src="x"]')).toBeNull()
    inbox.unmout()
  })

  it('marks the notice read when opened, so the leader\'s count goes up and the unread list shrinks', async () => {
    startBackend()
    const notice = await publishAsLeader()
    mockParam = notice.id
    const before = new TestUtils()
    await before.mount(ReceiptsPage)
    await before.queries.waitForQuerySelector('.receipts-count')
    const target = Number(text(before, '.receipts-count')?.split('/')[1])
    expect(text(before, '.receipts-count')).toBe(`0/${target}`)
    const unreadBefore = before.queries.querySelectorAll('.receipts-unread').length
    expect(unreadBefore).toBe(target)
    expect(Array.from(before.queries.querySelectorAll('.receipts-unread')).map((c) => c.textContent)).toContain('3栋2单元502王*')
    before.unmout()

    await signInAs(KEY_PEOPLE.elderlyResident)
    const detail = new TestUtils()
    await detail.mount(DetailPage)
    await detail.queries.waitForQuerySelector('.notice-view__title')
    detail.unmout()

    await signInAs(KEY_PEOPLE.leader)
    useNotices.setState({ receipts: {} })
    const after = new TestUtils()
    await after.mount(ReceiptsPage)
    await after.queries.waitForQuerySelector('.receipts-count')
    expect(text(after, '.receipts-count')).toBe(`1/${target}`)
    expect(after.queries.querySelectorAll('.receipts-unread')).toHaveLength(unreadBefore - 1)
    after.unmout()
  })

  it('reminds the unread once, then says when the next reminder is allowed', async () => {
    const backend = startBackend()
    const notice = await publishAsLeader()
    mockParam = notice.id
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
    const tu = new TestUtils()
    await tu.mount(ReceiptsPage)
    const button = await tu.queries.waitForQuerySelector('.receipts-remind') as HTMLElement
    // Before any reminder it is 提醒, not 再次提醒.
    expect(button.textContent).toMatch(/^提醒未读的 \d+ 户$/)
    tu.fireEvent.click(button)
    await eventually(() => expect(text(tu, '.receipts-remind')).toMatch(/^\d+月\d+日 \d\d:\d\d 后可再次提醒$/))
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '提醒未读住户' }))
    // A Taro button always has the attribute (disabled="false"): its value is what counts.
    expect(tu.queries.querySelector('.receipts-remind')?.getAttribute('disabled')).toBe('true')
    expect(backend.db().messages?.filter((m) => m.kind === 'reminder' && m.ref === notice.id).length).toBeGreaterThan(0)
    tu.unmout()

    // A second device (or a stale screen) tries again: the server answers 429 with when.
    await expect(call(endpoints.remindNotice, { id: notice.id })).rejects.toMatchObject({ status: 429, message: expect.stringMatching(/^每条通知 24 小时内只能提醒一次，请于 \d+月\d+日 \d\d:\d\d 后再试$/) })
  })

  it('counts unread messages and marks them all read', async () => {
    startBackend()
    await publishAsLeader()
    await signInAs(KEY_PEOPLE.elderlyResident)
    const tu = new TestUtils()
    await tu.mount(MessagesPage)
    await tu.queries.waitForQuerySelector('.msg-row--unread')
    const unread = useMessages.getState().unread
    expect(unread).toBeGreaterThan(0)
    expect(text(tu, '.msg-unread')).toBe(`${unread} 条未读`)
    tu.fireEvent.click(tu.queries.querySelector('.msg-read-all') as HTMLElement)
    await eventually(() => expect(text(tu, '.msg-unread')).toBe('没有未读消息'))
    expect(tu.queries.querySelector('.msg-row--unread')).toBeNull()
    tu.unmout()
  })
})
