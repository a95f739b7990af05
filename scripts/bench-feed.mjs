// Feed benchmark on the H5 build in Chromium (prints figures; asserts only the DOM budget).
// 1. Baseline: 王秀英's 首页 with an empty feed (all notices removed through window.__linliMock).
// 2. Fixture: the same page opened with ?feedFixture=1000 (1,000 notices to her building, 3栋).
// 3. Scroll until all 1,000 are loaded (20 per page), then count DOM nodes of the feed page.
// Time to first feed render is reported as a ratio to the baseline measured in the same run.
// Usage: npm run build:h5 && node scripts/bench-feed.mjs   (H5_DIR=dist-h5, RUNS=3)
import { launch, newPage } from '../e2e/lib.mjs'
import { serve } from '../e2e/serve-static.mjs'

const H5_DIR = process.env.H5_DIR || 'dist-h5'
const RUNS = Number(process.env.RUNS || 3)
const COUNT = 1000
const DOM_BUDGET = 300

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function becomeWang(page, base) {
  await page.goto(`${base}/#/account/pages/identities/index`)
  await page.locator('.identity-item').filter({ hasText: '王秀英' }).first().click()
  await page.waitForURL(/pages\/home\/index/, { timeout: 20_000 })
  await page.locator('.notice-feed').waitFor({ timeout: 20_000 })
}

/** ms from a fresh load of 首页 until the feed shows rows from the server (or its empty state). */
async function timeToFeed(page, url, selector) {
  // Without the feed's first page kept on the device, so the time includes the (mock) server's answer.
  await page.evaluate(() => localStorage.removeItem('linli.notices'))
  await page.goto('about:blank')
  const started = Date.now()
  await page.goto(url)
  await page.locator(selector).first().waitFor({ timeout: 30_000 })
  return Date.now() - started
}

/** Elements under the visible page root (Taro H5 keeps each open page in its own .taro_page). */
const countNodes = (page) => page.evaluate(() => {
  const roots = [...document.querySelectorAll('.taro_page')].filter((p) => getComputedStyle(p).display !== 'none')
  const root = roots.at(-1) ?? document.body
  return { page: root.querySelectorAll('*').length, document: document.querySelectorAll('*').length, rows: root.querySelectorAll('.notice-row').length }
})

const server = await serve(H5_DIR, 0)
const browser = await launch()
try {
  const { page, errors } = await newPage(browser)
  const base = server.url
  await page.goto(`${base}/`)
  await page.getByText('微信一键登录').first().waitFor()
  await becomeWang(page, base)
  const home = `${base}/#/pages/home/index`

  // ---- baseline: an empty feed ----
  await page.evaluate(() => { const m = window.__linliMock; m.db().notices = []; m.persist() })
  const baseline = []
  for (let i = 0; i < RUNS; i++) baseline.push(await timeToFeed(page, home, '.notice-feed .ll-state--empty'))
  const dbSize = () => page.evaluate(() => {
    const text = localStorage.getItem('linli.mock.db') ?? ''
    return `${text.length} chars / ${new TextEncoder().encode(text).length} UTF-8 bytes`
  })
  const dbBytesEmpty = await dbSize()

  // ---- the 1,000-notice fixture, added through the URL flag ----
  await page.goto('about:blank')
  const seededAt = Date.now()
  await page.goto(`${home}?feedFixture=${COUNT}`)
  await page.locator('.notice-row').first().waitFor({ timeout: 60_000 })
  const seedMs = Date.now() - seededAt
  const total = await page.evaluate(() => window.__linliMock.db().notices.length)
  if (total !== COUNT) throw new Error(`fixture holds ${total} notices, expected ${COUNT}`)
  const dbBytesFixture = await dbSize()
  const fixture = []
  for (let i = 0; i < RUNS; i++) fixture.push(await timeToFeed(page, home, '.notice-row'))
  const firstPage = await countNodes(page)

  // ---- scroll through all 1,000 ----
  const loadStart = Date.now()
  for (let i = 0; i < 400; i++) {
    const footer = (await page.locator('.notice-feed__footer').textContent().catch(() => '')) ?? ''
    if (footer.includes(`共 ${COUNT} 条通知`)) break
    await page.mouse.wheel(0, 4000)
    await page.waitForTimeout(120)
  }
  const footer = await page.locator('.notice-feed__footer').textContent()
  if (!footer.includes(`共 ${COUNT} 条通知`)) throw new Error(`did not load all ${COUNT}: footer says ${footer}`)
  const loadAllMs = Date.now() - loadStart
  await page.waitForTimeout(300)
  const atEnd = await countNodes(page)
  await page.mouse.wheel(0, -60_000)
  await page.waitForTimeout(300)
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2))
  await page.waitForTimeout(300)
  const middle = await countNodes(page)
  const lastTitle = await page.locator('.notice-row__title').last().textContent()

  const figures = {
    'baseline (empty feed) first render, ms, median': median(baseline),
    '1,000-notice feed first render, ms, median': median(fixture),
    'first-render ratio (1,000 / empty)': +(median(fixture) / median(baseline)).toFixed(2),
    'fixture seeding via ?feedFixture, ms': seedMs,
    'scrolling until all 1,000 loaded, ms': loadAllMs,
    'DOM nodes in the feed page, first page': firstPage.page,
    'DOM nodes in the feed page, all 1,000 loaded (bottom)': atEnd.page,
    'DOM nodes in the feed page, all 1,000 loaded (middle)': middle.page,
    'DOM nodes in the whole document (bottom)': atEnd.document,
    'notice rows in the DOM (bottom / middle)': `${atEnd.rows} / ${middle.rows}`,
    'a row in the middle window': lastTitle,
    'stored mock DB, empty feed → with fixture': `${dbBytesEmpty} → ${dbBytesFixture}`
  }
  for (const [k, v] of Object.entries(figures)) console.log(`${k}: ${v}`)
  const real = errors.filter((e) => !/favicon/.test(e))
  if (real.length) console.log(`page errors: ${real.join(' | ')}`)
  const worst = Math.max(atEnd.page, middle.page)
  console.log(worst < DOM_BUDGET ? `DOM budget: ${worst} < ${DOM_BUDGET} ok` : `DOM budget: ${worst} >= ${DOM_BUDGET} FAILED`)
  process.exitCode = worst < DOM_BUDGET ? 0 : 1
} finally {
  await browser.close()
  server.close?.()
}
