// H5 only (weapp has these natively): the title bar's back button made a real, named, 44 px
// control, and a clear message when a page's code cannot be fetched (offline, never opened).
import Taro from '@tarojs/taro'
import './h5-shell.scss'

// ---- Title bar: Taro's own (window.navigationStyle 'default'); its buttons are bare divs. ----

function nameButton(el: Element | null, label: string) {
  if (!el || el.getAttribute('role') === 'button') return
  el.setAttribute('role', 'button')
  el.setAttribute('tabindex', '0')
  el.setAttribute('aria-label', label)
  el.querySelector('svg')?.setAttribute('aria-hidden', 'true')
  el.addEventListener('keydown', (e) => {
    const key = (e as KeyboardEvent).key
    if (key === 'Enter' || key === ' ') {
      e.preventDefault()
      ;(el as HTMLElement).click()
    }
  })
}

function enhanceNavigationBar(): boolean {
  const bar = document.getElementById('taro-navigation-bar')
  if (!bar) return false
  bar.setAttribute('role', 'banner')
  nameButton(bar.querySelector('.taro-navigation-bar-back'), '返回')
  // With nothing to go back to (a link opened directly), Taro offers 首页 in the same place.
  nameButton(bar.querySelector('.taro-navigation-bar-home'), '返回首页')
  const title = bar.querySelector('.taro-navigation-bar-title')
  if (title && !title.getAttribute('role')) {
    title.setAttribute('role', 'heading')
    title.setAttribute('aria-level', '1')
  }
  bar.querySelector('.taro-navigation-bar-loading')?.setAttribute('aria-hidden', 'true')
  return true
}

// ---- A page whose code never reached this phone ----

const CHUNK_FAILURE = /Loading (CSS )?chunk [\w-]+ failed|ChunkLoadError|CSS_CHUNK_LOAD_FAILED/i

export function isChunkLoadError(reason: unknown): boolean {
  if (!reason) return false
  const r = reason as { name?: string; message?: string; code?: string }
  return r.name === 'ChunkLoadError' || r.code === 'CSS_CHUNK_LOAD_FAILED' || CHUNK_FAILURE.test(String(r.message ?? reason))
}

const OVERLAY_ID = 'll-chunk-offline'
const ENTRY_PAGES = /account\/pages\/welcome\/index/
const HOME = '/pages/home/index'
const TAB_PAGES = [HOME, '/pages/services/index', '/pages/council/index', '/pages/me/index']

/** The route the address bar now shows (hash or browser mode). */
function attemptedUrl(): string {
  const { hash, pathname, search } = window.location
  const raw = hash.startsWith('#/') ? hash.slice(1) : `${pathname}${search}`
  return raw || HOME
}

function closeOverlay() {
  document.getElementById(OVERLAY_ID)?.remove()
}

export function showChunkFailure(): void {
  if (document.getElementById(OVERLAY_ID)) return
  const hadPage = Taro.getCurrentPages().length > 0
  const url = attemptedUrl()
  const box = document.createElement('div')
  box.id = OVERLAY_ID
  box.className = 'll-chunk-offline'
  box.setAttribute('role', 'alertdialog')
  box.setAttribute('aria-modal', 'true')
  box.setAttribute('aria-labelledby', `${OVERLAY_ID}-title`)
  box.setAttribute('aria-describedby', `${OVERLAY_ID}-text`)
  box.innerHTML = `
    <div class="ll-chunk-offline__card">
      <h2 class="ll-chunk-offline__title" id="${OVERLAY_ID}-title">此页面需要联网打开一次</h2>
      <p class="ll-chunk-offline__text" id="${OVERLAY_ID}-text">这个页面还没有保存到手机上，需要网络才能第一次打开。请连上网络后点“重试”；已经填写的内容不会丢失。</p>
      <button type="button" class="ll-chunk-offline__retry">重试</button>
      <button type="button" class="ll-chunk-offline__back">${hadPage ? '返回' : '返回首页'}</button>
    </div>`
  box.querySelector('.ll-chunk-offline__retry')?.addEventListener('click', () => {
    closeOverlay()
    // Webpack forgets a failed chunk, so opening the route again fetches it again. Step back to the
    // page on screen first, so the opened page stacks on it (its 返回 then leads back there).
    const open = () => (TAB_PAGES.includes(url.split('?')[0]) ? Taro.switchTab({ url }) : Taro.navigateTo({ url }))
      .catch(() => Taro.redirectTo({ url }).catch(() => undefined))
    if (!hadPage) {
      void open()
      return
    }
    window.addEventListener('popstate', () => { setTimeout(() => void open(), 350) }, { once: true })
    window.history.back()
  })
  box.querySelector('.ll-chunk-offline__back')?.addEventListener('click', () => {
    closeOverlay()
    // The address already changed to the page that failed; going back restores the one on screen.
    if (hadPage) window.history.back()
    else Taro.reLaunch({ url: HOME }).catch(() => undefined)
  })
  document.body.appendChild(box)
  ;(box.querySelector('.ll-chunk-offline__retry') as HTMLElement | null)?.focus()
}

let started = false

export function startH5Shell(): void {
  if (started || typeof window === 'undefined') return
  started = true
  window.addEventListener('unhandledrejection', (e) => {
    if (!isChunkLoadError(e.reason)) return
    e.preventDefault()
    showChunkFailure()
  })
  window.addEventListener('error', (e) => {
    if (isChunkLoadError(e.error ?? e.message)) showChunkFailure()
  })
  // Signed out, the welcome page is where everything leads: a 首页 button there would only come back.
  const markEntry = (path: string) => document.getElementById('taro-navigation-bar')?.classList.toggle('ll-nav--entry', ENTRY_PAGES.test(path))
  Taro.eventCenter.on('__afterTaroRouterChange', (e: { toLocation?: { path?: string } }) => markEntry(e?.toLocation?.path ?? ''))
  // The bar is created when the router mounts, after this module runs.
  if (!enhanceNavigationBar()) {
    const observer = new MutationObserver(() => { if (enhanceNavigationBar()) observer.disconnect() })
    observer.observe(document.documentElement, { childList: true, subtree: true })
  }
}
