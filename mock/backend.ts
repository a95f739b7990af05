// The mock backend: one `handle(request) → response` over the contract's endpoint table.
// It never imports Taro, so jest, the node HTTP server and the embedded app transport share it.
import type * as z from 'zod/mini'
import { HEADERS, type ApiErrorBody, type Endpoint, type Method } from '../types/contract'
import { createContext } from './context'
import type { Db } from './db'
import { DB_VERSION } from './db'
import { BODY_LIMITS, bodyProblem, safeDecode } from './bounds'
import { domains } from './domains'
import { MockFailure, MockNetworkDown } from './errors'
import { createRng, type Rng } from './rng'
import { seedCommunity, SEED } from './seed-community'
import { createMemoryStorage, DB_KEY, type MockStorage } from './storage'

export interface MockRequest {
  method: Method
  /** Path relative to the API root, e.g. `/me/house`; a query string may follow. */
  path: string
  query?: Record<string, string | undefined>
  body?: unknown
  headers?: Record<string, string | undefined>
}

export interface MockResponse { status: number; body: unknown }

export interface FaultSettings {
  /** Added before every request is handled. */
  latencyMs: number
  /** 0..1: share of requests answered 503 before they are handled (so a retry is safe). */
  failureRate: number
  /** Every request fails as if the network were down: no response at all. */
  offline: boolean
}

export interface MockBackendOptions {
  storage?: MockStorage
  now?: () => number
  faults?: Partial<FaultSettings>
  /** Randomness for tokens and fault injection; seeded by default so runs repeat. */
  rng?: Rng
}

export interface MockBackend {
  handle(request: MockRequest): Promise<MockResponse>
  readonly faults: FaultSettings
  setFaults(patch: Partial<FaultSettings>): void
  /** Drop all state and re-seed the demo community. */
  reset(): void
  /** The live database, for tests and the perf fixture. */
  db(): Db
  /** Persist after a change made outside `handle` (tests, fixtures). */
  persist(): void
  /** The backend's clock (fixed in tests), for adapters such as Open311 that sit beside handle(). */
  now(): number
  /** The storage behind the database, for domains that keep blobs (uploaded photos) beside it. */
  storage: MockStorage
  /**
   * Demo and test control: move the backend's clock forward by `ms` (cumulative; 0 resets), so a
   * demo can show what happens after 公示 or a deadline. Mock only; a real backend has no such thing.
   */
  advanceClock(ms: number): number
}

interface Route { name: string; endpoint: Endpoint<z.ZodMiniType, unknown>; pattern: RegExp; params: string[] }

const SESSION_HEADER = HEADERS.auth.toLowerCase()
const KEY_HEADER = HEADERS.idempotencyKey.toLowerCase()

function compileRoutes(): Route[] {
  const routes: Route[] = []
  const seen = new Set<string>()
  for (const domain of domains) {
    for (const [name, endpoint] of Object.entries(domain.endpoints)) {
      if (seen.has(name)) throw new Error(`duplicate endpoint name ${name}`)
      seen.add(name)
      const params: string[] = []
      const source = endpoint.path.replace(/:([A-Za-z]+)/g, (_m, p: string) => {
        params.push(p)
        return '([^/]+)'
      })
      routes.push({ name, endpoint, pattern: new RegExp(`^${source}$`), params })
    }
  }
  return routes
}

const handlerOf = (name: string) => {
  for (const d of domains) {
    const h = (d.handlers as Record<string, unknown>)[name]
    if (h) return h as (input: unknown, ctx: ReturnType<typeof createContext>) => unknown
  }
  throw new Error(`no handler for ${name}`)
}

export function seedDatabase(now: number): Db {
  const db = seedCommunity()
  domains.forEach((d, i) => d.seed?.(db, { now, rng: createRng(SEED + i + 1) }))
  return db
}

/** Stable JSON (sorted keys) so the same body always hashes the same. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  const obj = value as Record<string, unknown>
  return `{${Object.keys(obj).sort().filter((k) => obj[k] !== undefined).map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`
}

const errorResponse = (status: number, body: ApiErrorBody): MockResponse => ({ status, body })

function validationFailure(error: z.core.$ZodError): MockResponse {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_'
    if (!(key in fields)) fields[key] = issue.message
  }
  return errorResponse(400, { code: 'VALIDATION', message: error.issues[0]?.message ?? '填写的内容有误', fields })
}

const BAD_ESCAPE = '链接中的编号格式不正确，请返回后重新打开'

/**
 * The query of a request: from the path's `?…` and the transport's map. An empty value counts as
 * missing (`?lat=` is no latitude, not 0); a value that is not a string is dropped.
 */
function queryOf(search: string | undefined, given: Record<string, string | undefined> | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  const put = (k: string, v: unknown) => { if (typeof v === 'string' && v !== '') out[k] = v }
  for (const [k, v] of new URLSearchParams(search ?? '')) put(k, v)
  for (const [k, v] of Object.entries(given ?? {})) put(k, v)
  return out
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  const storage = options.storage ?? createMemoryStorage()
  const baseNow = options.now ?? (() => Date.now())
  let clockOffset = 0
  const now = () => baseNow() + clockOffset
  const rng = options.rng ?? createRng(SEED ^ 0x5eed)
  const faults: FaultSettings = { latencyMs: 0, failureRate: 0, offline: false, ...options.faults }
  const routes = compileRoutes()
  const inflight = new Map<string, Promise<MockResponse>>()

  let db = load()

  function load(): Db {
    const stored = storage.getItem(DB_KEY)
    if (stored) {
      try {
        const parsed = JSON.parse(stored) as Db
        if (parsed.version === DB_VERSION) return parsed
      } catch {
        // A corrupt store is replaced by a fresh seed rather than crashing the app.
      }
    }
    const fresh = seedDatabase(now())
    storage.setItem(DB_KEY, JSON.stringify(fresh))
    return fresh
  }

  /** Lets every domain catch up on what fell due (see MockDomain.tick). */
  function runTicks(at: number): boolean {
    let changed = false
    const nextId = (prefix: string) => {
      const n = (db.seq[prefix] ?? 0) + 1
      db.seq[prefix] = n
      return `${prefix}_${String(n).padStart(4, '0')}`
    }
    for (const d of domains) if (d.tick?.(db, { now: at, nextId })) changed = true
    return changed
  }

  function persist() {
    storage.setItem(DB_KEY, JSON.stringify(db))
  }

  function authenticate(headers: Record<string, string | undefined>, at: number) {
    const raw = headers[SESSION_HEADER]
    const token = raw?.startsWith('Bearer ') ? raw.slice(7) : undefined
    if (!token) return { account: null, problem: '请先登录' }
    const session = db.sessions.find((s) => s.token === token)
    if (!session) return { account: null, problem: '登录已失效，请重新登录' }
    if (Date.parse(session.expiresAt) <= at) return { account: null, problem: '登录已过期，请重新登录' }
    return { account: db.accounts.find((a) => a.id === session.accountId) ?? null, problem: null }
  }

  async function dispatch(route: Route, match: RegExpMatchArray, request: MockRequest, headers: Record<string, string | undefined>): Promise<MockResponse> {
    const at = now()
    const { account, problem } = authenticate(headers, at)
    if (route.endpoint.access === 'user' && !account) {
      return errorResponse(401, { code: 'UNAUTHENTICATED', message: problem ?? '请先登录' })
    }
    const params: Record<string, string> = {}
    for (const [i, p] of route.params.entries()) {
      const value = safeDecode(match[i + 1])
      if (value === null) return errorResponse(400, { code: 'VALIDATION', message: BAD_ESCAPE, fields: { [p]: BAD_ESCAPE } })
      params[p] = value
    }
    const source = route.endpoint.method === 'GET' ? request.query ?? {} : request.body ?? {}
    const parsed = route.endpoint.input.safeParse({ ...(source as object), ...params })
    if (!parsed.success) return validationFailure(parsed.error)
    const ctx = createContext(db, at, rng, account, storage)
    if (runTicks(at)) ctx.markChanged()
    const output = await handlerOf(route.name)(parsed.data, ctx)
    // Writes are saved by handle(); a read that changed state asked to be saved here.
    if (route.endpoint.method === 'GET' && ctx.changed) persist()
    return { status: 200, body: output }
  }

  async function handle(request: MockRequest): Promise<MockResponse> {
    if (faults.latencyMs > 0) await sleep(faults.latencyMs)
    if (faults.offline) throw new MockNetworkDown()
    if (faults.failureRate > 0 && rng() < faults.failureRate) {
      return errorResponse(503, { code: 'UNAVAILABLE', message: '服务繁忙，请稍后重试' })
    }
    const headers: Record<string, string | undefined> = {}
    for (const [k, v] of Object.entries(request.headers ?? {})) headers[k.toLowerCase()] = v
    const [pathname, search] = request.path.split('?')
    const query = queryOf(search, request.query)
    const matches = routes.filter((r) => r.pattern.test(pathname))
    if (matches.length === 0) return errorResponse(404, { code: 'NOT_FOUND', message: `接口不存在：${String(request.method).slice(0, 10)} ${pathname.slice(0, 100)}` })
    const route = matches.find((r) => r.endpoint.method === request.method)
    if (!route) return errorResponse(404, { code: 'NOT_FOUND', message: `接口不支持 ${String(request.method).slice(0, 10)} 方法` })
    const match = pathname.match(route.pattern) as RegExpMatchArray
    const req = { ...request, query }

    try {
      if (request.method === 'GET') return await dispatch(route, match, req, headers)
      if (request.body !== undefined && (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body))) {
        return errorResponse(400, { code: 'VALIDATION', message: '请求格式不正确，请更新小程序后重试' })
      }
      // Bounds before anything walks the body (the hash below recurses).
      const problem = bodyProblem(request.body)
      if (problem) return errorResponse(400, { code: 'VALIDATION', message: problem })
      // Who is asking comes before how: a write without a session is 401 whatever its headers.
      const caller = authenticate(headers, now())
      if (route.endpoint.access === 'user' && !caller.account) {
        return errorResponse(401, { code: 'UNAUTHENTICATED', message: caller.problem ?? '请先登录' })
      }
      const key = headers[KEY_HEADER]
      if (!key) return errorResponse(400, { code: 'VALIDATION', message: '缺少 Idempotency-Key 请求头' })
      if (key.length > BODY_LIMITS.keyChars) return errorResponse(400, { code: 'VALIDATION', message: 'Idempotency-Key 请求头太长' })
      const who = caller.account?.id ?? 'anonymous'
      const scope = `${who} ${request.method} ${pathname} ${key}`
      const hash = stableStringify(request.body ?? {})
      const pending = inflight.get(scope)
      if (pending) {
        // A double tap: wait for the first call and answer the same (or refuse a different body).
        const first = await pending
        const record = db.idempotency[scope]
        if (record && record.hash !== hash) return mismatch()
        return first
      }
      const record = db.idempotency[scope]
      if (record) return record.hash === hash ? { status: record.status, body: record.body } : mismatch()
      const work = dispatch(route, match, req, headers).catch(toResponse)
      inflight.set(scope, work)
      try {
        const response = await work
        // Only successes are replayed; a rejected body may be corrected and sent with the same key.
        if (response.status < 300) db.idempotency[scope] = { hash, status: response.status, body: response.body, at: new Date(now()).toISOString() }
        persist()
        return response
      } finally {
        inflight.delete(scope)
      }
    } catch (error) {
      return toResponse(error)
    }
  }

  function mismatch(): MockResponse {
    return errorResponse(409, { code: 'IDEMPOTENCY_MISMATCH', message: '同一次提交的内容与首次不一致，请刷新后重新提交' })
  }

  function toResponse(error: unknown): MockResponse {
    if (error instanceof MockFailure) return { status: error.status, body: error.body }
    if (error instanceof MockNetworkDown) throw error
    // A bug in a handler must still answer in the error model, never with a stack trace.
    console.error('[mock] handler crashed:', error)
    return errorResponse(500, { code: 'INTERNAL', message: '服务暂时出了点问题，请稍后重试' })
  }

  return {
    handle,
    faults,
    setFaults: (patch) => { Object.assign(faults, patch) },
    reset: () => { db = seedDatabase(now()); persist() },
    db: () => db,
    persist,
    now,
    storage,
    advanceClock(ms: number) {
      clockOffset = ms === 0 ? 0 : clockOffset + Math.max(0, Math.floor(ms))
      return clockOffset
    }
  }
}
