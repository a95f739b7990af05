// The HTTP mock server's own wire behaviour: CORS, uploads, binary replies, admin, extra routes.
import { createMemoryStorage } from '..'
import { multipartBody, rawRequest } from '../../__tests__/helpers/node-http-transport'
import { extraRoutes, parseBody, startMockServer, type MockServer } from '../server'
import { parseMultipart, uploadBody } from '../multipart'

const NOW = Date.parse('2026-11-29T08:00:00+08:00')
let server: MockServer

beforeEach(async () => { server = await startMockServer({ port: 0, storage: createMemoryStorage(), now: () => NOW }) })
afterEach(() => server.close())

describe('mock HTTP server', () => {
  it('answers a CORS preflight from the H5 dev origin', async () => {
    const res = await rawRequest(server.url, { method: 'OPTIONS', path: '/api/me/house', headers: { origin: 'http://127.0.0.1:10086' } })
    expect(res.status).toBe(204)
    expect(res.headers).toMatchObject({ 'access-control-allow-origin': 'http://127.0.0.1:10086', 'access-control-allow-headers': 'Authorization, Idempotency-Key, Content-Type' })
  })

  it('turns a multipart upload into the embedded shape: fields plus a data URL', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff])
    const { body, contentType } = multipartBody({ requestId: 'sr_0001', note: '楼道灯' }, { data: png, mime: 'image/png', name: 'a.png' })
    const parsed = parseBody({ method: 'POST', pathname: '/api/x', query: {}, headers: {}, contentType, raw: body })
    expect(parsed).toEqual({ requestId: 'sr_0001', note: '楼道灯', dataUrl: `data:image/png;base64,${png.toString('base64')}` })
  })

  it('infers the image type from the file name when the part says octet-stream', () => {
    const { body, contentType } = multipartBody({}, { data: Buffer.from('x'), mime: 'application/octet-stream', name: 'IMG_1.JPG' })
    const boundary = contentType.split('boundary=')[1]
    expect(uploadBody(parseMultipart(body, boundary)).dataUrl).toBe('data:image/jpeg;base64,eA==')
  })

  it('rejects a truncated multipart body with 400', async () => {
    const { body, contentType } = multipartBody({ a: '1' }, { data: Buffer.from('x'), mime: 'image/png', name: 'a.png' })
    const res = await rawRequest(server.url, { method: 'POST', path: '/api/auth/login', headers: { 'content-type': contentType, 'idempotency-key': 'k' }, body: body.subarray(0, 40) })
    expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION', message: '请求格式不正确，请更新小程序后重试' } })
  })

  it('sends a { $binary } handler output as bytes with its content type, through an extra route', async () => {
    const route = { prefix: '/open311/v2/', handle: () => ({ status: 200, body: { $binary: { contentType: 'image/png', base64: 'iVBORw==' } } }) }
    extraRoutes.unshift(route) // ahead of the registered Open311 route, which owns this prefix
    try {
      const res = await rawRequest(server.url, { method: 'GET', path: '/open311/v2/photo' })
      expect(res.contentType).toBe('image/png')
      expect(res.bytes.toString('base64')).toBe('iVBORw==')
    } finally {
      extraRoutes.splice(extraRoutes.indexOf(route), 1)
    }
  })

  it('sets faults and resets the demo data through /__mock', async () => {
    const set = await rawRequest(server.url, { method: 'POST', path: '/__mock/faults', body: '{"failureRate":0.5,"latencyMs":-3}' })
    expect(set.body).toEqual({ latencyMs: 0, failureRate: 0.5, offline: false })
    server.backend.db().persons[0].name = '改过的名字'
    await rawRequest(server.url, { method: 'POST', path: '/__mock/reset' })
    expect(server.backend.db().persons[0].name).toBe('王秀英')
  })

  it('drops the connection when the offline fault is on', async () => {
    server.backend.setFaults({ offline: true })
    await expect(rawRequest(server.url, { method: 'GET', path: '/api/community/structure' })).rejects.toMatchObject({ reason: 'network' })
  })
})
