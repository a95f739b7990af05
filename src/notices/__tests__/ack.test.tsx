// 我已知晓 as the resident and the 楼长 meet it: the button on an important notice, the confirmation
// counted apart from reads, offline confirmations kept and sent by core, the compose switch.
import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { KEY_PEOPLE } from '../../../mock'
import { endpoints, type NoticeCategory } from '../../../types/contract'
import { call } from '../../core/api'
import { flush, useOutbox } from '../../core/outbox'
import ComposePage from '../pages/compose'
import DetailPage from '../pages/detail'
import ReceiptsPage from '../pages/receipts'
import { NEW_SLOT, useNoticeDrafts } from '../draft-store'
import { eventually, signInAs, startBackend } from './helpers'

let mockParam = ''
jest.mock('../route', () => ({ useParam: () => mockParam }))

const text = (tu: TestUtils, selector: string) => tu.queries.querySelector(selector)?.textContent ?? null

async function publish(category: NoticeCategory, title = '3栋明早停水') {
  await signInAs(KEY_PEOPLE.leader)
  return call(endpoints.publishNotice, { title, body: '明天 9:00–13:00 停水，请提前储水。', category, targets: [{ scope: 'building', id: 'b_3' }] })
}

async function openDetail(id: string) {
  mockParam = id
  const tu = new TestUtils()
  await tu.mount(DetailPage)
  await tu.queries.waitForQuerySelector('.notice-view__title')
  return tu
}

describe('我已知晓 on important notices', () => {
  afterEach(() => {
    jest.restoreAllMocks()
    useOutbox.setState({ items: [] })
  })

  it('lets the resident confirm, then shows it as confirmed, and the 楼长 counts it apart from reads', async () => {
    const backend = startBackend()
    const notice = await publish('outage')
    await signInAs(KEY_PEOPLE.elderlyResident)
    const toast = jest.spyOn(Taro, 'showToast')
    const tu = await openDetail(notice.id)
    expect(text(tu, '.notice-ack__hint')).toBe('这是一条重要通知，请看完后点“我已知晓”，让发布人知道您已收到。')
    tu.act(() => { (tu.queries.querySelector('.notice-ack__button') as HTMLElement).click() })
    await tu.queries.waitForQuerySelector('.notice-ack--done')
    expect(text(tu, '.notice-ack--done')).toBe('您已确认知晓这条通知')
    await eventually(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已确认知晓' })))
    expect(Object.keys(backend.db().notices?.find((n) => n.id === notice.id)?.ackedBy ?? {})).toEqual([KEY_PEOPLE.elderlyResident])
    tu.unmout()

    await signInAs(KEY_PEOPLE.leader)
    const receipts = new TestUtils()
    await receipts.mount(ReceiptsPage)
    await receipts.queries.waitForQuerySelector('.receipts-acks')
    const target = Number(text(receipts, '.receipts-count')?.split('/')[1])
    expect(target).toBeGreaterThan(1)
    expect(text(receipts, '.receipts-count')).toBe(`1/${target}`)
    expect(text(receipts, '.receipts-acks')).toBe(`1/${target}`)
    // No reminder has been sent yet: the button says 提醒, not 再次提醒.
    expect(text(receipts, '.receipts-remind')).toBe(`提醒未确认的 ${target - 1} 户`)
    receipts.unmout()
  })

  it('lists a household that read but did not confirm, and reminds it', async () => {
    startBackend()
    const notice = await publish('safety')
    await signInAs(KEY_PEOPLE.elderlyResident)
    ;(await openDetail(notice.id)).unmout()
    await signInAs(KEY_PEOPLE.leader)
    const receipts = new TestUtils()
    await receipts.mount(ReceiptsPage)
    await receipts.queries.waitForQuerySelector('.receipts-unconfirmed')
    expect(Array.from(receipts.queries.querySelectorAll('.receipts-unconfirmed')).map((c) => c.textContent)).toEqual(['3栋2单元502王*'])
    expect(text(receipts, '.receipts-acks')?.startsWith('0/')).toBe(true)
    receipts.unmout()
  })

  it('offers no 我已知晓 on an ordinary notice', async () => {
    startBackend()
    const notice = await publish('activity', '3栋茶话会')
    await signInAs(KEY_PEOPLE.elderlyResident)
    const tu = await openDetail(notice.id)
    expect(tu.queries.querySelector('.notice-ack__button')).toBeNull()
    expect(tu.queries.querySelector('.notice-ack--done')).toBeNull()
    tu.unmout()
  })

  it('keeps a confirmation made offline in the outbox and core sends it when the network is back', async () => {
    const backend = startBackend()
    const notice = await publish('outage')
    await signInAs(KEY_PEOPLE.elderlyResident)
    const tu = await openDetail(notice.id)
    const toast = jest.spyOn(Taro, 'showToast')
    const onLine = jest.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false)
    tu.act(() => { (tu.queries.querySelector('.notice-ack__button') as HTMLElement).click() })
    await tu.queries.waitForQuerySelector('.notice-ack--done')
    await eventually(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已记下，联网后自动发送' })))
    expect(useOutbox.getState().items.map((i) => i.label)).toEqual(['确认知晓：3栋明早停水'])
    expect(backend.db().notices?.find((n) => n.id === notice.id)?.ackedBy).toEqual({})
    tu.unmout()

    onLine.mockReturnValue(true)
    await flush(true)
    expect(useOutbox.getState().items).toEqual([])
    expect(Object.keys(backend.db().notices?.find((n) => n.id === notice.id)?.ackedBy ?? {})).toEqual([KEY_PEOPLE.elderlyResident])
  })

  it('turns 请居民确认知晓 on for 停水停电 without a way to turn it off, and sends the choice for others', async () => {
    startBackend()
    await signInAs(KEY_PEOPLE.leader)
    mockParam = ''
    useNoticeDrafts.getState().patch(NEW_SLOT, { category: 'outage' })
    const tu = new TestUtils()
    await tu.mount(ComposePage)
    const ack = await tu.queries.waitForQuerySelector('.compose-ack')
    expect(ack.getAttribute('checked')).toBe('true')
    expect(ack.getAttribute('disabled')).toBe('true')
    tu.act(() => { useNoticeDrafts.getState().patch(NEW_SLOT, { category: 'activity' }) })
    await eventually(() => expect(tu.queries.querySelector('.compose-ack')?.getAttribute('disabled')).toBe('false'))
    expect(tu.queries.querySelector('.compose-ack')?.getAttribute('checked')).toBe('false')
    tu.unmout()
  })

  it('comes back to the preview after a reload of the compose page', async () => {
    startBackend()
    await signInAs(KEY_PEOPLE.leader)
    mockParam = ''
    useNoticeDrafts.getState().patch(NEW_SLOT, { title: '3栋电梯停用', body: '周四停用两小时', category: 'other' })
    const first = new TestUtils()
    await first.mount(ComposePage)
    const preview = await first.queries.waitForQuerySelector('.compose-preview')
    first.act(() => { (preview as HTMLElement).click() })
    await first.queries.waitForQuerySelector('.compose-back')
    first.unmout()

    const again = new TestUtils()
    await again.mount(ComposePage)
    await again.queries.waitForQuerySelector('.compose-back')
    expect(text(again, '.notice-view__title')).toBe('3栋电梯停用')
    again.unmout()
  })
})
