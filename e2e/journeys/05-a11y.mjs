// Accessibility of every page: axe-core over each page of src/app.config.ts, at normal size and
// in 大字模式, as the person who would open it (a resident, a 楼长, a staff member). Fails on any
// critical or serious violation and on any control under 44×44 CSS px; screenshots every page at
// both sizes (e2e/out/a11y/<page>-<size>.png, gitignored) for a person to look over.
import AxeBuilder from '@axe-core/playwright'
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { becomePerson, see } from '../lib.mjs'

export const title = 'axe-core: 0 critical/serious violations on every page, normal and 大字模式; tap targets ≥ 44 px'
export const timeoutMs = 600_000

const here = dirname(fileURLToPath(import.meta.url))
const OUT_DIR = join(here, '..', 'out', 'a11y')

/** Every page path in the app config: the tab pages and each subpackage's pages. */
export function appPages() {
  const config = readFileSync(join(here, '../../src/app.config.ts'), 'utf8')
  const pages = []
  const main = /pages:\s*\[([^\]]*)\]/.exec(config)
  for (const m of main[1].matchAll(/'([^']+)'/g)) pages.push(m[1])
  for (const sub of config.matchAll(/\{\s*root:\s*'([^']+)',\s*pages:\s*\[([^\]]*)\]/g)) {
    for (const m of sub[2].matchAll(/'([^']+)'/g)) pages.push(`${sub[1]}/${m[1]}`)
  }
  return pages
}

/**
 * Who opens a page and with what query — one view or several (a detail page in each state a person
 * meets it). Pages not listed are opened by the resident (王秀英) without a query. Ids are the
 * deterministic seed's; a view with `name` is screenshotted as <page>~<name>.
 */
const PAGE_SETUP = {
  'account/pages/welcome/index': { as: null },
  'account/pages/privacy/index': { as: null },
  // Reached only after a first WeChat login with no house yet: 同意 + 微信一键登录 on the welcome page.
  'account/pages/bind/index': { as: null, login: true },
  'requests/pages/detail/index': { as: '周婷', query: 'id=sr_0026' },
  'requests/pages/receipt/index': { as: '周婷', query: 'id=sr_0026' },
  'requests/pages/mine/index': { as: '周婷' },
  'requests/pages/staff/index': { as: '陈静' },
  'requests/pages/staff-detail/index': { as: '陈静', query: 'id=sr_0026' },
  'workbench/pages/index/index': { as: '陈静' },
  'pages/home/index': [{}, { as: '李建国', name: 'leader' }, { as: '陈静', name: 'staff' }],
  'notices/pages/detail/index': { query: 'id=n_0001' },
  'notices/pages/compose/index': { as: '李建国' },
  'notices/pages/receipts/index': { as: '李建国', query: 'id=n_0005' },
  'notices/pages/mine/index': { as: '李建国' },
  'notices/pages/elderly/index': { as: '李建国' },
  // 议事: a vote in progress, the resident's own proposal gathering support, and staff's review cards.
  'council/pages/detail/index': [
    { query: 'id=cp_0004' },
    { query: 'id=cp_0001', name: 'gathering' },
    { query: 'id=cp_0008', name: 'evaluating' },
    { as: '陈静', query: 'id=cp_0002', name: 'staff-review' }
  ],
  'volunteer/pages/detail/index': [{ query: 'id=va_0001' }, { as: '何晓东', query: 'id=va_0002', name: 'signed-up' }],
  'volunteer/pages/publish/index': { as: '陈静' },
  'volunteer/pages/roster/index': { as: '陈静', query: 'slotId=vs_0003' },
  'volunteer/pages/mine/index': { as: '何晓东' },
  'volunteer/pages/check-in/index': { as: '何晓东', query: 'slotId=vs_0003' },
  'volunteer/pages/certificate/index': { as: '张伟' },
  'volunteer/pages/help/index': { as: '张伟' },
  'volunteer/pages/help-detail/index': [{ query: 'id=vh_0001' }, { as: '张伟', query: 'id=vh_0001', name: 'volunteer' }],
  'volunteer/pages/staff/index': { as: '陈静' },
  'timebank/pages/goods/index': { query: 'id=tg_0001' },
  'timebank/pages/orders/index': { query: 'id=to_0002' },
  'timebank/pages/exchange/index': { query: 'id=tx_0006' },
  'timebank/pages/report/index': { as: '陈静' },
  'timebank/pages/staff/index': { as: '陈静' },
  'timebank/pages/staff-goods/index': { as: '陈静' }
}
const DEFAULT_PERSON = '王秀英'
/** Every view of every page: { path, as, query, name }. */
export function appViews(pages = appPages()) {
  return pages.flatMap((path) => [PAGE_SETUP[path] ?? {}].flat().map((v) => ({ path, as: DEFAULT_PERSON, query: '', name: '', ...v })))
}
const viewLabel = (v) => `${v.path}${v.name ? `~${v.name}` : ''}`

const SIZES = ['normal', 'elder']
const MIN_TARGET = 44

/** Chooses 字号 as the app persists it (Taro storage wraps each value as { data }). */
async function setSize(page, size) {
  await page.evaluate((on) => {
    const state = JSON.stringify({ state: { choice: on ? 'large' : 'standard' }, version: 2 })
    localStorage.setItem('linli.theme', JSON.stringify({ data: state }))
  }, size === 'elder')
}

/** Visible controls a finger taps that are smaller than 44×44 (tab bar included). */
async function smallTargets(page) {
  return page.evaluate((min) => {
    const selector = 'button, a[href], input:not([type=hidden]), textarea, [role=button], [role=switch], [role=checkbox], [role=radio], [role=tab], [role=link], .weui-tabbar__item, taro-button-core, taro-switch-core, taro-checkbox-core, taro-radio-core'
    const small = []
    for (const el of document.querySelectorAll(selector)) {
      const style = getComputedStyle(el)
      if (style.visibility === 'hidden' || style.display === 'none') continue
      const r = el.getBoundingClientRect()
      if (!r.width || !r.height || r.bottom < 0 || r.top > innerHeight * 4) continue
      // A control is as big as the box that takes its tap: the control or a labelled parent.
      const hit = el.closest('.ll-tap, label, taro-label-core') ?? el
      const h = hit.getBoundingClientRect()
      if (Math.max(r.width, h.width) < min - 0.5 || Math.max(r.height, h.height) < min - 0.5) {
        small.push(`${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''} "${(el.textContent ?? '').trim().slice(0, 12)}" ${Math.round(r.width)}×${Math.round(r.height)}`)
      }
    }
    return small
  }, MIN_TARGET)
}

/** The first notice row of 首页 is wholly above the tab bar, in the first screen. */
async function firstNoticeShown(page) {
  await page.locator('.notice-row').first().waitFor({ timeout: 10_000 }).catch(() => undefined)
  return page.evaluate(() => {
    const row = document.querySelector('.notice-row')
    const bar = document.querySelector('.taro-tabbar__tabbar')
    if (!row) return false
    const limit = bar ? bar.getBoundingClientRect().top : innerHeight
    return row.getBoundingClientRect().bottom <= limit + 0.5
  })
}

/**
 * The whole page in one picture: Taro H5 scrolls inside the page, not the document, so the
 * viewport is stretched to the content's height for the shot (capped), then put back.
 */
async function tallShot(page, path) {
  const viewport = page.viewportSize()
  // A scroller below the H5 title bar needs its top added, and a tab bar under it its height.
  const height = await page.evaluate(() => Math.ceil(Math.max(...[document.documentElement, document.body, ...document.querySelectorAll('.taro_page, .ll-screen')]
    .map((el) => el.getBoundingClientRect().top + el.scrollHeight)) + (document.querySelector('.taro-tabbar__tabbar')?.getBoundingClientRect().height ?? 0)))
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height, viewport.height), 4000) })
  await page.waitForTimeout(400)
  await page.screenshot({ path })
  await page.setViewportSize(viewport)
}

/** WCAG contrast of an rgb() colour on white. */
function contrastOnWhite(rgb) {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
    const c = v / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)
}

const styleOf = (page, selector) => page.locator(selector).first().evaluate((el) => {
  const c = getComputedStyle(el)
  return { size: parseFloat(c.fontSize), color: c.color }
})

/**
 * Taro H5's own dialog, toast and picker follow 大字模式 (≥ 24 / 20 CSS px) and reach 4.5:1: the
 * toast on the welcome page, the picker on the bind page, the confirm on 我的.
 */
export async function dialogsFollowElder(ctx, failures) {
  const { page } = await ctx.newPage()
  await page.goto(`${ctx.baseUrl}/`)
  await see(page, '微信一键登录', 15_000)
  await setSize(page, 'elder')
  await page.reload()
  await see(page, '微信一键登录', 15_000)
  await page.locator('.welcome-login').click()
  const toast = await styleOf(page, ".taro__toast [style*='font-size']")
  if (toast.size < 24) failures.push(`toast (elder): ${toast.size} px text`)
  await page.waitForTimeout(2800)
  await page.locator('.welcome-agree').click()
  await page.locator('.welcome-login').click()
  await see(page, '绑定您家的房屋', 15_000)
  await page.locator('.bind-estate').first().click()
  await page.locator('.weui-picker').filter({ visible: true }).first().waitFor()
  const cancel = await styleOf(page, '.weui-picker__hd .weui-picker__action')
  const item = await styleOf(page, '.weui-picker__bd .weui-picker__item')
  if (cancel.size < 24 || contrastOnWhite(cancel.color) < 4.5) failures.push(`picker 取消 (elder): ${cancel.size} px ${cancel.color}`)
  if (item.size < 20) failures.push(`picker options (elder): ${item.size} px`)
  await page.context().close()

  const other = await ctx.newPage()
  await becomePerson(other.page, ctx.baseUrl, DEFAULT_PERSON)
  await setSize(other.page, 'elder')
  await other.page.goto(`${ctx.baseUrl}/#/pages/me/index`)
  await other.page.reload()
  await other.page.locator('.me-logout').click()
  await other.page.locator('.taro-modal__text').filter({ visible: true }).first().waitFor()
  const text = await styleOf(other.page, '.taro-modal__text')
  const button = await styleOf(other.page, '.taro-model__cancel')
  if (text.size < 24 || contrastOnWhite(text.color) < 4.5) failures.push(`confirm text (elder): ${text.size} px ${text.color}`)
  if (button.size < 24 || contrastOnWhite(button.color) < 4.5) failures.push(`confirm 取消 (elder): ${button.size} px ${button.color}`)
  await other.page.locator('.taro-model__cancel').click()
  await other.page.context().close()
  return { toastPx: toast.size, pickerCancelPx: cancel.size, pickerCancelContrast: +contrastOnWhite(cancel.color).toFixed(2), confirmTextPx: text.size, confirmTextContrast: +contrastOnWhite(text.color).toFixed(2) }
}

export default async function a11y(ctx) {
  const pages = appPages()
  // A11Y_ONLY=<regexp> checks only the views whose label matches (while working on a page).
  const only = process.env.A11Y_ONLY ? new RegExp(process.env.A11Y_ONLY) : null
  const views = appViews(pages).filter((v) => !only || only.test(viewLabel(v)))
  const byPerson = new Map()
  for (const view of views) {
    const key = view.login ? '#first-login' : view.as ?? ''
    if (!byPerson.has(key)) byPerson.set(key, [])
    byPerson.get(key).push(view)
  }
  mkdirSync(OUT_DIR, { recursive: true })
  const failures = []
  const small = {}
  let checked = 0
  for (const [person, list] of byPerson) {
    for (const size of SIZES) {
      const { page } = await ctx.newPage()
      await page.goto(`${ctx.baseUrl}/`)
      await see(page, '微信一键登录', 15_000).catch(() => undefined)
      if (person && !person.startsWith('#')) await becomePerson(page, ctx.baseUrl, person)
      await setSize(page, size)
      for (const view of list) {
        const { path, query } = view
        const label = viewLabel(view)
        if (view.login) {
          await page.reload()
          await see(page, '微信一键登录', 15_000)
          await page.locator('.welcome-agree').click()
          await page.locator('.welcome-login').click()
          await see(page, '绑定您家的房屋', 15_000)
          if (!page.url().includes(path)) failures.push(`${label}: a first login did not lead to the bind page`)
        } else {
          await page.goto(`${ctx.baseUrl}/#/${path}${query ? `?${query}` : ''}`)
          await page.reload()
        }
        await page.waitForLoadState('networkidle').catch(() => undefined)
        await page.waitForTimeout(900)
        const elder = await page.evaluate(() => document.body.classList.contains('ll-elder-app'))
        if (size === 'elder' && !elder) failures.push(`${label} (${size}): 大字模式 is not applied`)
        // A view set up with a seed id must show the record, not an error state.
        if (query) {
          const error = await page.locator('.ll-state--error').filter({ visible: true }).count()
          if (error) failures.push(`${label} (${size}): opened as ${person || 'a visitor'} with ${query}, the page shows an error`)
        }
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
        for (const v of result.violations.filter((x) => x.impact === 'critical' || x.impact === 'serious')) {
          failures.push(`${label} (${size}): ${v.impact} ${v.id} × ${v.nodes.length} — ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`)
        }
        if (path === 'pages/home/index') {
          const firstNotice = await firstNoticeShown(page)
          if (!firstNotice) failures.push(`${label} (${size}, as ${person}): the first screen shows no whole notice (the first row starts under the tab bar)`)
        }
        const tiny = await smallTargets(page)
        if (tiny.length) small[`${label} (${size})`] = tiny
        const file = `${path.replace(/\/index$/, '').replace(/\//g, '_')}${view.name ? `~${view.name}` : ''}-${size}.png`
        await tallShot(page, join(OUT_DIR, file))
        checked++
      }
      await page.context().close()
    }
  }
  const dialogs = only ? null : await dialogsFollowElder(ctx, failures)
  const smallCount = Object.values(small).reduce((n, l) => n + l.length, 0)
  for (const [where, list] of Object.entries(small)) ctx.log(`under 44 px on ${where}: ${list.slice(0, 4).join('; ')}${list.length > 4 ? ` (+${list.length - 4})` : ''}`)
  // Every control a finger taps is at least 44×44 CSS px, at both sizes.
  for (const [where, list] of Object.entries(small)) failures.push(`${where}: ${list.length} controls under 44 px — ${list.slice(0, 3).join('; ')}`)
  for (const f of failures) ctx.log(`violation: ${f}`)
  if (failures.length) throw new Error(`${failures.length} problems (axe critical/serious, 大字模式 missing, controls under 44 px):\n${failures.join('\n')}`)
  return { viewsChecked: checked, pages: pages.length, views: views.length, axeCriticalSerious: 0, controlsUnder44px: smallCount, dialogsElder: dialogs, screenshots: OUT_DIR }
}
