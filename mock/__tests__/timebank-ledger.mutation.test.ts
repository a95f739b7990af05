// The time bank's double-entry ledger at its edges (npm run mutate): a balance of exactly zero is
// allowed and one half point below is refused, a key replays its first transfer, credits move from
// pending to available once, and checkLedger names each broken invariant.
import type { Db } from '../db'
import { MockFailure } from '../errors'
import { ACCOUNTS, balanceOf, checkLedger, credit, ledgerOf, postTransfer, type SourceRef } from '../handlers/timebank-ledger'

const AT = '2026-11-29T00:00:00.000Z'
function fresh() {
  const db = {} as Db
  let n = 0
  const nextId = () => `tr_${++n}`
  return { db, nextId }
}
const A = ACCOUNTS.available('p_1')
const P = ACCOUNTS.pending('p_1')
const src: SourceRef = { kind: 'volunteer_hours', id: 'su_1', title: '图书角值守', link: null }

function failureOf(fn: () => unknown) {
  try {
    fn()
  } catch (e) {
    if (e instanceof MockFailure) return { status: e.status, body: e.body }
    return { thrown: (e as Error).message }
  }
  return null
}

describe('postTransfer', () => {
  it('allows spending down to exactly zero and refuses one unit more with 422, changing nothing', () => {
    const { db, nextId } = fresh()
    postTransfer(db, { key: 'mint', kind: 'credit', legs: [{ account: ACCOUNTS.issuance, amount: -4 }, { account: A, amount: 4 }], memo: 'm', at: AT }, nextId)
    expect(balanceOf(db, ACCOUNTS.issuance)).toBe(-4)
    const tooMuch = { key: 'over', kind: 'redeem', legs: [{ account: A, amount: -5 }, { account: ACCOUNTS.store, amount: 5 }], memo: 'r', at: AT }
    expect(failureOf(() => postTransfer(db, tooMuch, nextId))).toEqual({ status: 422, body: { code: 'INVALID_STATE', message: '积分余额不足' } })
    expect(ledgerOf(db).transfers).toHaveLength(1)
    expect([balanceOf(db, A), balanceOf(db, ACCOUNTS.store), ledgerOf(db).byKey.over]).toEqual([4, 0, undefined])
    const exact = postTransfer(db, { ...tooMuch, key: 'exact', legs: [{ account: A, amount: -4 }, { account: ACCOUNTS.store, amount: 4 }] }, nextId)
    expect(exact.id).toBe('tr_2')
    expect([balanceOf(db, A), balanceOf(db, ACCOUNTS.store)]).toEqual([0, 4])
    expect(checkLedger(db)).toEqual([])
  })

  it('nets legs on one account before checking the balance', () => {
    const { db, nextId } = fresh()
    const t = postTransfer(db, { key: 'net', kind: 'x', legs: [{ account: A, amount: 2 }, { account: A, amount: -2 }, { account: P, amount: 0 }], memo: '', at: AT }, nextId)
    expect(t.legs).toEqual([{ account: A, amount: 2 }, { account: A, amount: -2 }])
    expect(balanceOf(db, A)).toBe(0)
  })

  it('the community pool and store may not go below zero; only issuance may', () => {
    const { db, nextId } = fresh()
    expect(failureOf(() => postTransfer(db, { key: 'k', kind: 'x', legs: [{ account: ACCOUNTS.pool, amount: -1 }, { account: A, amount: 1 }], memo: '', at: AT }, nextId)))
      .toEqual({ status: 422, body: { code: 'INVALID_STATE', message: '积分余额不足' } })
  })

  it('a replayed key answers the first transfer and moves nothing again', () => {
    const { db, nextId } = fresh()
    const input = { key: 'once', kind: 'credit', legs: [{ account: ACCOUNTS.issuance, amount: -2 }, { account: A, amount: 2 }], memo: 'm', at: AT }
    const first = postTransfer(db, input, nextId)
    const again = postTransfer(db, { ...input, legs: [{ account: ACCOUNTS.issuance, amount: -9 }, { account: A, amount: 9 }] }, nextId)
    expect(again).toBe(first)
    expect(balanceOf(db, A)).toBe(2)
    expect(first).toEqual({ id: 'tr_1', key: 'once', kind: 'credit', legs: input.legs, memo: 'm', source: null, reverses: null, actorId: null, createdAt: AT })
  })

  it('refuses fractional and unbalanced legs as bugs (thrown, not a 4xx)', () => {
    const { db, nextId } = fresh()
    expect(failureOf(() => postTransfer(db, { key: 'f', kind: 'x', legs: [{ account: ACCOUNTS.issuance, amount: -0.5 }, { account: A, amount: 0.5 }], memo: '', at: AT }, nextId)))
      .toEqual({ thrown: 'ledger amounts must be integers' })
    expect(failureOf(() => postTransfer(db, { key: 'u', kind: 'x', legs: [{ account: ACCOUNTS.issuance, amount: -1 }, { account: A, amount: 2 }], memo: '', at: AT }, nextId)))
      .toEqual({ thrown: 'ledger legs must sum to zero' })
    expect(ledgerOf(db).transfers).toEqual([])
  })
})

describe('credit', () => {
  it('pending first, adjusted by the difference, then final moves it to available once', () => {
    const { db, nextId } = fresh()
    credit(db, { personId: 'p_1', amount: 3, source: src, final: false, at: AT }, nextId)
    expect([balanceOf(db, P), balanceOf(db, A), balanceOf(db, ACCOUNTS.issuance)]).toEqual([3, 0, -3])
    credit(db, { personId: 'p_1', amount: 3, source: src, final: false, at: AT }, nextId)
    expect(ledgerOf(db).transfers).toHaveLength(1)
    credit(db, { personId: 'p_1', amount: 2, source: src, final: false, at: AT }, nextId)
    expect(ledgerOf(db).transfers.map((t) => [t.kind, t.memo, t.legs])).toEqual([
      ['credit_pending', '图书角值守（公示中）', [{ account: ACCOUNTS.issuance, amount: -3 }, { account: P, amount: 3 }]],
      ['credit_pending', '图书角值守（公示中）', [{ account: ACCOUNTS.issuance, amount: 1 }, { account: P, amount: -1 }]]
    ])
    const done = credit(db, { personId: 'p_1', amount: 4, source: src, final: true, at: AT }, nextId)
    expect(done).toEqual({ personId: 'p_1', amount: 4, final: true, transferIds: ['tr_1', 'tr_2', 'tr_3'] })
    expect([balanceOf(db, P), balanceOf(db, A), balanceOf(db, ACCOUNTS.issuance)]).toEqual([0, 4, -4])
    expect(ledgerOf(db).transfers[2]).toMatchObject({ kind: 'credit', memo: '图书角值守', key: 'volunteer_hours:su_1#2:credit', source: src })
    // Final is final: later calls change nothing.
    expect(credit(db, { personId: 'p_1', amount: 10, source: src, final: true, at: AT }, nextId)).toBe(done)
    expect(credit(db, { personId: 'p_1', amount: 10, source: src, final: false, at: AT }, nextId)).toBe(done)
    expect(balanceOf(db, A)).toBe(4)
    expect(checkLedger(db)).toEqual([])
  })

  it('a credit of zero pending makes no transfer; negative or fractional amounts are bugs', () => {
    const { db, nextId } = fresh()
    const r = credit(db, { personId: 'p_1', amount: 0, source: src, final: false, at: AT }, nextId)
    expect(r).toEqual({ personId: 'p_1', amount: 0, final: false, transferIds: [] })
    expect(ledgerOf(db).credits['volunteer_hours:su_1']).toBe(r)
    expect(failureOf(() => credit(db, { personId: 'p_1', amount: -1, source: src, final: false, at: AT }, nextId))).toEqual({ thrown: 'credit amount must be a non-negative integer' })
    expect(failureOf(() => credit(db, { personId: 'p_1', amount: 1.5, source: src, final: true, at: AT }, nextId))).toEqual({ thrown: 'credit amount must be a non-negative integer' })
  })

  it('straight to final mints to available without a pending step', () => {
    const { db, nextId } = fresh()
    credit(db, { personId: 'p_1', amount: 2, source: { ...src, id: 'su_2' }, final: true, at: AT }, nextId)
    expect(ledgerOf(db).transfers.map((t) => t.legs)).toEqual([[{ account: A, amount: 2 }, { account: ACCOUNTS.issuance, amount: -2 }]])
  })
})

describe('checkLedger', () => {
  it('names an unbalanced transfer, a fractional leg, a stale balance and a resident below zero', () => {
    const { db } = fresh()
    const l = ledgerOf(db)
    l.transfers.push({ id: 't1', key: 'a', kind: 'x', legs: [{ account: A, amount: 1 }], memo: '', source: null, reverses: null, actorId: null, createdAt: AT })
    l.transfers.push({ id: 't2', key: 'b', kind: 'x', legs: [{ account: P, amount: 0.5 }, { account: P, amount: -0.5 }], memo: '', source: null, reverses: null, actorId: null, createdAt: AT })
    l.balances[A] = 1
    l.balances[ACCOUNTS.store] = -2
    l.balances[ACCOUNTS.issuance] = -3
    expect(checkLedger(db)).toEqual([
      'transfer t1 does not balance',
      'transfer t2 has a fractional leg',
      'transfer t2 has a fractional leg',
      'balance of community:store is -2, its movements sum to 0',
      'community:store is below zero',
      'balance of community:issuance is -3, its movements sum to 0'
    ])
  })
})
