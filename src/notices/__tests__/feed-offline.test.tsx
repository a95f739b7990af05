import TestUtils from '@tarojs/test-utils-react'
import { KEY_PEOPLE } from '../../../mock'
import { NoticeFeed } from '../components/notice-feed'
import { signInAs, startBackend } from './helpers'

describe('首页 notice feed, offline with nothing saved', () => {
  afterEach(() => jest.restoreAllMocks())

  it('says the notices need the network once instead of skeletons, and loads them when the network is back', async () => {
    startBackend()
    await signInAs(KEY_PEOPLE.elderlyResident)
    const onLine = jest.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false)
    window.dispatchEvent(new Event('offline'))
    const tu = new TestUtils()
    await tu.mount(NoticeFeed)
    const message = await tu.queries.waitForQueryByText('网络未连接。通知需要联网加载一次，连上网络后会自动显示。')
    expect(message.textContent).toBe('网络未连接。通知需要联网加载一次，连上网络后会自动显示。')
    expect(tu.queries.querySelector('.ll-skeleton')).toBeNull()
    expect(document.body.textContent).not.toContain('显示的是上次保存的通知')
    expect(tu.queries.querySelector('.notice-feed__offline .ll-button')?.textContent).toBe('重试')

    onLine.mockReturnValue(true)
    await tu.act(async () => { window.dispatchEvent(new Event('online')) })
    await tu.queries.waitForQuerySelector('.notice-row', { timeout: 5000 })
    expect(tu.queries.querySelector('.notice-feed__offline')).toBeNull()
    tu.unmout()
  })
})
