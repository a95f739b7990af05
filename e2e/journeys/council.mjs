// 议事 end to end on the H5 build in Chromium: 王秀英 raises a proposal for 3栋 and supports it,
// two neighbours support it (threshold 3 of 8 households), staff (陈静) put it on the agenda and
// schedule the vote (7 days' notice); the mock clock moves on; 王秀英 votes 赞成 then changes to
// 反对 (one ballot, last choice counts), a neighbour votes; a tenant is refused on the 4栋 owner
// matter; the vote closes and 公示 shows its figures; progress is posted; residents evaluate.
// Run: H5_DIR=dist-h5 node e2e/run.mjs council   (screenshots in e2e/shots/council-*.png)
import { answerModal, assert, becomePerson, pick, see, shot, tap } from '../lib.mjs'

export const title = '议事：居民提议、邻居支持、社区列入议程并安排表决、两户投票（一户改票）、租户被拒、截止公示、执行进展、群众评议'

const DAY = 86_400_000
const TITLE = '3栋门口增设休息长椅'

/** One call on the in-page mock as a seeded person (another phone), past this app's session. */
async function asPerson(page, personId, method, path, body) {
  return page.evaluate(async ([personId, method, path, body]) => {
    const m = window.__linliMock
    const key = () => `e2e-${Math.random().toString(36).slice(2)}`
    const login = await m.handle({ method: 'POST', path: '/demo/switch', body: { personId }, headers: { 'Idempotency-Key': key() } })
    return m.handle({ method, path, body, headers: { Authorization: `Bearer ${login.body.token}`, 'Idempotency-Key': key() } })
  }, [personId, method, path, body])
}

/** Opens the detail page again by hash (same document: a full reload would drop the mock clock's offset). */
async function reopen(page, base, id) {
  await page.goto(`${base}/#/pages/home/index`)
  await page.goto(`${base}/#/council/pages/detail/index?id=${id}`)
}

/** The visible one (pages further down the stack stay in the DOM). */
const vis = (page, selector, options) => page.locator(selector, options).filter({ visible: true }).first()

const advance = (page, ms) => page.evaluate((ms) => window.__linliMock.advanceClock(ms), ms)

export async function runCouncilJourney({ base, newPage: open }) {
  const figures = {}
  const { page } = await open()
  await page.goto(`${base}/`)
  await see(page, '微信一键登录') // a first visit lands on 欢迎

  // ---- 王秀英 raises and supports ----
  await becomePerson(page, base, '王秀英')
  await tap(page, '议事')
  await see(page, '3栋楼道加装扶手')
  await tap(page, '我要提议')
  await page.locator('.cl-new .ll-input input').first().fill(TITLE)
  await page.locator('.cl-new .ll-textarea textarea').nth(0).fill('老人下楼散步走不远，楼门口没有可以坐下歇脚的地方。')
  await page.locator('.cl-new .ll-textarea textarea').nth(1).fill('在3栋门口绿化带旁放置两张带靠背的长椅。')
  await pick(page, '.cl-scope-picker', '3栋（8 户）')
  await shot(page, 'council-1-raise')
  await tap(page, '发起议题')
  await see(page, /还差 3 户支持/, 15_000)
  const id = new URL(page.url().replace('#/', '')).searchParams.get('id')
  figures.proposal = id
  await tap(page, '支持这个议题')
  await see(page, /还差 2 户支持/)

  // ---- Neighbours support (two other households of 3栋) ----
  for (const neighbour of ['p_015', 'p_017']) {
    const res = await asPerson(page, neighbour, 'POST', `/council/proposals/${id}/support`, {})
    assert(res.status === 200, `support by ${neighbour}: ${JSON.stringify(res.body)}`)
  }
  await reopen(page, base, id)
  await see(page, '社区审查', 15_000)

  // ---- Staff review and schedule ----
  await becomePerson(page, base, '陈静')
  await page.goto(`${base}/#/council/pages/detail/index?id=${id}`)
  await vis(page, '.cl-staff textarea').fill('涉及全楼居民的公共空间，列入议程协商')
  await tap(page, '列入议程')
  await see(page, /安排表决/, 15_000)
  await vis(page, '.cl-staff .ll-button').click()
  await see(page, /尚未开始/, 15_000)
  await shot(page, 'council-2-scheduled')

  // ---- The clock moves past the notice; two households vote, one changes its mind ----
  await advance(page, 9 * DAY)
  await becomePerson(page, base, '王秀英')
  await page.goto(`${base}/#/council/pages/detail/index?id=${id}`)
  await see(page, '表决中', 15_000)
  await vis(page, '.cl-vote__buttons .ll-button', { hasText: '赞成' }).click()
  await answerModal(page, '确定')
  await see(page, /已投票：赞成/, 15_000)
  await vis(page, '.cl-vote__buttons .ll-button', { hasText: '反对' }).click()
  await answerModal(page, '确定')
  await see(page, /已投票：反对/, 15_000)
  figures.receipt = (await vis(page, '.cl-vote__mine').textContent())?.replace(/.*回执码\s*/, '')
  for (const voter of ['p_015', 'p_017', 'p_032', 'p_002']) {
    const res = await asPerson(page, voter, 'POST', `/council/proposals/${id}/ballot`, { choices: ['yes'] })
    assert(res.status === 200, `ballot by ${voter}: ${JSON.stringify(res.body)}`)
  }
  await reopen(page, base, id)
  await see(page, /已投票 5 \/ 8 户/, 15_000)
  await shot(page, 'council-3-voting')

  // ---- A tenant on the owner matter (4栋加装电梯) is refused ----
  const tenant = await asPerson(page, 'p_044', 'POST', '/council/proposals/cp_0005/ballot', { choices: ['yes'] })
  assert(tenant.status === 403 && tenant.body.message === '该事项由业主表决', `tenant: ${JSON.stringify(tenant.body)}`)
  figures.tenantRefused = tenant.body.message

  // ---- Close → 公示 with its figures ----
  await advance(page, 8 * DAY)
  await reopen(page, base, id)
  await see(page, /通过：赞成户数达到过半数/, 15_000)
  await see(page, /参与户数：5 \/ 8（法定 5）/)
  await see(page, '您的回执码在计票名单中')
  figures.verdict = (await vis(page, '.cl-result__verdict').textContent())?.trim()
  await shot(page, 'council-4-result')

  // ---- 公示 ends; staff post progress to 100 %; residents evaluate ----
  await advance(page, 8 * DAY)
  const plan = await asPerson(page, 'p_004', 'POST', `/council/staff/proposals/${id}/execution`, { responsible: '物业', dueOn: '2027-01-31', milestones: [{ title: '采购长椅', dueOn: '2027-01-10' }, { title: '安装', dueOn: '2027-01-31' }] })
  assert(plan.status === 200, `plan: ${JSON.stringify(plan.body)}`)
  await becomePerson(page, base, '陈静')
  await page.goto(`${base}/#/council/pages/detail/index?id=${id}`)
  await see(page, '执行督办', 15_000)
  await vis(page, '.cl-staff input').fill('100')
  await vis(page, '.cl-staff textarea').fill('两张长椅已安装完毕')
  await tap(page, '发布进展')
  await see(page, '群众评议', 15_000)

  await becomePerson(page, base, '王秀英')
  await page.goto(`${base}/#/council/pages/detail/index?id=${id}`)
  await vis(page, '.cl-row .ll-button', { hasText: /^满意$/ }).click()
  await see(page, /您家的评价：满意/, 15_000)
  await shot(page, 'council-5-evaluated')
  return figures
}
