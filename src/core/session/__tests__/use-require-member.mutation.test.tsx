// The gate of member-only pages: who may see the page and where the others are sent.
import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import type { UserProfile } from '../../../../types/contract/identity'
import { useSession } from '../store'
import { BIND_URL, useRequireMember, WELCOME_URL } from '../use-require-member'

const user = (personId: string | null): UserProfile => ({
  accountId: 'acc_1', personId, name: null, roles: ['resident'], house: null, leaderOf: [], isElderly: false, staffTitle: null
})

function Gate() {
  const ok = useRequireMember()
  return <>{ok ? '页面内容' : '请稍候'}</>
}

async function render() {
  const tu = new TestUtils()
  await tu.mount(Gate)
  return tu
}

describe('useRequireMember', () => {
  let reLaunch: jest.SpyInstance
  beforeEach(() => {
    reLaunch = jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' })
  })
  afterEach(() => {
    jest.restoreAllMocks()
    useSession.setState({ token: null, user: null })
  })

  it('names the two pages it sends people to', () => {
    expect(WELCOME_URL).toBe('/account/pages/welcome/index')
    expect(BIND_URL).toBe('/account/pages/bind/index')
  })

  it('renders for a member and sends nobody anywhere', async () => {
    useSession.setState({ token: 't', user: user('p_1') })
    const tu = await render()
    expect(tu.html()).toContain('页面内容')
    expect(reLaunch).not.toHaveBeenCalled()
    tu.unmout()
  })

  it('sends a signed-out person to the welcome page', async () => {
    const tu = await render()
    expect(tu.html()).toContain('请稍候')
    expect(reLaunch.mock.calls).toEqual([[{ url: '/account/pages/welcome/index' }]])
    tu.unmout()
  })

  it('sends a signed-in person without a house to bind one', async () => {
    useSession.setState({ token: 't', user: user(null) })
    const tu = await render()
    expect(tu.html()).toContain('请稍候')
    expect(reLaunch.mock.calls).toEqual([[{ url: '/account/pages/bind/index' }]])
    tu.unmout()
  })
})
