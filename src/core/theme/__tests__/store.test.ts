import Taro from '@tarojs/taro'
import { migrateTheme, selectElderMode, selectTextSize, useTheme } from '..'

const systemFont = (fontSizeSetting: number | undefined) =>
  jest.spyOn(Taro, 'getSystemInfoSync').mockReturnValue({ fontSizeSetting } as ReturnType<typeof Taro.getSystemInfoSync>)

const stored = () => JSON.parse(Taro.getStorageSync('linli.theme') as string) as { state: Record<string, unknown>; version: number }

describe('theme store (字号: 标准 / 大字)', () => {
  afterEach(() => {
    jest.restoreAllMocks()
    Taro.removeStorageSync('linli.theme')
    useTheme.setState({ choice: null, systemLarge: false })
  })

  it('starts at 标准 on a phone (or H5) without a large system text size', () => {
    systemFont(undefined)
    useTheme.getState().refreshSystem()
    expect(selectTextSize(useTheme.getState())).toBe('standard')
    expect(selectElderMode(useTheme.getState())).toBe(false)
  })

  it('starts in 大字 when the phone text size is large (20 and up) and nothing was chosen', () => {
    systemFont(20)
    useTheme.getState().refreshSystem()
    expect(selectTextSize(useTheme.getState())).toBe('large')
    systemFont(17)
    useTheme.getState().refreshSystem()
    expect(selectTextSize(useTheme.getState())).toBe('standard')
  })

  it('keeps the chosen 标准 when the phone text size is large, and the chosen 大字 when it is small', () => {
    systemFont(24)
    useTheme.getState().refreshSystem()
    useTheme.getState().setSize('standard')
    expect(selectElderMode(useTheme.getState())).toBe(false)
    useTheme.getState().refreshSystem()
    expect(selectElderMode(useTheme.getState())).toBe(false)

    systemFont(17)
    useTheme.getState().setSize('large')
    useTheme.getState().refreshSystem()
    expect(selectElderMode(useTheme.getState())).toBe(true)
  })

  it('reads the WeChat text size from getAppBaseInfo on weapp', () => {
    jest.spyOn(Taro, 'getEnv').mockReturnValue(Taro.ENV_TYPE.WEAPP)
    jest.spyOn(Taro, 'getAppBaseInfo').mockReturnValue({ fontSizeSetting: 22 } as unknown as ReturnType<typeof Taro.getAppBaseInfo>)
    const legacy = systemFont(17)
    useTheme.getState().refreshSystem()
    expect(selectTextSize(useTheme.getState())).toBe('large')
    expect(legacy).not.toHaveBeenCalled()
  })

  it('keeps only the choice on the device, at version 2', () => {
    systemFont(22)
    useTheme.getState().setSize('large')
    expect(stored()).toEqual({ state: { choice: 'large' }, version: 2 })
  })

  it('migrates the old on / off / 跟随系统 preference: on → 大字, off → 标准, 跟随系统 → not chosen', async () => {
    expect(migrateTheme({ preference: 'on' }, 1)).toEqual({ choice: 'large' })
    expect(migrateTheme({ preference: 'off' }, 1)).toEqual({ choice: 'standard' })
    expect(migrateTheme({ preference: 'system' }, 1)).toEqual({ choice: null })
    expect(migrateTheme(undefined, 0)).toEqual({ choice: null })

    // What a phone with the old app saved: 大字模式 on.
    systemFont(17)
    Taro.setStorageSync('linli.theme', JSON.stringify({ state: { preference: 'on' }, version: 1 }))
    await useTheme.persist.rehydrate()
    expect(useTheme.getState().choice).toBe('large')
    expect(selectElderMode(useTheme.getState())).toBe(true)
    expect(stored()).toEqual({ state: { choice: 'large' }, version: 2 })
  })
})
