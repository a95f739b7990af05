// 民生诉求 catalogue shared by app and mock: categories with their extra questions (Open311
// service attributes), expected handling times, status labels, and nearest-place matching.
import type { GeoPoint, Id } from './common'

export const CATEGORY_CODES = ['streetlight', 'sanitation', 'safety', 'noise', 'facility', 'property', 'other'] as const
export type CategoryCode = (typeof CATEGORY_CODES)[number]

/** One extra question of a category, shaped like an Open311 service attribute. */
export interface CategoryAttribute {
  code: string
  label: string
  datatype: 'singlevaluelist' | 'text' | 'number'
  required: boolean
  /** Choices for `singlevaluelist`: `key` is stored in answers, `name` is shown. */
  values?: { key: string; name: string }[]
  /** Shown under the field, e.g. 例：3. */
  hint?: string
}

export interface RequestCategory {
  code: CategoryCode
  name: string
  description: string
  /** Expected hours from filing to closure; drives 预计办结时间 and the overdue marker. */
  expectedHours: number
  /** Department staff usually dispatch this category to (a suggestion, not a rule). */
  suggestedDepartmentId: Id
  attributes: CategoryAttribute[]
}

const YES_NO = [{ key: 'yes', name: '是' }, { key: 'no', name: '否' }]

export const REQUEST_CATEGORIES: RequestCategory[] = [
  {
    code: 'streetlight', name: '路灯照明', description: '路灯、楼道灯、景观灯不亮或异常', expectedHours: 72, suggestedDepartmentId: 'd_property',
    attributes: [
      { code: 'lamp_state', label: '灯的状态', datatype: 'singlevaluelist', required: true, values: [{ key: 'off', name: '不亮' }, { key: 'flicker', name: '闪烁' }, { key: 'day_on', name: '白天常亮' }] },
      { code: 'lamp_count', label: '涉及几盏灯', datatype: 'number', required: false, hint: '例：2' }
    ]
  },
  {
    code: 'sanitation', name: '环境卫生', description: '垃圾堆积、污水外溢、蚊虫鼠患', expectedHours: 24, suggestedDepartmentId: 'd_property',
    attributes: [
      { code: 'issue_type', label: '问题类型', datatype: 'singlevaluelist', required: true, values: [{ key: 'garbage', name: '垃圾堆积' }, { key: 'sewage', name: '污水外溢' }, { key: 'pests', name: '蚊虫鼠患' }, { key: 'other', name: '其他' }] }
    ]
  },
  {
    code: 'safety', name: '安全隐患', description: '消防通道堵塞、私拉电线、高空坠物风险', expectedHours: 24, suggestedDepartmentId: 'd_community',
    attributes: [
      { code: 'urgent', label: '是否紧急', datatype: 'singlevaluelist', required: true, values: YES_NO, hint: '紧急隐患 4 小时内处置；危及生命请直接拨打 119/110' },
      { code: 'hazard_type', label: '隐患类型', datatype: 'singlevaluelist', required: false, values: [{ key: 'fire_lane', name: '消防通道堵塞' }, { key: 'wiring', name: '私拉电线' }, { key: 'falling', name: '高空坠物风险' }, { key: 'damage', name: '设施破损' }, { key: 'other', name: '其他' }] }
    ]
  },
  {
    code: 'noise', name: '噪音扰民', description: '装修、广场舞、商铺等噪音', expectedHours: 48, suggestedDepartmentId: 'd_community',
    attributes: [
      { code: 'period', label: '时段', datatype: 'singlevaluelist', required: true, values: [{ key: 'day', name: '白天（8:00–12:00、14:00–22:00）' }, { key: 'noon', name: '午休（12:00–14:00）' }, { key: 'night', name: '夜间（22:00–次日 8:00）' }] },
      { code: 'source', label: '噪音来源', datatype: 'singlevaluelist', required: false, values: [{ key: 'renovation', name: '装修' }, { key: 'dance', name: '广场舞' }, { key: 'shop', name: '商铺' }, { key: 'pets', name: '宠物' }, { key: 'other', name: '其他' }] }
    ]
  },
  {
    code: 'facility', name: '公共设施', description: '电梯、门禁、健身器材、道路井盖损坏', expectedHours: 120, suggestedDepartmentId: 'd_property',
    attributes: [
      { code: 'facility_type', label: '设施类型', datatype: 'singlevaluelist', required: true, values: [{ key: 'elevator', name: '电梯' }, { key: 'door', name: '单元门禁' }, { key: 'fitness', name: '健身器材' }, { key: 'road', name: '道路井盖' }, { key: 'other', name: '其他' }] }
    ]
  },
  {
    code: 'property', name: '物业服务', description: '报修、停车、收费和服务态度', expectedHours: 72, suggestedDepartmentId: 'd_property',
    attributes: [
      { code: 'topic', label: '问题类型', datatype: 'singlevaluelist', required: true, values: [{ key: 'repair', name: '报修' }, { key: 'parking', name: '停车' }, { key: 'fee', name: '收费' }, { key: 'service', name: '服务态度' }, { key: 'other', name: '其他' }] }
    ]
  },
  {
    code: 'other', name: '其他', description: '以上都不是', expectedHours: 120, suggestedDepartmentId: 'd_community',
    attributes: [{ code: 'summary', label: '一句话概括', datatype: 'text', required: false, hint: '例：小区外墙广告牌松动' }]
  }
]

export const ANSWER_TEXT_MAX = 100
export const URGENT_HOURS = 4

export const categoryOf = (code: string): RequestCategory | undefined => REQUEST_CATEGORIES.find((c) => c.code === code)

/** Hours to closure for a new request: urgent 安全隐患 are due within 4 hours. */
export function expectedHoursFor(category: RequestCategory, answers: Record<string, string>): number {
  return category.code === 'safety' && answers.urgent === 'yes' ? URGENT_HOURS : category.expectedHours
}

/** Chinese message per attribute code for missing or malformed answers; empty when the answers fit. */
export function answerProblems(category: RequestCategory, answers: Record<string, string>): Record<string, string> {
  const problems: Record<string, string> = {}
  for (const a of category.attributes) {
    const value = String(answers[a.code] ?? '').trim()
    if (!value) {
      if (a.required) problems[a.code] = a.datatype === 'singlevaluelist' ? `请选择${a.label}` : `请填写${a.label}`
      continue
    }
    if (a.datatype === 'singlevaluelist' && !a.values?.some((v) => v.key === value)) problems[a.code] = `请从选项中选择${a.label}`
    if (a.datatype === 'number' && !/^\d{1,6}(\.\d{1,2})?$/.test(value)) problems[a.code] = `${a.label}请填写数字`
    if (a.datatype === 'text' && value.length > ANSWER_TEXT_MAX) problems[a.code] = `${a.label}不能超过 ${ANSWER_TEXT_MAX} 个字`
  }
  for (const key of Object.keys(answers)) {
    if (!category.attributes.some((a) => a.code === key)) problems[key] = '该问题不属于所选类别，请重新填写'
  }
  return problems
}

export type RequestStatus = 'submitted' | 'accepted' | 'dispatched' | 'in_progress' | 'closed' | 'declined' | 'duplicate'
export const REQUEST_STATUSES: RequestStatus[] = ['submitted', 'accepted', 'dispatched', 'in_progress', 'closed', 'declined', 'duplicate']
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  dispatched: '已派单',
  in_progress: '处理中',
  closed: '已办结',
  declined: '不予受理',
  duplicate: '重复'
}
/** Statuses in which the request is still being worked on (others are final, except a reopen). */
export const OPEN_STATUSES: RequestStatus[] = ['submitted', 'accepted', 'dispatched', 'in_progress']
export const isOpenStatus = (s: RequestStatus) => OPEN_STATUSES.includes(s)
/** How a resident thinks of their requests: still being handled, or finished (办结, 不予受理, 重复). */
export const REQUEST_GROUPS = ['open', 'done'] as const
export type RequestGroup = (typeof REQUEST_GROUPS)[number]
export const REQUEST_GROUP_LABELS: Record<RequestGroup, string> = { open: '办理中', done: '已办结' }
export const inGroup = (s: RequestStatus, g: RequestGroup) => (g === 'open') === isOpenStatus(s)

// ---- Places and GPS matching ----

/** A building (id `b_3`) or a public spot (id `s_east_gate`) a request can be located at. */
export interface Place {
  id: Id
  name: string
  kind: 'building' | 'spot'
  location: GeoPoint
  /** 小区 the place belongs to, e.g. 桂花苑; null for community-wide spots (东门). */
  estateName: string | null
}

/** A GPS point farther than this from every place is outside the community. */
export const MAX_PLACE_DISTANCE_M = 300
/** Open requests of the same category within this distance count as possible duplicates. */
export const SIMILAR_RADIUS_M = 100
export const OUTSIDE_COMMUNITY_MESSAGE = '您所在的位置不在本社区范围内，请手动选择地点'

/** Great-circle distance in metres (haversine). */
export function distanceMeters(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * 6371000 * Math.asin(Math.min(1, Math.sqrt(h)))
}

export interface PlaceMatch { place: Place; distanceMeters: number }

/** The nearest place within `maxMeters`, or null when the point is outside the community. */
export function nearestPlace(places: readonly Place[], point: GeoPoint, maxMeters = MAX_PLACE_DISTANCE_M): PlaceMatch | null {
  let best: PlaceMatch | null = null
  for (const place of places) {
    const d = distanceMeters(point, place.location)
    if (!best || d < best.distanceMeters) best = { place, distanceMeters: Math.round(d) }
  }
  return best && best.distanceMeters <= maxMeters ? best : null
}
