// No dead ends: a detail page opened with an id that does not exist (or that the caller may not
// see) says so and offers a way out, never only 重试, which could never succeed.
import { Current } from '@tarojs/runtime'
import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import type { ComponentType } from 'react'
import { createMemoryStorage, createMockBackend, KEY_PEOPLE } from '../../mock'
import { configureClient } from '../../src/core/api'
import { createEmbeddedTransport } from '../../src/core/api/embedded'
import { bootstrap } from '../../src/core/bootstrap'
import { useSession } from '../../src/core/session/store'
import CouncilDetailPage from '../../src/council/pages/detail'
import NoticeDetailPage from '../../src/notices/pages/detail'
import NoticeReceiptsPage from '../../src/notices/pages/receipts'
import RequestDetailPage from '../../src/requests/pages/detail'
import VolunteerDetailPage from '../../src/volunteer/pages/detail'

const NOW = Date.parse('2026-11-29T08:00:00+08:00')

async function startAs(personId: string) {
  const backend = createMockBackend({ storage: createMemoryStorage(), now: () => NOW })
  const transport = createEmbeddedTransport(backend)
  bootstrap(transport)
  configureClient({ transport, retryBaseMs: 0, retries: 0 })
  useSession.getState().clear()
  useSession.setState({ privacyAccepted: true })
  await useSession.getState().switchIdentity(personId)
}

let mounted: TestUtils | null = null

async function open(page: ComponentType, path: string, params: Record<string, string>) {
  Current.router = { params, path } as unknown as typeof Current.router
  const tu = new TestUtils()
  mounted = tu
  await tu.mount(page)
  await tu.queries.waitForQuerySelector('.ll-state--error', { timeout: 5000 })
  return tu
}

const buttonTexts = () => Array.from(document.querySelectorAll('.ll-state .ll-button')).map((b) => b.textContent)
const message = () => document.querySelector('.ll-state__message')?.textContent ?? null

describe('detail pages with an unknown id or no permission', () => {
  let navigateBack: jest.SpyInstance
  let switchTab: jest.SpyInstance
  beforeEach(() => {
    navigateBack = jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'navigateBack:ok' })
    switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' })
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
  })
  afterEach(() => {
    mounted?.unmout()
    mounted = null
    jest.restoreAllMocks()
  })

  const pages: [string, ComponentType, string, string][] = [
    ['requests detail', RequestDetailPage, '/requests/pages/detail/index', 'sr_9999'],
    ['notices detail', NoticeDetailPage, '/notices/pages/detail/index', 'n_9999'],
    ['council detail', CouncilDetailPage, '/council/pages/detail/index', 'cp_9999'],
    ['volunteer detail', VolunteerDetailPage, '/volunteer/pages/detail/index', 'va_9999']
  ]

  it.each(pages)('%s: offers 返回首页 on a deep link, and goes to 首页', async (_name, page, path, id) => {
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{}] as ReturnType<typeof Taro.getCurrentPages>)
    await startAs(KEY_PEOPLE.elderlyResident)
    const tu = await open(page, path, { id })
    expect(buttonTexts()).toEqual(['返回首页'])
    expect(message()).toMatch(/不存在|已被删除|没有找到|未找到/)
    expect(tu.html()).toContain('请返回上一页重新查找')
    tu.fireEvent.click(document.querySelector('.ll-state__back') as HTMLElement)
    await tu.act(async () => { await Promise.resolve() })
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' })
  })

  it.each(pages)('%s: offers 返回 when opened from another page, and goes back', async (_name, page, path, id) => {
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{}, {}] as ReturnType<typeof Taro.getCurrentPages>)
    await startAs(KEY_PEOPLE.resident)
    const tu = await open(page, path, { id })
    expect(buttonTexts()).toEqual(['返回'])
    tu.fireEvent.click(document.querySelector('.ll-state__back') as HTMLElement)
    await tu.act(async () => { await Promise.resolve() })
    expect(navigateBack).toHaveBeenCalledTimes(1)
  })

  it('a resident opening a notice\'s read receipts (403) is told who to ask, with 返回 and 联系社区', async () => {
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{}, {}] as ReturnType<typeof Taro.getCurrentPages>)
    await startAs(KEY_PEOPLE.leader)
    const { call } = await import('../../src/core/api')
    const { endpoints } = await import('../../types/contract')
    const notice = await call(endpoints.publishNotice, { title: '3栋周六消防演练', body: '周六上午 10 点在楼下空地进行消防演练。', category: 'safety', targets: [{ scope: 'building', id: 'b_3' }] })
    await useSession.getState().switchIdentity(KEY_PEOPLE.elderlyResident)
    await open(NoticeReceiptsPage, '/notices/pages/receipts/index', { id: notice.id })
    expect(document.querySelector('.ll-state--final')?.textContent).toContain('如需办理，请联系社区工作人员')
    expect(buttonTexts()).toEqual(['返回', '联系社区'])
  })
})
