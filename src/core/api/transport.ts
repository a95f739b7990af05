// A transport moves one request to a backend and brings back its status and JSON body.
// It throws TransportFailure only when there is no answer at all (offline, timeout).
import type { Method } from '../../../types/contract/endpoint'

export interface TransportRequest {
  method: Method
  /** Path relative to the API root, params already filled in. */
  path: string
  query?: Record<string, string>
  body?: unknown
  headers: Record<string, string>
  timeoutMs: number
}

export interface TransportResponse { status: number; body: unknown }

export interface UploadRequest {
  /** Path relative to the API root. */
  path: string
  /** A local file: a weapp temp path or an H5 blob:/data: URL. */
  filePath: string
  /** Extra form fields sent with the file. */
  fields: Record<string, string>
  headers: Record<string, string>
  timeoutMs: number
  onProgress?: (percent: number) => void
}

export interface Transport {
  readonly kind: 'embedded' | 'http'
  send(request: TransportRequest): Promise<TransportResponse>
  upload(request: UploadRequest): Promise<TransportResponse>
}

export class TransportFailure extends Error {
  constructor(readonly reason: 'network' | 'timeout', detail?: string) {
    super(detail ?? reason)
  }
}

export function toQueryString(query: Record<string, string> | undefined): string {
  const entries = Object.entries(query ?? {})
  if (!entries.length) return ''
  return '?' + entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
}
