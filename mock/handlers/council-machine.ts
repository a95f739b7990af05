// The proposal stage table: which action may move a proposal from which stage to which, and the
// time-driven moves the domain tick catches up on (support window, vote opening/closing, 公示, 评议).
import { COUNCIL_SETTINGS, STAGE_LABELS, tally, type Id, type ProposalStage } from '../../types/contract'
import type { Db } from '../db'
import { fail } from '../errors'
import { pushMessage } from './messages'
import { countedBallots, DAY, householdsIn, proposalsOf, type ProposalRecord } from './council-store'

export type CouncilAction =
  | 'raise' | 'edit' | 'withdraw' | 'support' | 'unsupport' | 'threshold' | 'expire' | 'comment'
  | 'agenda' | 'return' | 'merge' | 'reject' | 'resubmit' | 'schedule' | 'open' | 'ballot' | 'close'
  | 'objection' | 'publish' | 'plan' | 'progress' | 'complete' | 'evaluate' | 'rectify' | 'archive' | 'meeting'

/** from-stages → to-stage (null: stays) and the Chinese refusal for any other stage. */
export const COUNCIL_MACHINE: Record<CouncilAction, { from: readonly ProposalStage[]; to: ProposalStage | null; refused: string }> = {
  raise: { from: [], to: 'gathering', refused: '' },
  edit: { from: ['gathering', 'returned'], to: null, refused: '议题已进入后续阶段，不能再修改' },
  withdraw: { from: ['gathering', 'returned'], to: 'withdrawn', refused: '议题已进入审查，不能撤回' },
  support: { from: ['gathering'], to: null, refused: '该议题已不在征集支持阶段' },
  unsupport: { from: ['gathering'], to: null, refused: '支持数已达标，议题已提交社区审查，不能再撤回支持' },
  threshold: { from: ['gathering'], to: 'reviewing', refused: '' },
  expire: { from: ['gathering'], to: 'expired', refused: '' },
  comment: { from: ['gathering', 'reviewing', 'returned', 'deliberating', 'scheduled', 'voting', 'publicity', 'executing', 'evaluating'], to: null, refused: '议题已结束，不能再评论' },
  agenda: { from: ['reviewing'], to: 'deliberating', refused: '只有待审查的议题可以审查' },
  return: { from: ['reviewing'], to: 'returned', refused: '只有待审查的议题可以审查' },
  merge: { from: ['reviewing'], to: 'merged', refused: '只有待审查的议题可以审查' },
  reject: { from: ['reviewing'], to: 'rejected', refused: '只有待审查的议题可以审查' },
  resubmit: { from: ['returned'], to: 'reviewing', refused: '' },
  meeting: { from: ['reviewing', 'deliberating', 'scheduled', 'voting', 'executing', 'evaluating'], to: null, refused: '当前阶段不能安排会议' },
  schedule: { from: ['deliberating'], to: 'scheduled', refused: '只有协商讨论中的议题可以安排表决' },
  open: { from: ['scheduled'], to: 'voting', refused: '' },
  ballot: { from: ['voting'], to: null, refused: '投票已截止' },
  close: { from: ['voting'], to: 'publicity', refused: '该议题不在表决中' },
  objection: { from: ['publicity'], to: null, refused: '只能在结果公示期内提出异议' },
  publish: { from: ['publicity'], to: null, refused: '' },
  plan: { from: ['executing'], to: null, refused: '只有已通过、正在执行的议题可以安排执行' },
  progress: { from: ['executing'], to: null, refused: '只有正在执行的议题可以更新进展' },
  complete: { from: ['executing'], to: 'evaluating', refused: '' },
  evaluate: { from: ['evaluating'], to: null, refused: '议题尚未办结，还不能评议' },
  rectify: { from: ['evaluating'], to: 'executing', refused: '' },
  archive: { from: ['publicity', 'evaluating'], to: 'archived', refused: '' }
}

export const ACTION_LABELS: Record<CouncilAction, string> = {
  raise: '提出议题', edit: '修改议题', withdraw: '撤回议题', support: '支持', unsupport: '撤回支持',
  threshold: '支持数达标，提交社区审查', expire: '30 天内未达支持数', comment: '评论', agenda: '列入议程',
  return: '退回修改', merge: '合并', reject: '不予立项', resubmit: '修改后重新提交', meeting: '安排会议',
  schedule: '安排表决', open: '表决开始', ballot: '投票', close: '表决结束，结果公示', objection: '提出异议',
  publish: '公示', plan: '明确责任单位和节点', progress: '更新进展', complete: '办结，进入群众评议',
  evaluate: '评议', rectify: '满意率不足 60%，退回整改', archive: '归档'
}

/** Checks the stage, applies `change`, moves the stage and records who, when and why. */
export function act(record: ProposalRecord, action: CouncilAction, at: number, actorName: string, note: string | null, change?: () => void): void {
  const rule = COUNCIL_MACHINE[action]
  if (rule.from.length && !rule.from.includes(record.stage)) fail('INVALID_STATE', rule.refused || `当前阶段（${STAGE_LABELS[record.stage]}）不能进行此操作`)
  change?.()
  if (rule.to) record.stage = rule.to
  record.updatedAt = new Date(at).toISOString()
  record.history.push({ at: record.updatedAt, stage: record.stage, action: ACTION_LABELS[action], actorName, note })
}

/** Everyone living in the proposal's scope (optionally minus some). */
export function peopleInScope(db: Db, record: ProposalRecord, except: Id[] = []): Id[] {
  const rooms = new Set(householdsIn(db, record.scope))
  return db.persons.filter((p) => p.roomId && rooms.has(p.roomId) && !except.includes(p.id)).map((p) => p.id)
}

export function notify(db: Db, record: ProposalRecord, personIds: Id[], title: string, body: string, at: number) {
  pushMessage(db, { personIds, kind: 'council', title, body, link: `/council/pages/detail/index?id=${record.id}`, at, ref: record.id })
}

/** Closes the vote: the tally (pure, from the contract) over the frozen roll and the last ballots. */
export function closeVote(db: Db, record: ProposalRecord, at: number, actorName: string) {
  const vote = record.vote
  if (!vote) return
  act(record, 'close', at, actorName, null, () => {
    vote.result = tally(vote.rules, vote.roll, countedBallots(vote), COUNCIL_SETTINGS.breakdownMin)
    vote.result.breakdown = vote.result.breakdown.map((b) => ({ ...b, label: db.buildings.find((x) => x.id === b.label)?.name ?? b.label }))
    vote.closedAt = new Date(at).toISOString()
    record.publicityEndsAt = new Date(at + COUNCIL_SETTINGS.publicityDays * DAY).toISOString()
  })
  const members = [...new Set(Object.values(vote.members).flat())]
  notify(db, record, members, `表决结果公示：${record.title}`, `${vote.result?.verdict ?? ''}。公示 ${COUNCIL_SETTINGS.publicityDays} 天，如有异议可在公示期内提出。`, at)
}

/** Ends 公示 once it has run its days and every objection is answered. */
export function endPublicity(record: ProposalRecord, at: number): boolean {
  if (record.stage !== 'publicity' || !record.publicityEndsAt || at < Date.parse(record.publicityEndsAt)) return false
  if (record.objections.some((o) => !o.answer)) return false
  if (record.vote?.result?.passed) {
    record.stage = 'executing'
    record.updatedAt = new Date(at).toISOString()
    record.history.push({ at: record.updatedAt, stage: 'executing', action: '公示期满，转入执行督办', actorName: '系统', note: null })
  } else {
    act(record, 'archive', at, '系统', '表决未通过，公示期满归档')
  }
  return true
}

/** Ends an evaluation round: ≥ 60 % 满意+基本满意 archives it, otherwise back to execution (整改). */
export function endEvaluation(record: ProposalRecord, at: number): boolean {
  const ev = record.evaluation
  if (record.stage !== 'evaluating' || !ev || at < Date.parse(ev.roundEndsAt)) return false
  const ratings = Object.values(ev.ratings)
  const good = ratings.filter((r) => r !== 'unsatisfied').length
  if (ratings.length > 0 && good / ratings.length < COUNCIL_SETTINGS.satisfiedShare) {
    act(record, 'rectify', at, '系统', `满意率 ${Math.round((good / ratings.length) * 100)}%，低于 60%`, () => {
      // 整改 gets its own 30 days; the old due date would escalate it at once.
      if (record.execution) Object.assign(record.execution, { percent: 90, escalated: false, dueOn: new Date(at + 30 * DAY + 8 * 3600_000).toISOString().slice(0, 10) })
    })
    ev.rounds++
    ev.ratings = {}
  } else {
    act(record, 'archive', at, '系统', ratings.length ? `满意率 ${Math.round((good / ratings.length) * 100)}%，评议通过` : '评议期内无人评议，按期归档')
  }
  return true
}

export function councilTick(db: Db, now: number): boolean {
  let changed = false
  for (const record of proposalsOf(db)) {
    const vote = record.vote
    if (record.stage === 'gathering' && now >= Date.parse(record.supportDeadline)) {
      act(record, 'expire', now, '系统', null)
      notify(db, record, [record.authorId], `议题未达支持数：${record.title}`, '30 天内支持户数未达到门槛，议题已结束。', now)
      changed = true
    }
    if (record.stage === 'scheduled' && vote && now >= Date.parse(vote.opensAt)) {
      act(record, 'open', now, '系统', null, () => { vote.opened = true })
      notify(db, record, [...new Set(Object.values(vote.members).flat())], `表决开始：${record.title}`, `请在 ${vote.closesAt.slice(0, 10)} 截止前投票。`, now)
      changed = true
    }
    if (record.stage === 'voting' && vote && !vote.reminded && now >= Date.parse(vote.closesAt) - COUNCIL_SETTINGS.remindHours * 3600_000 && now < Date.parse(vote.closesAt)) {
      vote.reminded = true
      const pending = Object.entries(vote.members).filter(([unit]) => !vote.ballots[unit]).flatMap(([, ids]) => ids)
      notify(db, record, pending, `表决即将截止：${record.title}`, '您家还没有投票，表决两天后截止。', now)
      changed = true
    }
    if (record.stage === 'voting' && vote && now >= Date.parse(vote.closesAt)) {
      closeVote(db, record, Date.parse(vote.closesAt), '系统')
      changed = true
    }
    if (endPublicity(record, now)) changed = true
    if (record.stage === 'executing' && record.execution && !record.execution.escalated && record.execution.percent < 100 &&
      now >= Date.parse(`${record.execution.dueOn}T23:59:59+08:00`)) {
      record.execution.escalated = true
      record.history.push({ at: new Date(now).toISOString(), stage: record.stage, action: '逾期，已督办', actorName: '系统', note: `期限 ${record.execution.dueOn}` })
      changed = true
    }
    if (endEvaluation(record, now)) changed = true
  }
  return changed
}
