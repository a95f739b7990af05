// The HTTP face of the mock backend: `npm run mock` serves the same router the app embeds, on
// http://127.0.0.1:9527/api, persisted to JSON files in .mock-data/. Tests start it in-process
// with `startMockServer({ port: 0 })`.
//   PORT (9527), HOST (127.0.0.1), MOCK_DATA_DIR (.mock-data), LATENCY_MS (0) tune the CLI.
//   POST /__mock/faults {latencyMs, failureRate, offline} and POST /__mock/reset drive the demo.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createMockBackend, type FaultSettings, type MockBackend } from './backend'
import { MockNetworkDown } from './errors'
import { createFileStorage } from './file-storage'
import { boundaryOf, parseMultipart, uploadBody } from './multipart'
import { open311Route } from './open311'
import type { MockStorage } from './storage'
import { IMAGE_TYPES, type ApiErrorBody, type Method } from '../types/contract'

export interface HttpRequestInfo {
  method: string
  /** The path below the route's prefix is the route's business; this is the full path. */
  pathname: string
  query: Record<string, string>
  headers: Record<string, string | undefined>
  contentType: string
  raw: Buffer
}

export interface HttpReply { status: number; body: unknown; headers?: Record<string, string> }

/** Extra protocols beside /api (e.g. Open311 under /open311/v2/) over the same backend. */
export interface ExtraRoute {
  prefix: string
  handle(request: HttpRequestInfo, backend: MockBackend): HttpReply | Promise<HttpReply>
}

// Register further protocols here, one line each.
export const extraRoutes: ExtraRoute[] = [open311Route]

export class BadRequest extends Error {}

/** Every body but a photo upload; a bigger one is 413 before it is parsed (no JSON of 500,000 keys). */
export const MAX_BODY_BYTES = 1024 * 1024
/** A photo upload (≤ 1 MB after compression) as multipart or a base64 data URL, with room to say it is too big. */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024
/** Node's parser answers 431 beyond this (a huge query or header), with our JSON body (see clientError). */
export const MAX_HEADER_BYTES = 16 * 1024
const API_PREFIX = '/api'
const UPLOAD_PATH = `${API_PREFIX}/files`

/** The request body as the mock router expects it: JSON, a form, or a multipart upload. */
export function parseBody(request: HttpRequestInfo): unknown {
  if (request.raw.length === 0) return undefined
  const type = request.contentType.toLowerCase()
  if (type.startsWith('multipart/form-data')) {
    const boundary = boundaryOf(request.contentType)
    if (!boundary) throw new BadRequest('multipart without boundary')
    try {
      return uploadBody(parseMultipart(request.raw, boundary))
    } catch (e) {
      throw new BadRequest(String(e))
    }
  }
  const text = request.raw.toString('utf8')
  if (type.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text))
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new BadRequest('malformed JSON')
  }
}

const error = (status: number, body: ApiErrorBody): HttpReply => ({ status, body })
const BAD_FORMAT = error(400, { code: 'VALIDATION', message: '请求格式不正确，请更新小程序后重试' })

interface BinaryBody { $binary: { contentType: string; base64: string } }
const isBinary = (body: unknown): body is BinaryBody =>
  typeof body === 'object' && body !== null && typeof (body as BinaryBody).$binary?.base64 === 'string'

const CORS_HEADERS = {
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'access-control-allow-headers': 'Authorization, Idempotency-Key, Content-Type',
  'access-control-max-age': '600'
}

function send(req: http.IncomingMessage, res: http.ServerResponse, reply: HttpReply) {
  const headers: Record<string, string> = { ...CORS_HEADERS, 'access-control-allow-origin': req.headers.origin ?? '*', vary: 'Origin', ...reply.headers }
  let payload: Buffer
  // Browsers must take the declared type, never sniff one (an image polyglot stays an image).
  headers['x-content-type-options'] = 'nosniff'
  if (isBinary(reply.body)) {
    payload = Buffer.from(reply.body.$binary.base64, 'base64')
    const type = reply.body.$binary.contentType
    const image = (IMAGE_TYPES as readonly string[]).includes(type)
    headers['content-type'] = image ? type : 'application/octet-stream'
    headers['content-disposition'] = image ? 'inline' : 'attachment'
    headers['content-security-policy'] = "default-src 'none'; sandbox"
  } else if (typeof reply.body === 'string') {
    payload = Buffer.from(reply.body)
    headers['content-type'] ??= 'text/plain; charset=utf-8'
  } else {
    payload = Buffer.from(JSON.stringify(reply.body ?? null))
    headers['content-type'] ??= 'application/json; charset=utf-8'
  }
  headers['content-length'] = String(payload.length)
  res.writeHead(reply.status, headers).end(payload)
}

async function apiReply(backend: MockBackend, request: HttpRequestInfo): Promise<HttpReply> {
  let body: unknown
  try {
    body = parseBody(request)
  } catch (e) {
    if (e instanceof BadRequest) return BAD_FORMAT
    throw e
  }
  const response = await backend.handle({
    method: request.method as Method,
    path: request.pathname.slice(API_PREFIX.length) || '/',
    query: request.query,
    body,
    headers: request.headers
  })
  return { status: response.status, body: response.body }
}

function adminReply(backend: MockBackend, request: HttpRequestInfo): HttpReply {
  const action = request.pathname.slice('/__mock/'.length)
  if (action === 'faults' && request.method === 'GET') return { status: 200, body: backend.faults }
  if (action === 'faults' && request.method === 'POST') {
    let patch: Partial<FaultSettings>
    try {
      // JSON whatever the content type says (curl -d sends form-urlencoded by default).
      const text = request.raw.toString('utf8').trim()
      patch = (text ? JSON.parse(text) : {}) as Partial<FaultSettings>
    } catch {
      return BAD_FORMAT
    }
    const next: Partial<FaultSettings> = {}
    if (patch.latencyMs !== undefined) next.latencyMs = Math.max(0, Number(patch.latencyMs) || 0)
    if (patch.failureRate !== undefined) next.failureRate = Math.min(1, Math.max(0, Number(patch.failureRate) || 0))
    if (patch.offline !== undefined) next.offline = patch.offline === true
    backend.setFaults(next)
    return { status: 200, body: backend.faults }
  }
  if (action === 'clock' && request.method === 'POST') {
    // {"advanceMs": 259200000} moves the demo clock 3 days on; {"advanceMs": 0} puts it back.
    let advanceMs: number
    try {
      const text = request.raw.toString('utf8').trim()
      advanceMs = Number((text ? JSON.parse(text) as { advanceMs?: unknown } : {}).advanceMs)
    } catch {
      return BAD_FORMAT
    }
    if (!Number.isFinite(advanceMs) || advanceMs < 0 || advanceMs > 366 * 86400_000) return BAD_FORMAT
    return { status: 200, body: { offsetMs: backend.advanceClock(advanceMs), now: new Date(backend.now()).toISOString() } }
  }
  if (action === 'reset' && request.method === 'POST') {
    backend.reset()
    return { status: 200, body: { ok: true } }
  }
  return error(404, { code: 'NOT_FOUND', message: `接口不存在：${request.method} ${request.pathname}` })
}

function readRaw(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) chunks.push(chunk)
    })
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

export interface MockServerOptions {
  port?: number
  host?: string
  storage?: MockStorage
  now?: () => number
  faults?: Partial<FaultSettings>
  /** Print one line per request (the CLI does). */
  log?: boolean
}

export interface MockServer {
  /** e.g. http://127.0.0.1:9527 */
  url: string
  /** e.g. http://127.0.0.1:9527/api — what LINLI_API_BASE points at. */
  apiUrl: string
  backend: MockBackend
  close(): Promise<void>
}

export function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const backend = createMockBackend({ storage: options.storage ?? createFileStorage(), now: options.now, faults: options.faults })
  const host = options.host ?? '127.0.0.1'

  const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES }, async (req, res) => {
    const started = Date.now()
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://mock.local')
    } catch {
      return send(req, res, BAD_FORMAT)
    }
    try {
      if (req.method === 'OPTIONS') return send(req, res, { status: 204, body: '' })
      const raw = await readRaw(req, url.pathname === UPLOAD_PATH ? MAX_UPLOAD_BYTES : MAX_BODY_BYTES)
      if (raw === null) return send(req, res, error(413, { code: 'VALIDATION', message: '提交的内容太大，请精简或压缩后重试' }))
      const headers: Record<string, string | undefined> = {}
      for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v
      const request: HttpRequestInfo = {
        method: req.method ?? 'GET',
        pathname: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers,
        contentType: req.headers['content-type'] ?? '',
        raw
      }
      const extra = extraRoutes.find((r) => url.pathname.startsWith(r.prefix))
      const reply = url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`) ? await apiReply(backend, request)
        : url.pathname.startsWith('/__mock/') ? adminReply(backend, request)
          : extra ? await extra.handle(request, backend)
            : url.pathname === '/' ? { status: 200, body: { name: '邻里 mock server', api: API_PREFIX, admin: ['/__mock/faults', '/__mock/reset', '/__mock/clock'] } }
              : error(404, { code: 'NOT_FOUND', message: `接口不存在：${request.method} ${url.pathname}` })
      send(req, res, reply)
      if (options.log) console.log(`${req.method} ${url.pathname} ${reply.status} ${Date.now() - started}ms`)
    } catch (e) {
      if (e instanceof MockNetworkDown) {
        // Fault injection "offline": no answer at all, like a dropped connection.
        if (options.log) console.log(`${req.method} ${url.pathname} (offline: connection dropped)`)
        req.socket.destroy()
        return
      }
      console.error('[mock server] crashed on', req.method, url.pathname, e)
      if (!res.headersSent) send(req, res, error(500, { code: 'INTERNAL', message: '服务暂时出了点问题，请稍后重试' }))
    }
  })

  // What node's own parser refuses (a header or query beyond MAX_HEADER_BYTES, a method it does not
  // know, a malformed request line) is answered in our error model too, not with an empty body.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy()
    const tooBig = err.code === 'HPE_HEADER_OVERFLOW'
    const status = tooBig ? 431 : 400
    const body = JSON.stringify({
      code: 'VALIDATION',
      message: tooBig ? '请求的链接或请求头太长，请精简后重试' : err.code === 'HPE_INVALID_METHOD' ? '不支持的请求方法' : '请求格式不正确，请更新小程序后重试'
    } satisfies ApiErrorBody)
    socket.end(`HTTP/1.1 ${status} ${tooBig ? 'Request Header Fields Too Large' : 'Bad Request'}\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `x-content-type-options: nosniff\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`)
  })

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 9527, host, () => {
      const { port } = server.address() as AddressInfo
      const origin = `http://${host}:${port}`
      resolve({
        url: origin,
        apiUrl: origin + API_PREFIX,
        backend,
        close: () => new Promise<void>((done) => {
          server.closeAllConnections()
          server.close(() => done())
        })
      })
    })
  })
}

if (require.main === module) {
  startMockServer({
    port: Number(process.env.PORT ?? 9527),
    host: process.env.HOST ?? '127.0.0.1',
    storage: createFileStorage(process.env.MOCK_DATA_DIR),
    faults: { latencyMs: Number(process.env.LATENCY_MS ?? 0) },
    log: true
  }).then((s) => {
    console.log(`邻里 mock server: ${s.apiUrl}  (data in ${process.env.MOCK_DATA_DIR ?? '.mock-data'}/)`)
    console.log(`  faults: curl -X POST ${s.url}/__mock/faults -d '{"failureRate":0.3}'   reset: curl -X POST ${s.url}/__mock/reset`)
  }, (e: unknown) => {
    console.error('mock server failed to start:', e)
    process.exit(1)
  })
}
