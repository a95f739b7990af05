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
    useTheme.setState({ choice: 'standard', systemLarge: false })
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
    expect(rowTitles()).toEqual(expect.arrayContaining(['消息', '隐私政策']))
    expect(tu.queries.querySelector('.me-size__title')?.textContent).toBe('大字模式')
    expect(tu.queries.querySelector('.me-profile__house')?.textContent).toBe('桂花苑 3栋2单元502')
    tu.unmout()
  })

  it('offers one 字号 choice, 标准 or 大字, and marks the one in effect', async () => {
    await signInAs(KEY_PEOPLE.elderlyResident)
    const tu = new TestUtils()
    await tu.mount(MeTab)
    const options = Array.from(document.querySelectorAll('.me-size [role=radio]'))
    expect(options.map((o) => o.textContent)).toEqual(['✓标准', '大字'])
    expect(options.map((o) => o.getAttribute('aria-checked'))).toEqual(['true', 'false'])
    expect(document.querySelector('.me-size [role=radiogroup]')?.getAttribute('aria-label')).toBe('字号')
    expect(tu.queries.querySelector('.tab-me')?.classList.contains('ll-elder')).toBe(false)
    tu.unmout()
  })

  it('enlarges the page on 大字 and goes back on 标准; the choice is kept', async () => {
    await signInAs(KEY_PEOPLE.elderlyResident)
    const tu = new TestUtils()
    await tu.mount(MeTab)
    tu.fireEvent.click(tu.queries.querySelector('.ll-size-choice__option--large') as HTMLElement)
    await tu.queries.waitForQuerySelector('.tab-me.ll-elder')
    expect(useTheme.getState().choice).toBe('large')
    expect(tu.queries.querySelector('.ll-size-choice__option--large')?.getAttribute('aria-checked')).toBe('true')
    expect(tu.queries.querySelector('.ll-size-choice__option--standard')?.getAttribute('aria-checked')).toBe('false')

    tu.fireEvent.click(tu.queries.querySelector('.ll-size-choice__option--standard') as HTMLElement)
    await tu.act(async () => { await new Promise((r) => setTimeout(r, 20)) })
    expect(tu.queries.querySelector('.tab-me')?.classList.contains('ll-elder')).toBe(false)
    expect(useTheme.getState().choice).toBe('standard')
    tu.unmout()
  })

  it('says when 大字 came from the phone text size, and 标准 then holds against it', async () => {
    useTheme.setState({ choice: null, systemLarge: true })
    await signInAs(KEY_PEOPLE.elderlyResident)
    const tu = new TestUtils()
    await tu.mount(MeTab)
    expect(tu.queries.querySelector('.me-size__label')?.textContent).toBe('已按手机字体大小设为大字，可随时改回标准')
    expect(tu.queries.querySelector('.tab-me')?.classList.contains('ll-elder')).toBe(true)
    tu.fireEvent.click(tu.queries.querySelector('.ll-size-choice__option--standard') as HTMLElement)
    await tu.act(async () => { await new Promise((r) => setTimeout(r, 20)) })
    expect(tu.queries.querySelector('.tab-me')?.classList.contains('ll-elder')).toBe(false)
    expect(tu.queries.querySelector('.me-size__label')?.textContent).toBe('字更大、按钮更大，看得更清楚。选好后一直保持')
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
    expect(useSession.getState().token).toEqual(expect.any(String))
    expect((useSession.getState().token ?? '').length).toBeGreaterThan(10)
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
