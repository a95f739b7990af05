// The smaller fuzz over the HTTP mock server: every endpoint as anonymous and a resident with
// hostile JSON, plus what only the wire can send (a huge query or header, an unknown method,
// bad escapes, a 7 MB body, Open311 fields as objects). Answers carry a JSON error body.
import { createMemoryStorage, KEY_PEOPLE } from '..'
import { rawRequest } from '../../__tests__/helpers/node-http-transport'
import { endpoints, type Endpoint } from '../../types/contract'
import { startMockServer, type MockServer } from '../server'
import { CHINESE, createChecker, fieldsOf, fillPath, HOSTILE_IDS, paramsOf } from './fuzz-cases'

const NOW = Date.parse('2026-11-29T08:00:00+08:00')
let server: MockServer
let key = 0

beforeAll(async () => { server = await startMockServer({ port: 0, storage: createMemoryStorage(), now: () => NOW }) })
afterAll(() => server.close())

const json = (body: unknown) => JSON.stringify(body)
const api = (method: string, path: string, body?: string, headers: Record<string, string> = {}) =>
  rawRequest(server.url, { method, path: `/api${path}`, body, headers: { 'content-type': 'application/json', 'idempotency-key': `h${++key}`, ...headers } })

async function tokenOf(personId: string) {
  const res = await api('POST', '/demo/switch', json({ personId }))
  return (res.body as { token: string }).token
}

const WIRE_VALUES: unknown[] = [null, true, -1, 'x'.repeat(50_000), '\u200b', [], [5], {}, { toString: 1, valueOf: 1 }, '9999-99-99']

describe('fuzz over HTTP', () => {
  it('answers every endpoint with hostile JSON as anonymous and a resident with 2xx or a typed 4xx', async () => {
    const checker = createChecker()
    const resident = await tokenOf(KEY_PEOPLE.resident)
    for (const [name, ep] of Object.entries(endpoints) as [string, Endpoint][]) {
      const fields = fieldsOf(ep.input).filter((f) => !paramsOf(ep.path).includes(f))
      for (const token of [undefined, resident]) {
        const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {}
        for (const value of WIRE_VALUES) {
          const input = Object.fromEntries(fields.map((f) => [f, value]))
          const res = ep.method === 'GET'
            ? await api('GET', `${fillPath(ep.path, {})}?${new URLSearchParams(Object.entries(input).map(([k, v]) => [k, typeof v === 'string' ? v : json(v)]))}`, undefined, auth)
            : await api(ep.method, fillPath(ep.path, {}), json(input), auth)
          checker.check(`${name} ${json(value).slice(0, 30)}`, res)
        }
        for (const param of paramsOf(ep.path)) {
          for (const bad of HOSTILE_IDS.slice(0, 5)) checker.check(`${name} :${param}=${bad}`, await api(ep.method, fillPath(ep.path, { [param]: bad }), ep.method === 'GET' ? undefined : '{}', auth))
        }
        if (ep.method !== 'GET') checker.check(`${name} malformed`, await api(ep.method, fillPath(ep.path, {}), '{"a":', auth))
      }
    }
    expect(checker.failures).toEqual([])
    expect(checker.cases).toBeGreaterThan(500)
    expect((await api('GET', '/community/structure')).status).toBe(200)
  }, 120_000)

  it('answers a query beyond the header limit with 431 and a JSON body', async () => {
    const res = await rawRequest(server.url, { method: 'GET', path: `/api/requests/public?x=${'a'.repeat(20_000)}` })
    expect(res.status).toBe(431)
    expect(res.contentType).toBe('application/json; charset=utf-8')
    expect(res.body).toEqual({ code: 'VALIDATION', message: '请求的链接或请求头太长，请精简后重试' })
  })

  it('answers a huge header with 431 and a JSON body', async () => {
    const res = await rawRequest(server.url, { method: 'GET', path: '/api/me', headers: { authorization: `Bearer ${'t'.repeat(20_000)}` } })
    expect(res).toMatchObject({ status: 431, body: { code: 'VALIDATION' } })
  })

  it('answers an unknown method with 400 and a JSON body', async () => {
    const res = await rawRequest(server.url, { method: 'FOO', path: '/api/me' })
    expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION', message: '不支持的请求方法' } })
  })

  it('answers a known method the route does not take with a typed 404', async () => {
    const res = await rawRequest(server.url, { method: 'PATCH', path: '/api/me' })
    expect(res.status).toBe(404)
    expect((res.body as { message: string }).message).toMatch(CHINESE)
  })

  it.each(['%', '%zz', '%E4%BD'])('answers the path escape %s with 400', async (bad) => {
    const token = await tokenOf(KEY_PEOPLE.resident)
    const res = await api('GET', `/requests/${bad}`, undefined, { authorization: `Bearer ${token}` })
    expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION', message: '链接中的编号格式不正确，请返回后重新打开' } })
  })

  it('refuses a 7 MB JSON body with 413 and still answers the next request', async () => {
    const big = json(Object.fromEntries(Array.from({ length: 500_000 }, (_, i) => [`key_${i}`, 10])))
    expect(big.length).toBeGreaterThan(7_000_000)
    const res = await api('POST', '/auth/login', big)
    expect(res).toMatchObject({ status: 413, body: { code: 'VALIDATION', message: '提交的内容太大，请精简或压缩后重试' } })
    expect((await api('GET', '/community/structure')).status).toBe(200)
  }, 30_000)

  it('refuses Open311 fields sent as objects and oversized contact fields with 400', async () => {
    const post311 = (body: unknown) => rawRequest(server.url, { method: 'POST', path: '/open311/v2/requests.json', headers: { 'content-type': 'application/json' }, body: json(body) })
    const base = { api_key: 'linli-demo', service_code: 'streetlight', address_id: 'b_1', description: '1栋门口的路灯连续三晚不亮', 'attribute[lamp_state]': 'off' }
    for (const bad of [{ description: { toString: 1, valueOf: 1 } }, { first_name: 'x'.repeat(21) }, { phone: '1'.repeat(31) }, { media_url: `http://x/${'a'.repeat(500)}` }, { media_url: 'javascript:alert(1)' }, { address_id: 'nowhere' }, { attribute: [1] }, { lat: '', long: '120' }]) {
      const res = await post311({ ...base, ...bad })
      expect(res.status).toBe(400)
      expect((res.body as Array<{ description: string }>)[0].description).toMatch(CHINESE)
    }
    const ok = await post311({ ...base, first_name: 'x'.repeat(20) })
    expect(ok.status).toBe(200)
    expect((ok.body as Array<{ token: string }>)[0].token).toMatch(/^[a-z0-9]{16}$/)
  })

  it('serves an uploaded image with nosniff, an image type and inline disposition', async () => {
    const token = await tokenOf(KEY_PEOPLE.resident)
    // An image polyglot: JPEG magic bytes, then HTML.
    const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<html><script>alert(1)</script></html>')])
    const up = await api('POST', '/files', json({ dataUrl: `data:image/jpeg;base64,${bytes.toString('base64')}` }), { authorization: `Bearer ${token}` })
    expect(up.status).toBe(200)
    const res = await rawRequest(server.url, { method: 'GET', path: `/api/files/${(up.body as { id: string }).id}` })
    expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'content-type': 'image/jpeg', 'content-disposition': 'inline' })
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'none'")
  })
})
