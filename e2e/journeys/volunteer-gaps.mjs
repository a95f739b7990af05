// 志愿服务 gaps on the H5 build in Chromium: staff (陈静) publish an activity with a photo (chosen,
// compressed, uploaded, shown on the preview and the detail page), see minors and their guardian's
// consent on 志愿服务管理, and 张伟 downloads his 证明; axe-core over those pages at normal size and
// in 大字模式 (0 critical/serious), controls ≥ 44 px.
// Run: npm run build:h5 && node e2e/run.mjs volunteer-gaps   (screenshots in e2e/shots/volunteer-gaps-*.png)
import AxeBuilder from '@axe-core/playwright'
import { answerModal, assert, becomePerson, byText, makeJpeg, see, shot, tap } from '../lib.mjs'

export const title = '志愿服务：发布活动带照片、详情页显示照片；工作人员查看未成年人监护人同意；志愿服务证明下载；两种字号 axe 无严重问题'
export const timeoutMs = 300_000

async function setSize(page, size) {
  await page.evaluate((on) => {
    const state = JSON.stringify({ state: { preference: on ? 'on' : 'off' }, version: 1 })
    localStorage.setItem('linli.theme', JSON.stringify({ data: state }))
  }, size === 'elder')
  await page.reload()
  await page.waitForTimeout(900)
}

async function audit(page, where, problems) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  for (const v of result.violations.filter((x) => x.impact === 'critical' || x.impact === 'serious')) {
    problems.push(`${where}: ${v.impact} ${v.id} — ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`)
  }
  const small = await page.evaluate(() => {
    const out = []
    for (const el of document.querySelectorAll('button, input:not([type=hidden]), textarea, [role=button], taro-button-core, .vol-photo__remove, .vol-photo--add')) {
      const r = el.getBoundingClientRect()
      if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') continue
      const hit = (el.closest('.ll-tap, label, taro-label-core') ?? el).getBoundingClientRect()
      if (Math.max(r.width, hit.width) < 43.5 || Math.max(r.height, hit.height) < 43.5) out.push(`${el.className} ${Math.round(r.width)}×${Math.round(r.height)}`)
    }
    return out
  })
  if (small.length) problems.push(`${where}: under 44 px: ${small.slice(0, 3).join('; ')}`)
}

const TITLE = '冬季送温暖（照片演示）'

export default async function volunteerGaps(ctx) {
  const { page } = await ctx.newPage()
  const base = ctx.baseUrl
  const problems = []
  await page.goto(base)
  await page.waitForURL(/welcome|home/, { timeout: 15_000 }).catch(() => undefined)

  // ---- Staff publish with a photo ----
  await becomePerson(page, base, '陈静')
  await page.goto(`${base}/#/volunteer/pages/publish/index`)
  await page.locator('.vol-publish .ll-field').nth(0).locator('input').fill(TITLE)
  await page.locator('.vol-publish .ll-field').nth(1).locator('textarea').fill('给独居老人送棉被和热汤。')
  await page.locator('.vol-publish .ll-field').nth(2).locator('input').fill('幸福里社区服务中心')
  const photo = await makeJpeg(page, { word: '清扫', background: '#4d7c0f', name: 'linli-volunteer-photo.jpg' })
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10_000 }), (async () => {
    await page.locator('.vol-add-photo').click()
    if (await byText(page, '隐私保护提示').waitFor({ timeout: 3_000 }).then(() => true, () => false)) await answerModal(page, '同意')
  })()])
  await chooser.setFiles(photo)
  await page.locator('.vol-photo--uploaded').waitFor({ timeout: 30_000 })
  await ctx.shot(page, 'publish-photo')
  // A reload keeps the draft with its photo.
  await page.reload()
  await page.locator('.vol-photo--uploaded').waitFor({ timeout: 15_000 })
  const kept = await page.locator('.vol-publish .ll-field').nth(0).locator('input').inputValue()
  assert(kept === TITLE, `the draft's title after a reload: ${kept}`)
  for (const size of ['normal', 'elder']) {
    await setSize(page, size)
    await page.locator('.vol-photo--uploaded').waitFor({ timeout: 15_000 })
    await audit(page, `publish (${size})`, problems)
    await ctx.shot(page, `publish-${size}`)
  }
  await setSize(page, 'normal')
  await tap(page, '预览')
  await see(page, '预览：居民看到的样子。确认无误后发布。')
  await page.locator('.vol-publish-preview .vol-detail-photo img').first().waitFor({ timeout: 10_000 })
  await tap(page, '确认发布')
  await see(page, '名单与签到码', 15_000)
  await page.locator('.vol-detail-photo img').first().waitFor({ timeout: 10_000 })
  const src = await page.locator('.vol-detail-photo img').first().getAttribute('src')
  assert(!!src && src.length > 20, `detail photo src: ${src}`)
  const shown = await page.locator('.vol-detail-photo img').first().evaluate((img) => img.complete && img.naturalWidth > 0)
  assert(shown, 'the detail page photo did not load')
  for (const size of ['normal', 'elder']) {
    await setSize(page, size)
    await page.locator('.vol-detail-photo img').first().waitFor({ timeout: 10_000 })
    await audit(page, `detail (${size})`, problems)
    await ctx.shot(page, `detail-${size}`)
  }

  // ---- Staff: minors and their guardian's consent ----
  await page.goto(`${base}/#/volunteer/pages/staff/index`)
  for (const size of ['normal', 'elder']) {
    await setSize(page, size)
    await page.locator('.vol-staff-minor').first().waitFor({ timeout: 15_000 })
    await page.locator('.vol-staff-minor').first().scrollIntoViewIfNeeded()
    await audit(page, `staff (${size})`, problems)
    await ctx.shot(page, `staff-${size}`)
  }
  const minor = await page.locator('.vol-staff-minor').first().textContent()
  assert(minor.includes('林小雨（16 岁）') && minor.includes('已登记监护人同意：林建华'), `minor card: ${minor}`)

  // ---- 张伟's 证明 ----
  await setSize(page, 'normal')
  await becomePerson(page, base, '张伟')
  await page.goto(`${base}/#/volunteer/pages/certificate/index`)
  await page.locator('.vol-cert-record').first().waitFor({ timeout: 15_000 })
  for (const size of ['normal', 'elder']) {
    await setSize(page, size)
    await page.locator('.vol-cert-record').first().waitFor({ timeout: 15_000 })
    await audit(page, `certificate (${size})`, problems)
    await ctx.shot(page, `certificate-${size}`)
  }
  await setSize(page, 'normal')
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), tap(page, '下载证明图片')])
  const name = download.suggestedFilename()
  assert(/^志愿服务证明-LLZY-.+\.svg$/.test(name), `download name: ${name}`)
  await page.locator('.vol-cert__image img').scrollIntoViewIfNeeded()
  await shot(page, 'volunteer-gaps-certificate-image')

  if (problems.length) throw new Error(`${problems.length} problems:\n${problems.join('\n')}`)
  return { pagesAudited: 4, sizes: 2, axeCriticalSerious: 0, download: name }
}
