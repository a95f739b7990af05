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
import { redactPhones } from './handlers/requests-view'
import { randomToken, createRng } from './rng'
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
    case 'in_progress': return redactPhones(last.find((e) => e.kind === 'note' || e.kind === 'reopened')?.note ?? '处理中')
    case 'closed': return redactPhones(last.find((e) => e.kind === 'closed')?.note ?? '已办结')
    case 'declined': return `不予受理：${r.declineReason ?? ''}`
    case 'duplicate': return `重复诉求，已合并至 ${requestsOf(db).find((o) => o.id === r.duplicateOfId)?.caseNumber ?? ''}`
  }
}

/** One request in GeoReport shape; public data only (no names, phone numbers masked). */
export function toGeoReport(db: Db, r: ServiceRequestRecord, origin: string) {
  const point = r.location.point ?? placesOf(db).find((p) => p.id === r.location.placeId)?.location ?? null
  const open = r.status !== 'closed' && r.status !== 'declined' && r.status !== 'duplicate'
  return {
    service_request_id: r.id,
    status: open ? 'open' : 'closed',
    status_notes: statusNotes(db, r),
    service_name: categoryOf(r.categoryCode)?.name ?? '其他',
    service_code: r.categoryCode,
    description: redactPhones(r.description),
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

function listRequests(db: Db, q: Record<string, string>, now: number, origin: string): HttpReply {
  const all = requestsOf(db)
  if (q.service_request_id) {
    const ids = q.service_request_id.split(',').map((s) => s.trim())
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

/** `attribute[lamp_state]=off` (form) or `attribute: { lamp_state: 'off' }` (JSON). */
function attributesOf(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {}
  if (body.attribute && typeof body.attribute === 'object') Object.assign(out, body.attribute)
  for (const [k, v] of Object.entries(body)) {
    const m = /^attribute\[(.+)\]$/.exec(k)
    if (m) out[m[1]] = String(v)
  }
  return out
}

function createRequest(backend: MockBackend, body: Record<string, unknown>, now: number): HttpReply {
  const str = (k: string) => (body[k] === undefined || body[k] === null ? undefined : String(body[k]).trim())
  const key = str('api_key')
  if (!key) return error(403, '缺少 api_key')
  if (!OPEN311_API_KEYS[key]) return error(403, 'api_key 无效')
  const db = backend.db()
  const code = str('service_code')
  if (!code || !categoryOf(code)) return error(404, `service_code 不存在：${code ?? ''}`)
  const lat = str('lat'); const lng = str('long')
  let placeId = str('address_id')
  let point: { lat: number; lng: number } | undefined
  if (lat !== undefined && lng !== undefined) {
    point = { lat: Number(lat), lng: Number(lng) }
    if (!Number.isFinite(point.lat) || !Number.isFinite(point.lng)) return error(400, 'lat / long 须为数字')
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
  const name = `${str('last_name') ?? ''}${str('first_name') ?? ''}` || 'Open311 用户'
  const rng = createRng(now ^ requestsOf(db).length)
  try {
    const record = fileRequest(db, now, {
      categoryCode: parsed.data.categoryCode as CategoryCode,
      answers: parsed.data.answers,
      description: parsed.data.description,
      photos: [],
      location: {
        placeId, placeName: placesOf(db).find((p) => p.id === placeId)?.name ?? placeId,
        point: point ?? null, note: [address, str('media_url') ? `照片：${str('media_url')}` : undefined].filter(Boolean).join(' ') || null
      },
      anonymous: true,
      filedBy: { personId: null, name },
      onBehalfOf: null,
      channel: 'open311',
      externalContact: { name, phone: str('phone') ?? str('email') ?? '' },
      open311Token: randomToken(rng, 16)
    })
    backend.persist()
    return ok([{ service_request_id: record.id, token: record.open311Token, service_notice: `立案编号 ${record.caseNumber}，预计 ${record.expectedBy} 前办结`, account_id: null }])
  } catch (e) {
    if (e instanceof MockFailure) return error(e.status, e.body.message)
    throw e
  }
}

function formBody(request: HttpRequestInfo): Record<string, unknown> {
  const text = request.raw.toString('utf8')
  if (!text.trim()) return {}
  if (request.contentType.toLowerCase().startsWith('application/json')) return JSON.parse(text) as Record<string, unknown>
  return Object.fromEntries(new URLSearchParams(text))
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
        try { body = { ...request.query, ...formBody(request) } } catch { return error(400, '请求体不是有效的 JSON 或表单') }
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
