// A Transport over node's http module for jest: the same wire format as src/core/api/http.ts
// (JSON bodies, query strings, Authorization / Idempotency-Key headers, multipart uploads with
// the file in field `file`), without Taro.request, which needs a browser or WeChat.
import fs from 'node:fs'
import http from 'node:http'
import { toQueryString, TransportFailure, type Transport, type TransportResponse } from '../../src/core/api/transport'

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

export interface RawRequest {
  method: string
  /** Full path from the server root, e.g. /api/me/house or /__mock/faults. */
  path: string
  headers?: Record<string, string>
  body?: string | Buffer
  timeoutMs?: number
}

/** One request, no retries: rejects with TransportFailure when there is no answer. */
export function rawRequest(origin: string, r: RawRequest): Promise<TransportResponse & { contentType: string; bytes: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(origin + r.path, { method: r.method, headers: r.headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const bytes = Buffer.concat(chunks)
        const contentType = String(res.headers['content-type'] ?? '')
        const body = contentType.startsWith('application/json') || contentType.startsWith('text/') ? parse(bytes.toString('utf8')) : bytes
        resolve({ status: res.statusCode ?? 0, body, contentType, bytes, headers: res.headers })
      })
      res.on('error', (e) => reject(new TransportFailure('network', e.message)))
    })
    req.setTimeout(r.timeoutMs ?? 10_000, () => {
      req.destroy()
      reject(new TransportFailure('timeout'))
    })
    req.on('error', (e) => reject(new TransportFailure('network', e.message)))
    req.end(r.body)
  })
}

function fileBytes(filePath: string): { data: Buffer; mime: string; name: string } {
  const dataUrl = /^data:([^;,]+)?(;base64)?,([\s\S]*)$/.exec(filePath)
  if (dataUrl) {
    const data = dataUrl[2] ? Buffer.from(dataUrl[3], 'base64') : Buffer.from(decodeURIComponent(dataUrl[3]))
    const mime = dataUrl[1] ?? 'application/octet-stream'
    return { data, mime, name: `upload.${mime.split('/')[1] ?? 'bin'}` }
  }
  const mime = /\.png$/i.test(filePath) ? 'image/png' : 'image/jpeg'
  return { data: fs.readFileSync(filePath), mime, name: filePath.split('/').pop() ?? 'upload' }
}

/** A multipart/form-data body as Taro.uploadFile builds it. */
export function multipartBody(fields: Record<string, string>, file: { data: Buffer; mime: string; name: string }) {
  const boundary = `----linli${Date.now().toString(16)}`
  const parts: Buffer[] = []
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`))
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.mime}\r\n\r\n`))
  parts.push(file.data, Buffer.from(`\r\n--${boundary}--\r\n`))
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` }
}

export function createNodeHttpTransport(apiUrl: string): Transport {
  const url = new URL(apiUrl)
  const origin = url.origin
  const root = url.pathname.replace(/\/$/, '')
  return {
    kind: 'http',
    async send(r) {
      const body = r.body === undefined ? undefined : JSON.stringify(r.body)
      const { status, body: answer } = await rawRequest(origin, {
        method: r.method,
        path: root + r.path + toQueryString(r.query),
        headers: { 'content-type': 'application/json', ...r.headers },
        body,
        timeoutMs: r.timeoutMs
      })
      return { status, body: answer }
    },
    async upload(r) {
      r.onProgress?.(0)
      const { body, contentType } = multipartBody(r.fields, fileBytes(r.filePath))
      const { status, body: answer } = await rawRequest(origin, {
        method: 'POST', path: root + r.path, headers: { ...r.headers, 'content-type': contentType }, body, timeoutMs: r.timeoutMs
      })
      r.onProgress?.(100)
      return { status, body: answer }
    }
  }
}
