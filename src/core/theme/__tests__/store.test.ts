import Taro from '@tarojs/taro'
import { selectElderMode, useTheme } from '..'

const systemFont = (fontSizeSetting: number | undefined) =>
  jest.spyOn(Taro, 'getSystemInfoSync').mockReturnValue({ fontSizeSetting } as ReturnType<typeof Taro.getSystemInfoSync>)

describe('theme store (大字模式)', () => {
  afterEach(() => {
    jest.restoreAllMocks()
    useTheme.setState({ preference: 'system', systemLarge: false })
  })

  it('turns elder mode on and off by choice, whatever the system says', () => {
    systemFont(17)
    useTheme.getState().setPreference('on')
    expect(selectElderMode(useTheme.getState())).toBe(true)
    useTheme.getState().setPreference('off')
    expect(selectElderMode(useTheme.getState())).toBe(false)
  })

  it('follows a large system font size (20 and up) when set to 跟随系统', () => {
    systemFont(20)
    useTheme.getState().setPreference('system')
    expect(selectElderMode(useTheme.getState())).toBe(true)

    systemFont(17)
    useTheme.getState().refreshSystem()
    expect(selectElderMode(useTheme.getState())).toBe(false)
  })

  it('reads the WeChat text size from getAppBaseInfo on weapp', () => {
    jest.spyOn(Taro, 'getEnv').mockReturnValue(Taro.ENV_TYPE.WEAPP)
    jest.spyOn(Taro, 'getAppBaseInfo').mockReturnValue({ fontSizeSetting: 22 } as unknown as ReturnType<typeof Taro.getAppBaseInfo>)
    const legacy = systemFont(17)
    useTheme.getState().setPreference('system')
    expect(selectElderMode(useTheme.getState())).toBe(true)
    expect(legacy).not.toHaveBeenCalled()
  })

  it('stays normal when the platform reports no font size (H5)', () => {
    systemFont(undefined)
    useTheme.getState().setPreference('system')
    expect(selectElderMode(useTheme.getState())).toBe(false)
  })

  it('keeps only the choice on the device', () => {
    systemFont(22)
    useTheme.getState().setPreference('on')
    const stored = JSON.parse(Taro.getStorageSync('linli.theme') as string) as { state: Record<string, unknown> }
    expect(stored.state).toEqual({ preference: 'on' })
  })
})
