// What each viewer sees of a record: parties and staff the full request (staff with contact);
// a follower what 公示 shows plus the status timeline without names; the public a masked summary.
// Every view but the parties' and staff's goes through redactView (phones, the filer's names).
import {
  categoryOf, fileUrl, isOpenStatus, REOPEN_DAYS, REQUEST_STATUS_LABELS,
  type FileRef, type Id, type PublicServiceRequest, type ServiceRequest
} from '../../types/contract'
import type { HandlerContext } from '../context'
import type { Db } from '../db'
import { fail } from '../errors'
import { ANONYMOUS_NAME, maskName, redactPhones, redactView } from '../redact'
import { contactOf, findRequest, partiesOf, placesOf, type RequestEventRecord, type ServiceRequestRecord } from './requests-store'

// One masking and one redaction for every view (mock/redact.ts); re-exported for older imports.
export { ANONYMOUS_NAME, maskName, redactPhones }

const refs = (ids: Id[]): FileRef[] => ids.map((id) => ({ id, url: fileUrl(id) }))

export type Viewer = 'staff' | 'party' | 'follower'

/** How the caller relates to a record, or null when they may not see it. */
export function viewerOf(ctx: HandlerContext, r: ServiceRequestRecord): Viewer | null {
  if (ctx.roles.includes('staff')) return 'staff'
  const me = ctx.person?.id
  if (!me) return null
  if (partiesOf(r).includes(me)) return 'party'
  return r.followers.includes(me) ? 'follower' : null
}

/**
 * The record for a caller who may see it. Another resident's request answers 404 (not 403), so
 * ids cannot be probed for existence; the message says what to check.
 */
export function visibleRequest(ctx: HandlerContext, id: string): { record: ServiceRequestRecord; viewer: Viewer } {
  ctx.member()
  const record = findRequest(ctx.db, id)
  const viewer = record ? viewerOf(ctx, record) : null
  if (!record || !viewer) fail('NOT_FOUND', '未找到这条诉求，或它不是您提交的；请在「我的诉求」中查看')
  return { record, viewer }
}

/** Names no outward view may carry: the filer and the 代办 resident (the public sees masks only). */
export const publicNames = (r: ServiceRequestRecord): string[] =>
  [r.filedBy.name, r.onBehalfOf?.name].filter((n): n is string => !!n && n !== ANONYMOUS_NAME)

/** How the filer appears to followers and the public: 匿名居民, or the masked name. */
const filerLabel = (r: ServiceRequestRecord) => (r.anonymous ? ANONYMOUS_NAME : maskName((r.onBehalfOf ?? r.filedBy).name))

/** Words a follower sees for the filer's own events (their rating comment and reopen reason stay private). */
const PARTY_EVENT_NOTE: Partial<Record<string, string>> = { rated: '居民已评价', reopened: '居民不满意，已退回重新办理' }

const isPartyEvent = (r: ServiceRequestRecord, e: RequestEventRecord, parties = partiesOf(r)) =>
  e.kind === 'submitted' || (!!e.actorId && parties.includes(e.actorId))

/** A timeline note as followers read it (before redaction): staff notes, never the filer's own words. */
export const followerNote = (r: ServiceRequestRecord, e: RequestEventRecord): string | null =>
  isPartyEvent(r, e) ? PARTY_EVENT_NOTE[e.kind] ?? null : e.note

export function toServiceRequest(db: Db, r: ServiceRequestRecord, viewer: Viewer, now: number, me: Id | null): ServiceRequest {
  const full = fullView(db, r, viewer, now, me)
  if (viewer !== 'follower') return full
  const parties = partiesOf(r)
  const follower: ServiceRequest = {
    ...full,
    // Only what 公示 shows: no answers, photos, GPS point or location note.
    answers: {},
    photos: [],
    location: { placeId: r.location.placeId, placeName: r.location.placeName, point: null, note: null },
    filedBy: { personId: null, name: filerLabel(r) },
    onBehalfOf: null,
    rating: r.rating ? { ...r.rating, comment: '' } : null,
    timeline: full.timeline.map((e, i) => {
      const byParty = isPartyEvent(r, r.events[i], parties)
      return { ...e, photos: byParty ? [] : e.photos, actorName: byParty ? filerLabel(r) : '社区工作人员', note: followerNote(r, r.events[i]) }
    })
  }
  return redactView(follower, { names: publicNames(r) })
}

function fullView(db: Db, r: ServiceRequestRecord, viewer: Viewer, now: number, me: Id | null): ServiceRequest {
  const dept = r.departmentId ? db.departments.find((d) => d.id === r.departmentId) ?? null : null
  const duplicateOf = r.duplicateOfId ? findRequest(db, r.duplicateOfId) : undefined
  const canReopen = r.status === 'closed' && !r.reopenedAt && r.closedAt && viewer === 'party'
  return {
    id: r.id,
    caseNumber: r.caseNumber,
    categoryCode: r.categoryCode,
    categoryName: categoryOf(r.categoryCode)?.name ?? '其他',
    answers: r.answers,
    description: r.description,
    photos: refs(r.photos),
    location: r.location,
    anonymous: r.anonymous,
    filedBy: r.filedBy,
    onBehalfOf: r.onBehalfOf,
    channel: r.channel,
    status: r.status,
    statusLabel: REQUEST_STATUS_LABELS[r.status],
    department: dept,
    declineReason: r.declineReason,
    duplicateOf: duplicateOf ? { id: duplicateOf.id, caseNumber: duplicateOf.caseNumber } : null,
    timeline: r.events.map((e) => ({ id: e.id, at: e.at, kind: e.kind, status: e.status, note: e.note, photos: refs(e.photos), actorName: e.actorName })),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    expectedBy: r.expectedBy,
    overdue: isOpenStatus(r.status) && now > Date.parse(r.expectedBy),
    closedAt: r.closedAt,
    rating: r.rating,
    reopenableUntil: canReopen && r.closedAt ? new Date(Date.parse(r.closedAt) + REOPEN_DAYS * 86400_000).toISOString() : null,
    reopened: !!r.reopenedAt,
    followerCount: r.followers.length,
    following: !!me && r.followers.includes(me),
    contact: viewer === 'staff' ? contactOf(db, r) : null
  }
}

/**
 * Who may follow (我也遇到了): a resident of the 小区 the place belongs to; for a community-wide
 * spot (东门, 地下车库) any resident of the community. Others get 403 with the reason.
 */
export function followProblem(db: Db, r: ServiceRequestRecord, roomId: Id | null): string | null {
  if (!roomId) return '请先绑定房屋后再关注诉求'
  const estateName = placesOf(db).find((p) => p.id === r.location.placeId)?.estateName ?? null
  if (estateName === null) return null
  const unit = db.units.find((u) => u.id === db.rooms.find((x) => x.id === roomId)?.unitId)
  const building = unit && db.buildings.find((b) => b.id === unit.buildingId)
  const estate = building && db.estates.find((e) => e.id === building.estateId)
  return estate?.name === estateName ? null : `只有${estateName}的居民可以关注这条诉求`
}

export const satisfactionOf = (r: ServiceRequestRecord) =>
  r.rating ? Math.round(((r.rating.speed + r.rating.result + r.rating.attitude) / 3) * 10) / 10 : null

export function toPublic(r: ServiceRequestRecord): PublicServiceRequest {
  return redactView(publicView(r), { names: publicNames(r) })
}

function publicView(r: ServiceRequestRecord): PublicServiceRequest {
  const closing = r.status === 'closed' ? [...r.events].reverse().find((e) => e.kind === 'closed') : undefined
  return {
    id: r.id,
    caseNumber: r.caseNumber,
    categoryName: categoryOf(r.categoryCode)?.name ?? '其他',
    description: r.description,
    placeName: r.location.placeName,
    status: r.status,
    statusLabel: REQUEST_STATUS_LABELS[r.status],
    filerName: filerLabel(r),
    createdAt: r.createdAt,
    closedAt: r.closedAt,
    result: closing?.note ?? null,
    satisfaction: satisfactionOf(r),
    followerCount: r.followers.length
  }
}
