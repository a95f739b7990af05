// Small core pieces at their edges: the text-size store's system reading and migration, the
// network state, and the accessibility mending started on H5.
import Taro from '@tarojs/taro'
import { isOnline, onNetworkChange } from '../network'
import { mendAccessibility, nameOf, startAccessibilityMending } from '../a11y-h5'
import { LARGE_FONT_SETTING, migrateTheme, readSystemLarge, selectTextSize } from '../theme/store'

afterEach(() => jest.restoreAllMocks())

describe('text size from the system', () => {
  const font = (fontSizeSetting: unknown) => jest.spyOn(Taro, 'getSystemInfoSync').mockReturnValue({ fontSizeSetting } as never)

  it('is large from 20 px up, not at 19, and not when unreadable', () => {
    expect(LARGE_FONT_SETTING).toBe(20)
    font(19)
    expect(readSystemLarge()).toBe(false)
    font(20)
    expect(readSystemLarge()).toBe(true)
    font('22')
    expect(readSystemLarge()).toBe(false)
    jest.spyOn(Taro, 'getSystemInfoSync').mockImplementation(() => { throw new Error('no system info') })
    expect(readSystemLarge()).toBe(false)
  })

  it('on weapp without getAppBaseInfo falls back to getSystemInfoSync', () => {
    jest.spyOn(Taro, 'getEnv').mockReturnValue(Taro.ENV_TYPE.WEAPP)
    const t = Taro as unknown as { getAppBaseInfo: unknown }
    const saved = t.getAppBaseInfo
    t.getAppBaseInfo = undefined
    try {
      font(21)
      expect(readSystemLarge()).toBe(true)
    } finally {
      t.getAppBaseInfo = saved
    }
  })

  it('migrates a version-2 choice as it is and drops anything else', () => {
    expect(migrateTheme({ choice: 'large' }, 2)).toEqual({ choice: 'large' })
    expect(migrateTheme({ choice: 'standard' }, 2)).toEqual({ choice: 'standard' })
    expect(migrateTheme({ choice: 'huge' }, 2)).toEqual({ choice: null })
    expect(migrateTheme({ preference: 'on' }, 2)).toEqual({ choice: null })
    expect(migrateTheme(null, 3)).toEqual({ choice: null })
    expect(migrateTheme({ choice: 'large' }, 1)).toEqual({ choice: null })
  })

  it('the size in effect', () => {
    expect(selectTextSize({ choice: null, systemLarge: true })).toBe('large')
    expect(selectTextSize({ choice: 'standard', systemLarge: true })).toBe('standard')
    expect(selectTextSize({ choice: 'large', systemLarge: false })).toBe('large')
    expect(selectTextSize({ choice: null, systemLarge: false })).toBe('standard')
  })
})

describe('network state on H5', () => {
  let online = true
  beforeAll(() => {
    Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online })
  })

  it('follows the browser and tells listeners of each change once, until they stop listening', () => {
    online = true
    const heard: boolean[] = []
    const off = onNetworkChange((x) => heard.push(x))
    expect(isOnline()).toBe(true)
    online = false
    expect(isOnline()).toBe(false)
    window.dispatchEvent(new Event('offline'))
    window.dispatchEvent(new Event('offline'))
    online = true
    window.dispatchEvent(new Event('online'))
    off()
    window.dispatchEvent(new Event('offline'))
    expect(heard).toEqual([false, true])
  })
})

describe('accessibility mending', () => {
  beforeEach(() => { document.body.innerHTML = '' })

  it('takes the field label without 必填 and collapses spaces', () => {
    document.body.innerHTML = '<div class="ll-field"><div class="ll-field__label">联系  电话<span>（必填）</span></div><textarea id="t"></textarea></div>'
    mendAccessibility()
    expect(document.getElementById('t')?.getAttribute('aria-label')).toBe('联系 电话')
  })

  it('skips an empty field label and an empty cell title for the next source', () => {
    document.body.innerHTML = '<div class="ll-field"><div class="ll-field__label">（必填）</div><div class="ll-cell"><span class="ll-cell__title"> </span><input id="i" placeholder="请输入"></div></div>'
    expect(nameOf(document.getElementById('i') as Element)).toBe('请输入')
  })

  it('leaves hidden inputs and labelled controls alone, and names the control under its own aria-label host only from outside', () => {
    document.body.innerHTML = '<input id="h" type="hidden" placeholder="x"><input id="l" aria-labelledby="z" placeholder="y"><input id="self" aria-label="" placeholder="p">'
    mendAccessibility()
    expect(document.getElementById('h')?.getAttribute('aria-label')).toBeNull()
    expect(document.getElementById('l')?.getAttribute('aria-label')).toBeNull()
    expect(nameOf(document.getElementById('self') as Element)).toBe('p')
  })

  it('mends at start and again after the page changes, once per frame', async () => {
    const frames: FrameRequestCallback[] = []
    jest.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => { frames.push(cb); return frames.length })
    document.body.innerHTML = '<div class="taro_page" id="p1"></div>'
    startAccessibilityMending()
    expect(document.getElementById('p1')?.getAttribute('tabindex')).toBe('0')
    const add = (html: string) => document.body.insertAdjacentHTML('beforeend', html)
    add('<input id="a" placeholder="姓名">')
    await Promise.resolve()
    add('<input id="b" placeholder="房号">')
    await Promise.resolve()
    expect(frames).toHaveLength(1)
    frames[0](0)
    expect(['a', 'b'].map((id) => document.getElementById(id)?.getAttribute('aria-label'))).toEqual(['姓名', '房号'])
    add('<input id="c" placeholder="电话">')
    await Promise.resolve()
    expect(frames).toHaveLength(2)
  })
})
