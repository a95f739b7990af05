import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { ErrorState } from '..'

const buttons = () => Array.from(document.querySelectorAll('.ll-state .ll-button')) as HTMLElement[]
const texts = () => buttons().map((b) => b.textContent)

describe('ErrorState', () => {
  let navigateBack: jest.SpyInstance
  let switchTab: jest.SpyInstance
  let navigateTo: jest.SpyInstance
  beforeEach(() => {
    navigateBack = jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'navigateBack:ok' })
    switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' })
    navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
  })
  afterEach(() => jest.restoreAllMocks())

  const pagesDeep = (n: number) => jest.spyOn(Taro, 'getCurrentPages').mockReturnValue(Array.from({ length: n }, () => ({})) as ReturnType<typeof Taro.getCurrentPages>)

  it('offers 返回, not 重试, for a 404 opened from another page, and goes back', async () => {
    pagesDeep(2)
    const onRetry = jest.fn()
    const tu = new TestUtils()
    await tu.mount(() => <ErrorState message='诉求不存在' code='NOT_FOUND' onRetry={onRetry} />)
    expect(texts()).toEqual(['返回'])
    expect(tu.html()).toContain('这条内容可能已被删除，或链接有误')
    tu.fireEvent.click(buttons()[0])
    await tu.act(async () => { await Promise.resolve() })
    expect(navigateBack).toHaveBeenCalledTimes(1)
    expect(switchTab).not.toHaveBeenCalled()
    expect(onRetry).not.toHaveBeenCalled()
    tu.unmout()
  })

  it('offers 返回首页 for a 404 opened from a link with no page behind it', async () => {
    pagesDeep(1)
    const tu = new TestUtils()
    await tu.mount(() => <ErrorState message='通知不存在' code='NOT_FOUND' onRetry={() => undefined} />)
    expect(texts()).toEqual(['返回首页'])
    tu.fireEvent.click(buttons()[0])
    await tu.act(async () => { await Promise.resolve() })
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' })
    expect(navigateBack).not.toHaveBeenCalled()
    tu.unmout()
  })

  it('says who to ask on a 403 and opens the community contacts', async () => {
    pagesDeep(3)
    const tu = new TestUtils()
    await tu.mount(() => <ErrorState message='仅社区工作人员可以查看' code='FORBIDDEN' onRetry={() => undefined} />)
    expect(texts()).toEqual(['返回', '联系社区'])
    expect(tu.html()).toContain('如需办理，请联系社区工作人员')
    tu.fireEvent.click(buttons()[1])
    await tu.act(async () => { await Promise.resolve() })
    expect(navigateTo).toHaveBeenCalledWith({ url: '/account/pages/contacts/index' })
    tu.unmout()
  })

  it('keeps 重试 for a network failure, with 返回 beside it', async () => {
    pagesDeep(2)
    const onRetry = jest.fn()
    const tu = new TestUtils()
    await tu.mount(() => <ErrorState message='网络连接失败，请检查网络后重试' code='NETWORK' onRetry={onRetry} />)
    expect(texts()).toEqual(['重试', '返回'])
    tu.fireEvent.click(buttons()[0])
    expect(onRetry).toHaveBeenCalledTimes(1)
    expect(navigateBack).not.toHaveBeenCalled()
    tu.unmout()
  })

  it('keeps only 重试 for a 5xx on a first page', async () => {
    pagesDeep(1)
    const tu = new TestUtils()
    await tu.mount(() => <ErrorState message='服务繁忙，请稍后重试' code='UNAVAILABLE' onRetry={() => undefined} />)
    expect(texts()).toEqual(['重试'])
    tu.unmout()
  })
})
