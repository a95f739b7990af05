import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { KEY_PEOPLE } from '../../../mock'
import { endpoints } from '../../../types/contract'
import { call } from '../../core/api'
import { useNoticeDrafts } from '../draft-store'
import ComposePage from '../pages/compose'
import DetailPage from '../pages/detail'
import MessagesPage from '../pages/messages'
import MinePage from '../pages/mine'
import { eventually, signInAs, startBackend } from './helpers'

let mockParam = ''
jest.mock('../route', () => ({ useParam: () => mockParam }))

const text = (tu: TestUtils, selector: string) => tu.queries.querySelector(selector)?.textContent ?? null
const ok = (errMsg: string) => ({ errMsg } as never)

async function publishAsLeader(title = '3栋周六消防演练') {
  await signInAs(KEY_PEOPLE.leader)
  return call(endpoints.publishNotice, { title, body: '周六上午 10 点在楼下空地进行消防演练。', category: 'safety', targets: [{ scope: 'building', id: 'b_3' }] })
}

describe('managing notices and reading messages', () => {
  beforeEach(() => { useNoticeDrafts.setState({ drafts: {} }) })
  afterEach(() => jest.restoreAllMocks())

  it('keeps a half-typed notice when the page is closed and opened again', async () => {
    startBackend()
    await signInAs(KEY_PEOPLE.leader)
    const first = new TestUtils()
    await first.mount(ComposePage)
    const input = await first.queries.waitForQuerySelector('.compose-title input') as HTMLInputElement
    input.value = '明天停电'
    first.fireEvent.input(input)
    await eventually(() => expect(useNoticeDrafts.getState().drafts.new?.title).toBe('明天停电'))
    expect(String(Taro.getStorageSync('linli.notices.drafts'))).toContain('明天停电') // on the device, not only in memory
    first.unmout()

    const again = new TestUtils()
    await again.mount(ComposePage)
    const restored = await again.queries.waitForQuerySelector('.compose-title input') as HTMLInputElement
    await eventually(() => expect(restored.value).toBe('明天停电'))
    again.unmout()
  })

  it('edits a published notice starting from what was published', async () => {
    startBackend()
    const notice = await publishAsLeader()
    mockParam = notice.id
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue(ok('redirectTo:ok'))
    const tu = new TestUtils()
    await tu.mount(ComposePage)
    const input = await tu.queries.waitForQuerySelector('.compose-title input') as HTMLInputElement
    await eventually(() => expect(input.value).toBe('3栋周六消防演练'))
    input.value = '消防演练改到周日'
    tu.fireEvent.input(input)
    tu.fireEvent.click(tu.queries.querySelector('.compose-submit') as HTMLElement)
    await eventually(() => expect(redirect).toHaveBeenCalledWith({ url: `/notices/pages/detail/index?id=${notice.id}` }))
    await expect(call(endpoints.getNotice, { id: notice.id })).resolves.toMatchObject({ title: '消防演练改到周日', editedAt: expect.any(String) })
    tu.unmout()
  })

  it('withdraws after a confirmation, and the history shows 已撤回', async () => {
    startBackend()
    const notice = await publishAsLeader()
    mockParam = notice.id
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
    const tu = new TestUtils()
    await tu.mount(DetailPage)
    const withdraw = await tu.queries.waitForQuerySelector('.notice-detail__withdraw') as HTMLElement
    tu.fireEvent.click(withdraw)
    await tu.queries.waitForQueryByText('已撤回：居民已看不到这条通知')
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '撤回这条通知？' }))
    expect(tu.queries.querySelector('.notice-detail__withdraw')).toBeNull()
    tu.unmout()

    const mine = new TestUtils()
    await mine.mount(MinePage)
    await mine.queries.waitForQuerySelector('.mine-row--withdrawn')
    expect(text(mine, '.mine-row--withdrawn .ll-cell__title')).toBe('3栋周六消防演练')
    expect(text(mine, '.mine-row--withdrawn .ll-cell__value')).toBe('已撤回')
    mine.unmout()
  })

  it('does not withdraw when the leader cancels', async () => {
    startBackend()
    const notice = await publishAsLeader()
    mockParam = notice.id
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: false, cancel: true, errMsg: 'showModal:ok' } as never)
    const tu = new TestUtils()
    await tu.mount(DetailPage)
    tu.fireEvent.click(await tu.queries.waitForQuerySelector('.notice-detail__withdraw') as HTMLElement)
    await new Promise((r) => setTimeout(r, 100))
    await expect(call(endpoints.getNotice, { id: notice.id })).resolves.toMatchObject({ status: 'published' })
    tu.unmout()
  })

  it('opens a message\'s page and marks it read', async () => {
    startBackend()
    const notice = await publishAsLeader('楼道灯维修')
    await signInAs(KEY_PEOPLE.elderlyResident)
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue(ok('navigateTo:ok'))
    const tu = new TestUtils()
    await tu.mount(MessagesPage)
    await tu.queries.waitForQuerySelector('.msg-row')
    const row = Array.from(tu.queries.querySelectorAll('.msg-row')).find((r) => r.textContent?.includes('楼道灯维修')) as HTMLElement
    expect(row.className).toContain('msg-row--unread')
    tu.fireEvent.click(row)
    await eventually(() => expect(navigate).toHaveBeenCalledWith({ url: `/notices/pages/detail/index?id=${notice.id}` }))
    await eventually(() => expect(row.className).not.toContain('msg-row--unread'))
    const inbox = await call(endpoints.listMessages, { kind: 'notice' })
    expect(inbox.items.find((m) => m.title === '楼道灯维修')?.read).toBe(true)
    tu.unmout()
  })
})
