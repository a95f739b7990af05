// 民生诉求 domain: resident handlers (file, mine, detail, 我也遇到了, rate, reopen, subscriptions),
// composed with the public and staff handlers. State machine: ./requests-machine.
import { categoryOf, expectedHoursFor, inGroup, requestEndpoints, type Id } from '../../types/contract'
import type { HandlerContext } from '../context'
import { defineDomain, type Handlers } from '../domain'
import { fail } from '../errors'
import { paginate } from '../paging'
import { ownPhotos } from './files'
import { markMessagesReadByRef } from './messages'
import { act, nextStatus, REQUEST_MACHINE } from './requests-machine'
import { notifyRequestChange } from './requests-notify'
import { publicHandlers } from './requests-public'
import { seedRequests } from './requests-seed'
import { staffHandlers } from './requests-staff'
import { fileRequest, findRequest, partiesOf, personRef, requestsOf, resolveLocation, type ServiceRequestRecord } from './requests-store'
import { followProblem, toServiceRequest, visibleRequest } from './requests-view'

const view = (ctx: HandlerContext, r: ServiceRequestRecord) => {
  const viewer = ctx.roles.includes('staff') ? 'staff' : partiesOf(r).includes(ctx.person?.id ?? '') ? 'party' : 'follower'
  return toServiceRequest(ctx.db, r, viewer, ctx.now, ctx.person?.id ?? null)
}

/** The record for an action only its requester or 代办 filer may take (rate, reopen). */
function asParty(ctx: HandlerContext, id: string, action: 'rate' | 'reopen') {
  const { record } = visibleRequest(ctx, id)
  if (!partiesOf(record).includes(ctx.member().id)) fail('FORBIDDEN', REQUEST_MACHINE[action].forbidden)
  return record
}

/** 楼长 代办: the resident must live in one of the caller's buildings. */
function onBehalfOf(ctx: HandlerContext, personId: Id) {
  const me = ctx.member()
  if (!ctx.roles.includes('building_leader')) fail('FORBIDDEN', '仅楼长可以代居民提交诉求')
  const resident = ctx.db.persons.find((p) => p.id === personId)
  const buildingId = resident?.roomId && ctx.db.units.find((u) => u.id === ctx.db.rooms.find((r) => r.id === resident.roomId)?.unitId)?.buildingId
  if (!resident || !buildingId || !me.leaderOf.includes(buildingId)) {
    fail('FORBIDDEN', '只能为您负责楼栋的居民代办诉求', { fields: { onBehalfOf: '只能为您负责楼栋的居民代办诉求' } })
  }
  return resident
}

type ResidentHandlers = Pick<Handlers<typeof requestEndpoints>,
  'createServiceRequest' | 'listMyServiceRequests' | 'getServiceRequest' | 'followServiceRequest' |
  'rateServiceRequest' | 'reopenServiceRequest' | 'recordRequestSubscription'>

const residentHandlers: ResidentHandlers = {
  createServiceRequest: (input, ctx) => {
    const me = ctx.member()
    const resident = input.onBehalfOf && input.onBehalfOf !== me.id ? onBehalfOf(ctx, input.onBehalfOf) : null
    const record = fileRequest(ctx.db, ctx.now, {
      categoryCode: input.categoryCode,
      answers: Object.fromEntries(Object.entries(input.answers).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v)),
      description: input.description,
      photos: ownPhotos(ctx, input.photos),
      location: resolveLocation(ctx.db, input.location),
      anonymous: input.anonymous,
      filedBy: personRef(me),
      onBehalfOf: resident ? personRef(resident) : null,
      channel: 'app'
    })
    // Only a 代办 resident hears about this one; the filer is the actor and sees the receipt.
    notifyRequestChange(ctx.db, record, ctx.now)
    return view(ctx, record)
  },

  listMyServiceRequests: ({ status, group, cursor, limit }, ctx) => {
    const me = ctx.member().id
    const mine = requestsOf(ctx.db)
      .filter((r) => partiesOf(r).includes(me) || r.followers.includes(me))
      .filter((r) => !status || r.status === status)
      .filter((r) => !group || inGroup(r.status, group))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    const page = paginate(mine, { cursor, limit })
    return { ...page, items: page.items.map((r) => view(ctx, r)) }
  },

  getServiceRequest: ({ id }, ctx) => {
    const { record, viewer } = visibleRequest(ctx, id)
    // Opening the request reads its status messages.
    if (markMessagesReadByRef(ctx.db, ctx.member().id, record.id, ctx.nowIso) > 0) ctx.markChanged()
    return toServiceRequest(ctx.db, record, viewer, ctx.now, ctx.person?.id ?? null)
  },

  followServiceRequest: ({ id }, ctx) => {
    const me = ctx.member().id
    // Followers see what 公示 shows plus the status timeline (see toServiceRequest); only
    // neighbours of the place may follow, so an id read off 公示 is not a key to anyone's request.
    const record = findRequest(ctx.db, id) ?? fail('NOT_FOUND', '未找到这条诉求，请刷新后重试')
    if (partiesOf(record).includes(me)) fail('INVALID_STATE', '这是您自己提交的诉求，无需关注')
    if (!ctx.roles.includes('staff')) {
      const problem = followProblem(ctx.db, record, ctx.person?.roomId ?? null)
      if (problem) fail('FORBIDDEN', problem)
    }
    nextStatus(ctx.db, record, 'follow', ctx.now)
    if (!record.followers.includes(me)) record.followers.push(me)
    return view(ctx, record)
  },

  rateServiceRequest: ({ id, speed, result, attitude, comment }, ctx) => {
    const record = asParty(ctx, id, 'rate')
    const me = ctx.member()
    const stars = `速度 ${speed} 星 · 结果 ${result} 星 · 态度 ${attitude} 星`
    act(ctx.db, record, 'rate', ctx.now, { actorName: me.name, actorId: me.id, note: comment ? `${stars}：${comment}` : stars }, () => {
      record.rating = { speed, result, attitude, comment, at: ctx.nowIso }
    })
    return view(ctx, record)
  },

  reopenServiceRequest: ({ id, reason }, ctx) => {
    const record = asParty(ctx, id, 'reopen')
    const me = ctx.member()
    act(ctx.db, record, 'reopen', ctx.now, { actorName: me.name, actorId: me.id, note: `不满意，退回：${reason}` }, () => {
      record.reopenedAt = ctx.nowIso
      record.closedAt = null
      const category = categoryOf(record.categoryCode)
      // The department gets the category's time again, from the reopening.
      if (category) record.expectedBy = new Date(ctx.now + expectedHoursFor(category, record.answers) * 3600_000).toISOString()
      // The first closure's rating stays on the timeline; the final result gets its own.
      record.rating = null
    })
    notifyRequestChange(ctx.db, record, ctx.now)
    return view(ctx, record)
  },

  recordRequestSubscription: ({ requestId, results }, ctx) => {
    const me = ctx.member()
    if (requestId) visibleRequest(ctx, requestId)
    const list = (ctx.db.requestSubscriptions ??= [])
    const added = Object.entries(results).map(([templateId, result]) => {
      const record = { templateId, result, requestId: requestId ?? null, at: ctx.nowIso, personId: me.id, sentAt: null }
      list.push(record)
      return { templateId, result, requestId: record.requestId, at: record.at }
    })
    return added
  }
}

export const requestsDomain = defineDomain({
  name: 'requests',
  endpoints: requestEndpoints,
  handlers: { ...publicHandlers, ...residentHandlers, ...staffHandlers },
  seed: seedRequests
})
