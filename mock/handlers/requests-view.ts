// What each viewer sees of a record: parties and staff the full request (staff with contact),
// followers without the filer's identity, the public a masked summary with no phone numbers.
import {
  categoryOf, fileUrl, isOpenStatus, REOPEN_DAYS, REQUEST_STATUS_LABELS,
  type FileRef, type Id, type PublicServiceRequest, type ServiceRequest
} from '../../types/contract'
import type { HandlerContext } from '../context'
import type { Db } from '../db'
import { fail } from '../errors'
import { contactOf, findRequest, partiesOf, type ServiceRequestRecord } from './requests-store'

export const ANONYMOUS_NAME = '匿名居民'
const HIDDEN_NUMBER = '【号码已隐藏】'

/** 周婷 → 周*, 欧阳娜娜 → 欧***: the public never sees a full name. */
export const maskName = (name: string) => (name.length <= 1 ? name : name[0] + '*'.repeat(name.length - 1))

/** Replaces every phone-like run of 7+ digits (spaces and dashes allowed inside) on public text. */
export const redactPhones = (text: string) =>
  text.replace(/\+?\d[\d\s-]{5,}\d/g, (m) => (m.replace(/\D/g, '').length >= 7 ? HIDDEN_NUMBER : m))

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

export function toServiceRequest(db: Db, r: ServiceRequestRecord, viewer: Viewer, now: number, me: Id | null): ServiceRequest {
  const hideFiler = viewer === 'follower'
  const dept = r.departmentId ? db.departments.find((d) => d.id === r.departmentId) ?? null : null
  const duplicateOf = r.duplicateOfId ? findRequest(db, r.duplicateOfId) : undefined
  const canReopen = r.status === 'closed' && !r.reopenedAt && r.closedAt && viewer === 'party'
  return {
    id: r.id,
    caseNumber: r.caseNumber,
    categoryCode: r.categoryCode,
    categoryName: categoryOf(r.categoryCode)?.name ?? '其他',
    answers: r.answers,
    description: hideFiler ? redactPhones(r.description) : r.description,
    photos: refs(r.photos),
    location: r.location,
    anonymous: r.anonymous,
    filedBy: hideFiler ? { personId: null, name: r.anonymous ? ANONYMOUS_NAME : maskName(r.filedBy.name) } : r.filedBy,
    onBehalfOf: hideFiler ? null : r.onBehalfOf,
    channel: r.channel,
    status: r.status,
    statusLabel: REQUEST_STATUS_LABELS[r.status],
    department: dept,
    declineReason: r.declineReason,
    duplicateOf: duplicateOf ? { id: duplicateOf.id, caseNumber: duplicateOf.caseNumber } : null,
    timeline: r.events.map((e) => ({
      id: e.id, at: e.at, kind: e.kind, status: e.status, note: e.note, photos: refs(e.photos),
      actorName: hideFiler && e.kind === 'submitted' ? (r.anonymous ? ANONYMOUS_NAME : maskName(r.filedBy.name)) : e.actorName
    })),
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

export const satisfactionOf = (r: ServiceRequestRecord) =>
  r.rating ? Math.round(((r.rating.speed + r.rating.result + r.rating.attitude) / 3) * 10) / 10 : null

export function toPublic(r: ServiceRequestRecord): PublicServiceRequest {
  const closing = r.status === 'closed' ? [...r.events].reverse().find((e) => e.kind === 'closed') : undefined
  return {
    id: r.id,
    caseNumber: r.caseNumber,
    categoryName: categoryOf(r.categoryCode)?.name ?? '其他',
    description: redactPhones(r.description),
    placeName: r.location.placeName,
    status: r.status,
    statusLabel: REQUEST_STATUS_LABELS[r.status],
    filerName: r.anonymous ? ANONYMOUS_NAME : maskName((r.onBehalfOf ?? r.filedBy).name),
    createdAt: r.createdAt,
    closedAt: r.closedAt,
    result: closing?.note ? redactPhones(closing.note) : null,
    satisfaction: satisfactionOf(r),
    followerCount: r.followers.length
  }
}
