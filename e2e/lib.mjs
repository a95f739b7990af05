// Helpers for the H5 journeys: Debian Chromium through playwright-core, a phone-sized page,
// screenshots into e2e/shots/, and small waits that read like what a person does.
import { chromium } from 'playwright-core'
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const SHOTS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'shots')
export const VIEWPORT = { width: 375, height: 667 }

// The probe's flags: headless Chromium as root in a container, no background traffic.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: ARGS })
}

/** A fresh context (empty storage: a first visit) and its page, 375×667 like a phone. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 2, hasTouch: true, locale: 'zh-CN', ...options })
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  const errors = []
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })
  return { context, page, errors }
}

/** Screenshot to e2e/shots/<name>.png, after the 300 ms page slide-in has settled. */
export async function shot(page, name) {
  mkdirSync(SHOTS_DIR, { recursive: true })
  await page.waitForTimeout(800)
  const path = join(SHOTS_DIR, `${name}.png`)
  await page.screenshot({ path })
  return path
}

/** The visible element showing exactly this text (or matching this regex). */
export const byText = (page, text) => page.getByText(text, { exact: typeof text === 'string' }).filter({ visible: true }).first()

/**
 * Taps a button of the open Taro H5 modal (showModal) by its exact text — 不同意 also contains 同意 —
 * falling back to any visible element with that text (the kit's own dialogs).
 */
export async function answerModal(page, button) {
  const b = page.locator('.taro__modal .taro-modal__footer div, .taro-modal__foot div, .taro-modal__btn').filter({ hasText: new RegExp(`^\\s*${button}\\s*$`) }).first()
  if (await b.waitFor({ timeout: 2_000 }).then(() => true, () => false)) await b.click()
  else await byText(page, button).click()
}

export async function see(page, text, timeout = 10_000) {
  await byText(page, text).waitFor({ state: 'visible', timeout })
}

export async function tap(page, text) {
  await byText(page, text).click()
}

/** Computed font size in px of the first visible element matching the selector. */
export async function fontSize(page, selector) {
  const el = page.locator(selector).filter({ visible: true }).first()
  await el.waitFor()
  return el.evaluate((node) => parseFloat(getComputedStyle(node).fontSize))
}

export function assert(ok, message) {
  if (!ok) throw new Error(message)
}

/**
 * Chooses `option` in a native-style Picker (Taro H5 renders a wheel in a bottom sheet): opens the
 * picker inside `selector`, drags the wheel until the option sits in the indicator, taps 确定.
 */
export async function pick(page, selector, option) {
  await page.locator(selector).filter({ visible: true }).first().click()
  const sheet = page.locator('.weui-picker').filter({ visible: true }).first()
  await sheet.waitFor()
  await page.waitForTimeout(350) // the sheet slides up
  const group = sheet.locator('.weui-picker__group').first()
  const item = group.locator('.weui-picker__item').filter({ hasText: new RegExp(`^${option}$`) }).first()
  if (!(await item.count())) throw new Error(`picker ${selector} has no option ${option}`)
  for (let i = 0; i < 12; i++) {
    const target = await group.locator('.weui-picker__indicator').boundingBox()
    const box = await item.boundingBox()
    const delta = (box.y + box.height / 2) - (target.y + target.height / 2)
    if (Math.abs(delta) < target.height / 3) break
    const groupBox = await group.boundingBox()
    const step = Math.max(-groupBox.height / 3, Math.min(groupBox.height / 3, delta))
    const x = groupBox.x + groupBox.width / 2
    const y = target.y + target.height / 2
    await page.mouse.move(x, y)
    await page.mouse.down()
    await page.mouse.move(x, y - step / 2, { steps: 4 })
    await page.mouse.move(x, y - step, { steps: 4 })
    await page.mouse.up()
    await page.waitForTimeout(200)
  }
  await sheet.locator('.weui-picker__action').filter({ hasText: '确定' }).click()
  await sheet.waitFor({ state: 'hidden' })
}

export const BIND_MISMATCH = '姓名与该房屋登记的住户不一致，请核对，或联系社区工作人员登记'

/**
 * On the bind page: picks 桂花苑 3栋 2单元 502, tries a name that is not registered there (the
 * page must answer BIND_MISMATCH), calls `afterMismatch` (e.g. a screenshot), then binds as 王秀英.
 */
export async function bindWrongThenRight(page, afterMismatch = async () => {}) {
  await see(page, '绑定您家的房屋')
  await pick(page, '.bind-estate', '桂花苑')
  await pick(page, '.bind-building', '3栋')
  await pick(page, '.bind-unit', '2单元')
  await pick(page, '.bind-room', '502')
  const name = page.locator('.bind-name input').first()
  await name.fill('王小明')
  await tap(page, '确认绑定')
  await see(page, BIND_MISMATCH)
  await afterMismatch()
  await name.fill('王秀英')
  await tap(page, '确认绑定')
}

/**
 * 演示身份: become a seeded person through the identities page. A first visit may still be on its
 * way to the welcome page when the hash changes, so the identities page is opened again if that
 * redirect wins the race.
 */
export async function becomePerson(page, base, name) {
  const url = `${base}/#/account/pages/identities/index`
  const item = page.locator('.identity-item').filter({ hasText: name, visible: true }).first()
  for (let attempt = 0; ; attempt++) {
    await page.goto(url)
    try {
      await item.waitFor({ state: 'visible', timeout: 10_000 })
      await page.waitForTimeout(300)
      if (page.url().includes('/account/pages/identities/')) break
    } catch (e) {
      if (attempt >= 2) throw e
    }
  }
  await item.click()
  await page.waitForURL(/pages\/home\/index/, { timeout: 15_000 })
  // 首页 greets the person once their session is in place.
  await see(page, `${name}，您好`, 15_000).catch(() => undefined)
}

/**
 * A 1200×900 JPEG drawn in the page's canvas (a coloured card with a word on it), written to a temp
 * file for the file chooser: a real photo for the compress-and-upload path.
 */
export async function makeJpeg(page, { word = '照片', background = '#6fa8dc', name = 'linli-photo.jpg' } = {}) {
  const base64 = await page.evaluate(async ([word, background]) => {
    const canvas = document.createElement('canvas')
    canvas.width = 1200; canvas.height = 900
    const g = canvas.getContext('2d')
    g.fillStyle = background; g.fillRect(0, 0, 1200, 900)
    g.fillStyle = '#c2410c'; g.fillRect(200, 300, 800, 500)
    g.fillStyle = '#ffffff'; g.font = '120px sans-serif'; g.fillText(word, 460, 600)
    const blob = await new Promise((r) => canvas.toBlob(r, 'image/jpeg', 0.9))
    const buf = new Uint8Array(await blob.arrayBuffer())
    let out = ''
    for (let i = 0; i < buf.length; i += 0x8000) out += String.fromCharCode(...buf.subarray(i, i + 0x8000))
    return btoa(out)
  }, [word, background])
  const path = join(tmpdir(), name)
  writeFileSync(path, Buffer.from(base64, 'base64'))
  return path
}
