// 通知 end to end on the H5 build in Chromium: 楼长 李建国 (3栋/4栋) posts to 3栋 (its body carries
// markup that must stay text); 王秀英 (3栋) sees it unread in the 首页 feed and opens it; 周婷 (1栋)
// does not see it; the leader's 阅读情况 goes from 0 to 1 and the unread list shrinks by one.
// The notice carries a photo (chooser → compress → upload) that the resident's detail shows.
// Run: npm run build:h5 && node e2e/run.mjs notices   (screenshots in e2e/shots/notices-*.png)
import { answerModal, assert, becomePerson, byText, makeJpeg, see, tap } from '../lib.mjs'

export const title = '楼长 posts to 3栋 → 3栋 resident sees and opens it → 1栋 resident does not → receipts 0 → 1'

const TITLE = `3栋周六上午停水（E2E ${Date.now().toString(36)}）`
const XSS = '<img src=x onerror=alert(1)>'
const BODY = `周六 9:00–12:00 水箱清洗，请提前储水。${XSS}`

/** The 首页 feed once it has loaded its rows. */
async function feedTitles(page) {
  await page.locator('.notice-row').first().waitFor({ timeout: 15_000 })
  return page.locator('.notice-row__title').allTextContents()
}

async function receiptsOf(page) {
  await page.locator('.receipts-count').waitFor({ timeout: 15_000 })
  const count = (await page.locator('.receipts-count').textContent()).trim()
  const unread = await page.locator('.receipts-unread').count()
  return { count, unread }
}

export default async function notices(ctx) {
  const { page, errors } = await ctx.newPage()
  const dialogs = []
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss() })
  await page.goto(`${ctx.baseUrl}/`)
  await see(page, '微信一键登录') // a first visit lands on 欢迎; the 演示身份 page is opened from there

  // ---- 楼长 posts to 3栋 ----
  await becomePerson(page, ctx.baseUrl, '李建国')
  await page.locator('.notice-feed__compose').click()
  await page.locator('.compose-title input').first().fill(TITLE)
  await page.locator('.compose-body textarea').first().fill(BODY)
  await tap(page, '停水停电')
  await page.locator('.notice-target').filter({ hasText: '3栋（整栋）' }).click()
  const photo = await makeJpeg(page, { word: '停水', name: 'linli-notice-photo.jpg' })
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10_000 }), (async () => {
    await page.locator('.compose-add-photo').click()
    // First use of photos on H5: the privacy dialog.
    if (await byText(page, '隐私保护提示').waitFor({ timeout: 3_000 }).then(() => true, () => false)) await answerModal(page, '同意')
  })()])
  await chooser.setFiles(photo)
  await page.locator('.notice-photo--uploaded').waitFor({ timeout: 30_000 })
  const targets = await page.locator('.notice-target').allTextContents()
  assert(!targets.some((t) => /[125-8]栋/.test(t)), `target picker offers buildings 李建国 does not lead: ${targets.join(',')}`)
  await page.locator('.compose-preview').click()
  await see(page, '预览：居民看到的样子')
  await ctx.shot(page, '1-preview')
  await page.locator('.compose-submit').click()
  await page.waitForURL(/notices\/pages\/detail\/index\?id=/, { timeout: 15_000 })
  await see(page, TITLE)
  await page.locator('.notice-detail__receipts').click()
  const before = await receiptsOf(page)
  ctx.log(`posted; receipts ${before.count}, ${before.unread} unread households`)
  assert(before.count.startsWith('0/'), `receipts should start at 0, got ${before.count}`)
  await ctx.shot(page, '2-receipts-before')

  // ---- 王秀英 (3栋) sees it unread and opens it ----
  await becomePerson(page, ctx.baseUrl, '王秀英')
  const wangFeed = await feedTitles(page)
  assert(wangFeed.includes(TITLE), `3栋 resident does not see the notice: ${wangFeed.slice(0, 5).join(' | ')}`)
  const row = page.locator('.notice-row').filter({ hasText: TITLE })
  assert(await row.locator('.notice-row__flag--unread').count() === 1, 'the new notice is not marked 未读')
  await ctx.shot(page, '3-resident-feed')
  await row.click()
  await page.waitForURL(/notices\/pages\/detail/, { timeout: 15_000 })
  await see(page, '3栋楼长 李建国')
  const body = (await page.locator('.notice-view__body').textContent()).trim()
  assert(body === BODY, `body not shown as plain text: ${body}`)
  assert(await page.locator('img[src="x"]').count() === 0, 'markup in the body became an <img>')
  await page.waitForFunction(() => [...document.querySelectorAll('.notice-view__photo img')].some((i) => i.naturalWidth > 0), null, { timeout: 15_000 })
  await ctx.shot(page, '4-resident-detail')

  // ---- 周婷 (1栋) does not see it ----
  await becomePerson(page, ctx.baseUrl, '周婷')
  const zhouFeed = await feedTitles(page)
  assert(!zhouFeed.includes(TITLE), '1栋 resident sees a notice meant for 3栋')
  await ctx.shot(page, '5-other-building-feed')

  // ---- the leader's receipts: 0 → 1, one household fewer unread ----
  await becomePerson(page, ctx.baseUrl, '李建国')
  await page.locator('.notice-feed__mine').click()
  await page.locator('.mine-row').filter({ hasText: TITLE }).first().click()
  await page.locator('.notice-detail__receipts').click()
  const after = await receiptsOf(page)
  ctx.log(`after 王秀英 read it: receipts ${after.count}, ${after.unread} unread households`)
  assert(after.count.startsWith('1/'), `receipts should be 1 after one household read it, got ${after.count}`)
  assert(after.unread === before.unread - 1, `unread list should shrink by one (${before.unread} → ${after.unread})`)
  const unreadRooms = await page.locator('.receipts-unread').allTextContents()
  assert(!unreadRooms.some((t) => t.includes('3栋2单元502')), '王秀英\'s household is still listed as unread')
  await ctx.shot(page, '6-receipts-after')

  assert(dialogs.length === 0, `a dialog opened (markup ran?): ${dialogs.join(' | ')}`)
  const real = errors.filter((e) => !/favicon/.test(e))
  assert(real.length === 0, `page errors: ${real.join(' | ')}`)
  return { receiptsBefore: before.count, receiptsAfter: after.count, unreadBefore: before.unread, unreadAfter: after.unread }
}
