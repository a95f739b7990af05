// 民生诉求 (service requests): residents file with photos and a place, staff handle them through
// one state machine, residents rate or reopen. Catalogue and geo helpers: ./requests-catalog.
//
// Status machine (enforced in mock/handlers/requests-machine.ts; illegal → 422 INVALID_STATE):
//   submitted ──accept──> accepted ──dispatch──> dispatched ──note──> in_progress ──close──> closed
//   submitted|accepted ──decline──> declined        submitted|accepted ──duplicate──> duplicate
//   accepted|dispatched|in_progress ──close──> closed   accepted ──note──> accepted (note only)
//   closed ──reopen (once, ≤ 7 days after closing, requester)──> in_progress (same department;
//     the rating of the first closure is cleared so the final result can be rated)
//   closed ──rate (once per closure, requester)──> closed
//
// Open311 GeoReport v2 mapping (mock/open311.ts): service_code = category code;
// service_request_id = our id (sr_0001); status and status_notes:
//   submitted   → open    "已提交，等待社区受理"
//   accepted    → open    "已受理"
//   dispatched  → open    "已派单至<部门>"
//   in_progress → open    latest progress note (or "处理中")
//   closed      → closed  the closing result text
//   declined    → closed  "不予受理：<理由>"
//   duplicate   → closed  "重复诉求，已合并至 <立案编号>"
// agency_responsible = the department's name; expected_datetime = expectedBy.
import * as z from 'zod/mini'
import { boundedRecord, geoPointSchema, idString, intSchema, pageQueryShape, queryNumber, stripInvisible, type Page } from './common'
import { endpoint } from './endpoint'
import {
  answerProblems, ANSWER_TEXT_MAX, categoryOf, CATEGORY_CODES, REQUEST_GROUPS, REQUEST_STATUSES,
  type Place, type PlaceMatch, type RequestCategory
} from './requests-catalog'
import type { Department, PublicServiceRequest, QuickAnswer, RequestStats, ServiceRequest, SimilarRequest, SubscriptionRecord } from './requests-model'

export * from './requests-catalog'
export * from './requests-model'

/** "路灯坏了" is enough: the category and the place say the rest. */
export const DESCRIPTION_MIN = 4
export const DESCRIPTION_MAX = 500
export const PHOTOS_MAX = 9
export const NOTE_MAX = 500
export const REOPEN_DAYS = 7
/** Extra questions per category are few; a map of more keys is not an answer sheet. */
export const ANSWERS_MAX = 20
/** wx.requestSubscribeMessage takes at most 3 templates per call; a little room for the future. */
export const SUBSCRIPTIONS_MAX = 10

// ---- Input schemas (every check has its own Chinese message, shown beside the field) ----

const id = (msg: string) => idString(msg)
// Invisible characters are stripped before the length check: a zero-width-only text is empty.
const text = (label: string, min: number, max: number) => z.string({ error: `请填写${label}` }).check(
  z.overwrite(stripInvisible),
  z.minLength(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`),
  z.maxLength(max, `${label}不能超过 ${max} 个字`)
)
const photoIds = z._default(z.array(id('照片编号不正确'), { error: '照片格式不正确' })
  .check(z.maxLength(PHOTOS_MAX, `最多上传 ${PHOTOS_MAX} 张照片`)), [])

export const locationInput = z.object({
  placeId: id('请选择地点'),
  point: z.optional(geoPointSchema),
  note: z.optional(z.string({ error: '位置补充格式不正确' }).check(z.overwrite(stripInvisible), z.maxLength(100, '位置补充不能超过 100 个字')))
}, { error: '请选择地点' })

export const createRequestInput = z.object({
  categoryCode: z.enum(CATEGORY_CODES, { error: '诉求类别不存在，请重新选择' }),
  answers: z._default(boundedRecord(z.string({ error: '回答格式不正确' }).check(z.maxLength(ANSWER_TEXT_MAX, `回答不能超过 ${ANSWER_TEXT_MAX} 个字`)), ANSWERS_MAX, '补充问题格式不正确'), {}),
  description: text('问题描述', DESCRIPTION_MIN, DESCRIPTION_MAX),
  photos: photoIds,
  location: locationInput,
  anonymous: z._default(z.boolean({ error: '匿名选项格式不正确' }), false),
  /** 楼长 代办: the resident's person id (must live in a building the 楼长 leads). */
  onBehalfOf: z.optional(id('请选择代办的居民'))
}).check(z.superRefine((input, ctx) => {
  // Runs even when other fields failed, so the form shows every problem at once.
  if (typeof input !== 'object' || input === null) return
  const raw = input as { categoryCode?: unknown; answers?: unknown }
  const category = typeof raw.categoryCode === 'string' ? categoryOf(raw.categoryCode) : undefined
  const answers = raw.answers ?? {}
  if (!category || typeof answers !== 'object' || answers === null || Array.isArray(answers)) return
  for (const [code, message] of Object.entries(answerProblems(category, answers as Record<string, string>))) {
    ctx.addIssue({ code: 'custom', message, path: ['answers', code], input: answers })
  }
}, { when: () => true }))

const statusFilter = z.optional(z.enum(REQUEST_STATUSES, { error: '状态筛选不正确' }))
const groupFilter = z.optional(z.enum(REQUEST_GROUPS, { error: '筛选不正确' }))
const byId = z.object({ id: id('缺少诉求编号') })
// JSON integers only: `true`, `[5]` and `"0x2"` are refused, not coerced to stars.
const star = (label: string) => intSchema(1, 5, `请为${label}打 1–5 星`)
const optionalNote = z.optional(z.string({ error: '备注格式不正确' }).check(z.overwrite(stripInvisible), z.maxLength(NOTE_MAX, `备注不能超过 ${NOTE_MAX} 个字`)))

export const rateInput = z.object({
  id: id('缺少诉求编号'),
  speed: star('办理速度'),
  result: star('办理结果'),
  attitude: star('服务态度'),
  comment: z._default(z.string({ error: '评价格式不正确' }).check(z.overwrite(stripInvisible), z.maxLength(200, '评价不能超过 200 个字')), '')
})
export const reopenInput = z.object({ id: id('缺少诉求编号'), reason: text('退回理由', 5, 200) })
export const declineInput = z.object({ id: id('缺少诉求编号'), reason: text('不予受理的理由', 5, 200) })
export const duplicateInput = z.object({ id: id('缺少诉求编号'), duplicateOf: id('请填写重复的原诉求编号') })
export const dispatchInput = z.object({ id: id('缺少诉求编号'), departmentId: id('请选择派单部门'), note: optionalNote })
export const noteInput = z.object({ id: id('缺少诉求编号'), note: text('处理进展', 2, NOTE_MAX), photos: photoIds })
export const closeInput = z.object({ id: id('缺少诉求编号'), result: text('办理结果', 5, NOTE_MAX), photos: photoIds })
const lat = queryNumber(-90, 90, '纬度不正确')
const lng = queryNumber(-180, 180, '经度不正确')

export const requestEndpoints = {
  // Static paths first: the router tries patterns in this order and /requests/:id would swallow them.
  listRequestCategories: endpoint<RequestCategory[]>()({
    method: 'GET', path: '/requests/categories', input: z.object({}), access: 'public',
    summary: 'The seeded categories with their extra questions (Open311 service attributes) and expected hours.'
  }),
  listRequestPlaces: endpoint<Place[]>()({
    method: 'GET', path: '/requests/places', input: z.object({}), access: 'public',
    summary: 'Buildings and public spots (东门, 地下车库 …) a request can be located at.'
  }),
  locateRequestPlace: endpoint<PlaceMatch>()({
    method: 'GET', path: '/requests/places/nearest', input: z.object({ lat, lng }), access: 'public',
    summary: 'Nearest place to a GPS point (same as nearestPlace() in the contract); 422 您所在的位置不在本社区范围内 beyond 300 m.'
  }),
  listDispatchDepartments: endpoint<Department[]>()({
    method: 'GET', path: '/requests/departments', input: z.object({}), access: 'user',
    summary: 'Departments staff dispatch to (物业, 城管, 水务, 交通, 社区).'
  }),
  createServiceRequest: endpoint<ServiceRequest>()({
    method: 'POST', path: '/requests', input: createRequestInput, access: 'user',
    summary: 'File a request (idempotent by key); issues the 立案编号 and expectedBy. 403 when 代办 for someone outside the 楼长\'s buildings.'
  }),
  listMyServiceRequests: endpoint<Page<ServiceRequest>>()({
    method: 'GET', path: '/requests/mine', input: z.object({ status: statusFilter, group: groupFilter, ...pageQueryShape }), access: 'user',
    summary: 'Requests the caller filed, was filed for, or follows; newest first; by status, or by group (open = 办理中, done = 已办结 incl. 不予受理/重复).'
  }),
  listPublicServiceRequests: endpoint<Page<PublicServiceRequest>>()({
    method: 'GET', path: '/requests/public', input: z.object({ ...pageQueryShape }), access: 'public',
    summary: '公示: recent requests, masked names, no phone numbers; declined and duplicates left out.'
  }),
  getServiceRequestStats: endpoint<RequestStats>()({
    method: 'GET', path: '/requests/stats',
    input: z.object({ month: z.optional(z.string({ error: '月份格式应为 2026-11' }).check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-11'))) }),
    access: 'public',
    summary: 'A month\'s figures (default: this month, UTC+8): filed, closed, resolution rate, median hours to close, mean satisfaction.'
  }),
  findSimilarServiceRequests: endpoint<SimilarRequest[]>()({
    method: 'GET', path: '/requests/similar',
    input: z.object({ categoryCode: z.enum(CATEGORY_CODES, { error: '诉求类别不存在，请重新选择' }), placeId: id('请选择地点'), lat: z.optional(lat), lng: z.optional(lng) }),
    access: 'user',
    summary: 'Open requests of the same category at the same place or within 100 m, for 我也遇到了.'
  }),
  matchQuickAnswers: endpoint<QuickAnswer[]>()({
    method: 'GET', path: '/requests/quick-answers',
    input: z.object({ text: z._default(z.string({ error: '请输入问题描述' }).check(z.maxLength(DESCRIPTION_MAX, `问题描述不能超过 ${DESCRIPTION_MAX} 个字`)), '') }),
    access: 'public',
    summary: '秒回: ready answers whose keywords appear in the text (停水 → 计划停水公告, 快递 → 快递柜位置 …).'
  }),
  recordRequestSubscription: endpoint<SubscriptionRecord[]>()({
    method: 'POST', path: '/requests/subscriptions',
    input: z.object({
      requestId: z.optional(id('缺少诉求编号')),
      results: boundedRecord(z.enum(['accept', 'reject', 'ban', 'filter'], { error: '订阅结果不正确' }), SUBSCRIPTIONS_MAX, `缺少订阅结果，或一次超过 ${SUBSCRIPTIONS_MAX} 个`)
    }),
    access: 'user',
    summary: 'Record a wx.requestSubscribeMessage result ({ templateId: accept|reject|ban|filter }).'
  }),
  listStaffServiceRequests: endpoint<Page<ServiceRequest>>()({
    method: 'GET', path: '/staff/requests', input: z.object({ status: statusFilter, ...pageQueryShape }), access: 'user',
    summary: 'Staff queue, oldest open first; status filter. 403 仅社区工作人员可以查看诉求工单.'
  }),
  getServiceRequest: endpoint<ServiceRequest>()({
    method: 'GET', path: '/requests/:id', input: byId, access: 'user',
    summary: 'One request for its requester, its 代办 filer, a follower, or staff; anyone else gets 404 (we do not confirm that the id exists).'
  }),
  followServiceRequest: endpoint<ServiceRequest>()({
    method: 'POST', path: '/requests/:id/follow', input: byId, access: 'user',
    summary: '我也遇到了: follow an open request instead of filing a duplicate (repeat follows are no-ops).'
  }),
  rateServiceRequest: endpoint<ServiceRequest>()({
    method: 'POST', path: '/requests/:id/rate', input: rateInput, access: 'user',
    summary: 'Requester rates a closed request 1–5 for 速度/结果/态度; once per closure.'
  }),
  reopenServiceRequest: endpoint<ServiceRequest>()({
    method: 'POST', path: '/requests/:id/reopen', input: reopenInput, access: 'user',
    summary: '不满意，退回: once, within 7 days of closure, back to in_progress with the same department.'
  }),
  acceptServiceRequest: endpoint<ServiceRequest>()({
    method: 'POST', path: '/staff/requests/:id/accept', input: z.object({ id: id('缺少诉求编号'), note: optionalNote }), access: 'user',
    summary: 'Staff: 受理 (立案) a submitted request.'
  }),
  declineServiceRequest: endpoint<ServiceRequest>()({
    method: 'POST', path: '/staff/requests/:id/decline', input: declineInput, access: 'user',
    summary: 'Staff: 不予受理 with a reason.'
  }),
  markServiceRequestDuplicate: endpoint<ServiceRequest>()({
    method: 'POST', path: '/staff/requests/:id/duplicate', input: duplicateInput, access: 'user',
    summary: 'Staff: mark as a duplicate of another open or closed request (id or 立案编号); the filer then follows the original.'
  }),
  dispatchServiceRequest: endpoint<ServiceRequest>()({
    method: 'POST', path: '/staff/requests/:id/dispatch', input: dispatchInput, access: 'user',
    summary: 'Staff: 派单 an accepted request to a department (once).'
  }),
  addServiceRequestNote: endpoint<ServiceRequest>()({
    method: 'POST', path: '/staff/requests/:id/notes', input: noteInput, access: 'user',
    summary: 'Staff: progress note with photos; a dispatched request becomes in_progress.'
  }),
  closeServiceRequest: endpoint<ServiceRequest>()({
    method: 'POST', path: '/staff/requests/:id/close', input: closeInput, access: 'user',
    summary: 'Staff: 办结 with a result text and photos.'
  })
}
