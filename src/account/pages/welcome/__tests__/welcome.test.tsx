import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { createMemoryStorage, createMockBackend } from '../../../../../mock'
import { configureClient } from '../../../../core/api'
import { createEmbeddedTransport } from '../../../../core/api/embedded'
import { bootstrap } from '../../../../core/bootstrap'
import { useSession } from '../../../../core/session/store'
import { useTheme } from '../../../../core/theme'
import PrivacyPage from '../../privacy'
import WelcomePage from '..'

const settle = (tu: TestUtils) => tu.act(async () => { await new Promise((r) => setTimeout(r, 30)) })

describe('welcome page', () => {
  beforeEach(() => {
    const transport = createEmbeddedTransport(createMockBackend({ storage: createMemoryStorage() }))
    bootstrap(transport)
    configureClient({ transport, retryBaseMs: 0 })
    useSession.setState({ token: null, user: null, expiresAt: null, privacyAccepted: false })
    jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' })
    jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' })
  })
  afterEach(() => {
    jest.restoreAllMocks()
    useTheme.setState({ choice: null, systemLarge: false })
  })

  it('offers 大字 on the first screen, before signing in, and the privacy policy then opens in 大字 too', async () => {
    useTheme.setState({ choice: null, systemLarge: false })
    const tu = new TestUtils()
    await tu.mount(WelcomePage)
    const options = Array.from(document.querySelectorAll('.welcome-size [role=radio]'))
    expect(options.map((o) => [o.textContent, o.getAttribute('aria-checked')])).toEqual([['✓标准', 'true'], ['大字', 'false']])
    expect(tu.queries.querySelector('.welcome')?.classList.contains('ll-elder')).toBe(false)
    tu.fireEvent.click(options[1] as HTMLElement)
    await tu.queries.waitForQuerySelector('.welcome.ll-elder')
    expect(useTheme.getState().choice).toBe('large')
    expect(useSession.getState().token).toBeNull()
    tu.unmout()

    const policy = new TestUtils()
    await policy.mount(PrivacyPage)
    expect(policy.queries.querySelector('.privacy')?.classList.contains('ll-elder')).toBe(true)
    expect(policy.queries.querySelector('.privacy-title')?.textContent).toBe('邻里隐私政策')
    policy.unmout()
  })

  it('does not sign in before the 隐私政策 is accepted', async () => {
    const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
    const tu = new TestUtils()
    await tu.mount(WelcomePage)
    expect(tu.html()).toContain('我已阅读并同意')
    expect(tu.queries.querySelector('.welcome-policy-link')?.textContent).toBe('《隐私政策》')
    tu.fireEvent.click(tu.queries.querySelector('.welcome-login') as HTMLElement)
    await settle(tu)
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '请先阅读并同意隐私政策' }))
    expect(useSession.getState().token).toBeNull()
    expect(tu.queries.querySelector('.welcome-consent--remind')).not.toBeNull()
    tu.unmout()
  })

  it('after consent signs in and sends a new account to bind a house', async () => {
    const tu = new TestUtils()
    await tu.mount(WelcomePage)
    tu.fireEvent.click(tu.queries.querySelector('.welcome-agree') as HTMLElement)
    await settle(tu)
    expect(tu.queries.querySelector('.welcome-agree')?.getAttribute('aria-checked')).toBe('true')
    expect(tu.queries.querySelector('.welcome-agree__box')?.textContent).toBe('✓')
    tu.fireEvent.click(tu.queries.querySelector('.welcome-login') as HTMLElement)
    await settle(tu)
    await settle(tu)
    expect(useSession.getState().privacyAccepted).toBe(true)
    expect(useSession.getState().token).toEqual(expect.any(String))
    expect((useSession.getState().token ?? '').length).toBeGreaterThan(10)
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/account/pages/bind/index' })
    tu.unmout()
  })

  it('opens the policy from the link without ticking the box', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    const tu = new TestUtils()
    await tu.mount(WelcomePage)
    tu.fireEvent.click(tu.queries.querySelector('.welcome-policy-link') as HTMLElement)
    expect(navigate).toHaveBeenCalledWith({ url: '/account/pages/privacy/index' })
    expect(tu.queries.querySelector('.welcome-consent--checked')).toBeNull()
    tu.unmout()
  })
})
