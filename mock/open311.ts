// Open311 GeoReport v2 over the same store as /api (`npm run mock` serves it under /open311/v2/):
// services, service definitions, requests GET/POST, one request, tokens. JSON only.
// Status mapping (our statuses → open/closed + status_notes): see types/contract/requests.ts.
import {
  categoryOf, createRequestInput, fileUrl, nearestPlace, OUTSIDE_COMMUNITY_MESSAGE, REQUEST_CATEGORIES,
  type CategoryCode
} from '../types/contract'
import type { MockBackend } from './backend'
import type { Db } from './db'
import { MockFailure } from './errors'
import { fileRequest, placesOf, requestsOf, type ServiceRequestRecord } from './handlers/requests-store'
import { bodyProblem } from './bounds'
import { publicNames } from './handlers/requests-view'
import { redactView } from './redact'
import { secretToken } from './secrets'
import type { ExtraRoute, HttpReply, HttpRequestInfo } from './server'

export const OPEN311_PREFIX = '/open311/v2/'
/** API keys for POST; `linli-demo` is the documented demo key. */
export const OPEN311_API_KEYS: Record<string, string> = { 'linli-demo': '开放平台演示' }
const JURISDICTION = 'linli.xingfuli'
const DEFAULT_DAYS = 90
const MAX_RESULTS = 1000

/** GeoReport errors are a list of `{ code, description }` with the HTTP status as code. */
const error = (status: number, description: string): HttpReply => ({ status, body: [{ code: status, description }] })
const ok = (body: unknown): HttpReply => ({ status: 200, body })

function statusNotes(db: Db, r: ServiceRequestRecord): string {
  const dept = db.departments.find((d) => d.id === r.departmentId)?.name
  const last = [...r.events].reverse()
  switch (r.status) {
    case 'submitted': return '已提交，等待社区受理'
    case 'accepted': return '已受理'
    case 'dispatched': return `已派单至${dept ?? '相关部门'}`
    // Staff notes only: a reopen reason is the filer's own words and stays off the public record.
    case 'in_progress': return last.find((e) => e.kind === 'note')?.note ?? (r.reopenedAt ? '居民不满意，已退回重新办理' : '处理中')
    case 'closed': return last.find((e) => e.kind === 'closed')?.note ?? '已办结'
    case 'declined': return `不予受理：${r.declineReason ?? ''}`
    case 'duplicate': return `重复诉求，已合并至 ${requestsOf(db).find((o) => o.id === r.duplicateOfId)?.caseNumber ?? ''}`
  }
}

/** One request in GeoReport shape; public data only, through the one redaction (no names, no phones). */
export function toGeoReport(db: Db, r: ServiceRequestRecord, origin: string) {
  return redactView(geoReport(db, r, origin), { names: publicNames(r) })
}

function geoReport(db: Db, r: ServiceRequestRecord, origin: string) {
  const point = r.location.point ?? placesOf(db).find((p) => p.id === r.location.placeId)?.location ?? null
  const open = r.status !== 'closed' && r.status !== 'declined' && r.status !== 'duplicate'
  return {
    service_request_id: r.id,
    status: open ? 'open' : 'closed',
    status_notes: statusNotes(db, r),
    service_name: categoryOf(r.categoryCode)?.name ?? '其他',
    service_code: r.categoryCode,
    description: r.description,
    agency_responsible: db.departments.find((d) => d.id === r.departmentId)?.name ?? null,
    service_notice: `立案编号 ${r.caseNumber}`,
    requested_datetime: r.createdAt,
    updated_datetime: r.updatedAt,
    expected_datetime: r.expectedBy,
    address: [r.location.placeName, r.location.note].filter(Boolean).join(' '),
    address_id: r.location.placeId,
    zipcode: null,
    lat: point?.lat ?? null,
    long: point?.lng ?? null,
    media_url: r.photos[0] ? `${origin}/api${fileUrl(r.photos[0])}` : null
  }
}

function services() {
  return REQUEST_CATEGORIES.map((c) => ({
    service_code: c.code, service_name: c.name, description: c.description,
    metadata: c.attributes.length > 0, type: 'realtime', keywords: c.name, group: '民生诉求'
  }))
}

function definition(code: string) {
  const c = categoryOf(code)
  if (!c) return null
  return {
    service_code: c.code,
    attributes: c.attributes.map((a, i) => ({
      variable: true, code: a.code, datatype: a.datatype, required: a.required,
      datatype_description: a.hint ?? null, order: i + 1, description: a.label,
      ...(a.values ? { values: a.values } : {})
    }))
  }
}

const parseDate = (s: string | undefined) => (s === undefined ? undefined : Date.parse(s))

const MAX_IDS = 50
const QUERY_VALUE_MAX = 2000

function listRequests(db: Db, q: Record<string, string>, now: number, origin: string): HttpReply {
  const all = requestsOf(db)
  if (Object.values(q).some((v) => v.length > QUERY_VALUE_MAX)) return error(400, `查询参数不能超过 ${QUERY_VALUE_MAX} 个字符`)
  if (q.service_request_id) {
    const ids = q.service_request_id.split(',').map((s) => s.trim())
    if (ids.length > MAX_IDS) return error(400, `service_request_id 一次最多 ${MAX_IDS} 个`)
    return ok(all.filter((r) => ids.includes(r.id) || ids.includes(r.caseNumber)).map((r) => toGeoReport(db, r, origin)))
  }
  const start = parseDate(q.start_date) ?? now - DEFAULT_DAYS * 86400_000
  const end = parseDate(q.end_date) ?? Infinity
  if (Number.isNaN(start) || Number.isNaN(end)) return error(400, 'start_date / end_date 须为 W3C 日期时间，例如 2026-11-01T00:00:00+08:00')
  if (q.status && q.status !== 'open' && q.status !== 'closed') return error(400, 'status 只能是 open 或 closed')
  const codes = q.service_code ? q.service_code.split(',') : null
  const items = all
    .filter((r) => !codes || codes.includes(r.categoryCode))
    .filter((r) => { const t = Date.parse(r.createdAt); return t >= start && t <= end })
    .map((r) => toGeoReport(db, r, origin))
    .filter((g) => !q.status || g.status === q.status)
    .sort((a, b) => b.requested_datetime.localeCompare(a.requested_datetime))
  return ok(items.slice(0, MAX_RESULTS))
}

/** Bounds of the free-text fields GeoReport takes beside the schema's own (description, address). */
export const OPEN311_FIELD_MAX: Record<string, number> = {
  api_key: 64, service_code: 32, address_id: 64, lat: 32, long: 32, address_string: 100,
  first_name: 20, last_name: 20, email: 100, phone: 30, device_id: 64, account_id: 64, media_url: 500
}

class FieldProblem extends Error {}

/** A form or JSON field as text: strings and numbers only (never an object's toString), bounded. */
function textField(body: Record<string, unknown>, k: string, max = OPEN311_FIELD_MAX[k] ?? 1000): string | undefined {
  const v = Object.prototype.hasOwnProperty.call(body, k) ? body[k] : undefined
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v))) throw new FieldProblem(`${k} 须为文本`)
  const s = String(v).trim()
  if (s.length > max) throw new FieldProblem(`${k} 不能超过 ${max} 个字符`)
  return s === '' ? undefined : s
}

/** `attribute[lamp_state]=off` (form) or `attribute: { lamp_state: 'off' }` (JSON). */
function attributesOf(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {}
  const nested = body.attribute
  if (nested !== undefined && (typeof nested !== 'object' || nested === null || Array.isArray(nested))) throw new FieldProblem('attribute 须为对象')
  const add = (code: string, v: unknown) => {
    if (code.length > 64) throw new FieldProblem('attribute 的名称太长')
    const s = textField({ v }, 'v', 200)
    if (s !== undefined) out[code] = s
  }
  for (const [k, v] of Object.entries((nested ?? {}) as Record<string, unknown>)) add(k, v)
  for (const [k, v] of Object.entries(body)) {
    const m = /^attribute\[(.+)\]$/.exec(k)
    if (m) add(m[1], v)
  }
  if (Object.keys(out).length > 20) throw new FieldProblem('attribute 太多')
  return out
}

function createRequest(backend: MockBackend, body: Record<string, unknown>, now: number): HttpReply {
  try {
    return createChecked(backend, body, now)
  } catch (e) {
    if (e instanceof FieldProblem) return error(400, e.message)
    throw e
  }
}

function createChecked(backend: MockBackend, body: Record<string, unknown>, now: number): HttpReply {
  const str = (k: string) => textField(body, k)
  const key = str('api_key')
  if (!key) return error(403, '缺少 api_key')
  if (!OPEN311_API_KEYS[key]) return error(403, 'api_key 无效')
  const db = backend.db()
  const code = str('service_code')
  if (!code || !categoryOf(code)) return error(404, `service_code 不存在：${code ?? ''}`)
  const lat = str('lat'); const lng = str('long')
  let placeId = str('address_id')
  // address_id must name one of our places: anything else would be stored as a place.
  if (placeId !== undefined && !placesOf(db).some((p) => p.id === placeId)) return error(400, `address_id 不存在：${placeId}`)
  const mediaUrl = str('media_url')
  if (mediaUrl !== undefined && !/^https?:\/\/[^\s]+$/i.test(mediaUrl)) return error(400, 'media_url 须为 http(s) 链接')
  const contact = str('phone') ?? str('email') ?? ''
  const name = `${str('last_name') ?? ''}${str('first_name') ?? ''}` || 'Open311 用户'
  let point: { lat: number; lng: number } | undefined
  if ((lat === undefined) !== (lng === undefined)) return error(400, 'lat 与 long 须同时提供')
  if (lat !== undefined && lng !== undefined) {
    const decimal = /^-?\d{1,3}(\.\d{1,12})?$/
    if (!decimal.test(lat) || !decimal.test(lng)) return error(400, 'lat / long 须为数字')
    point = { lat: Number(lat), lng: Number(lng) }
    if (Math.abs(point.lat) > 90 || Math.abs(point.lng) > 180) return error(400, 'lat / long 超出范围')
    const match = nearestPlace(placesOf(db), point)
    if (!match) return error(400, OUTSIDE_COMMUNITY_MESSAGE)
    placeId ??= match.place.id
  }
  const address = str('address_string')
  placeId ??= address ? placesOf(db).find((p) => address.includes(p.name))?.id : undefined
  if (!placeId) return error(400, '请提供 lat/long、address_id，或包含楼栋/地点名称的 address_string')
  const parsed = createRequestInput.safeParse({
    categoryCode: code, answers: attributesOf(body), description: str('description') ?? '',
    location: { placeId, point, note: address }, anonymous: true
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue.path.join('.').replace(/^answers\./, 'attribute.').replace(/^location\.note$/, 'address_string')
    return error(400, `${field}：${issue.message}`)
  }
  try {
    const record = fileRequest(db, now, {
      categoryCode: parsed.data.categoryCode as CategoryCode,
      answers: parsed.data.answers,
      description: parsed.data.description,
      photos: [],
      location: {
        placeId, placeName: placesOf(db).find((p) => p.id === placeId)?.name ?? placeId,
        point: point ?? null, note: [address, mediaUrl ? `照片：${mediaUrl}` : undefined].filter(Boolean).join(' ') || null
      },
      anonymous: true,
      filedBy: { personId: null, name },
      onBehalfOf: null,
      channel: 'open311',
      externalContact: { name, phone: contact },
      open311Token: secretToken(16)
    })
    backend.persist()
    return ok([{ service_request_id: record.id, token: record.open311Token, service_notice: `立案编号 ${record.caseNumber}，预计 ${record.expectedBy} 前办结`, account_id: null }])
  } catch (e) {
    if (e instanceof MockFailure) return error(e.status, e.body.message)
    throw e
  }
}

class BadBody extends Error {}

function formBody(request: HttpRequestInfo): Record<string, unknown> {
  const text = request.raw.toString('utf8')
  if (!text.trim()) return {}
  if (!request.contentType.toLowerCase().startsWith('application/json')) return Object.fromEntries(new URLSearchParams(text))
  const parsed = JSON.parse(text) as unknown
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new BadBody('请求体须为 JSON 对象')
  const problem = bodyProblem(parsed)
  if (problem) throw new BadBody(problem)
  return parsed as Record<string, unknown>
}

export function createOpen311Route(options: { now?: () => number } = {}): ExtraRoute {
  return {
    prefix: OPEN311_PREFIX,
    handle(request, backend) {
      const clock = options.now ?? backend.now
      const origin = `http://${request.headers.host ?? '127.0.0.1:9527'}`
      const rest = request.pathname.slice(OPEN311_PREFIX.length)
      const m = /^(.*)\.(json|xml)$/.exec(rest)
      if (!m) return error(404, '未知的 Open311 接口')
      if (m[2] === 'xml') return error(400, '本服务仅支持 JSON 格式（.json）')
      const [path, method] = [m[1], request.method]
      const db = backend.db()
      if (request.query.jurisdiction_id && request.query.jurisdiction_id !== JURISDICTION) return error(404, `jurisdiction_id 不存在，本服务为 ${JURISDICTION}`)
      if (method === 'GET' && path === 'discovery') return ok({ changeset: '2026-11-29', contact: '幸福里社区居委会', endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${origin}/open311/v2`, changeset: '2026-11-29', type: 'test', formats: ['application/json'] }] })
      if (method === 'GET' && path === 'services') return ok(services())
      const service = /^services\/([^/]+)$/.exec(path)
      if (method === 'GET' && service) return definition(service[1]) ? ok(definition(service[1])) : error(404, `service_code 不存在：${service[1]}`)
      if (path === 'requests' && method === 'GET') return listRequests(db, request.query, clock(), origin)
      if (path === 'requests' && method === 'POST') {
        let body: Record<string, unknown>
        try { body = { ...request.query, ...formBody(request) } } catch (e) { return error(400, e instanceof BadBody ? e.message : '请求体不是有效的 JSON 或表单') }
        return createRequest(backend, body, clock())
      }
      const one = /^requests\/([^/]+)$/.exec(path)
      if (method === 'GET' && one) {
        const r = requestsOf(db).find((x) => x.id === one[1] || x.caseNumber === one[1])
        return r ? ok([toGeoReport(db, r, origin)]) : error(404, `诉求不存在：${one[1]}`)
      }
      const token = /^tokens\/([^/]+)$/.exec(path)
      if (method === 'GET' && token) {
        const r = requestsOf(db).find((x) => x.open311Token === token[1])
        return r ? ok([{ service_request_id: r.id, token: token[1] }]) : error(404, 'token 不存在')
      }
      return error(404, `未知的 Open311 接口：${method} ${request.pathname}`)
    }
  }
}

export const open311Route = createOpen311Route()
