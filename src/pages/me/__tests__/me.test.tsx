import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { createMemoryStorage, createMockBackend, KEY_PEOPLE } from '../../../../mock'
import { configureClient } from '../../../core/api'
import { createEmbeddedTransport } from '../../../core/api/embedded'
import { bootstrap } from '../../../core/bootstrap'
import { useSession } from '../../../core/session/store'
import { useTheme } from '../../../core/theme'
import MeTab from '..'

async function signInAs(personId: string) {
  const transport = createEmbeddedTransport(createMockBackend({ storage: createMemoryStorage() }))
  bootstrap(transport)
  configureClient({ transport, retryBaseMs: 0 })
  await useSession.getState().switchIdentity(personId)
}

const rowTitles = () =>
  Array.from(document.querySelectorAll('.ll-cell__title')).map((n) => n.textContent)

describe('我的 tab', () => {
  beforeEach(() => {
    jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' })
    useTheme.setState({ preference: 'off', systemLarge: false })
  })
  afterEach(() => jest.restoreAllMocks())

  it('shows staff the 工作台 entry and their role', async () => {
    await signInAs(KEY_PEOPLE.staff)
    const tu = new TestUtils()
    await tu.mount(MeTab)
    const titles = rowTitles()
    expect(titles).toContain('工作台')
    expect(titles).toContain('演示身份')
    expect(tu.html()).toContain('社区工作人员')
    expect(tu.queries.querySelector('.me-profile__name')?.textContent).toBe('陈静')
    tu.unmout()
  })

  it('shows the time bank balance at a glance, pending points beside it', async () => {
    await signInAs(KEY_PEOPLE.volunteer)
    const tu = new TestUtils()
    await tu.mount(MeTab)
    const value = () => tu.queries.querySelector('.me-points .ll-cell__value')?.textContent
    for (let i = 0; i < 100 && value() === '查看'; i++) await new Promise((r) => setTimeout(r, 20))
    expect(value()).toBe('24.5 分（公示中 4.5）')
    tu.unmout()
  })

  it('does not show a resident the 工作台, but shows their house', async () => {
    await signInAs(KEY_PEOPLE.elderlyResident)
    const tu = new TestUtils()
    await tu.mount(MeTab)
    expect(rowTitles()).not.toContain('工作台')
    expect(rowTitles()).toEqual(expect.arrayContaining(['大字模式', '跟随系统字号', '消息', '隐私政策']))
    expect(tu.queries.querySelector('.me-profile__house')?.textContent).toBe('桂花苑 3栋2单元502')
    tu.unmout()
  })

  it('enlarges the page when 大字模式 is switched on', async () => {
    await signInAs(KEY_PEOPLE.elderlyResident)
    const tu = new TestUtils()
    await tu.mount(MeTab)
    expect(tu.queries.querySelector('.tab-me')?.classList.contains('ll-elder')).toBe(false)
    const checkbox = tu.queries.querySelector('.me-elder-switch input') as HTMLInputElement
    tu.fireEvent.click(checkbox)
    await tu.queries.waitForQuerySelector('.tab-me.ll-elder')
    expect(useTheme.getState().preference).toBe('on')
    tu.unmout()
  })

  it('asks before signing out and stays signed in on 取消', async () => {
    await signInAs(KEY_PEOPLE.resident)
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    const tu = new TestUtils()
    await tu.mount(MeTab)
    tu.fireEvent.click(tu.queries.querySelector('.me-logout') as HTMLElement)
    await tu.act(async () => { await new Promise((r) => setTimeout(r, 20)) })
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '退出登录' }))
    expect(useSession.getState().token).not.toBeNull()
    tu.unmout()
  })

  it('signs out on 退出 and goes back to the welcome page', async () => {
    await signInAs(KEY_PEOPLE.resident)
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' })
    const tu = new TestUtils()
    await tu.mount(MeTab)
    tu.fireEvent.click(tu.queries.querySelector('.me-logout') as HTMLElement)
    await tu.act(async () => { await new Promise((r) => setTimeout(r, 50)) })
    expect(useSession.getState().token).toBeNull()
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/account/pages/welcome/index' })
    tu.unmout()
  })
})
