// 志愿服务 + 邻里互助 end to end on the H5 build in Chromium: staff (陈静) publish an activity with one
// place; 张伟 signs up, 何晓东 is waitlisted and promoted when 张伟 cancels; the organiser (赵敏)
// shows the live code of the activity happening now; 张伟 types it to check in and out and sees his
// hours 待公示; 王秀英 asks for help, 张伟 claims it (sees the address) and completes it, she confirms.
// Run: H5_DIR=dist-h5 node e2e/run.mjs volunteer   (screenshots in e2e/shots/volunteer-*.png)
import { answerModal, assert, becomePerson, byText, newPage, see, shot, tap } from '../lib.mjs'

export const title = '志愿服务：工作人员发布活动，志愿者报名、候补转正，组织者出示签到码，志愿者签到签退，时长待公示；老人求助，志愿者认领完成，老人确认'

const open = (page, base, path) => page.goto(`${base}/#${path}`)
const TITLE = '冬季楼道清扫（演示）'

export async function runVolunteerJourney({ base, browser }) {
  const figures = {}
  const { page } = await newPage(browser)
  try {
    await page.goto(base)
    await page.waitForURL(/welcome|home/, { timeout: 15_000 }).catch(() => undefined)

    // ---- Staff publish an activity with one place ----
    await becomePerson(page, base, '陈静')
    await tap(page, '办事')
    await tap(page, '志愿服务')
    await tap(page, '发布志愿活动')
    await page.locator('.vol-publish .ll-field').nth(0).locator('input').fill(TITLE)
    await page.locator('.vol-publish .ll-field').nth(1).locator('textarea').fill('清扫楼道、整理杂物，工具社区提供。')
    await page.locator('.vol-publish .ll-field').nth(2).locator('input').fill('桂花苑 3栋一楼')
    await page.locator('.vol-slot-form input').last().fill('1')
    await tap(page, '预览')
    await see(page, '预览：居民看到的样子。确认无误后发布。')
    await tap(page, '确认发布')
    await see(page, '名单与签到码', 15_000)
    const activityUrl = page.url().replace(base, '').replace(/^\/#/, '')
    await shot(page, 'volunteer-published')

    // ---- 张伟 signs up; 何晓东 waits; 张伟 cancels; 何晓东 is promoted ----
    await becomePerson(page, base, '张伟')
    await open(page, base, activityUrl)
    await tap(page, '报名')
    await page.locator('.vol-slot-status', { hasText: '已报名' }).waitFor({ timeout: 10_000 })
    await becomePerson(page, base, '何晓东')
    await open(page, base, activityUrl)
    await see(page, '已报名 1/1', 10_000)
    await tap(page, '排队候补')
    await page.locator('.vol-slot-status', { hasText: '候补 第 1 位' }).waitFor({ timeout: 10_000 })
    await becomePerson(page, base, '张伟')
    await open(page, base, activityUrl)
    await tap(page, '取消报名')
    await answerModal(page, '取消报名')
    // 何晓东 took the freed place at once, so 张伟 now sees the slot full.
    await see(page, '排队候补', 10_000)
    await becomePerson(page, base, '何晓东')
    await open(page, base, activityUrl)
    await page.locator('.vol-slot-status', { hasText: '已报名' }).waitFor({ timeout: 10_000 })
    figures.promoted = true

    // ---- The organiser of the activity happening now shows the code ----
    await becomePerson(page, base, '赵敏')
    await tap(page, '办事')
    await tap(page, '志愿服务')
    await tap(page, '我组织的')
    await tap(page, '5栋楼道安全巡查')
    await tap(page, '名单与签到码')
    await tap(page, '出示签到码')
    const digits = page.locator('.vol-live-digits').first()
    await digits.waitFor({ timeout: 10_000 })
    const code = (await digits.textContent()).trim()
    assert(/^\d{6}$/.test(code), `the live code is 6 digits, got ${code}`)
    assert(await page.locator('.vol-qr img, img.vol-qr, .vol-qr').count(), 'a QR code is on screen')
    figures.code = code
    await shot(page, 'volunteer-live-code')

    // ---- 张伟 checks in and out with the digits ----
    await becomePerson(page, base, '张伟')
    await tap(page, '我的')
    await tap(page, '我的志愿')
    await page.locator('.vol-mine-checkin').first().click()
    await page.locator('.vol-check-in input').fill(code)
    await page.locator('.vol-check-submit').click()
    await page.locator('.vol-check-submit', { hasText: '签退' }).waitFor({ timeout: 10_000 })
    await page.locator('.vol-check-in input').fill(code)
    await page.locator('.vol-check-submit').click()
    await see(page, /已签退，服务时长/, 10_000)
    await open(page, base, '/volunteer/pages/mine/index')
    await see(page, /（待公示）/, 10_000)
    await shot(page, 'volunteer-hours')

    // ---- 王秀英 asks for help ----
    await becomePerson(page, base, '王秀英')
    await tap(page, '办事')
    await page.locator('.services-help').click() // the cell, not the group title of the same name
    await tap(page, '我要求助')
    // The list behind it shows a seeded 拿药 task as a tag: choose the kind on the ask page itself.
    const ask = page.locator('.vol-help-ask-page')
    await ask.waitFor({ timeout: 10_000 })
    await ask.getByText('拿药', { exact: true }).click()
    await page.locator('.vol-help-ask-page textarea').fill('帮忙去社区医院取降压药（演示）')
    await page.locator('.vol-help-ask-page .ll-field').last().locator('input').fill('明天上午')
    await tap(page, '发出求助')
    await see(page, '待认领', 15_000)
    const helpUrl = page.url().replace(base, '').replace(/^\/#/, '')

    // ---- 张伟 claims (sees the address) and completes it ----
    await becomePerson(page, base, '张伟')
    await open(page, base, '/volunteer/pages/help/index')
    await byText(page, '帮忙去社区医院取降压药（演示）').click()
    await tap(page, '我来帮忙')
    await see(page, /地址：桂花苑 3栋2单元502/, 10_000)
    await page.locator('.vol-help-detail input').fill('40')
    await tap(page, '标记完成')
    await see(page, '待确认', 10_000)

    // ---- 王秀英 confirms ----
    await becomePerson(page, base, '王秀英')
    await open(page, base, helpUrl)
    await tap(page, '确认已帮忙')
    await see(page, '已确认', 10_000)
    await shot(page, 'volunteer-help-confirmed')
    figures.help = 'confirmed'
    return figures
  } catch (e) {
    await shot(page, 'volunteer-failure').catch(() => undefined)
    throw e
  } finally {
    await page.context().close()
  }
}
