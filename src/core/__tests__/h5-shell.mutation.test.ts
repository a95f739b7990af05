// The H5 shell: the title bar's buttons made named controls, chunk failures recognised from every
// shape webpack gives them, and the offline dialog's 重试 opening the failed page again.
import TaroModule from '@tarojs/taro'

type Shell = typeof import('../h5-shell')

/** The Taro the latest fresh copy of the shell uses. */
let Taro: typeof TaroModule = TaroModule

/** A fresh copy of the module (it starts once per load), with the Taro it talks to. */
function freshShell(): Shell {
  let shell: Shell | undefined
  jest.isolateModules(() => {
    Taro = jest.requireActual<{ default: typeof TaroModule }>('@tarojs/taro').default
    shell = jest.requireActual<Shell>('../h5-shell')
  })
  return shell as Shell
}

function navigationBar(): HTMLElement {
  const bar = document.createElement('div')
  bar.id = 'taro-navigation-bar'
  bar.innerHTML = `
    <div class="taro-navigation-bar-back"><svg></svg></div>
    <div class="taro-navigation-bar-home"><svg></svg></div>
    <div class="taro-navigation-bar-title">我的</div>
    <div class="taro-navigation-bar-loading"></div>`
  return bar
}

const added: Array<[string, EventListenerOrEventListenerObject]> = []

/** startH5Shell on a fresh copy; its window listeners are taken off again after the test. */
function start(): void {
  const shell = freshShell()
  const original = window.addEventListener.bind(window)
  const spy = jest.spyOn(window, 'addEventListener').mockImplementation((type: string, fn: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
    added.push([type, fn])
    original(type, fn, options)
  })
  shell.startH5Shell()
  spy.mockRestore()
}

const overlay = () => document.getElementById('ll-chunk-offline')
const flushTimers = () => new Promise((r) => setTimeout(r, 0))

afterEach(() => {
  for (const [type, fn] of added.splice(0)) window.removeEventListener(type, fn)
  overlay()?.remove()
  document.getElementById('taro-navigation-bar')?.remove()
  jest.restoreAllMocks()
  jest.useRealTimers()
  window.location.hash = ''
})

describe('isChunkLoadError', () => {
  const { isChunkLoadError } = freshShell()
  it.each([
    ['Loading chunk 412 failed.', true],
    ['Loading chunk account-pages-bind failed.', true],
    ['Loading CSS chunk 7 failed.', true],
    ['loading chunk 3 FAILED', true],
    ['ChunkLoadError: x', true],
    ['CSS_CHUNK_LOAD_FAILED', true],
    ['Loading chunk  failed.', false],
    ['Loading module 3 failed.', false],
    ['', false]
  ])('a message %j → %s', (message, expected) => {
    expect(isChunkLoadError(new Error(message))).toBe(expected)
    expect(isChunkLoadError(message)).toBe(expected && message !== '')
  })

  it('by name or code alone', () => {
    expect(isChunkLoadError({ name: 'ChunkLoadError', message: 'x' })).toBe(true)
    expect(isChunkLoadError({ name: 'TypeError', message: 'x' })).toBe(false)
    expect(isChunkLoadError({ code: 'CSS_CHUNK_LOAD_FAILED', message: 'x' })).toBe(true)
    expect(isChunkLoadError({ code: 'OTHER', message: 'x' })).toBe(false)
    expect(isChunkLoadError(undefined)).toBe(false)
    expect(isChunkLoadError(0)).toBe(false)
  })
})

describe('the offline dialog', () => {
  it('is a labelled modal alertdialog, shown once however often a chunk fails', () => {
    const { showChunkFailure } = freshShell()
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([])
    showChunkFailure()
    showChunkFailure()
    expect(document.querySelectorAll('#ll-chunk-offline')).toHaveLength(1)
    const box = overlay() as HTMLElement
    expect(box.className).toBe('ll-chunk-offline')
    expect(box.getAttribute('aria-modal')).toBe('true')
    expect(box.getAttribute('aria-labelledby')).toBe('ll-chunk-offline-title')
    expect(box.getAttribute('aria-describedby')).toBe('ll-chunk-offline-text')
    expect(document.getElementById('ll-chunk-offline-title')?.textContent).toBe('此页面需要联网打开一次')
    expect(document.getElementById('ll-chunk-offline-text')?.textContent).toBe('这个页面还没有保存到手机上，需要网络才能第一次打开。请连上网络后点“重试”；已经填写的内容不会丢失。')
  })

  it('重试 with no page behind opens a tab page by switchTab', async () => {
    const { showChunkFailure } = freshShell()
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([])
    const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'ok' })
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    window.location.hash = '#/pages/services/index?from=x'
    showChunkFailure()
    ;(document.querySelector('.ll-chunk-offline__retry') as HTMLElement).click()
    await flushTimers()
    expect(overlay()).toBeNull()
    expect(switchTab.mock.calls).toEqual([[{ url: '/pages/services/index?from=x' }]])
    expect(navigateTo).not.toHaveBeenCalled()
  })

  it('重试 opens another page by navigateTo, and by redirectTo when that fails', async () => {
    const { showChunkFailure } = freshShell()
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([])
    const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'ok' })
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockRejectedValue({ errMsg: 'navigateTo:fail' })
    const redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' })
    window.location.hash = '#/requests/pages/new/index'
    showChunkFailure()
    ;(document.querySelector('.ll-chunk-offline__retry') as HTMLElement).click()
    await flushTimers()
    await flushTimers()
    expect(switchTab).not.toHaveBeenCalled()
    expect(navigateTo.mock.calls).toEqual([[{ url: '/requests/pages/new/index' }]])
    expect(redirectTo.mock.calls).toEqual([[{ url: '/requests/pages/new/index' }]])
  })

  it('重试 over a page steps back first and opens the page 350 ms after the address is restored', async () => {
    const { showChunkFailure } = freshShell()
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{}] as ReturnType<typeof Taro.getCurrentPages>)
    const back = jest.spyOn(window.history, 'back').mockImplementation(() => undefined)
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    window.location.hash = '#/notices/pages/detail/index?id=n_1'
    showChunkFailure()
    jest.useFakeTimers()
    ;(document.querySelector('.ll-chunk-offline__retry') as HTMLElement).click()
    expect(back).toHaveBeenCalledTimes(1)
    expect(navigateTo).not.toHaveBeenCalled()
    window.dispatchEvent(new PopStateEvent('popstate'))
    jest.advanceTimersByTime(349)
    expect(navigateTo).not.toHaveBeenCalled()
    jest.advanceTimersByTime(1)
    expect(navigateTo.mock.calls).toEqual([[{ url: '/notices/pages/detail/index?id=n_1' }]])
    // once: a later popstate opens nothing more
    window.dispatchEvent(new PopStateEvent('popstate'))
    jest.advanceTimersByTime(1000)
    expect(navigateTo).toHaveBeenCalledTimes(1)
  })

  it('with no hash route, retries the path and query the address bar shows', async () => {
    const { showChunkFailure } = freshShell()
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([])
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    window.history.replaceState(null, '', '/volunteer/pages/list/index?tab=2')
    try {
      showChunkFailure()
      ;(document.querySelector('.ll-chunk-offline__retry') as HTMLElement).click()
      await flushTimers()
      expect(navigateTo.mock.calls).toEqual([[{ url: '/volunteer/pages/list/index?tab=2' }]])
    } finally {
      window.history.replaceState(null, '', '/')
    }
  })
})

describe('startH5Shell', () => {
  it('names the title bar buttons and heading', () => {
    const bar = navigationBar()
    document.body.appendChild(bar)
    start()
    expect(bar.getAttribute('role')).toBe('banner')
    const back = bar.querySelector('.taro-navigation-bar-back') as HTMLElement
    const home = bar.querySelector('.taro-navigation-bar-home') as HTMLElement
    expect([back.getAttribute('role'), back.getAttribute('tabindex'), back.getAttribute('aria-label')]).toEqual(['button', '0', '返回'])
    expect([home.getAttribute('role'), home.getAttribute('tabindex'), home.getAttribute('aria-label')]).toEqual(['button', '0', '返回首页'])
    expect(back.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true')
    const title = bar.querySelector('.taro-navigation-bar-title') as HTMLElement
    expect([title.getAttribute('role'), title.getAttribute('aria-level')]).toEqual(['heading', '1'])
    expect(bar.querySelector('.taro-navigation-bar-loading')?.getAttribute('aria-hidden')).toBe('true')
  })

  it('Enter and Space press a title bar button; other keys do not', () => {
    const bar = navigationBar()
    document.body.appendChild(bar)
    start()
    const back = bar.querySelector('.taro-navigation-bar-back') as HTMLElement
    const clicks = jest.fn()
    back.addEventListener('click', clicks)
    const press = (key: string) => {
      const e = new KeyboardEvent('keydown', { key, cancelable: true })
      back.dispatchEvent(e)
      return e.defaultPrevented
    }
    expect(press('Enter')).toBe(true)
    expect(press(' ')).toBe(true)
    expect(press('a')).toBe(false)
    expect(press('Tab')).toBe(false)
    expect(clicks).toHaveBeenCalledTimes(2)
  })

  it('leaves a control already named alone', () => {
    const bar = navigationBar()
    const back = bar.querySelector('.taro-navigation-bar-back') as HTMLElement
    back.setAttribute('role', 'button')
    back.setAttribute('aria-label', '后退')
    const title = bar.querySelector('.taro-navigation-bar-title') as HTMLElement
    title.setAttribute('role', 'text')
    document.body.appendChild(bar)
    start()
    expect(back.getAttribute('aria-label')).toBe('后退')
    expect(back.getAttribute('tabindex')).toBeNull()
    expect(title.getAttribute('role')).toBe('text')
    expect(title.getAttribute('aria-level')).toBeNull()
  })

  it('names the bar when the router creates it later', async () => {
    start()
    const bar = navigationBar()
    document.body.appendChild(bar)
    await flushTimers()
    expect(bar.getAttribute('role')).toBe('banner')
    expect(bar.querySelector('.taro-navigation-bar-back')?.getAttribute('aria-label')).toBe('返回')
  })

  it('marks the bar on the welcome page only', () => {
    const bar = navigationBar()
    document.body.appendChild(bar)
    start()
    Taro.eventCenter.trigger('__afterTaroRouterChange', { toLocation: { path: '/account/pages/welcome/index' } })
    expect(bar.classList.contains('ll-nav--entry')).toBe(true)
    Taro.eventCenter.trigger('__afterTaroRouterChange', { toLocation: { path: '/pages/home/index' } })
    expect(bar.classList.contains('ll-nav--entry')).toBe(false)
    Taro.eventCenter.trigger('__afterTaroRouterChange', {})
    expect(bar.classList.contains('ll-nav--entry')).toBe(false)
  })

  it('shows the dialog for a rejected chunk load and cancels the console report; not for other rejections', () => {
    start()
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([])
    const other = Object.assign(new Event('unhandledrejection', { cancelable: true }), { reason: new Error('boom') })
    window.dispatchEvent(other)
    expect(other.defaultPrevented).toBe(false)
    expect(overlay()).toBeNull()
    const chunk = Object.assign(new Event('unhandledrejection', { cancelable: true }), { reason: Object.assign(new Error('x'), { name: 'ChunkLoadError' }) })
    window.dispatchEvent(chunk)
    expect(chunk.defaultPrevented).toBe(true)
    expect(overlay()).not.toBeNull()
  })

  it('shows the dialog for a script error of a chunk, by its error or by its message', () => {
    start()
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([])
    window.dispatchEvent(new ErrorEvent('error', { message: 'Script error.', error: new Error('other') }))
    expect(overlay()).toBeNull()
    window.dispatchEvent(new ErrorEvent('error', { message: 'Loading chunk 9 failed.' }))
    expect(overlay()).not.toBeNull()
  })
})
