// Seeded proposals, one in every stage: gathering support, under review, deliberation with a
// hearing, a resident vote and an owner (278) vote open now, 公示, execution with milestones,
// awaiting evaluation, archived, rejected with its reason.
import { COUNCIL_SETTINGS, type Id, type ProposalScope, type VoteQuestion } from '../../types/contract'
import type { Db } from '../db'
import type { SeedEnv } from '../domain'
import { closeVote } from './council-machine'
import { buildRoll, DAY, proposalsOf, unitOf, type ProposalRecord } from './council-store'

export const SEEDED_PROPOSALS = {
  gathering: 'cp_0001', reviewing: 'cp_0002', deliberating: 'cp_0003', residentVote: 'cp_0004', ownerVote: 'cp_0005',
  publicity: 'cp_0006', executing: 'cp_0007', evaluating: 'cp_0008', archived: 'cp_0009', rejected: 'cp_0010'
} as const

const YESNO = (text: string): VoteQuestion => ({ type: 'yesno', text })

export function seedCouncil(db: Db, { now, rng }: SeedEnv): void {
  // Seeded demo ballots get repeatable receipts (the seed must be deterministic); live ballots use secretCode.
  const receipt = () => Array.from({ length: 10 }, () => 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'[Math.floor(rng() * 31)]).join('')
  const iso = (days: number) => new Date(now + days * DAY).toISOString()
  const list = proposalsOf(db)
  const make = (n: number, p: { title: string; reason: string; solution: string; scope: ProposalScope; kind?: 'resident' | 'owner'; major?: boolean; author: Id; ageDays: number }): ProposalRecord => {
    const r: ProposalRecord = {
      id: `cp_${String(n).padStart(4, '0')}`, title: p.title, reason: p.reason, solution: p.solution, photos: [], scope: p.scope,
      kind: p.kind ?? 'resident', ownerClass: p.major ? 'major' : 'ordinary', authorId: p.author, stage: 'gathering',
      createdAt: iso(-p.ageDays), updatedAt: iso(-p.ageDays), supportDeadline: iso(-p.ageDays + COUNCIL_SETTINGS.supportDays),
      supports: [], reviewDueAt: null, review: null, comments: [], meetings: [], vote: null, objections: [],
      publicityEndsAt: null, execution: null, evaluation: null,
      history: [{ at: iso(-p.ageDays), stage: 'gathering', action: '提出议题', actorName: db.persons.find((x) => x.id === p.author)?.name ?? '居民', note: null }]
    }
    list.push(r)
    return r
  }
  const step = (r: ProposalRecord, stage: ProposalRecord['stage'], days: number, action: string, actorName: string, note: string | null = null) => {
    r.stage = stage
    r.updatedAt = iso(days)
    r.history.push({ at: iso(days), stage, action, actorName, note })
  }
  const support = (r: ProposalRecord, people: Id[], days: number) => {
    for (const personId of people) {
      const roomId = db.persons.find((p) => p.id === personId)?.roomId
      if (roomId && !r.supports.some((s) => s.roomId === roomId)) r.supports.push({ roomId, personId, at: iso(days) })
    }
  }
  const agenda = (r: ProposalRecord, days: number) => {
    support(r, r.scope.kind === 'buildings' && r.scope.ids.includes('b_3') ? ['p_001', 'p_015', 'p_017'] : ['p_003', 'p_006', 'p_010'], days - 3)
    step(r, 'reviewing', days - 2, '支持数达标，提交社区审查', '系统')
    r.review = { outcome: 'agenda', reason: '涉及居民共同利益，列入议程协商', at: iso(days), by: '社区居委会主任 刘洋', mergedInto: null }
    step(r, 'deliberating', days, '列入议程', '社区居委会主任 刘洋', r.review.reason)
  }
  const schedule = (r: ProposalRecord, opens: number, closes: number, question: VoteQuestion, ballots: [Id, string][]) => {
    const { roll, members, labels } = buildRoll(db, r.scope, r.kind)
    r.vote = {
      rules: { kind: r.kind, major: r.kind === 'owner' && r.ownerClass === 'major', question }, opensAt: iso(opens), closesAt: iso(closes),
      scheduledAt: iso(opens - 16), roll, members, labels, ballots: {}, audit: [], delegations: [], opened: opens <= 0, reminded: false, result: null, closedAt: null
    }
    step(r, 'scheduled', opens - 16, '安排表决', '社区网格员 陈静')
    if (opens <= 0) step(r, 'voting', opens, '表决开始', '系统')
    for (const [personId, choice] of ballots) {
      const unit = unitOf(r.vote, personId)
      if (!unit) continue
      r.vote.ballots[unit] = { choices: [choice], receipt: receipt(), castBy: personId, proxyFor: null, at: iso(opens + 0.5) }
      r.vote.audit.push({ unit, castBy: personId, proxyFor: null, at: iso(opens + 0.5), change: false })
    }
  }

  const gathering = make(1, { title: '3栋楼道加装扶手', reason: '楼里老人多，上下楼梯没有扶手，王阿姨上个月差点摔倒。', solution: '在1至6层楼梯靠墙一侧加装不锈钢扶手。', scope: { kind: 'buildings', ids: ['b_3'] }, author: 'p_001', ageDays: 3 })
  support(gathering, ['p_001'], -3)
  gathering.comments.push({ id: 'cc_0001', parentId: null, authorId: 'p_015', body: '赞成，我家老人也需要。', at: iso(-2) })

  const reviewing = make(2, { title: '桂花苑增设电动车充电桩', reason: '电动车在楼道充电有火灾隐患，小区没有集中充电点。', solution: '在地下车库入口旁设置 20 个智能充电桩。', scope: { kind: 'estate', id: 'e_1' }, author: 'p_008', ageDays: 10 })
  support(reviewing, ['p_008', 'p_001', 'p_009'], -8)
  step(reviewing, 'reviewing', -6, '支持数达标，提交社区审查', '系统')
  reviewing.reviewDueAt = iso(1)

  const deliberating = make(3, { title: '锦绣园停车位分配方案', reason: '车位少车多，晚上乱停占用消防通道。', solution: '按登记顺序轮换分配，临时车位夜间开放。', scope: { kind: 'estate', id: 'e_2' }, author: 'p_003', ageDays: 20 })
  agenda(deliberating, -5)
  deliberating.meetings.push({ id: 'cm_0001', kind: 'hearing', startsAt: iso(3), place: '社区党群服务中心二楼会议室', capacity: 30, signups: [], minutes: null })

  const residentVote = make(4, { title: '3、4栋楼下增设非机动车棚', reason: '自行车和电动车停在楼下日晒雨淋，也挡路。', solution: '在3栋与4栋之间空地建一个带顶棚的车棚。', scope: { kind: 'buildings', ids: ['b_3', 'b_4'] }, author: 'p_002', ageDays: 30 })
  agenda(residentVote, -20)
  schedule(residentVote, -2, 5, YESNO('是否同意在3栋与4栋之间建设非机动车棚'), [['p_015', 'yes'], ['p_044', 'yes']])

  const ownerVote = make(5, { title: '4栋加装电梯', reason: '4栋是六层老楼，没有电梯，老人上下楼困难。', solution: '在楼梯间外侧加装一部电梯，费用按楼层分摊。', scope: { kind: 'buildings', ids: ['b_4'] }, kind: 'owner', major: true, author: 'p_019', ageDays: 40 })
  agenda(ownerVote, -30)
  schedule(ownerVote, -3, 12, YESNO('是否同意4栋加装电梯（改建建筑物，需四分之三同意）'), [['p_019', 'yes']])

  const publicity = make(6, { title: '1栋楼顶晾晒区改造', reason: '楼顶晾晒区地面破损，晾衣杆生锈。', solution: '修补地面，更换晾衣架。', scope: { kind: 'buildings', ids: ['b_1'] }, author: 'p_008', ageDays: 40 })
  agenda(publicity, -30)
  schedule(publicity, -12, -1, YESNO('是否同意改造1栋楼顶晾晒区'), [['p_008', 'yes'], ['p_007', 'yes'], ['p_033', 'yes'], ['p_014', 'no'], ['p_048', 'yes'], ['p_013', 'abstain']])
  closeVote(db, publicity, now - DAY, '系统')

  const executing = make(7, { title: '锦绣园5栋楼道灯更换', reason: '楼道灯老化，一半不亮。', solution: '全部更换为声控 LED 灯。', scope: { kind: 'buildings', ids: ['b_5'] }, author: 'p_006', ageDays: 60 })
  agenda(executing, -50)
  step(executing, 'executing', -20, '公示期满，转入执行督办', '系统')
  executing.execution = {
    responsible: '物业', dueOn: iso(10).slice(0, 10), percent: 40, escalated: false,
    milestones: [{ title: '采购灯具', dueOn: iso(-10).slice(0, 10), done: true }, { title: '1单元更换', dueOn: iso(3).slice(0, 10), done: false }, { title: '2单元更换', dueOn: iso(10).slice(0, 10), done: false }],
    updates: [{ at: iso(-8), percent: 40, note: '灯具已到货，1单元开始更换', photos: [], by: '社区网格员 陈静' }]
  }

  const evaluating = make(8, { title: '桂花苑东门增设快递柜', reason: '快递堆在门卫室，经常丢件。', solution: '在东门内侧安装智能快递柜。', scope: { kind: 'estate', id: 'e_1' }, author: 'p_009', ageDays: 90 })
  agenda(evaluating, -80)
  step(evaluating, 'executing', -60, '公示期满，转入执行督办', '系统')
  evaluating.execution = { responsible: '物业', dueOn: iso(-5).slice(0, 10), percent: 100, escalated: false, milestones: [{ title: '安装快递柜', dueOn: iso(-5).slice(0, 10), done: true }], updates: [{ at: iso(-2), percent: 100, note: '快递柜已安装启用', photos: [], by: '社区网格员 陈静' }] }
  step(evaluating, 'evaluating', -2, '办结，进入群众评议', '社区网格员 陈静')
  evaluating.evaluation = { ratings: {}, rounds: 0, roundEndsAt: iso(5) }

  const archived = make(9, { title: '2栋单元门禁维修', reason: '门禁坏了三个月，陌生人随意进出。', solution: '更换门禁主机和读卡器。', scope: { kind: 'buildings', ids: ['b_2'] }, author: 'p_009', ageDays: 120 })
  step(archived, 'archived', -30, '归档', '系统', '满意率 100%，评议通过')

  const rejected = make(10, { title: '小区内允许饲养家禽', reason: '想在楼下空地养几只鸡。', solution: '划出一块地方给居民养鸡。', scope: { kind: 'estate', id: 'e_1' }, author: 'p_014', ageDays: 25 })
  step(rejected, 'reviewing', -20, '支持数达标，提交社区审查', '系统')
  rejected.review = { outcome: 'reject', reason: '城区住宅小区饲养家禽违反《城市市容和环境卫生管理条例》，不予立项', at: iso(-15), by: '社区居委会主任 刘洋', mergedInto: null }
  step(rejected, 'rejected', -15, '不予立项', '社区居委会主任 刘洋', rejected.review.reason)

  db.seq.cp = list.length
  db.seq.cc = 1
  db.seq.cm = 1
}
