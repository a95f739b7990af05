// Open311 GeoReport v2 as an existing Open311 client would use it, against the in-process server.
import { createMemoryStorage, KEY_PEOPLE } from '..'
import { rawRequest } from '../../__tests__/helpers/node-http-transport'
import { startMockServer, type MockServer } from '../server'

const NOW = Date.parse('2026-11-29T08:00:00+08:00')
let server: MockServer

beforeEach(async () => { server = await startMockServer({ port: 0, storage: createMemoryStorage(), now: () => NOW }) })
afterEach(() => server.close())

type Geo = Record<string, unknown> & { service_request_id: string; status: string; status_notes: string }
const get = (path: string) => rawRequest(server.url, { method: 'GET', path: `/open311/v2/${path}` })
const postForm = (fields: Record<string, string>) => rawRequest(server.url, {
  method: 'POST', path: '/open311/v2/requests.json',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString()
})
const STREETLIGHT = { service_code: 'streetlight', lat: '22.5421', long: '114.0582', description: '3栋前广场的路灯坏了两盏，晚上很黑', 'attribute[lamp_state]': 'off', first_name: '明', last_name: '黄', phone: '13900001111' }

async function api(path: string, personId: string, method = 'GET', body?: object) {
  const login = await rawRequest(server.url, { method: 'POST', path: '/api/demo/switch', headers: { 'content-type': 'application/json', 'idempotency-key': `s-${personId}` }, body: JSON.stringify({ personId }) })
  const token = (login.body as { token: string }).token
  return rawRequest(server.url, { method, path: `/api${path}`, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `k-${Math.random()}` }, body: body ? JSON.stringify(body) : undefined })
}

describe('Open311 GeoReport v2', () => {
  it('lists our categories as services and their extra questions as attributes', async () => {
    const services = (await get('services.json')).body as { service_code: string; service_name: string; metadata: boolean }[]
    expect(services.map((s) => s.service_name)).toEqual(['路灯照明', '环境卫生', '安全隐患', '噪音扰民', '公共设施', '物业服务', '其他'])
    const def = (await get('services/streetlight.json')).body as { attributes: { code: string; required: boolean; datatype: string; values?: { key: string; name: string }[] }[] }
    expect(def.attributes[0]).toMatchObject({ code: 'lamp_state', required: true, datatype: 'singlevaluelist', values: [{ key: 'off', name: '不亮' }, { key: 'flicker', name: '闪烁' }, { key: 'day_on', name: '白天常亮' }] })
    expect(await get('services/ufo.json')).toMatchObject({ status: 404, body: [{ code: 404 }] })
  })

  it('files a form-encoded request with the demo key, which lands in the staff queue', async () => {
    const res = await postForm({ ...STREETLIGHT, api_key: 'linli-demo' })
    expect(res.status).toBe(200)
    const [receipt] = res.body as { service_request_id: string; token: string; service_notice: string }[]
    expect(receipt.service_notice).toMatch(/^立案编号 LL\d{8}-\d{4}/)
    const queue = await api('/staff/requests?status=submitted', KEY_PEOPLE.staff)
    const filed = (queue.body as { items: { id: string; channel: string; location: { placeName: string }; contact: { phone: string } }[] }).items.find((i) => i.id === receipt.service_request_id)
    expect(filed).toMatchObject({ channel: 'open311', location: { placeName: '3栋前广场' }, contact: { phone: '13900001111' } })
    const byToken = await get(`tokens/${receipt.token}.json`)
    expect(byToken.body).toEqual([{ service_request_id: receipt.service_request_id, token: receipt.token }])
  })

  it('accepts a JSON body with attributes as an object', async () => {
    const res = await rawRequest(server.url, {
      method: 'POST', path: '/open311/v2/requests.json', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ api_key: 'linli-demo', service_code: 'noise', address_id: 's_garden', description: '中心花园每晚十点后还有音响外放', attribute: { period: 'night' } })
    })
    expect(res.status).toBe(200)
  })

  it.each([
    ['without a key', {}, '缺少 api_key'],
    ['with a wrong key', { api_key: 'guess' }, 'api_key 无效']
  ])('refuses a POST %s with 403 in the GeoReport error format', async (_name, key, description) => {
    const before = server.backend.db().serviceRequests?.length
    const res = await postForm({ ...STREETLIGHT, ...key })
    expect(res).toMatchObject({ status: 403, body: [{ code: 403, description }] })
    expect(server.backend.db().serviceRequests?.length).toBe(before)
  })

  it('refuses a missing required attribute, a short description and a point outside the community', async () => {
    const missing = await postForm({ ...STREETLIGHT, api_key: 'linli-demo', 'attribute[lamp_state]': '' })
    expect(missing).toMatchObject({ status: 400, body: [{ code: 400, description: 'attribute.lamp_state：请选择灯的状态' }] })
    const short = await postForm({ ...STREETLIGHT, api_key: 'linli-demo', description: '灯坏了' })
    expect(short.body).toEqual([{ code: 400, description: 'description：问题描述至少 4 个字' }])
    const far = await postForm({ ...STREETLIGHT, api_key: 'linli-demo', lat: '22.60' })
    expect(far.body).toEqual([{ code: 400, description: '您所在的位置不在本社区范围内，请手动选择地点' }])
  })

  it('maps our statuses to open/closed with status_notes as the request moves', async () => {
    const [receipt] = (await postForm({ ...STREETLIGHT, api_key: 'linli-demo' })).body as { service_request_id: string }[]
    const id = receipt.service_request_id
    const one = async () => ((await get(`requests/${id}.json`)).body as Geo[])[0]
    expect(await one()).toMatchObject({ status: 'open', status_notes: '已提交，等待社区受理', service_code: 'streetlight', address_id: 's_plaza_3', lat: 22.5421 })
    await api(`/staff/requests/${id}/accept`, KEY_PEOPLE.staff, 'POST', {})
    expect(await one()).toMatchObject({ status: 'open', status_notes: '已受理' })
    await api(`/staff/requests/${id}/dispatch`, KEY_PEOPLE.staff, 'POST', { departmentId: 'd_property' })
    expect(await one()).toMatchObject({ status: 'open', status_notes: '已派单至物业', agency_responsible: '物业' })
    await api(`/staff/requests/${id}/notes`, KEY_PEOPLE.staff, 'POST', { note: '电工已到场，正在更换灯具' })
    expect(await one()).toMatchObject({ status: 'open', status_notes: '电工已到场，正在更换灯具' })
    await api(`/staff/requests/${id}/close`, KEY_PEOPLE.staff, 'POST', { result: '已更换两盏灯具，恢复照明' })
    expect(await one()).toMatchObject({ status: 'closed', status_notes: '已更换两盏灯具，恢复照明' })
  })

  it('maps declined and duplicate requests to closed with the reason', async () => {
    const declined = server.backend.db().serviceRequests?.find((r) => r.status === 'declined')
    const duplicate = server.backend.db().serviceRequests?.find((r) => r.status === 'duplicate')
    const res = (await get(`requests.json?service_request_id=${declined?.id},${duplicate?.id}`)).body as Geo[]
    expect(res.find((g) => g.service_request_id === declined?.id)).toMatchObject({ status: 'closed', status_notes: `不予受理：${declined?.declineReason}` })
    expect(res.find((g) => g.service_request_id === duplicate?.id)?.status_notes).toMatch(/^重复诉求，已合并至 LL\d{8}-\d{4}$/)
  })

  it('filters GET requests.json by service_code, status and dates, and shows no names or phone numbers', async () => {
    const all = (await get('requests.json')).body as Geo[]
    expect(all.length).toBeGreaterThan(20)
    const open = (await get('requests.json?status=open&service_code=streetlight')).body as Geo[]
    expect(open.length).toBeGreaterThan(0)
    expect(open.every((g) => g.status === 'open' && g.service_code === 'streetlight')).toBe(true)
    const november = (await get('requests.json?start_date=2026-11-01T00:00:00%2B08:00&end_date=2026-11-30T23:59:59%2B08:00')).body as Geo[]
    expect(november.length).toBeGreaterThan(0)
    expect(november.every((g) => (g.requested_datetime as string) >= '2026-10-31T16:00:00')).toBe(true)
    expect(november.length).toBeLessThan(all.length)
    const text = JSON.stringify(all)
    for (const p of server.backend.db().persons) expect(text).not.toContain(p.phone)
    expect(await get('requests.json?status=pending')).toMatchObject({ status: 400 })
    expect(await get('requests/sr_9999.json')).toMatchObject({ status: 404, body: [{ code: 404 }] })
  })
})

describe('Open311 attributes at their bound', () => {
  // At most 20 attributes in one request (form fields and a JSON object alike); the 21st is refused
  // by name before anything is stored.
  const attrs = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [i === 0 ? 'attribute[lamp_state]' : `attribute[extra_${i}]`, 'off']))
  it('takes 20 attributes and refuses 21 with attribute 太多', async () => {
    const before = (await get('requests.json')).body as unknown[]
    const twenty = await postForm({ ...STREETLIGHT, api_key: 'linli-demo', ...attrs(20) } as Record<string, string>)
    // 20 pass the count and reach the category's own check, which names the first unknown one.
    expect(twenty).toMatchObject({ status: 400, body: [{ code: 400, description: 'attribute.extra_1：该问题不属于所选类别，请重新填写' }] })
    const over = await postForm({ ...STREETLIGHT, api_key: 'linli-demo', ...attrs(21) } as Record<string, string>)
    expect(over).toMatchObject({ status: 400, body: [{ code: 400, description: 'attribute 太多' }] })
    const json = await rawRequest(server.url, { method: 'POST', path: '/open311/v2/requests.json', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...STREETLIGHT, api_key: 'linli-demo', 'attribute[lamp_state]': undefined, attribute: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`a${i}`, 'off'])) }) })
    expect(json).toMatchObject({ status: 400, body: [{ code: 400, description: 'attribute 太多' }] })
    expect((await get('requests.json')).body).toEqual(before)
  })
})

it('answers an XML path with the JSON-only message, and an unknown one with 未知的 Open311 接口', async () => {
  expect(await get('services.xml')).toMatchObject({ status: 400, body: [{ code: 400, description: '本服务仅支持 JSON 格式（.json）' }] })
  expect(await get('services')).toMatchObject({ status: 404, body: [{ code: 404, description: '未知的 Open311 接口' }] })
})

it('refuses a JSON body that is not an object, in words, and stores nothing', async () => {
  const before = (await get('requests.json')).body
  for (const body of ['"路灯坏了"', '5', 'null', '[1]']) {
    const res = await rawRequest(server.url, { method: 'POST', path: '/open311/v2/requests.json', headers: { 'content-type': 'application/json' }, body })
    expect([body, res]).toMatchObject([body, { status: 400, body: [{ code: 400, description: '请求体须为 JSON 对象' }] }])
  }
  expect((await get('requests.json')).body).toEqual(before)
})

it('reads a blank JSON body as no fields (so the missing api_key is named), not as broken JSON', async () => {
  const res = await rawRequest(server.url, { method: 'POST', path: '/open311/v2/requests.json', headers: { 'content-type': 'application/json' }, body: '   ' })
  expect(res).toMatchObject({ status: 403, body: [{ code: 403, description: '缺少 api_key' }] })
})

it('looks requests up by service_request_id: ids and case numbers, comma-separated, at most 50', async () => {
  const all = (await get('requests.json')).body as Geo[]
  expect(all.length).toBeGreaterThan(3)
  const [a, b] = all
  const two = (await get(`requests.json?service_request_id=${a.service_request_id}, ${b.service_request_id}`)).body as Geo[]
  expect(two.map((g) => g.service_request_id).sort()).toEqual([a.service_request_id, b.service_request_id].sort())
  const none = (await get('requests.json?service_request_id=sr_9999')).body
  expect(none).toEqual([])
  const many = Array.from({ length: 51 }, (_, i) => `sr_${i}`).join(',')
  expect(await get(`requests.json?service_request_id=${many}`)).toMatchObject({ status: 400, body: [{ code: 400, description: 'service_request_id 一次最多 50 个' }] })
  expect(await get(`requests.json?service_request_id=${many.split(',').slice(0, 50).join(',')}`)).toMatchObject({ status: 200, body: [] })
})
