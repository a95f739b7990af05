// What leaves the mock about a proposal: one view per caller, through redactView. Secret ballot:
// while a vote is open only turnout is shown; nobody learns another person's choice, ever.
import {
  COUNCIL_SETTINGS, MATTER_LABELS, MEETING_LABELS, STAGE_LABELS, supportThreshold, tally,
  fileUrl, type CouncilPersonRef, type FileRef, type Id, type Proposal, type ProposalComment, type ProposalSummary, type VoteView
} from '../../types/contract'
import type { HandlerContext } from '../context'
import type { Db, PersonRecord } from '../db'
import { maskName, redactView } from '../redact'
import { buildingOfRoom, householdsIn, livesIn, scopeLabel, unitOf, votedArea, type ProposalRecord } from './council-store'

const isStaff = (ctx: HandlerContext) => ctx.roles.includes('staff')
const fileRefsOf = (ids: Id[]): FileRef[] => ids.map((id) => ({ id, url: fileUrl(id) }))

export function personRef(db: Db, personId: Id, record: ProposalRecord | null, viewer: HandlerContext): CouncilPersonRef {
  const p = db.persons.find((x) => x.id === personId)
  if (!p) return { personId: null, name: '居民', mark: null }
  const mark = p.extraRoles.includes('staff') ? '社区工作人员'
    : record && record.authorId === p.id ? '发起人'
      : p.extraRoles.includes('building_leader') ? '楼长' : null
  // Residents read each other masked (周*); staff, the person themself and staff names are shown in full.
  const full = isStaff(viewer) || viewer.person?.id === p.id || p.extraRoles.includes('staff') || p.extraRoles.includes('building_leader')
  return { personId: p.id, name: full ? p.name : maskName(p.name), mark }
}

/** A resident's name as another resident reads it on the timeline; staff, 楼长 and 系统 in full. */
function shownName(db: Db, name: string, viewer: HandlerContext): string {
  if (isStaff(viewer) || name === viewer.person?.name) return name
  const p = db.persons.find((x) => x.name === name)
  return p && !p.extraRoles.includes('staff') && !p.extraRoles.includes('building_leader') ? maskName(name) : name
}

export function supportFigures(db: Db, r: ProposalRecord) {
  const needed = supportThreshold(householdsIn(db, r.scope).length)
  return { supports: r.supports.length, supportNeeded: needed, supportMissing: Math.max(0, needed - r.supports.length) }
}

export function toSummary(db: Db, r: ProposalRecord): ProposalSummary {
  return redactView({
    id: r.id, title: r.title, kind: r.kind, kindLabel: MATTER_LABELS[r.kind], stage: r.stage, stageLabel: STAGE_LABELS[r.stage],
    scopeLabel: scopeLabel(db, r.scope), ...supportFigures(db, r), supportDeadline: r.supportDeadline,
    createdAt: r.createdAt, updatedAt: r.updatedAt
  })
}

/** Why `person` may not support (null: may). */
export function supportProblem(db: Db, r: ProposalRecord, person: PersonRecord | null, roles: string[]): string | null {
  if (!person?.roomId) return roles.includes('staff') ? '社区工作人员不参与支持' : '请先绑定房屋'
  if (!livesIn(db, person, r.scope)) return `仅${scopeLabel(db, r.scope)}的居民可以支持`
  return null
}

export function voteProblem(db: Db, r: ProposalRecord, person: PersonRecord | null, now: number): string | null {
  const vote = r.vote
  if (!vote) return '该议题还没有安排表决'
  if (!person) return '请先绑定房屋'
  if (unitOf(vote, person.id) === null) {
    if (r.kind === 'owner' && person.tenure === 'tenant' && livesIn(db, person, r.scope)) return '该事项由业主表决'
    return `本次表决仅限${scopeLabel(db, r.scope)}${r.kind === 'owner' ? '业主' : '居民'}`
  }
  if (now < Date.parse(vote.opensAt)) return '表决尚未开始'
  if (now >= Date.parse(vote.closesAt) || r.stage !== 'voting') return '投票已截止'
  return null
}

function voteView(db: Db, r: ProposalRecord, ctx: HandlerContext): VoteView | null {
  const vote = r.vote
  if (!vote) return null
  const closed = vote.result !== null
  const phase = closed ? 'closed' : ctx.now < Date.parse(vote.opensAt) ? 'upcoming' : 'open'
  // Turnout against the lines: the tally with every ballot counted as 弃权 gives the same quorum figures.
  const turnout = tally(vote.rules, vote.roll, Object.keys(vote.ballots).map((unit) => ({ unit, choices: vote.rules.question.type === 'yesno' ? ['abstain'] : [vote.rules.question.options[0].id] })))
  const unit = ctx.person ? unitOf(vote, ctx.person.id) : null
  const ballot = unit ? vote.ballots[unit] : undefined
  const problem = voteProblem(db, r, ctx.person, ctx.now)
  return {
    question: vote.rules.question, opensAt: vote.opensAt, closesAt: vote.closesAt, phase,
    eligibleUnits: turnout.eligibleUnits, eligibleArea: turnout.eligibleArea,
    votedUnits: Object.keys(vote.ballots).length, votedArea: votedArea(vote),
    quorumUnitsNeeded: turnout.quorumUnitsNeeded, quorumAreaNeeded: turnout.quorumAreaNeeded,
    canVote: problem === null, cannotVoteReason: problem,
    // Only the household's own ballot: its receipt and (for the people who share it) its choice.
    myBallot: ballot ? { receipt: ballot.receipt, choices: ballot.choices, castAt: ballot.at, byProxy: ballot.proxyFor !== null } : null,
    result: closed ? vote.result : null,
    receipts: closed ? Object.values(vote.ballots).map((b) => b.receipt).sort() : null,
    proxyLeaders: unit && ctx.person?.roomId
      ? db.persons.filter((p) => p.leaderOf.includes(buildingOfRoom(db, ctx.person?.roomId ?? null) ?? '') && p.id !== ctx.person?.id).map((p) => ({ personId: p.id, name: p.name }))
      : [],
    myDelegate: db.persons.find((p) => p.id === vote.delegations.find((d) => d.residentId === ctx.person?.id)?.leaderId)?.name ?? null,
    entrustedToMe: vote.delegations.filter((d) => d.leaderId === ctx.person?.id).map((d) => {
      const resident = db.persons.find((p) => p.id === d.residentId)
      const u = resident ? unitOf(vote, resident.id) : null
      return { personId: d.residentId, name: resident?.name ?? '居民', label: u ? vote.labels[u] ?? '' : '', proxied: vote.audit.some((a) => a.castBy === ctx.person?.id && a.proxyFor === d.residentId && !a.unit.startsWith('委托')) }
    })
  }
}

function comments(db: Db, r: ProposalRecord, ctx: HandlerContext): ProposalComment[] {
  const toView = (c: ProposalRecord['comments'][number]): ProposalComment => ({
    id: c.id, parentId: c.parentId, author: personRef(db, c.authorId, r, ctx), body: c.body, at: c.at, replies: []
  })
  const top = r.comments.filter((c) => !c.parentId).map(toView)
  for (const c of r.comments) if (c.parentId) top.find((t) => t.id === c.parentId)?.replies.push(toView(c))
  return top
}

export function toProposal(db: Db, r: ProposalRecord, ctx: HandlerContext): Proposal {
  const me = ctx.person
  const myRoom = me?.roomId ?? null
  const mine = me?.id === r.authorId
  const problem = supportProblem(db, r, me, ctx.roles)
  const ev = r.evaluation
  const view: Proposal = {
    ...toSummary(db, r),
    reason: r.reason, solution: r.solution, photos: fileRefsOf(r.photos), scope: r.scope, ownerClass: r.ownerClass,
    author: personRef(db, r.authorId, r, ctx), mine,
    supportedByMe: !!myRoom && r.supports.some((s) => s.roomId === myRoom),
    canEdit: mine && ((r.stage === 'gathering' && r.supports.length === 0 && r.comments.length === 0) || r.stage === 'returned'),
    canWithdraw: mine && ((r.stage === 'gathering' && r.supports.length === 0) || r.stage === 'returned'),
    canSupport: r.stage === 'gathering' && problem === null,
    supportProblem: problem,
    reviewDueAt: r.reviewDueAt, review: r.review,
    comments: comments(db, r, ctx), commentCount: r.comments.length,
    meetings: r.meetings.map((m) => ({
      id: m.id, kind: m.kind, kindLabel: MEETING_LABELS[m.kind], startsAt: m.startsAt, place: m.place, capacity: m.capacity,
      signedUp: m.signups.length, myCode: m.signups.find((s) => s.personId === me?.id)?.code ?? null,
      checkedIn: m.signups.filter((s) => s.checkedInAt).length, minutes: m.minutes
    })),
    vote: voteView(db, r, ctx),
    objections: r.objections.map((o) => ({ id: o.id, body: o.body, at: o.at, answer: o.answer, answeredAt: o.answeredAt, mine: o.personId === me?.id })),
    publicityEndsAt: r.publicityEndsAt,
    execution: r.execution ? {
      ...r.execution,
      updates: r.execution.updates.map((u) => ({ ...u, photos: fileRefsOf(u.photos) })),
      overdue: r.execution.percent < 100 && ctx.now > Date.parse(`${r.execution.dueOn}T23:59:59+08:00`),
      escalated: isStaff(ctx) ? r.execution.escalated : false
    } : null,
    evaluation: ev ? {
      satisfied: Object.values(ev.ratings).filter((x) => x === 'satisfied').length,
      basic: Object.values(ev.ratings).filter((x) => x === 'basic').length,
      unsatisfied: Object.values(ev.ratings).filter((x) => x === 'unsatisfied').length,
      households: householdsIn(db, r.scope).length, mine: myRoom ? ev.ratings[myRoom] ?? null : null, rounds: ev.rounds
    } : null,
    // Supporters and objectors are residents: others read them masked (王*), as on comments.
    history: r.history.map((h) => ({ ...h, actorName: shownName(db, h.actorName, ctx) }))
  }
  return redactView(view)
}

/**
 * Proposals are the community's public business (公开): every bound resident and staff may read them;
 * what they may do (support, vote, evaluate) is checked per scope.
 */
export function canSee(_db: Db, _r: ProposalRecord, ctx: HandlerContext): boolean {
  return !!ctx.person && (!!ctx.person.roomId || ctx.roles.includes('staff'))
}

export { COUNCIL_SETTINGS }
