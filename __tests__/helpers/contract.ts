/**
 * Contract tests: the SAME cases run against both transports, through the real api client
 * (src/core/api/client.ts):
 *   - embedded: createEmbeddedTransport over createMockBackend({ storage: memory, now: fixed clock })
 *   - http:     the HTTP mock server (mock/server.ts) started in-process on port 0 for each test,
 *               reached with a node-http transport that mirrors src/core/api/http.ts (Taro.request
 *               needs a browser or WeChat, so the wire format is reproduced in node-http-transport.ts).
 * Every test gets a freshly seeded backend and the clock at CONTRACT_NOW.
 *
 *   import { endpoints } from '../../types/contract'
 *   import { KEY_PEOPLE } from '../../mock'
 *   import { describeBothTransports } from '../helpers/contract'
 *
 *   describeBothTransports('requests', (t) => {
 *     it('refuses a resident closing a request with 403', async () => {
 *       const { token } = await t.loginAs(KEY_PEOPLE.elderlyResident)   // or t.login() for a new account
 *       const created = await t.call(endpoints.createRequest, { ... }, { token })
 *       await expect(t.call(endpoints.closeRequest, { id: created.id }, { token }))
 *         .rejects.toMatchObject({ status: 403, code: 'FORBIDDEN', message: '...' })
 *     })
 *   })
 *
 * t.call / t.upload go through the client (local validation, keys, retries: 2 quick retries).
 * t.raw sends one request past the client (malformed bodies, missing headers).
 * t.backend is the live backend on both sides (arrange state: t.backend.db(), then t.backend.persist()).
 * t.advance(ms) moves the clock; t.setFaults({...}) uses backend.setFaults (embedded) or POST /__mock/faults (http).
 */
import { call, configureClient, upload, type CallOptions } from '../../src/core/api/client'
import { createEmbeddedTransport } from '../../src/core/api/embedded'
import type { ApiError } from '../../src/core/api/errors'
import type { TransportResponse } from '../../src/core/api/transport'
import { createMemoryStorage, createMockBackend, type FaultSettings, type MockBackend } from '../../mock'
import { startMockServer, type MockServer } from '../../mock/server'
import { endpoints, HEADERS, type Endpoint, type InputOf, type OutputOf, type Session } from '../../types/contract'
import { createNodeHttpTransport, rawRequest } from './node-http-transport'

/** 2026-11-29 08:00 in Beijing: the fixed "now" of every contract test. */
export const CONTRACT_NOW = Date.parse('2026-11-29T08:00:00+08:00')

export type TransportKind = 'embedded' | 'http'
export type TargetCallOptions = CallOptions & { token?: string | null }

export interface RawCall {
  method: string
  /** Path below the API root, e.g. /me/house. */
  path: string
  /** A string is sent as it is (e.g. malformed JSON); an object as JSON. */
  body?: string | object
  headers?: Record<string, string>
}

export interface ContractTarget {
  readonly kind: TransportKind
  /** The backend behind the transport (in-process on both sides). */
  readonly backend: MockBackend
  /** 401s the client reported through onUnauthenticated in this test. */
  readonly unauthenticated: ApiError[]
  now(): number
  advance(ms: number): void
  call<E extends Endpoint>(endpoint: E, input: InputOf<E>, options?: TargetCallOptions): Promise<OutputOf<E>>
  upload<T>(path: string, filePath: string, fields: Record<string, string>, options?: TargetCallOptions): Promise<T>
  /** A new account through POST /auth/login (a new WeChat code each time unless given). */
  login(code?: string): Promise<Session>
  /** A session as a seeded person (the 演示身份 switch). */
  loginAs(personId: string): Promise<Session>
  raw(request: RawCall): Promise<TransportResponse>
  setFaults(patch: Partial<FaultSettings>): Promise<void>
}

const NO_FAULTS: FaultSettings = { latencyMs: 0, failureRate: 0, offline: false }

function createTarget(kind: TransportKind): ContractTarget {
  let clock = CONTRACT_NOW
  let token: string | null = null
  let backend: MockBackend | null = null
  let server: MockServer | null = null
  let codes = 0
  const unauthenticated: ApiError[] = []

  beforeEach(async () => {
    clock = CONTRACT_NOW
    codes = 0
    unauthenticated.length = 0
    const now = () => clock
    let transport
    if (kind === 'http') {
      server = await startMockServer({ port: 0, storage: createMemoryStorage(), now, faults: NO_FAULTS })
      backend = server.backend
      transport = createNodeHttpTransport(server.apiUrl)
    } else {
      backend = createMockBackend({ storage: createMemoryStorage(), now, faults: NO_FAULTS })
      transport = createEmbeddedTransport(backend)
    }
    configureClient({
      transport,
      getToken: () => token,
      onUnauthenticated: (e) => { unauthenticated.push(e) },
      timeoutMs: 3000,
      retries: 2,
      retryBaseMs: 1,
      retryMaxMs: 4,
      random: () => 0.5
    })
  })

  afterEach(async () => {
    await server?.close()
    server = null
  })

  const live = () => backend ?? (() => { throw new Error('contract target used outside a test') })()

  // The client reads the token synchronously when a call starts, so setting it just before is safe
  // even for concurrent calls.
  const withToken = <T>(options: TargetCallOptions | undefined, run: (o: CallOptions) => Promise<T>) => {
    const { token: given, ...rest } = options ?? {}
    token = given ?? null
    return run(rest)
  }

  const target: ContractTarget = {
    kind,
    get backend() { return live() },
    unauthenticated,
    now: () => clock,
    advance: (ms) => { clock += ms },
    call: (endpoint, input, options) => withToken(options, (o) => call(endpoint, input, o)),
    upload: (path, filePath, fields, options) => withToken(options, (o) => upload(path, filePath, fields, o)),
    login: (code) => target.call(endpoints.login, { code: code ?? `contract-code-${++codes}` }),
    loginAs: (personId) => target.call(endpoints.switchDemoIdentity, { personId }),
    async raw(r) {
      const headers = { [HEADERS.idempotencyKey]: `raw-${Math.random().toString(36).slice(2)}`, ...r.headers }
      if (kind === 'embedded') {
        // The embedded transport hands objects over; a string body is what a malformed JSON
        // body amounts to once it reaches the router.
        return live().handle({ method: r.method as 'GET', path: r.path, body: r.body, headers })
      }
      const body = typeof r.body === 'string' ? r.body : r.body === undefined ? undefined : JSON.stringify(r.body)
      const { status, body: answer } = await rawRequest((server as MockServer).url, {
        method: r.method, path: `/api${r.path}`, headers: { 'content-type': 'application/json', ...headers }, body
      })
      return { status, body: answer }
    },
    async setFaults(patch) {
      if (kind === 'embedded' || !server) return live().setFaults(patch)
      const res = await rawRequest(server.url, { method: 'POST', path: '/__mock/faults', body: JSON.stringify(patch) })
      if (res.status !== 200) throw new Error(`setting faults failed: ${res.status}`)
    }
  }
  return target
}

/** Registers `cases` twice: `<name> [embedded]` and `<name> [http]`. */
export function describeBothTransports(name: string, cases: (t: ContractTarget) => void): void {
  for (const kind of ['embedded', 'http'] as const) {
    describe(`${name} [${kind}]`, () => cases(createTarget(kind)))
  }
}
