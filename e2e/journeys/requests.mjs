// 民生诉求 end to end on the H5 build in Chromium: a resident (王秀英, 3栋) files with a real
// 4000×3000 JPEG through the file chooser and a granted geolocation; the network drops mid-submit
// and comes back (the outbox sends it, 待发送 goes away); staff (陈静) accept, dispatch and close it;
// the resident rates it and finds it on the 公示 page. Prints the photo bytes (original vs sent).
// Run: H5_DIR=dist-h5 node e2e/journeys/requests.mjs   (screenshots in e2e/shots/requests-*.png)
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { answerModal, assert, becomePerson, byText, launch, newPage, see, shot, tap } from '../lib.mjs'
import { serve } from '../serve-static.mjs'

export const title = '民生诉求：居民带照片和定位反映（断网后恢复），工作人员受理、派单、办结，居民评价并在公示页看到'

const NEAR_BUILDING_3 = { latitude: 22.54252, longitude: 114.05822 }
const DESCRIPTION = '3栋前面的路灯这几天晚上都不亮，老人晚上出门看不清台阶，请尽快修一下'

/** A photo-like 4000×3000 JPEG drawn in the page's canvas (sky, buildings, windows, grain). */
async function makeBigJpeg(page) {
  const base64 = await page.evaluate(async () => {
    const w = 4000, h = 3000
    const canvas = document.createElement('canvas')
    canvas.width = w; canvas.height = h
    const ctx = canvas.getContext('2d')
    const sky = ctx.createLinearGradient(0, 0, 0, h)
    sky.addColorStop(0, '#6fa8dc'); sky.addColorStop(0.55, '#d9e7f2'); sky.addColorStop(1, '#7a6f5d')
    ctx.fillStyle = sky; ctx.fillRect(0, 0, w, h)
    let seed = 7
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
    for (let i = 0; i < 40; i++) {
      const bw = 200 + rnd() * 400, bh = 600 + rnd() * 1600, x = rnd() * w, y = h - bh - rnd() * 300
      ctx.fillStyle = `hsl(${20 + rnd() * 30}, ${10 + rnd() * 25}%, ${35 + rnd() * 35}%)`
      ctx.fillRect(x, y, bw, bh)
      for (let wy = y + 40; wy < y + bh - 60; wy += 90) for (let wx = x + 30; wx < x + bw - 50; wx += 80) {
        ctx.fillStyle = rnd() > 0.6 ? '#f6e7a1' : '#3b4a5a'; ctx.fillRect(wx, wy, 40, 55)
      }
    }
    const img = ctx.getImageData(0, 0, w, h)
    for (let i = 0; i < img.data.length; i += 4) {
      const n = (rnd() - 0.5) * 28
      img.data[i] += n; img.data[i + 1] += n; img.data[i + 2] += n
    }
    ctx.putImageData(img, 0, 0)
    const blob = await new Promise((r) => canvas.toBlob(r, 'image/jpeg', 0.92))
    const buf = new Uint8Array(await blob.arrayBuffer())
    let s = ''
    for (let i = 0; i < buf.length; i += 0x8000) s += String.fromCharCode(...buf.subarray(i, i + 0x8000))
    return btoa(s)
  })
  const bytes = Buffer.from(base64, 'base64')
  const path = join(tmpdir(), 'linli-4000x3000.jpg')
  writeFileSync(path, bytes)
  return { path, bytes: bytes.length }
}

export async function runRequestsJourney({ base, browser }) {
  const figures = {}
  const { context, page, errors } = await newPage(browser, { geolocation: NEAR_BUILDING_3, permissions: ['geolocation'] })
  await context.grantPermissions(['geolocation'])
  await context.setGeolocation(NEAR_BUILDING_3)
  figures.errorsAt = []
  page.on('pageerror', (e) => figures.errorsAt.push(`${page.url().replace(base, '')}: ${String(e).slice(0, 80)}`))
  try {
    await page.goto(base)
    const jpeg = await makeBigJpeg(page)
    figures.originalBytes = jpeg.bytes

    // ---- Resident files ----
    await becomePerson(page, base, '王秀英')
    await tap(page, '办事')
    await tap(page, '我要反映')
    await page.locator('.rq-submit').waitFor()
    await tap(page, '路灯照明')
    await tap(page, '不亮')
    await page.locator('.rq-new .ll-textarea textarea').fill(DESCRIPTION)

    const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10_000 }), (async () => {
      await page.locator('.rq-photo--add').click()
      // First use of photos on H5: our privacy dialog.
      if (await byText(page, '隐私保护提示').waitFor({ timeout: 3_000 }).then(() => true, () => false)) await answerModal(page, '同意')
    })()])
    await chooser.setFiles(jpeg.path)
    await page.locator('.rq-photo--uploaded').waitFor({ timeout: 30_000 })

    await page.locator('.rq-locate').click()
    await page.locator('.rq-place .ll-picker__value', { hasText: /3栋/ }).waitFor({ timeout: 10_000 })
    figures.place = (await page.locator('.rq-place .ll-picker__value').textContent())?.trim()
    await shot(page, 'requests-1-form')

    // The photo as it was sent: the mock keeps its record and its bytes.
    const sent = await page.evaluate(async () => {
      const mock = window.__linliMock
      const file = mock.db().files.at(-1)
      const stored = mock.storage.getItem(`file.${file.id}`) ?? ''
      const src = stored.startsWith('data:') ? stored : `data:${file.contentType};base64,${stored}`
      const img = new Image()
      await new Promise((resolve, reject) => { img.onload = resolve; img.onerror = reject; img.src = src })
      return { bytes: file.bytes, storedChars: stored.length, contentType: file.contentType, size: `${img.naturalWidth}×${img.naturalHeight}` }
    })
    figures.sentSize = sent.size
    assert(sent.bytes <= 300 * 1024, `sent photo is ${sent.bytes} bytes, over 300 KB`)
    assert(sent.size === '1600×1200', `sent photo is ${sent.size}, expected 1600×1200`)
    figures.sentBytes = sent.bytes
    figures.sentBase64Chars = sent.storedChars

    // ---- 提交: nearby same-kind requests show first; the network drops before 仍要提交 ----
    await page.locator('.rq-submit').click()
    await see(page, '仍要提交', 15_000)
    figures.similarShown = await page.locator('.rq-similar').count()
    await shot(page, 'requests-2-before-submit')
    await context.setOffline(true)
    await page.locator('.rq-submit-anyway').click()
    await see(page, '待发送', 15_000)
    await shot(page, 'requests-3-pending-offline')
    await context.setOffline(false)
    await see(page, '受理编号', 20_000)
    assert(!(await byText(page, '待发送').isVisible().catch(() => false)), '待发送 still shown after the network came back')
    const caseNumber = (await page.locator('.rq-receipt__case').textContent())?.trim()
    figures.caseNumber = caseNumber
    figures.expected = (await page.locator('.rq-receipt__due').textContent())?.trim()
    await shot(page, 'requests-4-receipt')
    const filed = await page.evaluate((cn) => window.__linliMock.db().serviceRequests.filter((r) => r.caseNumber === cn || r.description.startsWith('3栋前面的路灯这几天')).length, caseNumber)
    assert(filed === 1, `expected the request filed once, found ${filed}`)

    // ---- Staff: accept, dispatch, close ----
    await becomePerson(page, base, '陈静')
    await tap(page, '我的')
    await tap(page, '工作台')
    await tap(page, '诉求受理')
    await page.locator('.rq-card', { hasText: caseNumber }).click()
    await page.locator('.rq-action-accept').click()
    await page.locator('.rq-action-submit').click()
    await see(page, '已受理（立案）')
    await page.locator('.rq-action-dispatch').click()
    await page.locator('.rq-department').click()
    await byText(page, '确定').click()
    await page.locator('.rq-action-submit').click()
    await see(page, /已派单（/)
    await page.locator('.rq-action-close').click()
    await page.locator('.rq-action-form textarea').fill('已更换 3栋前广场的路灯灯泡并检修线路，恢复照明')
    await page.locator('.rq-action-submit').click()
    await answerModal(page, '确定')
    await see(page, /办结于/, 15_000)
    await shot(page, 'requests-5-staff-closed')

    // ---- Resident rates it and finds it on 公示 ----
    await becomePerson(page, base, '王秀英')
    await tap(page, '办事')
    await tap(page, '我的诉求')
    await page.locator('.rq-card', { hasText: caseNumber }).click()
    await see(page, '评价这次办理')
    for (const aspect of ['办理速度', '办理结果', '服务态度']) await page.locator(`[aria-label="${aspect} 5 星"]`).click()
    await page.locator('.rq-rate textarea').first().fill('修得很快，谢谢社区')
    await page.locator('.rq-rate-submit').click()
    await see(page, '您的评价')
    await shot(page, 'requests-6-rated')
    await page.goto(`${base}/#/requests/pages/public/index`)
    const item = page.locator('.rq-public-item', { hasText: caseNumber })
    await item.waitFor({ timeout: 15_000 })
    const publicText = await item.textContent()
    assert(publicText.includes('满意度 5 星'), `公示 entry lacks the rating: ${publicText}`)
    assert(!/1[3-9]\d{9}/.test(await page.locator('.rq-public').textContent()), '公示 page shows a phone number')
    figures.publicEntry = publicText.replace(/\s+/g, ' ').trim()
    await shot(page, 'requests-7-public')
    assert(!figures.errorsAt.some((e) => /React error|Maximum update/.test(e)), `React failed on a page: ${figures.errorsAt.join(' | ')}`)
    return figures
  } catch (e) {
    await shot(page, 'requests-failed').catch(() => undefined)
    console.error('page errors:', errors)
    throw e
  } finally {
    await context.close()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await serve(process.env.H5_DIR || 'dist-h5', 0)
  const browser = await launch()
  let failed = false
  try {
    const figures = await runRequestsJourney({ base: server.url, browser })
    console.log(JSON.stringify(figures, null, 2))
    console.log(`photo: original ${figures.originalBytes} bytes → sent ${figures.sentBytes} bytes (${(100 * figures.sentBytes / figures.originalBytes).toFixed(1)}%)`)
  } catch (e) {
    failed = true
    console.error('requests journey FAILED:', e)
  } finally {
    await browser.close()
    server.close()
  }
  console.log(failed ? '0 passed, 1 failed' : '1 passed, 0 failed')
  process.exit(failed ? 1 : 0)
}
