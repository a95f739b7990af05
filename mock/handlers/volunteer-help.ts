// 邻里互助 handlers: ask (self or 楼长 on behalf), claim / release / done, confirm (or after 72 h
// automatically, flagged), dispute within 7 days, staff settle. Confirmed minutes go to the time bank once.
import { HELP_AUTO_CONFIRM_MS, HELP_KIND_LABELS, unitsForMinutes, volunteerEndpoints, type Id } from '../../types/contract'
import type { HandlerContext } from '../context'
import type { Db } from '../db'
import type { Handlers } from '../domain'
import { fail, failField } from '../errors'
import { houseAddress } from './identity'
import { credit } from './timebank-ledger'
import { tell } from './volunteer-places'
import { vol } from './volunteer-store'
import { helpTaskOf, speaksForRequester, type HelpTaskRecord } from './volunteer-help-store'

type H = Handlers<typeof volunteerEndpoints>

const link = (id: Id) => `/volunteer/pages/help-detail/index?id=${id}`

function find(ctx: HandlerContext, id: Id): HelpTaskRecord {
  return vol(ctx.db).help.find((t) => t.id === id) ?? fail('NOT_FOUND', '该互助请求不存在')
}

const title = (t: HelpTaskRecord) => `「${HELP_KIND_LABELS[t.kind]}」`

/** Credits the helper once for a confirmed (or settled) task. */
function creditHelper(db: Db, t: HelpTaskRecord, minutes: number, at: string, nextId: () => string) {
  if (t.credited || !t.claimerId) return
  t.credited = true
  credit(db, {
    personId: t.claimerId, amount: unitsForMinutes(minutes), final: true, at,
    source: { kind: 'help_task', id: t.id, title: `邻里互助：${HELP_KIND_LABELS[t.kind]}`, link: link(t.id) }
  }, nextId)
}

function confirm(db: Db, t: HelpTaskRecord, at: number, auto: boolean, nextId: () => string) {
  t.status = 'confirmed'
  t.confirmedAt = new Date(at).toISOString()
  t.autoConfirmed = auto
  creditHelper(db, t, t.minutes ?? 0, t.confirmedAt, nextId)
  if (t.claimerId) tell(db, [t.claimerId], '互助已确认', `${title(t)}${auto ? '72 小时未确认，已自动确认' : '已由居民确认'}，${t.minutes ?? 0} 分钟已计入时间银行。`, at, link(t.id))
}

/** Tick: tasks done 72 hours ago and not confirmed are confirmed automatically and flagged. */
export function autoConfirmDue(db: Db, now: number, nextId: (p: string) => string): boolean {
  let changed = false
  for (const t of vol(db).help) {
    if (t.status !== 'done' || !t.doneAt || now - Date.parse(t.doneAt) < HELP_AUTO_CONFIRM_MS) continue
    confirm(db, t, now, true, () => nextId('tx'))
    changed = true
  }
  return changed
}

const mustSpeakFor = (ctx: HandlerContext, t: HelpTaskRecord, message: string) => {
  const person = ctx.member()
  if (t.claimerId === person.id) fail('FORBIDDEN', '不能确认自己提供的帮助')
  if (!speaksForRequester(ctx, t, person)) fail('FORBIDDEN', message)
  return person
}

export const helpHandlers = {
  listHelpTasks: ({ view }, ctx) => {
    const person = ctx.member()
    const all = vol(ctx.db).help
    if (view === 'open') {
      if (!ctx.roles.includes('volunteer') && !ctx.roles.includes('staff')) fail('FORBIDDEN', '仅志愿者可以认领互助请求')
      return all.filter((t) => t.status === 'open').map((t) => helpTaskOf(ctx, t, person))
        .sort((a, b) => (a.distanceM ?? 1e9) - (b.distanceM ?? 1e9) || a.createdAt.localeCompare(b.createdAt))
    }
    const newest = (a: HelpTaskRecord, b: HelpTaskRecord) => b.createdAt.localeCompare(a.createdAt)
    if (view === 'claimed') return all.filter((t) => t.claimerId === person.id).sort(newest).map((t) => helpTaskOf(ctx, t, person))
    if (view === 'asked') return all.filter((t) => t.requesterId === person.id || t.filedById === person.id).sort(newest).map((t) => helpTaskOf(ctx, t, person))
    ctx.requireRole('staff', '仅社区工作人员可以查看')
    return all.filter((t) => t.status === 'disputed' || t.autoConfirmed).sort(newest).map((t) => helpTaskOf(ctx, t, person))
  },

  listHelpOnBehalf: (_input, ctx) => {
    const leader = ctx.requireRole('building_leader', '仅楼长可以代居民申请')
    return ctx.db.persons
      .filter((p) => p.id !== leader.id && p.roomId)
      .map((p) => ({ p, house: houseAddress(ctx.db, p.roomId as string) }))
      .filter(({ house }) => house && leader.leaderOf.includes(house.buildingId))
      .map(({ p, house }) => ({ personId: p.id, name: p.name, houseLabel: house?.label ?? '' }))
  },

  getHelpTask: ({ id }, ctx) => helpTaskOf(ctx, find(ctx, id), ctx.member()),

  askForHelp: ({ kind, detail, whenText, forPersonId }, ctx) => {
    const person = ctx.member()
    let requester = person
    if (forPersonId && forPersonId !== person.id) {
      ctx.requireRole('building_leader', '只有楼长可以代居民申请互助')
      requester = ctx.db.persons.find((p) => p.id === forPersonId) ?? fail('NOT_FOUND', '没有这位居民')
      const house = requester.roomId ? houseAddress(ctx.db, requester.roomId) : null
      if (!house || !person.leaderOf.includes(house.buildingId)) fail('FORBIDDEN', '只能代您负责楼栋的居民申请')
    }
    const house = requester.roomId ? houseAddress(ctx.db, requester.roomId) : null
    if (!house) fail('FORBIDDEN', '请先绑定房屋后再申请上门帮助')
    const t: HelpTaskRecord = {
      id: ctx.nextId('vh'), kind, detail, whenText, status: 'open', requesterId: requester.id,
      filedById: requester.id === person.id ? null : person.id, roomId: house.roomId, buildingId: house.buildingId,
      claimerId: null, minutes: null, createdAt: ctx.nowIso, claimedAt: null, doneAt: null, confirmedAt: null,
      autoConfirmed: false, dispute: null, settlement: null, credited: false
    }
    vol(ctx.db).help.push(t)
    return helpTaskOf(ctx, t, person)
  },

  claimHelpTask: ({ id }, ctx) => {
    const person = ctx.requireRole('volunteer', '仅志愿者可以认领互助请求')
    const t = find(ctx, id)
    if (t.claimerId === person.id && t.status === 'claimed') return helpTaskOf(ctx, t, person)
    if (t.requesterId === person.id) fail('FORBIDDEN', '不能认领自己的互助请求')
    if (t.filedById === person.id) fail('FORBIDDEN', '不能认领自己代为申请的互助请求')
    if (t.status !== 'open') fail('CONFLICT', '这个请求已被其他志愿者认领')
    t.status = 'claimed'
    t.claimerId = person.id
    t.claimedAt = ctx.nowIso
    tell(ctx.db, [t.requesterId, ...(t.filedById ? [t.filedById] : [])], '有志愿者认领了您的请求', `${title(t)}已由志愿者${person.name}认领，会按约定时间上门。`, ctx.now, link(t.id))
    return helpTaskOf(ctx, t, person)
  },

  releaseHelpTask: ({ id }, ctx) => {
    const person = ctx.member()
    const t = find(ctx, id)
    if (t.claimerId !== person.id) fail('FORBIDDEN', '只有认领的志愿者可以放弃')
    if (t.status !== 'claimed') fail('INVALID_STATE', '当前状态不能放弃认领')
    t.status = 'open'
    t.claimerId = null
    t.claimedAt = null
    tell(ctx.db, [t.requesterId], '志愿者放弃了认领', `${title(t)}已重新开放，等待其他志愿者认领。`, ctx.now, link(t.id))
    return helpTaskOf(ctx, t, person)
  },

  cancelHelpTask: ({ id }, ctx) => {
    const person = ctx.member()
    const t = find(ctx, id)
    if (t.requesterId !== person.id && t.filedById !== person.id) fail('FORBIDDEN', '只有求助的居民或代为申请的楼长可以撤销')
    if (t.status === 'cancelled') return helpTaskOf(ctx, t, person)
    if (t.status !== 'open' && t.status !== 'claimed') fail('INVALID_STATE', '志愿者已完成帮助，不能撤销，如有问题请提出异议')
    if (t.claimerId) tell(ctx.db, [t.claimerId], '互助请求已撤销', `${title(t)}已由居民撤销，不用再上门了。`, ctx.now, link(t.id))
    t.status = 'cancelled'
    return helpTaskOf(ctx, t, person)
  },

  completeHelpTask: ({ id, minutes }, ctx) => {
    const person = ctx.member()
    const t = find(ctx, id)
    if (t.claimerId !== person.id) fail('FORBIDDEN', '只有认领的志愿者可以标记完成')
    if (t.status === 'done') return helpTaskOf(ctx, t, person)
    if (t.status !== 'claimed') fail('INVALID_STATE', '当前状态不能标记完成')
    t.status = 'done'
    t.minutes = minutes
    t.doneAt = ctx.nowIso
    tell(ctx.db, [t.requesterId, ...(t.filedById ? [t.filedById] : [])], '志愿者已完成帮助，请确认', `${title(t)}已完成，用时 ${minutes} 分钟。请确认，72 小时后将自动确认。`, ctx.now, link(t.id))
    return helpTaskOf(ctx, t, person)
  },

  confirmHelpTask: ({ id }, ctx) => {
    const t = find(ctx, id)
    const person = mustSpeakFor(ctx, t, '只有求助的居民或其楼长可以确认')
    if (t.status === 'confirmed') return helpTaskOf(ctx, t, person)
    if (t.status !== 'done') fail('INVALID_STATE', '志愿者还没有标记完成')
    confirm(ctx.db, t, ctx.now, false, () => ctx.nextId('tx'))
    return helpTaskOf(ctx, t, person)
  },

  disputeHelpTask: ({ id, reason }, ctx) => {
    const t = find(ctx, id)
    const person = mustSpeakFor(ctx, t, '只有求助的居民或其楼长可以提出异议')
    const view = helpTaskOf(ctx, t, person)
    if (!view.can.dispute) fail('INVALID_STATE', t.status === 'disputed' ? '已提出异议，等待社区处理' : '完成 7 天内才能提出异议')
    t.status = 'disputed'
    t.dispute = reason
    return helpTaskOf(ctx, t, person)
  },

  settleHelpTask: ({ id, minutes, note }, ctx) => {
    const staff = ctx.requireRole('staff', '仅社区工作人员可以处理互助异议')
    const t = find(ctx, id)
    if (t.status !== 'disputed') fail('INVALID_STATE', '这个请求没有待处理的异议')
    if (t.credited && minutes !== t.minutes) failField('minutes', '时长已计入时间银行，更正请在时间银行中办理')
    t.status = 'settled'
    t.settlement = note
    t.minutes = minutes
    creditHelper(ctx.db, t, minutes, ctx.nowIso, () => ctx.nextId('tx'))
    tell(ctx.db, [t.requesterId, ...(t.claimerId ? [t.claimerId] : [])], '互助异议已处理', `${title(t)}：${note}`, ctx.now, link(t.id))
    return helpTaskOf(ctx, t, staff)
  }
} satisfies Partial<H>
