// 议事 against both transports: raise → support → review → schedule → ballots → close → 公示 →
// execution → evaluation, with the permissions, secret-ballot and bad-input promises.
import { KEY_PEOPLE } from '../../mock'
import { endpoints } from '../../types/contract'
import { COUNCIL_SETTINGS, type Proposal } from '../../types/contract/council'
import { describeBothTransports, type ContractTarget } from '../helpers/contract'

const { elderlyResident: wang, leader: li, staff: chen, resident: zhou } = KEY_PEOPLE
const DAY = 86_400_000
const B3 = { kind: 'buildings' as const, ids: ['b_3'] }
const draft = { title: '3栋楼下增设休息座椅', reason: '老人下楼散步走不远，楼下没有可以坐的地方。', solution: '在3栋门口绿化带旁放置两张长椅。', scope: B3, kind: 'resident' as const }

async function as(t: ContractTarget, personId: string) {
  const { token } = await t.loginAs(personId)
  return token
}

/** Raised by 王秀英 for 3栋, supported by two more households (threshold 3 of 8), put on the agenda by 陈静. */
async function onAgenda(t: ContractTarget): Promise<Proposal> {
  const w = await as(t, wang)
  const p = await t.call(endpoints.raiseProposal, draft, { token: w })
  await t.call(endpoints.supportProposal, { id: p.id }, { token: w })
  await t.call(endpoints.supportProposal, { id: p.id }, { token: await as(t, 'p_015') })
  await t.call(endpoints.supportProposal, { id: p.id }, { token: await as(t, 'p_017') })
  return t.call(endpoints.reviewProposal, { id: p.id, outcome: 'agenda', reason: '涉及全楼居民，列入议程' }, { token: await as(t, chen) })
}

async function scheduled(t: ContractTarget, p: Proposal) {
  const s = await as(t, chen)
  return t.call(endpoints.scheduleVote, {
    id: p.id, question: { type: 'yesno', text: '是否同意在3栋门口放置长椅' },
    opensAt: new Date(t.now() + 7 * DAY).toISOString(), closesAt: new Date(t.now() + 14 * DAY).toISOString()
  }, { token: s })
}

describeBothTransports('council contract', (t) => {
  it('gathers one support per household, shows 还差 N 户支持, and moves to review at the threshold', async () => {
    const w = await as(t, wang)
    const p = await t.call(endpoints.raiseProposal, draft, { token: w })
    expect(p).toMatchObject({ stage: 'gathering', supports: 0, supportNeeded: 3, supportMissing: 3, canEdit: true, canWithdraw: true, scopeLabel: '3栋' })
    const once = await t.call(endpoints.supportProposal, { id: p.id }, { token: w })
    const twice = await t.call(endpoints.supportProposal, { id: p.id }, { token: w })
    expect([once.supports, twice.supports, twice.supportMissing]).toEqual([1, 1, 2])
    // Two accounts of one household (马洋 and 朱玉梅, 3栋1单元502) are one support.
    await t.call(endpoints.supportProposal, { id: p.id }, { token: await as(t, 'p_015') })
    const same = await t.call(endpoints.supportProposal, { id: p.id }, { token: await as(t, 'p_016') })
    expect(same).toMatchObject({ supports: 2, supportedByMe: true })
    await expect(t.call(endpoints.withdrawProposal, { id: p.id }, { token: w })).rejects.toMatchObject({ status: 422, message: '已有居民支持，不能撤回议题' })
    await expect(t.call(endpoints.editProposal, { id: p.id, ...draft, title: '改个标题试试' }, { token: w })).rejects.toMatchObject({ status: 422, message: '议题已有居民支持或评论，不能再修改' })
    const done = await t.call(endpoints.supportProposal, { id: p.id }, { token: await as(t, 'p_017') })
    expect(done).toMatchObject({ stage: 'reviewing', supports: 3, supportMissing: 0 })
    expect(Date.parse(done.reviewDueAt ?? '')).toBe(t.now() + COUNCIL_SETTINGS.reviewDays * DAY)
    await expect(t.call(endpoints.unsupportProposal, { id: p.id }, { token: w })).rejects.toMatchObject({ status: 422, message: '支持数已达标，议题已提交社区审查，不能再撤回支持' })
  })

  it('refuses supporting from outside the scope and raising for a building one does not live in', async () => {
    const w = await as(t, wang)
    const p = await t.call(endpoints.raiseProposal, draft, { token: w })
    const z = await as(t, zhou)
    await expect(t.call(endpoints.supportProposal, { id: p.id }, { token: z })).rejects.toMatchObject({ status: 403, message: '仅3栋的居民可以支持' })
    await expect(t.call(endpoints.raiseProposal, draft, { token: z })).rejects.toMatchObject({ status: 403, message: '只能为您居住的楼栋、小区或社区提出议题' })
    await expect(t.call(endpoints.getProposal, { id: 'cp_9999' }, { token: z })).rejects.toMatchObject({ status: 404 })
  })

  it('expires a proposal that does not reach the threshold within 30 days', async () => {
    const w = await as(t, wang)
    const p = await t.call(endpoints.raiseProposal, draft, { token: w })
    t.advance(30 * DAY - 1)
    expect((await t.call(endpoints.getProposal, { id: p.id }, { token: await as(t, wang) })).stage).toBe('gathering')
    t.advance(1)
    expect((await t.call(endpoints.getProposal, { id: p.id }, { token: await as(t, wang) })).stage).toBe('expired')
  })

  it('bounds the title at 30 characters and keeps markup as text', async () => {
    const w = await as(t, wang)
    await expect(t.call(endpoints.raiseProposal, { ...draft, title: '长'.repeat(31) }, { token: w })).rejects.toMatchObject({ status: 400, message: '议题标题不能超过 30 个字' })
    const ok = await t.call(endpoints.raiseProposal, { ...draft, title: '长'.repeat(30) }, { token: w })
    expect(ok.title).toHaveLength(30)
    const xss = '<img src=x onerror=alert(1)>'
    const c = await t.call(endpoints.commentProposal, { id: ok.id, body: xss }, { token: w })
    expect(c.comments[0]).toMatchObject({ body: xss, author: { mark: '发起人' } })
    await expect(t.call(endpoints.commentProposal, { id: ok.id, body: '评'.repeat(501) }, { token: w })).rejects.toMatchObject({ status: 400, message: '评论不能超过 500 个字' })
  })

  it('threads replies one level and marks 楼长', async () => {
    const w = await as(t, wang)
    const p = await t.call(endpoints.raiseProposal, draft, { token: w })
    const first = await t.call(endpoints.commentProposal, { id: p.id, body: '长椅最好有靠背' }, { token: await as(t, 'p_015') })
    const top = first.comments[0]
    const reply = await t.call(endpoints.commentProposal, { id: p.id, body: '同意，我来联系物业', parentId: top.id }, { token: await as(t, li) })
    expect(reply.comments[0].replies[0]).toMatchObject({ body: '同意，我来联系物业', author: { name: '李建国', mark: '楼长' } })
    expect(reply.comments[0].author.name).toBe('马*')
    await expect(t.call(endpoints.commentProposal, { id: p.id, body: '再回一层', parentId: reply.comments[0].replies[0].id }, { token: w }))
      .rejects.toMatchObject({ status: 400, message: '只能回复一级评论' })
  })

  it('requires a reason for every review and lets only staff review', async () => {
    const w = await as(t, wang)
    const p = await t.call(endpoints.raiseProposal, draft, { token: w })
    await expect(t.call(endpoints.reviewProposal, { id: p.id, outcome: 'agenda', reason: '好' }, { token: w })).rejects.toMatchObject({ status: 400 })
    await expect(t.call(endpoints.reviewProposal, { id: p.id, outcome: 'agenda', reason: '涉及全楼居民' }, { token: w })).rejects.toMatchObject({ status: 403, message: '仅社区工作人员可以进行此操作' })
    await expect(t.call(endpoints.reviewProposal, { id: p.id, outcome: 'agenda', reason: '' }, { token: await as(t, chen) })).rejects.toMatchObject({ status: 400, message: '审查理由至少需要 5 个字' })
    await expect(t.call(endpoints.reviewProposal, { id: p.id, outcome: 'agenda', reason: '涉及全楼居民' }, { token: await as(t, chen) })).rejects.toMatchObject({ status: 422 })
  })

  it('schedules with notice, votes one ballot per household (last choice counts), closes and publishes every figure', async () => {
    const p = await onAgenda(t)
    const s = await as(t, chen)
    await expect(t.call(endpoints.scheduleVote, {
      id: p.id, question: { type: 'yesno', text: '是否同意在3栋门口放置长椅' },
      opensAt: new Date(t.now() + 7 * DAY - 60_000).toISOString(), closesAt: new Date(t.now() + 14 * DAY).toISOString()
    }, { token: s })).rejects.toMatchObject({ status: 400, fields: { opensAt: expect.stringContaining('需提前 7 天公告') } })
    const v = await scheduled(t, p)
    expect(v.vote).toMatchObject({ phase: 'upcoming', eligibleUnits: 8, quorumUnitsNeeded: 5 })
    const w = await as(t, wang)
    await expect(t.call(endpoints.castBallot, { id: p.id, choices: ['yes'] }, { token: w })).rejects.toMatchObject({ status: 422, message: '表决尚未开始' })
    t.advance(7 * DAY)
    const voters = ['p_001', 'p_002', 'p_015', 'p_017', 'p_032']
    for (const id of voters) await t.call(endpoints.castBallot, { id: p.id, choices: ['yes'] }, { token: await as(t, id) })
    // 朱玉梅 shares 马洋's household ballot and changes it: still one ballot, the last choice counts.
    const changed = await t.call(endpoints.castBallot, { id: p.id, choices: ['no'] }, { token: await as(t, 'p_016') })
    expect(changed.vote).toMatchObject({ votedUnits: 5, result: null, myBallot: { choices: ['no'] } })
    // Staff see who voted, never the choice; the open vote shows turnout only.
    const roll = await t.call(endpoints.getVoterRoll, { id: p.id }, { token: s })
    expect(roll.voted).toHaveLength(5)
    expect(JSON.stringify(roll)).not.toMatch(/yes|no"|赞成|反对/)
    const staffView = await t.call(endpoints.getProposal, { id: p.id }, { token: s })
    expect(staffView.vote).toMatchObject({ result: null, receipts: null, myBallot: null })
    await expect(t.call(endpoints.getVoterRoll, { id: p.id }, { token: w })).rejects.toMatchObject({ status: 403 })
    await expect(t.call(endpoints.closeVote, { id: p.id }, { token: s })).rejects.toMatchObject({ status: 422, message: '表决尚未截止，不能提前结束' })
    t.advance(7 * DAY) // exactly the closing instant
    await expect(t.call(endpoints.castBallot, { id: p.id, choices: ['yes'] }, { token: await as(t, 'p_047') })).rejects.toMatchObject({ status: 422, message: '投票已截止' })
    const closed = await t.call(endpoints.closeVote, { id: p.id }, { token: s })
    expect(closed.stage).toBe('publicity')
    expect(closed.vote?.result).toMatchObject({ eligibleUnits: 8, votedUnits: 5, quorumUnitsNeeded: 5, quorumMet: true, yesUnits: 4, noUnits: 1, approvalUnitsNeeded: 3, passed: true })
    expect(closed.vote?.receipts).toHaveLength(5)
    const mine = await t.call(endpoints.getProposal, { id: p.id }, { token: w })
    expect(closed.vote?.receipts).toContain(mine.vote?.myBallot?.receipt)
  })

  it('refuses a tenant on an owner matter and an out-of-scope resident, and keeps 278 matters off polls', async () => {
    const tenant = await as(t, 'p_044')
    await expect(t.call(endpoints.castBallot, { id: 'cp_0005', choices: ['yes'] }, { token: tenant })).rejects.toMatchObject({ status: 403, message: '该事项由业主表决' })
    await expect(t.call(endpoints.castBallot, { id: 'cp_0004', choices: ['yes', 'no'] }, { token: tenant })).rejects.toMatchObject({ status: 400, message: '请选择赞成、反对或弃权' })
    await expect(t.call(endpoints.castBallot, { id: 'cp_0004', choices: ['yes'] }, { token: await as(t, zhou) })).rejects.toMatchObject({ status: 403, message: '本次表决仅限3栋、4栋居民' })
    // 李建国 owns a room in 4栋 (rented out): he votes as its owner.
    const owner = await t.call(endpoints.castBallot, { id: 'cp_0005', choices: ['yes'] }, { token: await as(t, li) })
    expect(owner.vote).toMatchObject({ votedUnits: 2, eligibleUnits: 5, eligibleArea: 5057, quorumAreaNeeded: 3372 })
  })

  it('lets a 楼长 代投 only under a 委托, for at most 3 residents, and the resident can override', async () => {
    const leader = await as(t, li)
    await expect(t.call(endpoints.castBallot, { id: 'cp_0004', choices: ['yes'], onBehalfOf: wang }, { token: leader })).rejects.toMatchObject({ status: 403, message: '该居民尚未委托您代投，请先登记委托' })
    const w = await as(t, wang)
    await t.call(endpoints.delegateProxy, { id: 'cp_0004', leaderId: li }, { token: w })
    const proxied = await t.call(endpoints.castBallot, { id: 'cp_0004', choices: ['no'], onBehalfOf: wang }, { token: leader })
    expect(proxied.vote?.votedUnits).toBe(3)
    const self = await t.call(endpoints.getProposal, { id: 'cp_0004' }, { token: w })
    expect(self.vote?.myBallot).toMatchObject({ byProxy: true, choices: ['no'] })
    const over = await t.call(endpoints.castBallot, { id: 'cp_0004', choices: ['yes'] }, { token: w })
    expect(over.vote?.myBallot).toMatchObject({ byProxy: false, choices: ['yes'] })
    await expect(t.call(endpoints.castBallot, { id: 'cp_0004', choices: ['no'], onBehalfOf: wang }, { token: leader })).rejects.toMatchObject({ status: 403, message: '居民已亲自投票，不能再代投' })
  })

  it('runs 公示 → execution → evaluation → archive', async () => {
    const s = await as(t, chen)
    const z = await as(t, zhou)
    const objected = await t.call(endpoints.raiseObjection, { id: 'cp_0006', body: '我家没收到投票通知' }, { token: z })
    expect(objected.objections[0]).toMatchObject({ mine: true, answer: null })
    t.advance(7 * DAY)
    expect((await t.call(endpoints.getProposal, { id: 'cp_0006' }, { token: z })).stage).toBe('publicity') // waits for the answer
    const answered = await t.call(endpoints.answerObjection, { id: 'cp_0006', objectionId: objected.objections[0].id, answer: '已核实通知记录，已补发短信' }, { token: s })
    expect(answered.stage).toBe('executing')
    await t.call(endpoints.planExecution, { id: 'cp_0006', responsible: '物业', dueOn: '2026-12-30', milestones: [{ title: '修补地面', dueOn: '2026-12-20' }] }, { token: s })
    await expect(t.call(endpoints.evaluateProposal, { id: 'cp_0006', rating: 'satisfied' }, { token: z })).rejects.toMatchObject({ status: 422, message: '议题尚未办结，还不能评议' })
    const done = await t.call(endpoints.postProgress, { id: 'cp_0006', percent: 100, note: '已完工', milestonesDone: [0] }, { token: s })
    expect(done).toMatchObject({ stage: 'evaluating', execution: { percent: 100, milestones: [{ done: true }] } })
    await expect(t.call(endpoints.evaluateProposal, { id: 'cp_0006', rating: 'satisfied' }, { token: await as(t, wang) })).rejects.toMatchObject({ status: 403, message: '仅1栋的居民可以评议' })
    const rated = await t.call(endpoints.evaluateProposal, { id: 'cp_0006', rating: 'satisfied' }, { token: z })
    expect(rated.evaluation).toMatchObject({ satisfied: 1, mine: 'satisfied' })
    t.advance(7 * DAY)
    expect((await t.call(endpoints.getProposal, { id: 'cp_0006' }, { token: z })).stage).toBe('archived')
  })

  it('refuses 代投 for a fourth resident in one vote', async () => {
    const s = await as(t, chen)
    const leader = await as(t, li)
    for (const resident of ['p_001', 'p_052', 'p_031', 'p_016']) {
      await t.call(endpoints.delegateProxy, { id: 'cp_0004', leaderId: li, residentId: resident, note: '电话委托' }, { token: s })
    }
    for (const resident of ['p_001', 'p_052', 'p_031']) await t.call(endpoints.castBallot, { id: 'cp_0004', choices: ['yes'], onBehalfOf: resident }, { token: leader })
    await expect(t.call(endpoints.castBallot, { id: 'cp_0004', choices: ['yes'], onBehalfOf: 'p_016' }, { token: leader }))
      .rejects.toMatchObject({ status: 403, message: '每次表决最多为 3 位居民代投' })
    // A resident may not record a 委托 for someone else.
    await expect(t.call(endpoints.delegateProxy, { id: 'cp_0004', leaderId: li, residentId: 'p_052' }, { token: await as(t, wang) }))
      .rejects.toMatchObject({ status: 403, message: '只能由本人或社区工作人员登记委托' })
  })

  it('refuses more options than allowed and an option poll for a 278 owner matter', async () => {
    const p = await onAgenda(t)
    const s = await as(t, chen)
    const question = { type: 'options' as const, text: '长椅放在哪里', options: [{ id: 'a', label: '1单元门口' }, { id: 'b', label: '2单元门口' }, { id: 'c', label: '绿化带旁' }], maxChoices: 1 }
    await t.call(endpoints.scheduleVote, { id: p.id, question, opensAt: new Date(t.now() + 7 * DAY).toISOString(), closesAt: new Date(t.now() + 14 * DAY).toISOString() }, { token: s })
    t.advance(7 * DAY)
    const w = await as(t, wang)
    await expect(t.call(endpoints.castBallot, { id: p.id, choices: ['a', 'b'] }, { token: w })).rejects.toMatchObject({ status: 400, message: '最多只能选 1 项' })
    await expect(t.call(endpoints.castBallot, { id: p.id, choices: ['z'] }, { token: w })).rejects.toMatchObject({ status: 400, message: '请从给出的选项中选择' })
    const ok = await t.call(endpoints.castBallot, { id: p.id, choices: ['c'] }, { token: w })
    expect(ok.vote?.myBallot?.choices).toEqual(['c'])

    const owner = await t.call(endpoints.raiseProposal, { ...draft, title: '3栋外墙防坠网', kind: 'owner' }, { token: w })
    expect(owner.kindLabel).toBe('业主共同决定事项')
  })

  it('signs a resident up for a hearing with a door code staff can check', async () => {
    const z = await as(t, 'p_003') // 张伟, 锦绣园 5栋 — cp_0003 is for 锦绣园
    const signed = await t.call(endpoints.signUpMeeting, { meetingId: 'cm_0001' }, { token: z })
    const code = signed.meetings[0].myCode ?? ''
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/)
    await expect(t.call(endpoints.signUpMeeting, { meetingId: 'cm_0001' }, { token: await as(t, wang) })).rejects.toMatchObject({ status: 403, message: '仅锦绣园的居民可以报名' })
    const again = await t.call(endpoints.signUpMeeting, { meetingId: 'cm_0001' }, { token: z })
    expect(again.meetings[0]).toMatchObject({ myCode: code, signedUp: 1 })
    const s = await as(t, chen)
    await expect(t.call(endpoints.checkInMeeting, { meetingId: 'cm_0001', code: 'WRONG1' }, { token: s })).rejects.toMatchObject({ status: 404, message: '签到码不正确，请核对后重试' })
    await expect(t.call(endpoints.checkInMeeting, { meetingId: 'cm_0001', code }, { token: z })).rejects.toMatchObject({ status: 403 })
    await expect(t.call(endpoints.checkInMeeting, { meetingId: 'cm_0001', code }, { token: s })).resolves.toEqual({ ok: true, name: '张伟' })
    await expect(t.call(endpoints.attachMinutes, { meetingId: 'cm_0001', minutes: '听证会纪要：多数居民赞成轮换分配车位。' }, { token: s })).rejects.toMatchObject({ status: 422 })
    t.advance(4 * DAY)
    const withMinutes = await t.call(endpoints.attachMinutes, { meetingId: 'cm_0001', minutes: '听证会纪要：多数居民赞成轮换分配车位。' }, { token: await as(t, chen) })
    expect(withMinutes.meetings[0]).toMatchObject({ minutes: '听证会纪要：多数居民赞成轮换分配车位。', checkedIn: 1 })
  })

  it('messages the scope about a new proposal and the author about the review outcome', async () => {
    const p = await onAgenda(t)
    const m = await t.call(endpoints.listMessages, { kind: 'council' }, { token: await as(t, 'p_032') })
    expect(m.items.map((x) => x.title)).toContain(`新议题：${p.title}`)
    const author = await t.call(endpoints.listMessages, { kind: 'council' }, { token: await as(t, wang) })
    expect(author.items.find((x) => x.title === `议题审查结果：${p.title}`)?.body).toContain('涉及全楼居民，列入议程')
    const outside = await t.call(endpoints.listMessages, { kind: 'council' }, { token: await as(t, zhou) })
    expect(outside.items.map((x) => x.title)).not.toContain(`新议题：${p.title}`)
  })

  it('takes at most 6 photos, and only the caller\'s own uploads', async () => {
    const w = await as(t, wang)
    await expect(t.call(endpoints.raiseProposal, { ...draft, photos: ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7'] }, { token: w }))
      .rejects.toMatchObject({ status: 400, message: '最多上传 6 张照片' })
    await expect(t.call(endpoints.raiseProposal, { ...draft, photos: ['f_9999'] }, { token: w }))
      .rejects.toMatchObject({ status: 400, message: '有照片未上传成功或已失效，请删除后重新添加' })
  })

  it('masks supporters on the timeline and hides phone numbers in titles and comments', async () => {
    const w = await as(t, wang)
    const p = await t.call(endpoints.raiseProposal, { ...draft, reason: '有事请打13812345678找我，楼下没有座椅。' }, { token: w })
    await t.call(endpoints.supportProposal, { id: p.id }, { token: await as(t, 'p_015') })
    const other = await t.call(endpoints.getProposal, { id: p.id }, { token: await as(t, 'p_032') })
    expect(other.history.map((h) => h.actorName)).toEqual(['王*', '马*'])
    expect(other.reason).toBe('有事请打【号码已隐藏】找我，楼下没有座椅。')
    const staff = await t.call(endpoints.getProposal, { id: p.id }, { token: await as(t, chen) })
    expect(staff.history.map((h) => h.actorName)).toEqual(['王秀英', '马洋'])
  })
})
