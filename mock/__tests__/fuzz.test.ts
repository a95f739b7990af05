// Fuzz every endpoint of the contract table (so endpoints other domains add are fuzzed too) as
// anonymous, a resident and staff, with hostile values for every field of its schema, hostile
// bodies and hostile path ids. Every answer must be a 2xx or a typed 4xx with a Chinese message,
// never a 5xx, and the backend must still answer a normal request afterwards.
import fc from 'fast-check'
import { createMockBackend, KEY_PEOPLE, type MockBackend } from '..'
import { endpoints, type Endpoint } from '../../types/contract'
import type { MockStorage } from '../storage'
import { createChecker, fieldsOf, fillPath, HOSTILE_BODIES, HOSTILE_IDS, HOSTILE_QUERY, HOSTILE_VALUES, labelOf, paramsOf } from './fuzz-cases'

// A loaded CI machine (2 cores, many suites) can make one endpoint's ~170 cases slow.
jest.setTimeout(30_000)

const NOW = Date.parse('2026-11-29T08:00:00+08:00')
const table = Object.entries(endpoints) as [string, Endpoint][]
const WHO = { anonymous: null, resident: KEY_PEOPLE.resident, staff: KEY_PEOPLE.staff } as const

/** Storage that keeps nothing: persistence is not what is fuzzed, and it keeps the run fast. */
const nullStorage = (): MockStorage => ({ getItem: () => null, setItem: () => undefined, removeItem: () => undefined })

describe('fuzz: every endpoint of the table, as anonymous, a resident and staff', () => {
  let backend: MockBackend
  let key = 0
  const checker = createChecker()
  const started = Date.now()

  beforeAll(() => { backend = createMockBackend({ now: () => NOW, storage: nullStorage() }) })
  afterAll(() => { console.log(`fuzz: ${checker.cases} cases over ${table.length} endpoints in ${Date.now() - started} ms`) })

  async function tokenOf(personId: string | null) {
    if (!personId) return undefined
    const res = await backend.handle({ method: 'POST', path: '/demo/switch', body: { personId }, headers: { 'Idempotency-Key': `switch-${++key}` } })
    return (res.body as { token: string }).token
  }

  function send(ep: Endpoint, token: string | undefined, fields: Record<string, unknown>, params: Record<string, string> = {}, rawBody?: unknown) {
    const headers: Record<string, string> = { 'Idempotency-Key': `fuzz-${++key}`, ...(token ? { Authorization: `Bearer ${token}` } : {}) }
    const path = fillPath(ep.path, params)
    if (ep.method === 'GET') {
      const query = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v) ?? '']))
      return backend.handle({ method: 'GET', path, query, headers })
    }
    return backend.handle({ method: ep.method, path, body: rawBody !== undefined ? rawBody : fields, headers })
  }

  for (const [name, ep] of table) {
    it(`${name} (${ep.method} ${ep.path}) answers hostile input with 2xx or a typed 4xx, never a 5xx`, async () => {
      const fields = fieldsOf(ep.input).filter((f) => !paramsOf(ep.path).includes(f))
      for (const [who, personId] of Object.entries(WHO)) {
        const token = await tokenOf(personId)
        const values = ep.method === 'GET' ? HOSTILE_QUERY : HOSTILE_VALUES
        for (const field of fields) {
          for (const value of values) checker.check(`${who} ${name} ${field}=${labelOf(value)}`, await send(ep, token, { [field]: value }))
        }
        // Every field hostile at once, and each whole hostile body.
        for (const value of values.slice(0, 10)) checker.check(`${who} ${name} all=${labelOf(value)}`, await send(ep, token, Object.fromEntries(fields.map((f) => [f, value]))))
        if (ep.method !== 'GET') {
          for (const body of HOSTILE_BODIES) checker.check(`${who} ${name} body=${labelOf(body)}`, await send(ep, token, {}, {}, body))
        }
        for (const param of paramsOf(ep.path)) {
          for (const bad of HOSTILE_IDS) checker.check(`${who} ${name} :${param}=${bad.slice(0, 20)}`, await send(ep, token, {}, { [param]: bad }))
        }
      }
      // Still alive: a normal request answers as usual.
      expect((await backend.handle({ method: 'GET', path: '/community/structure' })).status).toBe(200)
      expect(checker.failures).toEqual([])
    })
  }

  it('answers any JSON value in any field of any write with 2xx or a typed 4xx (fast-check)', async () => {
    const token = await tokenOf(KEY_PEOPLE.staff)
    const writes = table.filter(([, ep]) => ep.method !== 'GET')
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...writes),
      fc.array(fc.jsonValue({ maxDepth: 4 }), { minLength: 1, maxLength: 8 }),
      fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }),
      async ([name, ep], values, extra) => {
        const fields = Object.fromEntries(fieldsOf(ep.input).map((f, i) => [f, values[i % values.length]]))
        const status = checker.check(`fc ${name} ${JSON.stringify({ ...extra, ...fields }).slice(0, 160)}`, await send(ep, token, { ...extra, ...fields }))
        return status < 500
      }
    ), { numRuns: 400, seed: 20261129 })
    expect(checker.failures).toEqual([])
  })
})
