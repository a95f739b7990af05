// The time bank's double-entry ledger core. Every movement of points is a transfer whose legs sum
// to zero; transfers are append-only (a correction is a new reversing transfer); cached balances
// are updated in the same step and must always equal the sum of their legs (checkLedger proves it).
// Amounts are integers in HALF points (1 hour of service = 1 point = 2 units), never floats.
//
// Other domains credit points only through `credit` below, once per source record.
import type { Id, IsoTime } from '../../types/contract'
import type { Db } from '../db'
import { fail } from '../errors'

/** Ledger unit: half points. `toUnits(1.5 points) = 3`. */
export const UNITS_PER_POINT = 2

/** Accounts: a resident's available and pending points, and the community's own. */
export const ACCOUNTS = {
  issuance: 'community:issuance',
  pool: 'community:pool',
  store: 'community:store',
  available: (personId: Id) => `person:${personId}`,
  pending: (personId: Id) => `pending:${personId}`
} as const

/** Where points came from: the record that minted them (an activity's hours, a help task, …). */
export interface SourceRef { kind: string; id: Id; title: string; link: string | null }

export interface LedgerLeg { account: string; amount: number }

export interface TransferRecord {
  id: Id
  /** The idempotency key of the action that caused it (or the source key for credits). */
  key: string
  kind: string
  legs: LedgerLeg[]
  memo: string
  source: SourceRef | null
  /** The transfer this one reverses, for staff corrections. */
  reverses: Id | null
  actorId: Id | null
  createdAt: IsoTime
}

export interface CreditRecord { personId: Id; amount: number; final: boolean; transferIds: Id[] }

export interface LedgerState {
  transfers: TransferRecord[]
  /** Cached balance per account, always the sum of that account's legs. */
  balances: Record<string, number>
  /** Transfer id per key: a replay of the same key answers the first transfer. */
  byKey: Record<string, Id>
  /** `${source.kind}:${source.id}` → what was credited for it (at most once per source record). */
  credits: Record<string, CreditRecord>
}

declare module '../db' {
  interface Db { ledger?: LedgerState }
}

export const emptyLedger = (): LedgerState => ({ transfers: [], balances: {}, byKey: {}, credits: {} })

export function ledgerOf(db: Db): LedgerState {
  if (!db.ledger) db.ledger = emptyLedger()
  return db.ledger
}

/** Resident accounts may never go below zero; the community's issuance account is negative by design. */
const mustStayNonNegative = (account: string) => !account.startsWith('community:issuance')

export const balanceOf = (db: Db, account: string) => ledgerOf(db).balances[account] ?? 0

export interface TransferInput {
  key: string
  kind: string
  legs: LedgerLeg[]
  memo: string
  source?: SourceRef | null
  reverses?: Id | null
  actorId?: Id | null
  at: IsoTime
}

/**
 * Appends one balanced transfer, or answers the one already made with the same key. Refuses
 * unbalanced or fractional legs (a bug, 500 by design) and a balance that would go below zero
 * (422 积分余额不足).
 */
export function postTransfer(db: Db, input: TransferInput, nextId: () => Id): TransferRecord {
  const ledger = ledgerOf(db)
  const existing = ledger.byKey[input.key]
  if (existing) return ledger.transfers.find((t) => t.id === existing) as TransferRecord
  const legs = input.legs.filter((l) => l.amount !== 0)
  if (legs.some((l) => !Number.isSafeInteger(l.amount))) throw new Error('ledger amounts must be integers')
  if (legs.reduce((n, l) => n + l.amount, 0) !== 0) throw new Error('ledger legs must sum to zero')
  const after = new Map<string, number>()
  for (const l of legs) after.set(l.account, (after.get(l.account) ?? balanceOf(db, l.account)) + l.amount)
  for (const [account, value] of after) {
    if (value < 0 && mustStayNonNegative(account)) fail('INVALID_STATE', '积分余额不足')
  }
  const transfer: TransferRecord = {
    id: nextId(), key: input.key, kind: input.kind, legs, memo: input.memo,
    source: input.source ?? null, reverses: input.reverses ?? null, actorId: input.actorId ?? null, createdAt: input.at
  }
  ledger.transfers.push(transfer)
  for (const [account, value] of after) ledger.balances[account] = value
  ledger.byKey[input.key] = transfer.id
  return transfer
}

export interface CreditInput {
  personId: Id
  /** Half points; hours rounded down to half hours give whole units. */
  amount: number
  source: SourceRef
  /** false: still in 公示 (pending, shown but not spendable); true: final (available). */
  final: boolean
  at: IsoTime
}

const sourceKey = (s: SourceRef) => `${s.kind}:${s.id}`

/**
 * Mints points for one source record, at most once. Called while the record is provisional it
 * credits the person's pending account (again with a new amount: the difference is adjusted);
 * called with `final` it moves the pending amount to available. Once final, further calls are
 * no-ops that answer the same record.
 */
export function credit(db: Db, input: CreditInput, nextId: () => Id): CreditRecord {
  if (!Number.isSafeInteger(input.amount) || input.amount < 0) throw new Error('credit amount must be a non-negative integer')
  const ledger = ledgerOf(db)
  const key = sourceKey(input.source)
  const record = ledger.credits[key] ?? { personId: input.personId, amount: 0, final: false, transferIds: [] }
  if (record.final) return record
  const pending = ACCOUNTS.pending(input.personId)
  const step = record.transferIds.length
  const push = (kind: string, legs: LedgerLeg[], memo: string) => {
    const t = postTransfer(db, { key: `${key}#${step}:${kind}`, kind, legs, memo, source: input.source, at: input.at }, nextId)
    record.transferIds.push(t.id)
  }
  const delta = input.amount - record.amount
  if (!input.final) {
    if (delta !== 0) push('credit_pending', [{ account: ACCOUNTS.issuance, amount: -delta }, { account: pending, amount: delta }], `${input.source.title}（公示中）`)
    record.amount = input.amount
  } else {
    // Settle what was pending and mint any difference straight to available.
    const legs: LedgerLeg[] = [
      { account: pending, amount: -record.amount },
      { account: ACCOUNTS.available(input.personId), amount: input.amount },
      { account: ACCOUNTS.issuance, amount: record.amount - input.amount }
    ]
    push('credit', legs, input.source.title)
    record.amount = input.amount
    record.final = true
  }
  ledger.credits[key] = record
  return record
}

/** Proves the invariants: every transfer balances, every cached balance equals its legs, none below zero. */
export function checkLedger(db: Db): string[] {
  const ledger = ledgerOf(db)
  const problems: string[] = []
  const sums: Record<string, number> = {}
  for (const t of ledger.transfers) {
    if (t.legs.reduce((n, l) => n + l.amount, 0) !== 0) problems.push(`transfer ${t.id} does not balance`)
    for (const l of t.legs) {
      if (!Number.isSafeInteger(l.amount)) problems.push(`transfer ${t.id} has a fractional leg`)
      sums[l.account] = (sums[l.account] ?? 0) + l.amount
    }
  }
  const accounts = new Set([...Object.keys(sums), ...Object.keys(ledger.balances)])
  for (const a of accounts) {
    if ((sums[a] ?? 0) !== (ledger.balances[a] ?? 0)) problems.push(`balance of ${a} is ${ledger.balances[a] ?? 0}, its movements sum to ${sums[a] ?? 0}`)
    if ((ledger.balances[a] ?? 0) < 0 && mustStayNonNegative(a)) problems.push(`${a} is below zero`)
  }
  return problems
}
