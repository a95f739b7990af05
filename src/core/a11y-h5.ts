// H5 only: what Taro's web components leave out for assistive technology, mended in one place.
// - Each page (and each ScrollView) scrolls in its own element: it gets tabindex=0, so a keyboard
//   or switch-access user can reach and scroll it (axe: scrollable-region-focusable).
// - The native <input>/<textarea>/<switch> inside a Taro component has no accessible name: it takes
//   the host's aria-label, else its field's label (ll-field), else its cell's title (ll-cell), else
//   its placeholder (axe: label).
// Runs on every DOM change, cheaply: only elements not yet mended are looked at.

const SCROLLERS = '.taro_page, taro-scroll-view-core'
const CONTROLS = 'input:not([type=hidden]):not([aria-label]):not([aria-labelledby]), textarea:not([aria-label]):not([aria-labelledby])'

const clean = (s: string | null | undefined) => (s ?? '').replace(/（必填）|\s+/g, ' ').trim()

export function nameOf(control: Element): string {
  const host = control.closest('[aria-label]')
  if (host && host !== control) return clean(host.getAttribute('aria-label'))
  const field = control.closest('.ll-field')?.querySelector('.ll-field__label')
  if (field && clean(field.textContent)) return clean(field.textContent)
  const cell = control.closest('.ll-cell')?.querySelector('.ll-cell__title')
  if (cell && clean(cell.textContent)) return clean(cell.textContent)
  return clean(control.getAttribute('placeholder'))
}

export function mendAccessibility(root: ParentNode = document): void {
  root.querySelectorAll(SCROLLERS).forEach((el) => {
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0')
  })
  root.querySelectorAll(CONTROLS).forEach((el) => {
    const name = nameOf(el)
    if (name) el.setAttribute('aria-label', name)
  })
}

let observer: MutationObserver | null = null

export function startAccessibilityMending(): void {
  if (observer || typeof document === 'undefined' || typeof MutationObserver === 'undefined') return
  let queued = false
  observer = new MutationObserver(() => {
    if (queued) return
    queued = true
    requestAnimationFrame(() => { queued = false; mendAccessibility() })
  })
  observer.observe(document.body, { childList: true, subtree: true })
  mendAccessibility()
}
