import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { NOT_FOUND_URL, startDeadEndGuards } from '../../../../core/dead-ends'
import NotFoundPage from '..'

const buttons = () => Array.from(document.querySelectorAll('.ll-state .ll-button')) as HTMLElement[]

describe('页面不存在', () => {
  let switchTab: jest.SpyInstance
  let navigateBack: jest.SpyInstance
  beforeEach(() => {
    switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' })
    navigateBack = jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'navigateBack:ok' })
  })
  afterEach(() => jest.restoreAllMocks())

  it('says the page does not exist and goes to 首页', async () => {
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{}] as ReturnType<typeof Taro.getCurrentPages>)
    const tu = new TestUtils()
    await tu.mount(NotFoundPage)
    expect(document.querySelector('.not-found__title')?.textContent).toBe('页面不存在')
    expect(buttons().map((b) => b.textContent)).toEqual(['返回首页'])
    tu.fireEvent.click(buttons()[0])
    await tu.act(async () => { await Promise.resolve() })
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' })
    tu.unmout()
  })

  it('also offers 返回上一页 when there is a page behind it', async () => {
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{}, {}] as ReturnType<typeof Taro.getCurrentPages>)
    const tu = new TestUtils()
    await tu.mount(NotFoundPage)
    expect(buttons().map((b) => b.textContent)).toEqual(['返回首页', '返回上一页'])
    tu.fireEvent.click(buttons()[1])
    await tu.act(async () => { await Promise.resolve() })
    expect(navigateBack).toHaveBeenCalledTimes(1)
    tu.unmout()
  })

  it('is where an unknown route is sent (Taro.onPageNotFound)', () => {
    let handler: ((res: { path: string }) => void) | undefined
    jest.spyOn(Taro, 'onPageNotFound').mockImplementation(((cb: (res: { path: string }) => void) => { handler = cb }) as typeof Taro.onPageNotFound)
    const redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' })
    startDeadEndGuards()
    expect(handler).toBeDefined()
    handler?.({ path: 'requests/pages/no-such-page/index' })
    expect(redirectTo).toHaveBeenCalledWith({ url: NOT_FOUND_URL })
    expect(NOT_FOUND_URL).toBe('/account/pages/not-found/index')
  })
})
