// The ledger under 10,000 random operations through the mock's front door (backend.handle, so
// validation, idempotency keys and double taps are real): after every step every account sums
// to 0, cached balances equal their movements, no resident is below 0, stock is never below 0
// and stock in − out equals what was handed over. fast-check keeps the shrunk failing case.
import fc from 'fast-check'
import { createMemoryStorage, type MockStorage } from '..'
import { credit } from '../handlers/timebank-ledger'
import { tbOf } from '../handlers/timebank-store'
import { DAY, invariantProblems, P, setup } from './timebank-fixture'

// 5 runs × 2,000 operations = 10,000 (each run on a fresh seed keeps the per-step persistence cheap).
const OPS = Number(process.env.TB_OPS ?? 2_000)
const PEOPLE = [P.elderlyResident, P.leader, P.volunteer, P.leaderJinxiu, P.resident, P.wu, P.huang, P.he]

type Op =
  | { t: 'earn'; who: number; units: number; final: boolean; src: number }
  | { t: 'issue'; who: number; units: number; debit: boolean }
  | { t: 'redeem'; who: number; goods: number; qty: number }
  | { t: 'cancel'; who: number; pick: number }
  | { t: 'handover'; pick: number; wrong: boolean }
  | { t: 'book'; who: number; offer: number; hours: number }
  | { t: 'claim'; pick: number; units: number }
  | { t: 'accept'; pick: number }
  | { t: 'give'; who: number; units: number }
  | { t: 'reverse'; pick: number }
  | { t: 'replay' }
  | { t: 'doubleTap'; who: number; goods: number }
  | { t: 'advance'; hours: number }

const who = fc.nat(PEOPLE.length - 1)
const pick = fc.nat(1000)
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('earn' as const), who, units: fc.integer({ min: 1, max: 30 }), final: fc.boolean(), src: fc.nat(40) }),
  fc.record({ t: fc.constant('issue' as const), who, units: fc.integer({ min: 1, max: 40 }), debit: fc.boolean() }),
  fc.record({ t: fc.constant('redeem' as const), who, goods: fc.nat(5), qty: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ t: fc.constant('cancel' as const), who, pick }),
  fc.record({ t: fc.constant('handover' as const), pick, wrong: fc.boolean() }),
  fc.record({ t: fc.constant('book' as const), who, offer: fc.nat(3), hours: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ t: fc.constant('claim' as const), pick, units: fc.integer({ min: -1, max: 12 }) }),
  fc.record({ t: fc.constant('accept' as const), pick }),
  fc.record({ t: fc.constant('give' as const), who, units: fc.integer({ min: 0, max: 20 }) }),
  fc.record({ t: fc.constant('reverse' as const), pick }),
  fc.constant({ t: 'replay' as const }),
  fc.record({ t: fc.constant('doubleTap' as const), who, goods: fc.nat(5) }),
  fc.record({ t: fc.constant('advance' as const), hours: fc.integer({ min: 1, max: 100 }) })
)

interface Sent { as: string; path: string; body: object; key: string; status: number; answer: unknown }

async function run(ops: Op[], restartAt = -1): Promise<Record<string, number>> {
  const tally: Record<string, number> = {}
  const storage: MockStorage = createMemoryStorage()
  const t = setup(storage)
  let last: Sent | null = null
  let n = 0
  const send = async (as: string, path: string, body: object = {}) => {
    const key = `op${++n}`
    const res = await t.post(as, path, body, key)
    const tk = `${path.split('/')[2]}:${res.status}`
    tally[tk] = (tally[tk] ?? 0) + 1
    if (res.status >= 500) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`)
    if (res.status === 200) last = { as, path, body, key, status: res.status, answer: res.body }
    return res
  }
  const state = () => tbOf(t.db())
  for (const [i, op] of ops.entries()) {
    if (i === restartAt) t.restart(storage)
    const person = 'who' in op ? PEOPLE[op.who] : P.staff
    switch (op.t) {
      case 'earn': {
        const source = { kind: 'fuzz_activity', id: `fa_${person}_${op.src}`, title: '随机服务', link: null }
        credit(t.db(), { personId: person, amount: op.units, source, final: op.final, at: new Date(t.now()).toISOString() }, () => `tt_f${++n}`)
        t.backend.persist()
        break
      }
      case 'issue': await send(P.staff, '/timebank/staff/issue', { personId: person, points: op.units, direction: op.debit ? 'debit' : 'credit', reason: '随机调整' }); break
      case 'redeem': await send(person, `/timebank/goods/${state().goods[op.goods].id}/redeem`, { quantity: op.qty }); break
      case 'cancel': {
        const mine = state().orders.filter((o) => o.personId === person)
        if (mine.length) await send(person, `/timebank/orders/${mine[op.pick % mine.length].id}/cancel`)
        break
      }
      case 'handover': {
        // Mostly codes of open orders; sometimes a used or closed one, sometimes a wrong one.
        const all = state().orders
        const open = all.filter((o) => o.status === 'reserved')
        const from = open.length && op.pick % 4 ? open : all
        const code = op.wrong || !from.length ? 'WRONG9' : from[op.pick % from.length].pickupCode
        await send(P.staff, '/timebank/pickups', { code })
        break
      }
      case 'book': await send(person, `/timebank/offers/${state().offers[op.offer].id}/book`, { hours: op.hours }); break
      case 'claim': case 'accept': {
        const xs = state().exchanges
        if (!xs.length) break
        const x = xs[op.pick % xs.length]
        if (op.t === 'claim') await send(x.providerId ?? P.resident, `/timebank/exchanges/${x.id}/claim`, { points: op.units })
        else await send(x.receiverId, `/timebank/exchanges/${x.id}/accept`)
        break
      }
      case 'give': await send(person, '/timebank/gifts', { to: 'pool', points: op.units }); break
      case 'reverse': {
        const ts = t.db().ledger?.transfers ?? []
        await send(P.staff, `/timebank/staff/transfers/${ts[op.pick % ts.length].id}/reverse`, { reason: '随机冲正' })
        break
      }
      case 'replay': {
        const prev = last as Sent | null
        if (!prev) break
        const again = await t.post(prev.as, prev.path, prev.body, prev.key)
        expect(again.body).toEqual(prev.answer)
        const other = await t.post(prev.as, prev.path, { ...prev.body, extra: 1 }, prev.key)
        expect(other.status).toBe(409)
        break
      }
      case 'doubleTap': {
        const key = `tap${++n}`
        const path = `/timebank/goods/${state().goods[op.goods].id}/redeem`
        const [a, b] = await Promise.all([t.post(person, path, { quantity: 1 }, key), t.post(person, path, { quantity: 1 }, key)])
        expect(b).toEqual(a)
        break
      }
      case 'advance': t.advance(op.hours * 3600_000); await t.get(P.resident, '/timebank/balance'); break
    }
    const problems = invariantProblems(t.db())
    if (problems.length) throw new Error(`after step ${i} (${JSON.stringify(op)}): ${problems.join('; ')}`)
  }
  return tally
}

describe('timebank ledger invariants', () => {
  it('holds after every one of 10,000 random operations (5 × 2,000)', async () => {
    await fc.assert(fc.asyncProperty(fc.array(opArb, { minLength: OPS, maxLength: OPS }), async (ops) => {
      const tally = await run(ops)
      const ok = Object.entries(tally).filter(([k]) => k.endsWith(':200')).reduce((n, [, v]) => n + v, 0)
      if (process.env.TB_TALLY) console.log(tally)
      // The run must do real work, not only be refused: a good share of writes succeed.
      expect(ok).toBeGreaterThan(OPS / 5)
    }), { numRuns: 5, seed: 20261129, endOnFailure: true })
  }, 600_000)

  it('holds across many short runs (shrinkable) and across a restart of the backend', async () => {
    await fc.assert(fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 60 }), fc.nat(60), async (ops, at) => { await run(ops, at) }), { numRuns: 60 })
  }, 600_000)

  it('still answers when a week passes with orders open', async () => {
    await run([{ t: 'redeem', who: 2, goods: 0, qty: 1 }, { t: 'advance', hours: 7 * 24 }, { t: 'replay' }])
    expect(DAY).toBe(86400_000)
  })
})
