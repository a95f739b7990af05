// Arrange helpers for the 时间银行 mock tests: a seeded backend on a movable clock, sessions as
// seeded people, and calls that return { status, body }.
import { createMockBackend, KEY_PEOPLE, type MockBackend, type MockStorage } from '..'
import { checkLedger, ledgerOf } from '../handlers/timebank-ledger'
import { tbOf } from '../handlers/timebank-store'

export const NOW = Date.parse('2026-11-29T08:00:00+08:00')
export const DAY = 86400_000
export const P = { ...KEY_PEOPLE, wu: 'p_009', huang: 'p_011', he: 'p_012' } as const

export interface Res<T = Record<string, unknown>> { status: number; body: T }

export function setup(storage?: MockStorage) {
  let now = NOW
  let seq = 0
  let backend: MockBackend = createMockBackend({ now: () => now, storage })
  const tokens: Record<string, string> = {}
  async function auth(personId: string) {
    if (!tokens[personId]) {
      const res = await backend.handle({ method: 'POST', path: '/demo/switch', body: { personId }, headers: { 'Idempotency-Key': `switch-${personId}-${++seq}` } })
      tokens[personId] = (res.body as { token: string }).token
    }
    return { Authorization: `Bearer ${tokens[personId]}` }
  }
  const t = {
    get backend() { return backend },
    db: () => backend.db(),
    advance: (ms: number) => { now += ms },
    now: () => now,
    restart: (s: MockStorage) => { backend = createMockBackend({ now: () => now, storage: s }) },
    async get<T = Record<string, unknown>>(as: string, path: string): Promise<Res<T>> {
      const res = await backend.handle({ method: 'GET', path, headers: await auth(as) }) as Res<T>
      if (res.status !== 401) return res
      delete tokens[as] // the session ran out while the clock moved on: sign in again
      return await backend.handle({ method: 'GET', path, headers: await auth(as) }) as Res<T>
    },
    async post<T = Record<string, unknown>>(as: string, path: string, body: object = {}, key?: string, method: 'POST' | 'PUT' = 'POST'): Promise<Res<T>> {
      const k = key ?? `k${++seq}`
      const res = await backend.handle({ method, path, body, headers: { ...(await auth(as)), 'Idempotency-Key': k } }) as Res<T>
      if (res.status !== 401) return res
      delete tokens[as]
      return await backend.handle({ method, path, body, headers: { ...(await auth(as)), 'Idempotency-Key': k } }) as Res<T>
    },
    available: (personId: string) => ledgerOf(backend.db()).balances[`person:${personId}`] ?? 0
  }
  return t
}

/** Every promise of the ledger and the store at once; returns the broken ones. */
export function invariantProblems(db: ReturnType<MockBackend['db']>): string[] {
  const problems = checkLedger(db)
  const sum = Object.values(ledgerOf(db).balances).reduce((n, v) => n + v, 0)
  if (sum !== 0) problems.push(`accounts sum to ${sum}`)
  const state = tbOf(db)
  for (const g of state.goods) {
    if (g.stock < 0) problems.push(`${g.name} stock ${g.stock}`)
    const reserved = state.orders.filter((o) => o.goodsId === g.id && o.status === 'reserved').reduce((n, o) => n + o.quantity, 0)
    const handed = state.orders.filter((o) => o.goodsId === g.id && o.status === 'picked_up').reduce((n, o) => n + o.quantity, 0)
    if (g.stockIn - g.stock - reserved !== handed || g.handedOver !== handed) problems.push(`${g.name}: in ${g.stockIn}, stock ${g.stock}, reserved ${reserved}, handed ${handed}`)
  }
  for (const o of state.orders) {
    const held = ledgerOf(db).balances[`hold:${o.id}`] ?? 0
    if (held !== (o.status === 'reserved' ? o.points : 0)) problems.push(`order ${o.id} ${o.status} holds ${held}`)
  }
  for (const x of state.exchanges) {
    const escrow = ledgerOf(db).balances[`escrow:${x.id}`] ?? 0
    const open = x.status === 'open' || x.status === 'agreed' || x.status === 'claimed'
    if (escrow !== (open ? x.escrow : 0)) problems.push(`exchange ${x.id} ${x.status} holds ${escrow}`)
  }
  return problems
}
