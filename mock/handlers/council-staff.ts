// 议事 staff handlers: review, meetings, scheduling (roll frozen), voter roll, close, objections,
// execution and progress. Every one checks the staff role in the mock (a hidden button is a courtesy).
import { COUNCIL_SETTINGS, councilEndpoints, PROXY_MIN_AGE, questionProblem, type Id } from '../../types/contract'
import type { HandlerContext } from '../context'
import type { Handlers } from '../domain'
import { fail, failField } from '../errors'
import { ownPhotos } from './files'
import { ageOf, houseAddress } from './identity'
import { act, closeVote, endPublicity, notify, peopleInScope } from './council-machine'
import { buildingOfRoom, buildRoll, DAY, findProposal, proposalsOf, type ProposalRecord } from './council-store'
import { canSee, toProposal } from './council-view'

const STAFF_ONLY = '仅社区工作人员可以进行此操作'

function staffProposal(ctx: HandlerContext, id: Id): { r: ProposalRecord; name: string } {
  const me = ctx.requireRole('staff', STAFF_ONLY)
  const r = findProposal(ctx.db, id) ?? fail('NOT_FOUND', '未找到这条议题，请刷新后重试')
  return { r, name: `${me.staffTitle ?? '社区工作人员'} ${me.name}` }
}

function meetingOf(ctx: HandlerContext, meetingId: Id) {
  ctx.requireRole('staff', STAFF_ONLY)
  const r = proposalsOf(ctx.db).find((p) => p.meetings.some((m) => m.id === meetingId)) ?? fail('NOT_FOUND', '未找到这场会议')
  return { r, meeting: r.meetings.find((m) => m.id === meetingId) as ProposalRecord['meetings'][number] }
}

const everyone = (r: ProposalRecord) => [...new Set([r.authorId, ...r.supports.map((s) => s.personId)])]

export const staffHandlers: Pick<Handlers<typeof councilEndpoints>,
  'reviewProposal' | 'scheduleVote' | 'getVoterRoll' | 'listProxyCandidates' | 'closeVote' | 'answerObjection' | 'planExecution' |
  'postProgress' | 'scheduleMeeting' | 'checkInMeeting' | 'attachMinutes'> = {
  reviewProposal: ({ id, outcome, reason, mergeInto }, ctx) => {
    const { r, name } = staffProposal(ctx, id)
    let target: ProposalRecord | undefined
    if (outcome === 'merge') {
      target = mergeInto ? findProposal(ctx.db, mergeInto) : undefined
      if (!mergeInto) failField('mergeInto', '请填写合并到的议题编号')
      if (!target || target.id === r.id) failField('mergeInto', '合并到的议题不存在')
      // Merging into a proposal that has ended would bury this one with it.
      if (!['gathering', 'reviewing', 'deliberating', 'voting'].includes(target.stage)) failField('mergeInto', '只能合并到仍在进行中的议题')
    }
    act(r, outcome, ctx.now, name, reason, () => {
      r.review = { outcome, reason, at: ctx.nowIso, by: name, mergedInto: target?.id ?? null }
    })
    const text = { agenda: '已列入议程，进入协商讨论', return: '退回修改', merge: '已合并到其他议题', reject: '不予立项' }[outcome]
    notify(ctx.db, r, everyone(r), `议题审查结果：${r.title}`, `${text}。理由：${reason}`, ctx.now)
    return toProposal(ctx.db, r, ctx)
  },

  scheduleMeeting: ({ id, kind, startsAt, place, capacity }, ctx) => {
    const { r, name } = staffProposal(ctx, id)
    if (Date.parse(startsAt) <= ctx.now) failField('startsAt', '会议时间应晚于现在')
    act(r, 'meeting', ctx.now, name, `${place} ${startsAt.slice(0, 16).replace('T', ' ')}`, () => {
      r.meetings.push({ id: ctx.nextId('cm'), kind, startsAt, place, capacity, signups: [], minutes: null })
    })
    notify(ctx.db, r, peopleInScope(ctx.db, r), `会议通知：${r.title}`, `${place}，欢迎报名参加。`, ctx.now)
    return toProposal(ctx.db, r, ctx)
  },

  checkInMeeting: ({ meetingId, code }, ctx) => {
    const { meeting } = meetingOf(ctx, meetingId)
    const signup = meeting.signups.find((s) => s.code === code.trim().toUpperCase())
    if (!signup) fail('NOT_FOUND', '签到码不正确，请核对后重试')
    signup.checkedInAt ??= ctx.nowIso
    const person = ctx.db.persons.find((p) => p.id === signup.personId)
    return { ok: true as const, name: person?.name ?? '居民' }
  },

  attachMinutes: ({ meetingId, minutes }, ctx) => {
    const { r, meeting } = meetingOf(ctx, meetingId)
    if (Date.parse(meeting.startsAt) > ctx.now) fail('INVALID_STATE', '会议尚未召开，不能上传纪要')
    meeting.minutes = minutes
    r.updatedAt = ctx.nowIso
    return toProposal(ctx.db, r, ctx)
  },

  scheduleVote: ({ id, question, opensAt, closesAt }, ctx) => {
    const { r, name } = staffProposal(ctx, id)
    const opens = Date.parse(opensAt)
    const closes = Date.parse(closesAt)
    const noticeDays = r.kind === 'owner' ? COUNCIL_SETTINGS.noticeDaysOwner : COUNCIL_SETTINGS.noticeDaysResident
    const problem = questionProblem(r.kind, question)
    if (problem) failField('question', problem)
    if (opens < ctx.now + noticeDays * DAY) failField('opensAt', `${r.kind === 'owner' ? '业主共同决定事项' : '居民协商事项'}需提前 ${noticeDays} 天公告，表决最早 ${new Date(ctx.now + noticeDays * DAY).toISOString().slice(0, 10)} 开始`)
    if (closes <= opens) failField('closesAt', '截止时间应晚于开始时间')
    if (closes - opens > COUNCIL_SETTINGS.voteMaxDays * DAY) failField('closesAt', `表决期最长 ${COUNCIL_SETTINGS.voteMaxDays} 天`)
    act(r, 'schedule', ctx.now, name, `${opensAt.slice(0, 10)} 至 ${closesAt.slice(0, 10)}`, () => {
      const { roll, members, labels } = buildRoll(ctx.db, r.scope, r.kind)
      r.vote = {
        rules: { kind: r.kind, major: r.kind === 'owner' && r.ownerClass === 'major', question },
        opensAt, closesAt, scheduledAt: ctx.nowIso, roll, members, labels, ballots: {}, audit: [], delegations: [],
        opened: false, reminded: false, result: null, closedAt: null
      }
    })
    notify(ctx.db, r, [...new Set(Object.values(r.vote?.members ?? {}).flat())], `表决公告：${r.title}`, `表决将于 ${opensAt.slice(0, 10)} 开始，${closesAt.slice(0, 10)} 截止。`, ctx.now)
    return toProposal(ctx.db, r, ctx)
  },

  listProxyCandidates: ({ id }, ctx) => {
    const { r } = staffProposal(ctx, id)
    const vote = r.vote ?? fail('INVALID_STATE', '该议题还没有安排表决')
    const nameOf = (personId: Id) => ctx.db.persons.find((p) => p.id === personId)?.name ?? ''
    const onRoll = [...new Set(Object.values(vote.members).flat())]
    return onRoll
      .map((personId) => ctx.db.persons.find((p) => p.id === personId))
      .filter((p): p is NonNullable<typeof p> => !!p && !!p.roomId && ageOf(p, ctx.now) >= PROXY_MIN_AGE)
      .map((p) => {
        const building = buildingOfRoom(ctx.db, p.roomId)
        const unit = Object.entries(vote.members).find(([, ids]) => ids.includes(p.id))?.[0]
        const delegation = [...vote.delegations].reverse().find((d) => d.residentId === p.id)
        return {
          personId: p.id, name: p.name, age: ageOf(p, ctx.now), houseLabel: houseAddress(ctx.db, p.roomId as string)?.label ?? '',
          leaders: ctx.db.persons.filter((l) => building && l.leaderOf.includes(building)).map((l) => ({ personId: l.id, name: l.name })),
          delegatedTo: delegation ? nameOf(delegation.leaderId) : null,
          voted: !!(unit && vote.ballots[unit] && vote.ballots[unit].castBy === p.id && !vote.ballots[unit].proxyFor)
        }
      })
      .sort((a, b) => a.houseLabel.localeCompare(b.houseLabel, 'zh-CN', { numeric: true }))
  },

  getVoterRoll: ({ id }, ctx) => {
    const me = ctx.member()
    const r = findProposal(ctx.db, id)
    if (!r || !canSee(ctx.db, r, ctx)) fail('NOT_FOUND', '未找到这条议题，请刷新后重试')
    const staff = ctx.roles.includes('staff')
    if (!staff && !ctx.roles.includes('building_leader')) fail('FORBIDDEN', '仅社区工作人员和楼长可以查看投票情况')
    const vote = r.vote ?? fail('INVALID_STATE', '该议题还没有安排表决')
    const rows = vote.roll
      .filter((u) => staff || me.leaderOf.includes(u.buildingId) || me.leaderOf.includes(buildingOfRoom(ctx.db, u.unit) ?? ''))
      .map((u) => ({ label: vote.labels[u.unit] ?? u.unit, buildingId: u.buildingId, voted: !!vote.ballots[u.unit] }))
    // Who has voted (to remind), never what they chose.
    return {
      proposalId: r.id,
      voted: rows.filter((x) => x.voted).map(({ label, buildingId }) => ({ label, buildingId })),
      notVoted: rows.filter((x) => !x.voted).map(({ label, buildingId }) => ({ label, buildingId }))
    }
  },

  closeVote: ({ id }, ctx) => {
    const { r, name } = staffProposal(ctx, id)
    if (r.stage === 'publicity' && r.vote?.result) return toProposal(ctx.db, r, ctx) // the tick closed it already
    if (!r.vote || r.stage !== 'voting') fail('INVALID_STATE', '该议题不在表决中')
    if (ctx.now < Date.parse(r.vote.closesAt)) fail('INVALID_STATE', '表决尚未截止，不能提前结束')
    closeVote(ctx.db, r, ctx.now, name)
    return toProposal(ctx.db, r, ctx)
  },

  answerObjection: ({ id, objectionId, answer }, ctx) => {
    const { r } = staffProposal(ctx, id)
    const o = r.objections.find((x) => x.id === objectionId) ?? fail('NOT_FOUND', '未找到这条异议')
    if (o.answer) fail('INVALID_STATE', '这条异议已答复')
    o.answer = answer
    o.answeredAt = ctx.nowIso
    r.updatedAt = ctx.nowIso
    notify(ctx.db, r, [o.personId], `异议已答复：${r.title}`, answer, ctx.now)
    endPublicity(r, ctx.now)
    return toProposal(ctx.db, r, ctx)
  },

  planExecution: ({ id, responsible, dueOn, milestones }, ctx) => {
    const { r, name } = staffProposal(ctx, id)
    act(r, 'plan', ctx.now, name, `${responsible}，${dueOn} 前完成`, () => {
      r.execution = {
        responsible, dueOn, milestones: milestones.map((m) => ({ ...m, done: false })),
        updates: r.execution?.updates ?? [], percent: r.execution?.percent ?? 0, escalated: false
      }
    })
    return toProposal(ctx.db, r, ctx)
  },

  postProgress: ({ id, percent, note, photos, milestonesDone }, ctx) => {
    const { r, name } = staffProposal(ctx, id)
    if (!r.execution) fail('INVALID_STATE', '请先明确责任单位、期限和节点')
    const execution = r.execution
    if (percent < execution.percent) failField('percent', `进度不能低于上次的 ${execution.percent}%`)
    const refs = ownPhotos(ctx, photos)
    act(r, 'progress', ctx.now, name, `${percent}%：${note}`, () => {
      execution.updates.push({ at: ctx.nowIso, percent, note, photos: refs, by: name })
      execution.percent = percent
      for (const i of milestonesDone) if (execution.milestones[i]) execution.milestones[i].done = true
    })
    notify(ctx.db, r, peopleInScope(ctx.db, r), `执行进展：${r.title}`, `进度 ${percent}%：${note}`, ctx.now)
    if (percent === 100) {
      act(r, 'complete', ctx.now, name, null, () => {
        const rounds = r.evaluation?.rounds ?? 0
        r.evaluation = { ratings: {}, rounds, roundEndsAt: new Date(ctx.now + COUNCIL_SETTINGS.publicityDays * DAY).toISOString() }
      })
      notify(ctx.db, r, peopleInScope(ctx.db, r), `请评议：${r.title}`, '事项已办结，请为办理结果评价（满意 / 基本满意 / 不满意）。', ctx.now)
    }
    return toProposal(ctx.db, r, ctx)
  }
}
