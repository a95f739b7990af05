import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { createMemoryStorage, createMockBackend, KEY_PEOPLE } from '../../../../mock'
import { configureClient } from '../../../core/api'
import { createEmbeddedTransport } from '../../../core/api/embedded'
import { bootstrap } from '../../../core/bootstrap'
import { useOutbox, type OutboxItem } from '../../../core/outbox/store'
import { useSession } from '../../../core/session/store'
import { SUBMIT_KIND } from '../../../requests/submit'
import { useTheme } from '../../../core/theme'
import CouncilTab from '../../council'
import ServicesTab from '../../services'
import HomeTab from '..'

async function signInAs(personId: string) {
  const transport = createEmbeddedTransport(createMockBackend({ storage: createMemoryStorage() }))
  bootstrap(transport)
  configureClient({ transport, retryBaseMs: 0 })
  await useSession.getState().switchIdentity(personId)
}

const texts = (selector: string) => Array.from(document.querySelectorAll(selector)).map((n) => n.textContent)

describe('tab pages', () => {
  beforeEach(() => {
    jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' })
    useTheme.setState({ choice: null, systemLarge: false })
  })
  afterEach(() => jest.restoreAllMocks())

  it('sends a visitor who is not signed in to the welcome page', async () => {
    useSession.getState().clear()
    const tu = new TestUtils()
    await tu.mount(HomeTab)
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/account/pages/welcome/index' })
    expect(tu.queries.querySelector('.home-hello')).toBeNull()
    tu.unmout()
  })

  it('sends a signed-in account without a house to bind one', async () => {
    const transport = createEmbeddedTransport(createMockBackend({ storage: createMemoryStorage() }))
    bootstrap(transport)
    configureClient({ transport, retryBaseMs: 0 })
    useSession.getState().clear()
    await useSession.getState().login()
    const tu = new TestUtils()
    await tu.mount(HomeTab)
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/account/pages/bind/index' })
    tu.unmout()
  })

  it('greets 王秀英 with her house, the three quick entries and a 大字模式 offer', async () => {
    await signInAs(KEY_PEOPLE.elderlyResident)
    const tu = new TestUtils()
    await tu.mount(HomeTab)
    expect(tu.queries.querySelector('.home-hello__name')?.textContent).toBe('王秀英，您好')
    expect(tu.queries.querySelector('.home-hello__house')?.textContent).toBe('桂花苑 3栋2单元502')
    expect(texts('.home-entry__title')).toEqual(['我要反映问题', '我的诉求', '消息'])

    tu.fireEvent.click(tu.queries.querySelector('.home-elder-tip__on') as HTMLElement)
    await tu.queries.waitForQuerySelector('.tab-home.ll-elder')
    expect(tu.queries.querySelector('.home-elder-tip')).toBeNull()
    tu.unmout()
  })

  it('counts unsent requests from the kept outbox on 我的诉求, and shows nothing when there are none', async () => {
    await signInAs(KEY_PEOPLE.resident)
    useOutbox.setState({ items: [] })
    let tu = new TestUtils()
    await tu.mount(HomeTab)
    expect(tu.queries.querySelector('.home-entry__outbox')).toBeNull()
    tu.unmout()

    const item = (key: string, kind: string, failed: boolean): OutboxItem => ({
      key, kind, payload: {}, label: '路灯照明 · 5栋', attempts: 1, nextAt: 0, lastError: null, failed, createdAt: 0
    })
    useOutbox.setState({ items: [item('a', SUBMIT_KIND, false), item('b', SUBMIT_KIND, false), item('c', SUBMIT_KIND, true), item('d', 'other.kind', false)] })
    tu = new TestUtils()
    await tu.mount(HomeTab)
    const entry = tu.queries.querySelector('.home-entry--my-requests')
    expect(entry?.querySelector('.home-entry__outbox')?.textContent).toBe('2 条待发送，1 条未能提交，点此查看')
    expect(tu.queries.querySelectorAll('.home-entry__outbox')).toHaveLength(1)
    tu.unmout()
    useOutbox.setState({ items: [] })
  })

  it('answers 即将开放 for a feature page not in this build', async () => {
    await signInAs(KEY_PEOPLE.resident)
    jest.spyOn(Taro, 'navigateTo').mockRejectedValue(new Error('navigateTo:fail page not found'))
    const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
    const tu = new TestUtils()
    await tu.mount(HomeTab)
    expect(tu.queries.querySelector('.home-elder-tip')).toBeNull() // 周婷 is not elderly
    tu.fireEvent.click(tu.queries.querySelector('.home-entry--my-requests') as HTMLElement)
    await tu.act(async () => { await new Promise((r) => setTimeout(r, 10)) })
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '该功能即将开放' }))
    tu.unmout()
  })

  it('lists 民生诉求 services, volunteering, 邻里互助 and the time bank, none 即将开放', async () => {
    await signInAs(KEY_PEOPLE.resident)
    const tu = new TestUtils()
    await tu.mount(ServicesTab)
    expect(texts('.ll-cell__title')).toEqual(['我要反映', '我的诉求', '诉求公示', '志愿服务', '邻里互助', '时间银行'])
    expect(texts('.ll-tag')).toEqual([])
    expect(texts('.services-timebank .ll-cell__label')).toEqual(['查积分、兑换油盐酱醋、邻里互助'])
    tu.unmout()
  })

  it('lists the 议事 proposals in progress with 还差 N 户支持', async () => {
    await signInAs(KEY_PEOPLE.elderlyResident)
    const tu = new TestUtils()
    await tu.mount(CouncilTab)
    await tu.act(async () => { await new Promise((r) => setTimeout(r, 30)) })
    expect(texts('.cl-card__title')).toContain('3栋楼道加装扶手')
    expect(texts('.cl-card__meta')).toContain('已有 1 户支持，还差 2 户支持')
    expect(tu.html()).not.toContain('即将开放')
    tu.unmout()
  })
})
