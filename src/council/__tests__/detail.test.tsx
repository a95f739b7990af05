import { KEY_PEOPLE } from '../../../mock'
import { acceptDialogs, button, openProposal, settle, startAs, texts } from './harness'

describe('proposal detail page', () => {
  acceptDialogs()

  it('shows 还差 2 户支持 and counts the household\'s support when tapped', async () => {
    await startAs('p_017')
    const tu = await openProposal('cp_0001')
    expect(texts('.cl-support__missing')[0]).toContain('还差 2 户支持')
    tu.fireEvent.click(button('支持这个议题'))
    await settle(tu, 80)
    expect(texts('.cl-support__missing')[0]).toContain('还差 1 户支持')
    expect(button('撤回支持').textContent).toContain('已支持')
    tu.unmout()
  })

  it('shows turnout only while the vote is open, then 已投票 with the receipt after voting', async () => {
    await startAs(KEY_PEOPLE.elderlyResident)
    const tu = await openProposal('cp_0004')
    expect(texts('.cl-line').join('|')).toContain('已投票 2 / 13 户，达到法定人数需 7')
    expect(document.querySelector('.cl-result')).toBeNull()
    tu.fireEvent.click(button('赞成'))
    await settle(tu, 80)
    expect(texts('.cl-vote__mine')[0]).toMatch(/^已投票：赞成 · 回执码 [A-Z2-9]{10}$/)
    expect(texts('.cl-line').join('|')).toContain('已投票 3 / 13 户')
    tu.unmout()
  })

  it('tells a tenant the owner matter is decided by owners, with no vote buttons', async () => {
    await startAs('p_044')
    const tu = await openProposal('cp_0005')
    expect(texts('.cl-vote__refused')).toEqual(['该事项由业主表决'])
    expect(document.querySelector('.cl-vote__buttons')).toBeNull()
    tu.unmout()
  })

  it('publishes the result with every figure during 公示', async () => {
    await startAs(KEY_PEOPLE.resident)
    const tu = await openProposal('cp_0006')
    expect(texts('.cl-result__verdict')).toEqual(['通过：赞成户数达到过半数'])
    const lines = texts('.cl-result .cl-line')
    expect(lines).toEqual(expect.arrayContaining(['参与户数：6 / 7（法定 4）', '赞成：4 户（需 4 户）', '反对：1', '弃权：1']))
    expect(texts('.cl-line').join('|')).toContain('您的回执码在计票名单中')
    tu.unmout()
  })

  it('gives staff the review actions and refuses a review without a reason', async () => {
    await startAs(KEY_PEOPLE.staff)
    const tu = await openProposal('cp_0002')
    tu.fireEvent.click(button('列入议程'))
    await settle(tu, 80)
    expect(texts('.ll-field__error')).toContain('审查理由至少需要 5 个字')
    tu.unmout()
  })

  it('shows a 楼长 the households of their buildings that have not voted, never the choices', async () => {
    await startAs(KEY_PEOPLE.leader)
    const tu = await openProposal('cp_0004')
    await tu.queries.waitForQuerySelector('.cl-roll', { timeout: 5000 })
    expect(texts('.cl-roll .ll-section__title')).toEqual(['未投票 11 户（已投 2 户）'])
    expect(texts('.cl-roll__pending')).toContain('3栋2单元502')
    expect(texts('.cl-roll__pending')).not.toContain('3栋1单元502') // 马洋's household has voted
    expect(tu.html()).not.toMatch(/赞成 \d|反对 \d/)
    tu.unmout()
  })

  it('takes an objection during 公示 and keeps it on the page awaiting the answer', async () => {
    await startAs(KEY_PEOPLE.resident)
    const tu = await openProposal('cp_0006')
    const field = document.querySelector('.cl-objections textarea') as HTMLTextAreaElement
    field.value = '我家没有收到投票通知'
    tu.fireEvent.input(field)
    tu.fireEvent.click(button('提出异议'))
    await settle(tu, 80)
    expect(texts('.cl-objections .cl-comment__body')).toEqual(['我家没有收到投票通知（我提出的）'])
    expect(texts('.cl-objections .cl-line')).toContain('待社区答复')
    tu.unmout()
  })

  it('lets staff check a hearing sign-up code at the door', async () => {
    const backend = await startAs(KEY_PEOPLE.staff)
    findMeeting(backend).signups.push({ personId: 'p_003', code: 'K7QH2M', at: '2026-11-29T00:00:00.000Z', checkedInAt: null })
    backend.persist()
    const tu = await openProposal('cp_0003')
    const input = document.querySelectorAll('.cl-meeting-staff input')[1] as HTMLInputElement // [0] is the place
    input.value = 'K7QH2M'
    tu.fireEvent.input(input)
    tu.fireEvent.click(button('核验签到'))
    await settle(tu, 80)
    expect(texts('.cl-meeting-staff .cl-line')).toContain('签到成功：张伟')
    tu.unmout()
  })

  it('lets staff put options to a resident vote with the legal notice', async () => {
    await startAs(KEY_PEOPLE.staff)
    const tu = await openProposal('cp_0003')
    const field = document.querySelector('.cl-staff textarea') as HTMLTextAreaElement
    field.value = '按登记顺序轮换\n抽签分配\n按楼栋分配'
    tu.fireEvent.input(field)
    tu.fireEvent.click(button('按方案安排表决'))
    await settle(tu, 80)
    expect(texts('.cl-vote__question')).toEqual(['锦绣园停车位分配方案'])
    expect(texts('.cl-line').join('|')).toMatch(/尚未开始/)
    expect(texts('.ll-tag')).toContain('待表决')
    tu.unmout()
  })

  it('lets a resident choose up to k options and no more', async () => {
    const backend = await startAs('p_003')
    const login = await backend.handle({ method: 'POST', path: '/demo/switch', body: { personId: 'p_004' }, headers: { 'Idempotency-Key': 'staff-login' } })
    const token = (login.body as { token: string }).token
    const question = { type: 'options', text: '停车位分配方式（最多选 2 项）', maxChoices: 2, options: [{ id: 'a', label: '轮换' }, { id: 'b', label: '抽签' }, { id: 'c', label: '按楼栋' }] }
    const res = await backend.handle({ method: 'POST', path: '/council/staff/proposals/cp_0003/schedule', headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': 'sched' },
      body: { question, opensAt: '2026-12-07T00:00:00.000Z', closesAt: '2026-12-14T00:00:00.000Z' } })
    expect(res.status).toBe(200)
    backend.advanceClock(8 * 86_400_000)
    const tu = await openProposal('cp_0003')
    for (const label of ['轮换', '抽签', '按楼栋']) tu.fireEvent.click(button(label))
    await settle(tu)
    expect(button('提交').textContent).toContain('已选 2/2')
    tu.fireEvent.click(button('提交'))
    await settle(tu, 80)
    expect(texts('.cl-vote__mine')[0]).toMatch(/^已投票：轮换、抽签 · 回执码/)
    tu.unmout()
  })

  it('offers 满意 / 基本满意 / 不满意 as equal choices, then fills the household\'s own answer', async () => {
    await startAs(KEY_PEOPLE.resident)
    const tu = await openProposal('cp_0008')
    const variants = () => Array.from(document.querySelectorAll('.cl-evaluate')).map((b) => [b.textContent, b.className.includes('ll-button--primary') ? 'filled' : 'outlined'])
    expect(variants()).toEqual([['满意', 'outlined'], ['基本满意', 'outlined'], ['不满意', 'outlined']])
    tu.fireEvent.click(button('基本满意'))
    await settle(tu, 80)
    expect(texts('.cl-line')).toContain('您家的评价：基本满意')
    expect(variants()).toEqual([['满意', 'outlined'], ['基本满意', 'filled'], ['不满意', 'outlined']])
    tu.unmout()
  })
})


function findMeeting(backend: Awaited<ReturnType<typeof startAs>>) {
  const meeting = backend.db().proposals?.find((p) => p.id === 'cp_0003')?.meetings[0]
  if (!meeting) throw new Error('no seeded hearing')
  return meeting
}
