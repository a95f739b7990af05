import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { KEY_PEOPLE } from '../../../mock'
import { endpoints } from '../../../types/contract'
import { call } from '../../core/api'
import { useTheme } from '../../core/theme'
import { NoticeFeed } from '../components/notice-feed'
import { eventually, signInAs, startBackend } from './helpers'

const rows = (tu: TestUtils) => Array.from(tu.queries.querySelectorAll('.notice-row')) as HTMLElement[]
const titleOf = (row: HTMLElement) => row.querySelector('.notice-row__title')?.textContent

describe('首页 notice feed', () => {
  afterEach(() => jest.restoreAllMocks())

  it('lists pinned notices first, marks unread ones, and drops other buildings\' notices', async () => {
    startBackend()
    await signInAs(KEY_PEOPLE.elderlyResident)
    const tu = new TestUtils()
    await tu.mount(NoticeFeed)
    await tu.queries.waitForQuerySelector('.notice-row')
    const list = rows(tu)
    const titles = list.map(titleOf)
    expect(titles.slice(0, 2).sort()).toEqual(['3栋明天上午停水', '冬季消防安全提示'])
    expect(list.length).toBeGreaterThan(2)
    // Both pinned; the one 王秀英 read but has not confirmed says 待确认 in place of 置顶 (two flags at most).
    const flags = (r: Element) => Array.from(r.querySelectorAll('.notice-row__flag')).map((f) => f.textContent)
    const byTitle = new Map(list.map((r) => [titleOf(r), flags(r)]))
    expect(byTitle.get('3栋明天上午停水')).toEqual(['待确认'])
    expect(byTitle.get('冬季消防安全提示')).toEqual(['置顶', '未读'])
    expect(titles).not.toContain('5栋邻里茶话会')

    // 王秀英 already read 3栋明天上午停水; 冬季消防安全提示 is new to her.
    const water = list.find((r) => titleOf(r) === '3栋明天上午停水') as HTMLElement
    const fire = list.find((r) => titleOf(r) === '冬季消防安全提示') as HTMLElement
    expect(water.className).not.toContain('notice-row--unread')
    expect(fire.className).toContain('notice-row--unread')
    expect(fire.querySelector('.notice-row__flag--unread')?.textContent).toBe('未读')
    const unread = list.filter((r) => r.className.includes('notice-row--unread')).length
    expect(tu.queries.querySelector('.notice-feed__unread')?.textContent).toBe(`${unread} 条未读`)
    expect(water.querySelector('.notice-row__meta')?.textContent).toContain('3栋楼长 李建国 · 3小时前')
    tu.unmout()
  })

  it('opens the detail page of a tapped notice', async () => {
    startBackend()
    await signInAs(KEY_PEOPLE.resident)
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
    const tu = new TestUtils()
    await tu.mount(NoticeFeed)
    const row = await tu.queries.waitForQuerySelector('.notice-row') as HTMLElement
    tu.fireEvent.click(row)
    await eventually(() => expect(navigate).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/notices\/pages\/detail\/index\?id=n_\d+$/) }))
    expect(tu.queries.querySelector('.notice-feed__compose')).toBeNull() // residents get no 发布通知
    tu.unmout()
  })

  it('offers 发布通知 and 我发布的通知 to a 楼长', async () => {
    startBackend()
    await signInAs(KEY_PEOPLE.leader)
    const tu = new TestUtils()
    await tu.mount(NoticeFeed)
    await tu.queries.waitForQuerySelector('.notice-row')
    expect(tu.queries.querySelector('.notice-feed__compose')?.textContent).toContain('发布通知')
    expect(tu.queries.querySelector('.notice-feed__mine')?.textContent).toContain('我发布的通知')
    // His own 停水 notice asks residents for 我已知晓, not him: no 待确认 on it.
    const own = Array.from(tu.queries.querySelectorAll('.notice-row')).find((r) => r.querySelector('.notice-row__title')?.textContent === '3栋明天上午停水') as HTMLElement
    expect(Array.from(own.querySelectorAll('.notice-row__flag')).map((f) => f.textContent)).toEqual(['置顶'])
    tu.unmout()
  })

  it('folds a 楼长\'s tools into one 楼长工具 button beside the heading in 大字模式', async () => {
    startBackend()
    await signInAs(KEY_PEOPLE.leader)
    useTheme.getState().setSize('large')
    const sheet = jest.spyOn(Taro, 'showActionSheet').mockResolvedValue({ tapIndex: 2, errMsg: 'showActionSheet:ok' } as never)
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
    const tu = new TestUtils()
    await tu.mount(NoticeFeed)
    await tu.queries.waitForQuerySelector('.notice-row')
    expect(tu.queries.querySelector('.notice-feed__tools')).toBeNull()
    const header = Array.from(tu.queries.querySelectorAll('.notice-feed__header .ll-button')).map((b) => b.textContent)
    expect(header).toEqual(['楼长工具'])
    tu.fireEvent.click(tu.queries.querySelector('.notice-feed__menu') as Element)
    await eventually(() => expect(navigate).toHaveBeenCalledWith({ url: '/notices/pages/elderly/index' }))
    expect(sheet.mock.calls[0]?.[0]).toMatchObject({ itemList: ['发布通知', '我发布的通知', '代老人办事'] })
    tu.unmout()
    useTheme.getState().setSize('standard')
  })

  it('gives staff 通知管理 in 大字模式 (发布通知, 我发布的通知) and the row of buttons at normal size', async () => {
    startBackend()
    await signInAs(KEY_PEOPLE.staff)
    useTheme.getState().setSize('large')
    const sheet = jest.spyOn(Taro, 'showActionSheet').mockResolvedValue({ tapIndex: 0, errMsg: 'showActionSheet:ok' } as never)
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
    const tu = new TestUtils()
    await tu.mount(NoticeFeed)
    await tu.queries.waitForQuerySelector('.notice-row')
    expect(tu.queries.querySelector('.notice-feed__menu')?.textContent).toBe('通知管理')
    tu.fireEvent.click(tu.queries.querySelector('.notice-feed__menu') as Element)
    await eventually(() => expect(navigate).toHaveBeenCalledWith({ url: '/notices/pages/compose/index' }))
    expect(sheet.mock.calls[0]?.[0]).toMatchObject({ itemList: ['发布通知', '我发布的通知'] })
    useTheme.getState().setSize('standard')
    await eventually(() => expect(Array.from(tu.queries.querySelectorAll('.notice-feed__tools .ll-button')).map((b) => b.textContent)).toEqual(['发布通知', '我发布的通知']))
    expect(tu.queries.querySelector('.notice-feed__menu')).toBeNull()
    tu.unmout()
  })

  it('shows a title with markup as plain text', async () => {
    startBackend()
    await signInAs(KEY_PEOPLE.leader)
    await call(endpoints.publishNotice, { title: '<img src=x onerror=alert(1)>', body: '<b>粗体</b>', category: 'other', targets: [{ scope: 'building', id: 'b_3' }] })
    await signInAs(KEY_PEOPLE.elderlyResident)
    const tu = new TestUtils()
    await tu.mount(NoticeFeed)
    await tu.queries.waitForQueryByText('<img src=x onerror=alert(1)>')
    expect(rows(tu).map(titleOf)).toContain('<img src=x onerror=alert(1)>')
    expect(document.querySelector('img[src="x"]')).toBeNull()
    expect(document.querySelector('.notice-row b')).toBeNull()
    tu.unmout()
  })

  it('keeps showing the last loaded notices when the network is gone, and says so', async () => {
    startBackend()
    await signInAs(KEY_PEOPLE.elderlyResident)
    const first = new TestUtils()
    await first.mount(NoticeFeed)
    await first.queries.waitForQuerySelector('.notice-row')
    const seen = rows(first).length
    first.unmout()

    jest.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false)
    window.dispatchEvent(new Event('offline'))
    const offline = new TestUtils()
    await offline.mount(NoticeFeed)
    await offline.queries.waitForQueryByText('网络未连接，显示的是上次保存的通知')
    await new Promise((r) => setTimeout(r, 100))
    expect(rows(offline)).toHaveLength(seen)
    expect(offline.queries.querySelector('.ll-state--error')).toBeNull()
    offline.unmout()
  })
})
