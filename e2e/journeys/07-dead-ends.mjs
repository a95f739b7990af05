// No dead ends on H5: an unknown route shows 页面不存在 with 返回首页; every non-tab page has a title
// bar with a named back button (≥ 44 px) that goes back, or to 首页 on a deep link; a page whose
// code was never fetched, opened offline, says 此页面需要联网打开一次 with 重试 / 返回, and opens
// once the network is back.
import AxeBuilder from '@axe-core/playwright'
import { assert, byText, see } from '../lib.mjs'

export const title = 'no dead ends: 页面不存在, H5 title bar with back, a page never opened cannot open offline — said plainly'
export const timeoutMs = 240_000

async function becomeResident(page, base) {
  await page.goto(`${base}/#/account/pages/identities/index`)
  await byText(page, '王秀英').click({ timeout: 15_000 })
  await page.waitForURL(/pages\/home\/index/, { timeout: 15_000 })
}

const visibleBarButton = (page) => page.locator('#taro-navigation-bar [role=button]').filter({ visible: true })

async function barState(page) {
  return page.evaluate(() => {
    const el = document.getElementById('taro-navigation-bar')
    const buttons = [...(el?.querySelectorAll('[role=button]') ?? [])].filter((b) => getComputedStyle(b).display !== 'none')
    return {
      shown: !!el && getComputedStyle(el).display !== 'none',
      title: el?.querySelector('.taro-navigation-bar-title')?.textContent ?? '',
      buttons: buttons.map((b) => { const r = b.getBoundingClientRect(); return { label: b.getAttribute('aria-label'), w: Math.round(r.width), h: Math.round(r.height) } })
    }
  })
}

async function seriousAxe(page) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return r.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 2).join(' | ')}`)
}

export default async function deadEnds(ctx) {
  const figures = {}
  const { page, context } = await ctx.newPage()
  await page.goto(`${ctx.baseUrl}/`)
  await see(page, '微信一键登录', 15_000).catch(() => undefined)
  await page.waitForTimeout(400)
  const welcome = await barState(page)
  assert(welcome.buttons.length === 0, `the welcome page offers a bar button that only comes back: ${JSON.stringify(welcome.buttons)}`)
  await becomeResident(page, ctx.baseUrl)
  await see(page, '首页').catch(() => undefined)
  // The URL turns to 首页 before Taro's H5 bar is redrawn for it (the identities page had 返回首页):
  // wait for the bar to say 首页, as a person would look at the page that arrived.
  await page.waitForFunction(() => document.querySelector('#taro-navigation-bar .taro-navigation-bar-title')?.textContent === '首页', null, { timeout: 10_000 }).catch(() => undefined)
  await page.waitForTimeout(300)

  // 1. A tab page shows only the title, no back.
  let state = await barState(page)
  assert(state.shown, 'H5 shows no title bar on 首页')
  assert(state.buttons.length === 0, `a tab page shows a back button: ${JSON.stringify(state.buttons)}`)
  figures.homeTitle = state.title

  // 2. A page opened from 我的 has a back button named 返回, ≥ 44 px, that goes back.
  await page.locator('.weui-tabbar__item').filter({ hasText: '我的' }).click()
  await see(page, '隐私政策')
  await byText(page, '隐私政策').click()
  await see(page, '邻里隐私政策')
  await page.waitForTimeout(400)
  state = await barState(page)
  assert(state.title === '隐私政策', `title bar reads ${state.title}, not 隐私政策`)
  assert(state.buttons.length === 1 && state.buttons[0].label === '返回', `back button: ${JSON.stringify(state.buttons)}`)
  assert(state.buttons[0].w >= 44 && state.buttons[0].h >= 44, `back button is ${state.buttons[0].w}×${state.buttons[0].h}, under 44×44`)
  figures.backButton = `${state.buttons[0].w}×${state.buttons[0].h}`
  await ctx.shot(page, 'back-bar')
  const axeBar = await seriousAxe(page)
  assert(!axeBar.length, `axe on a page with the title bar: ${axeBar.join('; ')}`)
  await visibleBarButton(page).click()
  await page.waitForURL(/pages\/me\/index/)
  await see(page, '退出登录')

  // 3. The same page opened from a link (no history): the button goes to 首页.
  await page.goto(`${ctx.baseUrl}/#/account/pages/privacy/index`)
  await page.reload()
  await see(page, '邻里隐私政策', 15_000)
  await page.waitForTimeout(400)
  state = await barState(page)
  assert(state.buttons.length === 1 && state.buttons[0].label === '返回首页', `deep link: ${JSON.stringify(state.buttons)}`)
  await visibleBarButton(page).click()
  await page.waitForURL(/pages\/home\/index/)

  // 4. An unknown route shows 页面不存在, not the previous page.
  await page.evaluate(() => { window.location.hash = '#/requests/pages/no-such-page/index' })
  await see(page, '页面不存在', 15_000)
  await see(page, '您打开的链接可能有误，或这个页面已经不再提供。请回到首页重新查找。')
  await ctx.shot(page, 'not-found')
  const axeNotFound = await seriousAxe(page)
  assert(!axeNotFound.length, `axe on 页面不存在: ${axeNotFound.join('; ')}`)
  await page.locator('.not-found__home').filter({ visible: true }).click()
  await page.waitForURL(/pages\/home\/index/)

  // 5. Offline, a page never opened before: said plainly, 返回 keeps the page on screen, 重试 opens it once online.
  await page.locator('.weui-tabbar__item').filter({ hasText: '我的' }).click()
  await see(page, '时间银行积分')
  await context.setOffline(true)
  await byText(page, '时间银行积分').click()
  await see(page, '此页面需要联网打开一次', 15_000)
  await ctx.shot(page, 'offline-unopened')
  const axeOffline = await seriousAxe(page)
  assert(!axeOffline.length, `axe on the offline message: ${axeOffline.join('; ')}`)
  const sizes = await page.locator('.ll-chunk-offline button').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().height))
  assert(sizes.every((h) => h >= 44) && sizes.length === 2, `offline dialog buttons: ${sizes}`)
  await page.locator('.ll-chunk-offline__back').click()
  await page.waitForURL(/pages\/me\/index/)
  await see(page, '退出登录')
  assert(!(await page.locator('.ll-chunk-offline').count()), 'the offline message stays after 返回')

  await byText(page, '时间银行积分').click()
  await see(page, '此页面需要联网打开一次', 15_000)
  await context.setOffline(false)
  await page.locator('.ll-chunk-offline__retry').click()
  await page.waitForURL(/timebank\/pages\/index\/index/, { timeout: 15_000 })
  await page.locator('.ll-chunk-offline').waitFor({ state: 'detached' })
  await see(page, '可用积分', 15_000)
  await page.waitForTimeout(400)
  state = await barState(page)
  assert(state.buttons.length === 1 && state.buttons[0].label === '返回', `after 重试 the page is not stacked on 我的: ${JSON.stringify(state.buttons)}`)
  await visibleBarButton(page).click()
  await page.waitForURL(/pages\/me\/index/)
  figures.offlineRetryOpened = true
  return figures
}
