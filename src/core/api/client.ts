// The one api client: typed calls over a Transport, local validation with the contract's schema,
// session header, idempotency keys, timeouts, and retries with exponential backoff and jitter.
import type * as z from 'zod/mini'
import { ERROR_MESSAGES, HEADERS } from '../../../types/contract/wire'
import { type Endpoint, type InputOf, type OutputOf } from '../../../types/contract/endpoint'
import { ApiError, toApiError } from './errors'
import { TransportFailure, type Transport } from './transport'
import { randomHex } from '../random'

export interface ClientConfig {
  transport: Transport
  getToken: () => string | null
  /** Called once per 401, e.g. to clear the session and show login. */
  onUnauthenticated: (error: ApiError) => void
  timeoutMs: number
  /** Retries after the first try for calls that are safe to repeat. */
  retries: number
  /** First backoff step; doubles each retry, with up to 50% random jitter. */
  retryBaseMs: number
  retryMaxMs: number
  random: () => number
}

export interface CallOptions {
  /** Reuse a key to make a resubmission (after an app restart, say) replay the first result. */
  idempotencyKey?: string
  timeoutMs?: number
  retries?: number
  /** Called before each retry, e.g. to show 正在重试. */
  onRetry?: (attempt: number, error: ApiError) => void
}

let config: ClientConfig | null = null

export function configureClient(next: Partial<ClientConfig> & Pick<ClientConfig, 'transport'>): void {
  config = {
    getToken: () => null,
    onUnauthenticated: () => undefined,
    timeoutMs: 10_000,
    retries: 3,
    retryBaseMs: 500,
    retryMaxMs: 8_000,
    random: Math.random,
    ...config,
    ...next
  }
}

export function clientConfig(): ClientConfig {
  if (!config) throw new Error('api client used before configureClient()')
  return config
}

/** Time (base 36, for reading logs) and 8 random bytes: unique per write, not guessable. */
export function newIdempotencyKey(): string {
  return `${Date.now().toString(36)}-${randomHex(8)}`
}

/** Runs the contract schema on the client, so a form shows the very message the server would. */
export function validateInput<E extends Endpoint>(endpoint: E, input: InputOf<E>): ApiError | null {
  const result = (endpoint.input as z.ZodMiniType).safeParse(input)
  if (result.success) return null
  const fields: Record<string, string> = {}
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_'
    if (!(key in fields)) fields[key] = issue.message
  }
  return new ApiError(400, { code: 'VALIDATION', message: result.error.issues[0]?.message ?? ERROR_MESSAGES.VALIDATION, fields })
}

function fillPath(path: string, input: Record<string, unknown>): { path: string; rest: Record<string, unknown> } {
  const rest = { ...input }
  const filled = path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const value = rest[name]
    delete rest[name]
    return encodeURIComponent(String(value ?? ''))
  })
  return { path: filled, rest }
}

function toQuery(rest: Record<string, unknown>): Record<string, string> {
  const query: Record<string, string> = {}
  for (const [k, v] of Object.entries(rest)) {
    if (v === undefined || v === null) continue
    query[k] = typeof v === 'object' ? JSON.stringify(v) : String(v)
  }
  return query
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function backoffDelay(attempt: number, c: Pick<ClientConfig, 'retryBaseMs' | 'retryMaxMs' | 'random'>): number {
  const base = Math.min(c.retryMaxMs, c.retryBaseMs * 2 ** attempt)
  return Math.round(base * (1 + c.random() * 0.5))
}

/** Worth another try: no answer at all, or the server said it is overloaded or broken. */
const isTransient = (e: ApiError) => e.isNetwork || e.status >= 500

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TransportFailure('timeout')), ms)
    work.then((v) => { clearTimeout(timer); resolve(v) }, (e) => { clearTimeout(timer); reject(e) })
  })
}

export async function send<T>(run: (headers: Record<string, string>, timeoutMs: number) => Promise<{ status: number; body: unknown }>,
  options: { keyed: boolean; idempotencyKey?: string; timeoutMs?: number; retries?: number; onRetry?: CallOptions['onRetry'] }): Promise<T> {
  const c = clientConfig()
  const headers: Record<string, string> = {}
  const token = c.getToken()
  if (token) headers[HEADERS.auth] = `Bearer ${token}`
  if (options.keyed) headers[HEADERS.idempotencyKey] = options.idempotencyKey ?? newIdempotencyKey()
  const timeoutMs = options.timeoutMs ?? c.timeoutMs
  const retries = options.retries ?? c.retries

  for (let attempt = 0; ; attempt++) {
    let error: ApiError
    try {
      const response = await withTimeout(run(headers, timeoutMs), timeoutMs)
      if (response.status < 400) return response.body as T
      error = toApiError(response.status, response.body)
    } catch (e) {
      const timeout = e instanceof TransportFailure && e.reason === 'timeout'
      error = new ApiError(0, { code: timeout ? 'TIMEOUT' : 'NETWORK', message: ERROR_MESSAGES[timeout ? 'TIMEOUT' : 'NETWORK'] })
    }
    if (error.status === 401) c.onUnauthenticated(error)
    if (!isTransient(error) || attempt >= retries) throw error
    options.onRetry?.(attempt + 1, error)
    await sleep(backoffDelay(attempt, c))
  }
}

/**
 * Calls one endpoint. Rejects with ApiError only. GETs and keyed writes (every POST/PUT/DELETE
 * carries an Idempotency-Key) are retried on network failures and 5xx: replaying is safe.
 */
export async function call<E extends Endpoint>(endpoint: E, input: InputOf<E>, options: CallOptions = {}): Promise<OutputOf<E>> {
  const invalid = validateInput(endpoint, input)
  if (invalid) throw invalid
  const c = clientConfig()
  const { path, rest } = fillPath(endpoint.path, (input ?? {}) as Record<string, unknown>)
  const isGet = endpoint.method === 'GET'
  return send<OutputOf<E>>((headers, timeoutMs) => c.transport.send({
    method: endpoint.method,
    path,
    query: isGet ? toQuery(rest) : undefined,
    body: isGet ? undefined : rest,
    headers,
    timeoutMs
  }), { keyed: !isGet, ...options })
}

/**
 * Calls an endpoint given as data (method, path already filled, body), for outbox items that core
 * sends with no feature code loaded. The server validates; the item's key is its Idempotency-Key.
 */
export async function callRoute<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body: Record<string, unknown>, options: CallOptions = {}): Promise<T> {
  const c = clientConfig()
  return send<T>((headers, timeoutMs) => c.transport.send({ method, path, body, headers, timeoutMs }), { keyed: true, ...options })
}

/** Uploads a local file to an upload endpoint (multipart on HTTP), with progress. */
export async function upload<T>(path: string, filePath: string, fields: Record<string, string>,
  options: CallOptions & { onProgress?: (percent: number) => void } = {}): Promise<T> {
  const c = clientConfig()
  return send<T>((headers, timeoutMs) => c.transport.upload({ path, filePath, fields, headers, timeoutMs, onProgress: options.onProgress }),
    { keyed: true, ...options })
}
