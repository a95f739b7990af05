// 时间银行 end to end on the H5 build in Chromium: a volunteer's hours leave 公示 and the points
// appear; the volunteer (张伟) redeems a bottle of oil and gets a pickup code; staff (陈静) hand it
// over by the code and the stock drops; a second resident (周婷) pays 张伟 for clearing a drain;
// both histories show it. Run: H5_DIR=dist-h5 node e2e/run.mjs timebank
import { answerModal, assert, becomePerson, newPage, see, shot, tap } from '../lib.mjs'

export const title = '时间银行：志愿时长公示结束积分到账，兑换食用油拿取货码，工作人员核销，邻居为通下水道支付积分，双方流水可见'

/** A call to the embedded mock as the signed-in person (the session the app keeps in storage). */
const asMe = (page, method, path, body, key) => page.evaluate(async ([method, path, body, key]) => {
  const raw = JSON.parse(localStorage.getItem('linli.session') ?? '{}')
  const token = (typeof raw.data === 'string' ? JSON.parse(raw.data) : raw)?.state?.token
  const headers = { Authorization: `Bearer ${token}`, ...(key ? { 'Idempotency-Key': key } : {}) }
  return (await window.__linliMock.handle({ method, path, body, headers })).body
}, [method, path, body, key])

/** Opens a page fresh (a reload, so no cached page instance shows old data; the mock's data is kept in storage). */
async function open(page, base, hash) {
  await page.goto(`${base}/#${hash}`)
  await page.reload()
}

const available = async (page) => (await page.locator('.tb-available').textContent())?.trim()
const mock = (page, fn, arg) => page.evaluate(fn, arg)

export async function runTimebankJourney({ base, browser }) {
  const figures = {}
  const { context, page } = await newPage(browser)
  try {
    await page.goto(base)
    await becomePerson(page, base, '张伟')
    await tap(page, '办事')
    await page.locator('.services-timebank').filter({ visible: true }).first().waitFor()
    await page.locator('.services-timebank').filter({ visible: true }).first().click({ force: true })
    await page.locator('.tb-available', { hasText: '24.5' }).waitFor({ timeout: 15_000 })
    await see(page, '公示中 4.5 分')
    figures.before = await available(page)

    // 公示 of 周末社区清洁 (offline-recorded, 3) and 社区图书角整理 (volunteer records, 1.5) end within two days of the seed: move the demo clock; the next call catches up.
    await mock(page, () => window.__linliMock.advanceClock(2 * 24 * 3600_000 + 60_000))
    figures.balanceAfterFinal = await asMe(page, 'GET', '/timebank/balance')
    await open(page, base, '/timebank/pages/index/index')
    await page.locator('.tb-available', { hasText: '29' }).waitFor({ timeout: 15_000 })
    await see(page, '公示中 0 分')
    figures.afterFinal = await available(page)
    await shot(page, 'timebank-1-points')

    await page.locator('.tb-go-shop').click()
    await page.locator('.tb-goods-row', { hasText: '食用油' }).click()
    await see(page, '库存 12 件 · 每月限兑 1 件，本月已兑 0 件')
    await page.locator('.tb-redeem').click()
    await answerModal(page, '兑换')
    const code = page.locator('.tb-pickup-code').first()
    await code.waitFor({ timeout: 15_000 })
    figures.pickupCode = (await code.textContent())?.trim()
    assert(/^[A-HJ-NP-Z2-9]{6}$/.test(figures.pickupCode ?? ''), `pickup code ${figures.pickupCode}`)
    await shot(page, 'timebank-2-pickup-code')

    await becomePerson(page, base, '陈静')
    await open(page, base, '/timebank/pages/staff/index')
    await page.locator('.tb-handover-code input').fill(figures.pickupCode.toLowerCase())
    await page.locator('.tb-handover-submit').click()
    await see(page, '已交付：张伟 的 食用油 ×1', 15_000)
    await shot(page, 'timebank-3-handed-over')
    figures.oilStock = await mock(page, () => window.__linliMock.db().timebank.goods.find((g) => g.name === '食用油').stock)
    assert(figures.oilStock === 11, `oil stock ${figures.oilStock}, expected 11`)

    // 周婷 books 通下水道 (1 hour, 1 point pre-paid) through the store's own calls, then accepts the claim in the UI.
    await becomePerson(page, base, '周婷')
    await open(page, base, '/timebank/pages/services/index')
    await page.locator('.tb-offer-row', { hasText: '通下水道' }).waitFor({ timeout: 15_000 })
    const drain = await mock(page, () => window.__linliMock.db().timebank.offers.find((o) => o.title === '通下水道').id)
    const exchangeId = (await asMe(page, 'POST', `/timebank/offers/${drain}/book`, { id: drain, hours: 2 }, 'e2e-book-drain')).id
    assert(typeof exchangeId === 'string', `booking answered ${exchangeId}`)

    await becomePerson(page, base, '张伟')
    await open(page, base, `/timebank/pages/exchange/index?id=${exchangeId}`)
    await page.locator('.tb-claim-points input').fill('1')
    await page.locator('.tb-claim').click()
    await answerModal(page, '申请')
    await see(page, '待确认', 15_000)

    await becomePerson(page, base, '周婷')
    await open(page, base, `/timebank/pages/exchange/index?id=${exchangeId}`)
    await page.locator('.tb-accept').click()
    await answerModal(page, '支付')
    await see(page, '已完成', 15_000)
    await open(page, base, '/timebank/pages/index/index')
    await page.locator('.tb-line', { hasText: '通下水道' }).first().waitFor({ timeout: 15_000 })
    await shot(page, 'timebank-4-payer-history')

    await becomePerson(page, base, '张伟')
    await open(page, base, '/timebank/pages/index/index')
    await page.locator('.tb-line', { hasText: '通下水道' }).first().waitFor({ timeout: 15_000 })
    figures.providerLine = (await page.locator('.tb-line', { hasText: '通下水道' }).first().locator('.tb-amount').textContent())?.trim()
    assert(figures.providerLine === '+1', `张伟's line shows ${figures.providerLine}`)
    figures.finalAvailable = await available(page)
    assert(figures.finalAvailable === '10', `张伟 has ${figures.finalAvailable}, expected 29 − 20 + 1 = 10`)
    await shot(page, 'timebank-5-provider-history')
    figures.ledgerSum = await mock(page, () => Object.values(window.__linliMock.db().ledger.balances).reduce((n, v) => n + v, 0))
    assert(figures.ledgerSum === 0, `ledger sums to ${figures.ledgerSum}`)
    return figures
  } finally {
    await context.close()
  }
}
