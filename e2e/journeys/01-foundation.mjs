// The foundation journey: a first visit through privacy consent, login and house binding (one
// wrong try, one right), the four tabs, the 演示身份 switch, and elder mode enlarging the text.
import { assert, bindWrongThenRight, byText, fontSize, see, tap } from '../lib.mjs'

export const title = 'first visit → privacy → login → bind (wrong, right) → four tabs → switch identity → elder mode'

// Each tab: what shows that it rendered, and a piece of its body text to measure.
const TABS = [
  { label: '首页', key: 'home', shows: /您好$/, body: '.tab-home .home-entry__desc' },
  { label: '办事', key: 'services', shows: '我要反映', body: '.tab-services .ll-cell__title' },
  { label: '议事', key: 'council', shows: '我要提议', body: '.tab-council .cl-card__title' },
  { label: '我的', key: 'me', shows: '大字模式', body: '.tab-me .ll-cell__title' }
]

const openTab = async (page, label) => {
  // The label, not the whole item: a tab may carry an unread badge.
  await page.locator('.weui-tabbar__label').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) }).click()
}

/** Opens each tab, screenshots it, and returns the body text size (px) of each. */
async function visitTabs(page, ctx, suffix) {
  const sizes = {}
  for (const t of TABS) {
    await openTab(page, t.label)
    await see(page, t.shows)
    sizes[t.key] = await fontSize(page, t.body)
    await ctx.shot(page, `${t.key}-${suffix}`)
  }
  return sizes
}

export default async function foundation(ctx) {
  const { page, errors } = await ctx.newPage()
  await page.goto(`${ctx.baseUrl}/`)

  // First visit: the welcome page, and login is held back until the privacy policy is accepted.
  await see(page, '微信一键登录')
  await ctx.shot(page, 'welcome')
  await tap(page, '微信一键登录')
  await see(page, '请先阅读并同意隐私政策')
  await tap(page, '《隐私政策》')
  await see(page, '邻里隐私政策')
  await ctx.shot(page, 'privacy')
  await page.goBack()
  await tap(page, '我已阅读并同意')
  await tap(page, '微信一键登录')

  // Bind: 桂花苑 3栋 2单元 502 with a name that is not registered there, then the right one.
  await bindWrongThenRight(page, () => ctx.shot(page, 'bind-mismatch'))

  // The four tabs render for the bound resident.
  await see(page, '王秀英，您好')
  await see(page, '桂花苑 3栋2单元502')
  for (const t of TABS) {
    await openTab(page, t.label)
    await see(page, t.shows)
  }
  ctx.log('bound as 王秀英; four tabs render')

  // 演示身份: become 李建国, 楼长 of 3栋 and 4栋.
  await openTab(page, '我的')
  await tap(page, '演示身份')
  await see(page, '演示版专用：点一位居民，即以他的身份使用邻里。')
  await page.locator('.identities-search input').first().fill('李建国')
  await tap(page, '李建国')
  await see(page, '李建国，您好')
  await openTab(page, '我的')
  await see(page, '楼长')
  ctx.log('switched identity to 李建国 (楼长)')
  const normal = await visitTabs(page, ctx, 'normal')

  // Elder mode: the body text of 我的 grows, to at least 18 pt (24 CSS px).
  await openTab(page, '我的')
  const bodyText = '.tab-me .ll-cell__title'
  const before = await fontSize(page, bodyText)
  await page.locator('.me-size .ll-size-choice__option--large').first().click() // 字号: 大字
  await page.waitForFunction(([sel, px]) => {
    const el = document.querySelector(sel)
    return el && parseFloat(getComputedStyle(el).fontSize) > px
  }, [bodyText, before])
  const after = await fontSize(page, bodyText)
  ctx.log(`body text ${before}px → ${after}px in elder mode`)
  assert(after > before, `elder mode did not enlarge text (${before}px → ${after}px)`)
  assert(after >= 24, `elder-mode body text is ${after}px, below 18 pt (24 px)`)
  const elder = await visitTabs(page, ctx, 'elder')
  ctx.log(`body text per tab, normal → elder: ${TABS.map((t) => `${t.label} ${normal[t.key]}→${elder[t.key]}px`).join(', ')}`)
  for (const t of TABS) assert(elder[t.key] > normal[t.key], `${t.label}: text did not grow in elder mode (${normal[t.key]} → ${elder[t.key]}px)`)

  const real = errors.filter((e) => !/favicon/.test(e))
  assert(real.length === 0, `page errors: ${real.join(' | ')}`)
  assert(await byText(page, '大字模式').isVisible(), '我的 lost its settings')
}
