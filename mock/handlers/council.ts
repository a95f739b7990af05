// 议事 domain: resident handlers (raise, edit, withdraw, support, comment, ballot, 委托, objection,
// evaluation, meeting sign-up), composed with the staff handlers. Stage table: ./council-machine.
import {
  ballotProblem, COUNCIL_SETTINGS, councilEndpoints, supportThreshold, type Id, type ProposalScope
} from '../../types/contract'
import type { HandlerContext } from '../context'
import type { PersonRecord } from '../db'
import { defineDomain, type Handlers } from '../domain'
import { fail, failField } from '../errors'
import { paginate } from '../paging'
import { secretCode } from '../secrets'
import { ownPhotos } from './files'
import { markMessagesReadByRef } from './messages'
import { act, councilTick, notify, peopleInScope } from './council-machine'
import { seedCouncil } from './council-seed'
import { staffHandlers } from './council-staff'
import {
  buildingOfRoom, DAY, findProposal, householdsIn, isElderly, livesIn, proposalsOf, scopeBuildings, scopeLabel, unitOf, type ProposalRecord
} from './council-store'
import { canSee, supportProblem, toProposal, toSummary, voteProblem } from './council-view'

const ACTIVE = new Set(['gathering', 'reviewing', 'returned', 'deliberating', 'scheduled', 'voting', 'publicity', 'executing', 'evaluating'])

/** The proposal if the caller may see it; another scope's proposal is 404, as if it did not exist. */
export function visible(ctx: HandlerContext, id: Id): ProposalRecord {
  ctx.member()
  const r = findProposal(ctx.db, id)
  if (!r || !canSee(ctx.db, r, ctx)) fail('NOT_FOUND', '未找到这条议题，请刷新后重试')
  return r
}

const view = (ctx: HandlerContext, r: ProposalRecord) => toProposal(ctx.db, r, ctx)

function checkScope(ctx: HandlerContext, me: PersonRecord, scope: ProposalScope) {
  if (scope.kind === 'buildings' && scope.ids.some((b) => !ctx.db.buildings.some((x) => x.id === b))) failField('scope', '选择的楼栋不存在')
  if (scope.kind === 'estate' && !ctx.db.estates.some((e) => e.id === scope.id)) failField('scope', '选择的小区不存在')
  if (ctx.roles.includes('staff')) return
  if (!me.roomId) fail('FORBIDDEN', '请先绑定房屋后再提出议题')
  const mine = buildingOfRoom(ctx.db, me.roomId)
  const covered = scopeBuildings(ctx.db, scope)
  // A resident raises for a scope they live in: their own building (alone or with neighbours), 小区 or 社区.
  if (!covered.includes(mine ?? '')) fail('FORBIDDEN', '只能为您居住的楼栋、小区或社区提出议题', { fields: { scope: '只能为您居住的楼栋、小区或社区提出议题' } })
}

function authorOnly(ctx: HandlerContext, r: ProposalRecord, message: string) {
  if (ctx.member().id !== r.authorId) fail('FORBIDDEN', message)
}

type ResidentHandlers = Omit<Handlers<typeof councilEndpoints>, keyof typeof staffHandlers>

const residentHandlers: ResidentHandlers = {
  listCouncilScopes: (_input, ctx) => {
    const me = ctx.member()
    const b = buildingOfRoom(ctx.db, me.roomId)
    const building = ctx.db.buildings.find((x) => x.id === b)
    const scopes: ProposalScope[] = ctx.roles.includes('staff')
      ? [...ctx.db.buildings.map((x) => ({ kind: 'buildings' as const, ids: [x.id] })), ...ctx.db.estates.map((e) => ({ kind: 'estate' as const, id: e.id })), { kind: 'community' }]
      : building ? [{ kind: 'buildings', ids: [building.id] }, { kind: 'estate', id: building.estateId }, { kind: 'community' }] : []
    return scopes.map((scope) => ({ scope, label: scopeLabel(ctx.db, scope), households: householdsIn(ctx.db, scope).length }))
  },

  listProposals: ({ stage, view: which, cursor, limit }, ctx) => {
    const me = ctx.member()
    const list = proposalsOf(ctx.db)
      .filter((r) => canSee(ctx.db, r, ctx))
      .filter((r) => (stage ? r.stage === stage : which === 'all' ? true : which === 'mine' ? r.authorId === me.id : which === 'active' ? ACTIVE.has(r.stage) : !ACTIVE.has(r.stage)))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    const page = paginate(list, { cursor, limit })
    return { ...page, items: page.items.map((r) => toSummary(ctx.db, r)) }
  },

  raiseProposal: (input, ctx) => {
    const me = ctx.member()
    checkScope(ctx, me, input.scope)
    const at = ctx.nowIso
    const record: ProposalRecord = {
      id: ctx.nextId('cp'), title: input.title, reason: input.reason, solution: input.solution,
      photos: ownPhotos(ctx, input.photos), scope: input.scope, kind: input.kind,
      ownerClass: input.kind === 'owner' ? input.ownerClass : 'ordinary', authorId: me.id, stage: 'gathering',
      createdAt: at, updatedAt: at, supportDeadline: new Date(ctx.now + COUNCIL_SETTINGS.supportDays * DAY).toISOString(),
      supports: [], reviewDueAt: null, review: null, comments: [], meetings: [], vote: null, objections: [],
      publicityEndsAt: null, execution: null, evaluation: null, history: []
    }
    act(record, 'raise', ctx.now, me.name, null)
    proposalsOf(ctx.db).push(record)
    notify(ctx.db, record, peopleInScope(ctx.db, record, [me.id]), `新议题：${record.title}`, `${scopeLabel(ctx.db, record.scope)}有居民提出议题，征集支持中。`, ctx.now)
    return view(ctx, record)
  },

  getProposal: ({ id }, ctx) => {
    const r = visible(ctx, id)
    if (markMessagesReadByRef(ctx.db, ctx.member().id, r.id, ctx.nowIso) > 0) ctx.markChanged()
    return view(ctx, r)
  },

  editProposal: ({ id, ...input }, ctx) => {
    const r = visible(ctx, id)
    authorOnly(ctx, r, '只有发起人可以修改议题')
    const me = ctx.member()
    if (r.stage === 'gathering' && (r.supports.length > 0 || r.comments.length > 0)) fail('INVALID_STATE', '议题已有居民支持或评论，不能再修改')
    checkScope(ctx, me, input.scope)
    const resubmit = r.stage === 'returned'
    act(r, 'edit', ctx.now, me.name, null, () => {
      Object.assign(r, { title: input.title, reason: input.reason, solution: input.solution, photos: ownPhotos(ctx, input.photos), scope: input.scope, kind: input.kind, ownerClass: input.kind === 'owner' ? input.ownerClass : 'ordinary' })
    })
    if (resubmit) {
      act(r, 'resubmit', ctx.now, me.name, null, () => { r.reviewDueAt = new Date(ctx.now + COUNCIL_SETTINGS.reviewDays * DAY).toISOString() })
    }
    return view(ctx, r)
  },

  withdrawProposal: ({ id }, ctx) => {
    const r = visible(ctx, id)
    authorOnly(ctx, r, '只有发起人可以撤回议题')
    if (r.supports.length > 0) fail('INVALID_STATE', '已有居民支持，不能撤回议题')
    act(r, 'withdraw', ctx.now, ctx.member().name, null)
    return view(ctx, r)
  },

  supportProposal: ({ id }, ctx) => {
    const r = visible(ctx, id)
    const me = ctx.member()
    // A second support by the same household (either of its accounts) is a no-op with the same answer.
    if (me.roomId && r.supports.some((s) => s.roomId === me.roomId)) return view(ctx, r)
    const problem = supportProblem(ctx.db, r, me, ctx.roles)
    if (problem) fail('FORBIDDEN', problem)
    act(r, 'support', ctx.now, me.name, null, () => { r.supports.push({ roomId: me.roomId as Id, personId: me.id, at: ctx.nowIso }) })
    if (r.supports.length >= supportThreshold(householdsIn(ctx.db, r.scope).length)) {
      act(r, 'threshold', ctx.now, '系统', `${r.supports.length} 户支持`, () => { r.reviewDueAt = new Date(ctx.now + COUNCIL_SETTINGS.reviewDays * DAY).toISOString() })
      notify(ctx.db, r, [r.authorId], `议题已提交社区审查：${r.title}`, `支持户数已达标，社区将在 ${COUNCIL_SETTINGS.reviewDays} 天内审查。`, ctx.now)
    }
    return view(ctx, r)
  },

  unsupportProposal: ({ id }, ctx) => {
    const r = visible(ctx, id)
    const me = ctx.member()
    const mine = r.supports.find((s) => s.roomId === me.roomId)
    if (!mine) return view(ctx, r)
    act(r, 'unsupport', ctx.now, me.name, null, () => { r.supports = r.supports.filter((s) => s !== mine) })
    return view(ctx, r)
  },

  commentProposal: ({ id, body, parentId }, ctx) => {
    const r = visible(ctx, id)
    const me = ctx.member()
    if (!ctx.roles.includes('staff') && !livesIn(ctx.db, me, r.scope) && me.id !== r.authorId && !(me.leaderOf.length)) {
      fail('FORBIDDEN', `仅${scopeLabel(ctx.db, r.scope)}的居民可以评论`)
    }
    if (parentId) {
      const parent = r.comments.find((c) => c.id === parentId)
      if (!parent) failField('parentId', '回复的评论不存在')
      if (parent.parentId) failField('parentId', '只能回复一级评论')
    }
    act(r, 'comment', ctx.now, me.name, null, () => {
      r.comments.push({ id: ctx.nextId('cc'), parentId: parentId ?? null, authorId: me.id, body, at: ctx.nowIso })
    })
    r.history.pop() // comments are on the page; the stage history keeps transitions only
    return view(ctx, r)
  },

  castBallot: ({ id, choices, onBehalfOf }, ctx) => {
    const r = visible(ctx, id)
    const me = ctx.member()
    const vote = r.vote
    if (!vote) fail('INVALID_STATE', '该议题还没有安排表决')
    let voter: PersonRecord = me
    if (onBehalfOf && onBehalfOf !== me.id) {
      if (!ctx.roles.includes('building_leader')) fail('FORBIDDEN', '仅楼长可以代投')
      const resident = ctx.db.persons.find((p) => p.id === onBehalfOf)
      if (!resident || !me.leaderOf.includes(buildingOfRoom(ctx.db, resident.roomId) ?? '')) fail('FORBIDDEN', '只能为您负责楼栋的居民代投', { fields: { onBehalfOf: '只能为您负责楼栋的居民代投' } })
      if (!isElderly(resident, ctx.now)) fail('FORBIDDEN', '代投仅限 60 岁以上的老人')
      if (!vote.delegations.some((d) => d.residentId === resident.id && d.leaderId === me.id)) fail('FORBIDDEN', '该居民尚未委托您代投，请先登记委托')
      const proxied = new Set(vote.audit.filter((a) => a.castBy === me.id && a.proxyFor && !a.unit.startsWith('委托')).map((a) => a.proxyFor))
      if (!proxied.has(resident.id) && proxied.size >= COUNCIL_SETTINGS.proxyMax) fail('FORBIDDEN', `每次表决最多为 ${COUNCIL_SETTINGS.proxyMax} 位居民代投`)
      voter = resident
    }
    const problem = voteProblem(ctx.db, r, voter, ctx.now)
    if (problem) fail(problem === '投票已截止' || problem === '表决尚未开始' ? 'INVALID_STATE' : 'FORBIDDEN', problem)
    const bad = ballotProblem(vote.rules.question, choices)
    if (bad) failField('choices', bad)
    const unit = unitOf(vote, voter.id) as string
    const previous = vote.ballots[unit]
    // The resident's own vote overrides a 代投, and a 楼长 may not overwrite a vote the resident cast.
    if (voter !== me && previous && previous.castBy === voter.id) fail('FORBIDDEN', '居民已亲自投票，不能再代投')
    act(r, 'ballot', ctx.now, me.name, null, () => {
      vote.ballots[unit] = { choices: [...choices], receipt: previous?.receipt ?? secretCode(10), castBy: me.id, proxyFor: voter === me ? null : voter.id, at: ctx.nowIso }
      vote.audit.push({ unit, castBy: me.id, proxyFor: voter === me ? null : voter.id, at: ctx.nowIso, change: !!previous })
    })
    r.history.pop() // a ballot is secret: it never appears on the public timeline
    if (voter !== me) notify(ctx.db, r, [voter.id], `楼长已为您代投：${r.title}`, `${me.name}已根据您的委托代为投票。您在截止前亲自投票即可更改。`, ctx.now)
    return view(ctx, r)
  },

  delegateProxy: ({ id, leaderId, residentId, note }, ctx) => {
    const r = visible(ctx, id)
    const me = ctx.member()
    const vote = r.vote
    if (!vote || !['scheduled', 'voting'].includes(r.stage)) fail('INVALID_STATE', '只能在表决开始前或表决中登记委托')
    const staff = ctx.roles.includes('staff')
    if (residentId && residentId !== me.id && !staff) fail('FORBIDDEN', '只能由本人或社区工作人员登记委托')
    const resident = ctx.db.persons.find((p) => p.id === (residentId ?? me.id))
    if (!resident || unitOf(vote, resident.id) === null) fail('FORBIDDEN', '该居民不在本次表决名单中')
    const leader = ctx.db.persons.find((p) => p.id === leaderId)
    if (!leader || !leader.leaderOf.includes(buildingOfRoom(ctx.db, resident.roomId) ?? '')) failField('leaderId', '只能委托本楼的楼长')
    if (!vote.delegations.some((d) => d.residentId === resident.id && d.leaderId === leader.id)) {
      vote.delegations.push({ residentId: resident.id, leaderId: leader.id, recordedBy: me.id, at: ctx.nowIso, note })
      vote.audit.push({ unit: `委托:${resident.id}`, castBy: me.id, proxyFor: resident.id, at: ctx.nowIso, change: false })
      r.updatedAt = ctx.nowIso
    }
    return view(ctx, r)
  },

  raiseObjection: ({ id, body }, ctx) => {
    const r = visible(ctx, id)
    const me = ctx.member()
    if (!livesIn(ctx.db, me, r.scope)) fail('FORBIDDEN', `仅${scopeLabel(ctx.db, r.scope)}的居民可以提出异议`)
    act(r, 'objection', ctx.now, me.name, null, () => {
      r.objections.push({ id: ctx.nextId('co'), personId: me.id, body, at: ctx.nowIso, answer: null, answeredAt: null })
    })
    return view(ctx, r)
  },

  evaluateProposal: ({ id, rating }, ctx) => {
    const r = visible(ctx, id)
    const me = ctx.member()
    if (!livesIn(ctx.db, me, r.scope)) fail('FORBIDDEN', `仅${scopeLabel(ctx.db, r.scope)}的居民可以评议`)
    act(r, 'evaluate', ctx.now, me.name, null, () => {
      if (r.evaluation) r.evaluation.ratings[me.roomId as Id] = rating
    })
    r.history.pop()
    return view(ctx, r)
  },

  signUpMeeting: ({ meetingId }, ctx) => {
    const me = ctx.member()
    const r = proposalsOf(ctx.db).find((p) => p.meetings.some((m) => m.id === meetingId))
    if (!r || !canSee(ctx.db, r, ctx)) fail('NOT_FOUND', '未找到这场会议')
    const meeting = r.meetings.find((m) => m.id === meetingId) as ProposalRecord['meetings'][number]
    if (meeting.signups.some((s) => s.personId === me.id)) return view(ctx, r)
    if (!ctx.roles.includes('staff') && !livesIn(ctx.db, me, r.scope)) fail('FORBIDDEN', `仅${scopeLabel(ctx.db, r.scope)}的居民可以报名`)
    if (Date.parse(meeting.startsAt) <= ctx.now) fail('INVALID_STATE', '会议已开始，不能再报名')
    if (meeting.signups.length >= meeting.capacity) fail('INVALID_STATE', '报名人数已满')
    meeting.signups.push({ personId: me.id, code: secretCode(6), at: ctx.nowIso, checkedInAt: null })
    return view(ctx, r)
  }
}

export const councilDomain = defineDomain({
  name: 'council',
  endpoints: councilEndpoints,
  handlers: { ...residentHandlers, ...staffHandlers },
  seed: seedCouncil,
  tick: (db, env) => councilTick(db, env.now)
})
