// 通知: 楼长 and community staff post notices to buildings, units, a 小区 or the whole 社区;
// residents read them in the 首页 feed; authors see read receipts and remind those who missed it.
import * as z from 'zod/mini'
import type { Id, IsoTime, Page } from './common'
import { daySchema, idString, intSchema, pageQueryShape, stripInvisible } from './common'
import { endpoint } from './endpoint'
import type { FileRef } from './files'

export const NOTICE_TITLE_MAX = 40
export const NOTICE_BODY_MAX = 2000
export const NOTICE_PHOTOS_MAX = 3
/** 再次提醒: at most once per this window per notice. */
export const NOTICE_REMIND_INTERVAL_MS = 24 * 3600_000

export const NOTICE_CATEGORIES = ['outage', 'safety', 'activity', 'property', 'other'] as const
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number]
/** Categories whose notices always ask residents for 我已知晓 (the author may also ask on any other). */
export const ACK_CATEGORIES: readonly NoticeCategory[] = ['outage', 'safety']
/** Does a notice of this category, as the author set it, ask for 我已知晓? */
export const needsAck = (category: NoticeCategory, requiresAck: boolean | undefined) => !!requiresAck || ACK_CATEGORIES.includes(category)

export const NOTICE_CATEGORY_LABELS: Record<NoticeCategory, string> = {
  outage: '停水停电',
  safety: '安全提示',
  activity: '社区活动',
  property: '物业通知',
  other: '其他'
}

/** Who a notice is for. 楼长 may target their buildings and units; staff also an estate (小区) or the community. */
export type NoticeTargetScope = 'community' | 'estate' | 'building' | 'unit'
export interface NoticeTarget { scope: NoticeTargetScope; id: Id }
/** A target the caller may choose, with its label and (for units) the building it belongs to. */
export interface NoticeTargetOption extends NoticeTarget { label: string; parentId: Id | null }

export interface NoticeScope {
  /** The caller may publish at all (楼长 or staff). */
  canPublish: boolean
  postingAs: 'building_leader' | 'staff' | null
  options: NoticeTargetOption[]
}

export type NoticeStatus = 'published' | 'withdrawn'

export interface NoticeAuthor {
  personId: Id
  name: string
  /** `3栋楼长` or `社区工作人员`. */
  roleLabel: string
}

export interface NoticeSummary {
  id: Id
  title: string
  /** The first line or so of the body, plain text. */
  excerpt: string
  category: NoticeCategory
  pinned: boolean
  /** Last day it shows in feeds (China time, inclusive); null = no expiry. */
  expiresOn: string | null
  publishedAt: IsoTime
  editedAt: IsoTime | null
  author: NoticeAuthor
  /** `3栋、4栋2单元` */
  targetLabel: string
  photoCount: number
  /** The caller has opened it (always true for its author). */
  read: boolean
  /** An important notice: residents are asked to tap 我已知晓 (停水停电, 安全提示, or marked by its author). */
  requiresAck: boolean
  /** The caller tapped 我已知晓 (false when the notice asks for none, or for its author). */
  acknowledged: boolean
  status: NoticeStatus
}

export interface Notice extends NoticeSummary {
  body: string
  photos: FileRef[]
  targets: NoticeTarget[]
  withdrawnAt: IsoTime | null
  /** The caller wrote it: the page offers 编辑 / 撤回 / 阅读情况. */
  mine: boolean
}

/** The 楼长's history: their notices, withdrawn ones included, with read counts. */
export interface MyNoticeSummary extends NoticeSummary {
  readHouseholds: number
  targetHouseholds: number
  /** Households where someone tapped 我已知晓; null when the notice asks for none. */
  ackHouseholds: number | null
  withdrawnAt: IsoTime | null
}

export interface UnreadHousehold {
  roomId: Id
  /** `3栋2单元502` */
  label: string
  /** `王*`: the surname and one star whatever the name's length (mock/redact.ts maskName), so the list can be shown at a door without exposing names. */
  maskedName: string
}

export interface NoticeReceipts {
  noticeId: Id
  title: string
  status: NoticeStatus
  readHouseholds: number
  targetHouseholds: number
  unreadHouseholds: UnreadHousehold[]
  /** Households where someone tapped 我已知晓; null when the notice asks for none. */
  ackHouseholds: number | null
  /** Read but nobody there tapped 我已知晓 yet (empty when the notice asks for none). */
  readUnacknowledgedHouseholds: UnreadHousehold[]
  lastRemindedAt: IsoTime | null
  /** When 再次提醒 is allowed again; null = now. */
  nextRemindAt: IsoTime | null
}

/** 我已知晓: when the caller confirmed (the first time; a repeat answers the same). */
export interface NoticeAck { noticeId: Id; acknowledgedAt: IsoTime }

export interface RemindResult { remindedHouseholds: number; remindedPersons: number; nextRemindAt: IsoTime }

/** An elderly resident of the leader's buildings, for 代办 (filing a 民生诉求 on their behalf). */
export interface ElderlyResident { personId: Id; name: string; age: number; houseLabel: string }

export interface NoticeFeedPage extends Page<NoticeSummary> { unread: number }

const trimmedText = (empty: string, max: number, tooLong: string) =>
  z.string({ error: empty }).check(z.overwrite(stripInvisible), z.minLength(1, empty), z.maxLength(max, tooLong))

export const noticeDraftShape = {
  title: trimmedText('请填写标题', NOTICE_TITLE_MAX, `标题不能超过 ${NOTICE_TITLE_MAX} 个字`),
  body: trimmedText('请填写正文', NOTICE_BODY_MAX, `正文不能超过 ${NOTICE_BODY_MAX} 个字`),
  category: z.enum(NOTICE_CATEGORIES, { error: '请选择通知分类' }),
  photoIds: z._default(z.array(idString('照片编号不正确'), { error: '照片格式不正确' }).check(z.maxLength(NOTICE_PHOTOS_MAX, `最多上传 ${NOTICE_PHOTOS_MAX} 张照片`)), []),
  pinned: z._default(z.boolean({ error: '置顶选项格式不正确' }), false),
  // Ask residents for 我已知晓 (always on for 停水停电 and 安全提示, see needsAck).
  requiresAck: z._default(z.boolean({ error: '确认知晓选项格式不正确' }), false),
  // A real calendar day (not 9999-99-99 or 2026-02-30).
  expiresOn: z._default(z.nullable(daySchema('截止日期格式不正确')), null),
  targets: z.array(z.object({
    scope: z.enum(['community', 'estate', 'building', 'unit'], { error: '发布范围不正确' }),
    id: idString('发布范围不正确')
  }, { error: '发布范围不正确' }), { error: '请选择发布范围' }).check(z.minLength(1, '请选择发布范围'), z.maxLength(50, '发布范围太多，请改选整栋或整个小区'))
}
export const noticeDraftInput = z.object(noticeDraftShape)
export type NoticeDraft = z.input<typeof noticeDraftInput>

/** `YYYY-MM-DD` of an instant in China time (UTC+8, no DST), the calendar residents live by. */
export function chinaDate(at: number): string {
  return new Date(at + 8 * 3600_000).toISOString().slice(0, 10)
}

/** The same rule on both sides: an expiry day before today is refused. */
export function expiryProblem(expiresOn: string | null | undefined, now: number): string | null {
  if (!expiresOn) return null
  return expiresOn < chinaDate(now) ? '截止日期不能早于今天' : null
}

/** A notice is expired once its last day (China time) has passed. */
export const isExpired = (expiresOn: string | null, now: number) => !!expiresOn && expiresOn < chinaDate(now)

const idInput = z.object({ id: idString('缺少通知编号') })
const pageInput = z.object(pageQueryShape)

// Fixed paths come before `/notices/:id` because the router takes the first match.
export const noticeEndpoints = {
  getNoticeScope: endpoint<NoticeScope>()({
    method: 'GET', path: '/notices/scope', input: z.object({}), access: 'user',
    summary: 'Which buildings/units (楼长) or estates/community (staff) the caller may target.'
  }),
  listNoticeFeed: endpoint<NoticeFeedPage>()({
    method: 'GET', path: '/notices/feed', input: pageInput, access: 'user',
    summary: 'Notices for the caller\'s unit, building, 小区 and 社区: pinned first, then newest; expired and withdrawn dropped.'
  }),
  listMyNotices: endpoint<Page<MyNoticeSummary>>()({
    method: 'GET', path: '/notices/mine', input: pageInput, access: 'user',
    summary: 'The caller\'s own notices, newest first, withdrawn ones included (已撤回), with read counts.'
  }),
  listElderlyResidents: endpoint<ElderlyResident[]>()({
    method: 'GET', path: '/notices/elderly-residents', input: z.object({}), access: 'user',
    summary: '楼长 only: residents aged 60+ in the leader\'s buildings, for filing a 民生诉求 on their behalf (代办).'
  }),
  publishNotice: endpoint<Notice>()({
    method: 'POST', path: '/notices', input: noticeDraftInput, access: 'user',
    summary: 'Publish (楼长 within their buildings, staff anywhere); 403 只能向您负责的楼栋发布通知; messages every target resident.'
  }),
  getNotice: endpoint<Notice>()({
    method: 'GET', path: '/notices/:id', input: idInput, access: 'user',
    summary: 'Full notice; the first open by a target resident records the read receipt (and reads its messages).'
  }),
  updateNotice: endpoint<Notice>()({
    method: 'PUT', path: '/notices/:id', input: z.object({ ...noticeDraftShape, id: idInput.shape.id }), access: 'user',
    summary: 'Edit one\'s own published notice; 422 after it was withdrawn.'
  }),
  withdrawNotice: endpoint<Notice>()({
    method: 'POST', path: '/notices/:id/withdraw', input: idInput, access: 'user',
    summary: '撤回: drops out of feeds, stays in the author\'s history as 已撤回.'
  }),
  getNoticeReceipts: endpoint<NoticeReceipts>()({
    method: 'GET', path: '/notices/:id/receipts', input: idInput, access: 'user',
    summary: 'Author or staff: read households / target households and the unread households (room, masked name).'
  }),
  acknowledgeNotice: endpoint<NoticeAck>()({
    method: 'POST', path: '/notices/:id/ack', input: idInput, access: 'user',
    summary: '我已知晓 on an important notice, by a resident it is for (also a read receipt); a repeat answers the first time; 422 when the notice asks for none.'
  }),
  remindNotice: endpoint<RemindResult>()({
    method: 'POST', path: '/notices/:id/remind', input: idInput, access: 'user',
    summary: '提醒 the households that have not read it (for an important notice: not confirmed 我已知晓); once per 24 h per notice, else 429 with retryAt.'
  }),
  seedNoticeFixture: endpoint<{ created: number }>()({
    method: 'POST', path: '/demo/notice-fixture',
    input: z.object({
      buildingId: idString('请选择楼栋'),
      count: intSchema(1, 2000, '数量应为 1–2000')
    }),
    access: 'public',
    summary: 'Mock only: add the perf fixture (N short notices to one building) for the feed benchmark.'
  })
}
