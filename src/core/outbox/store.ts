// The outbox: submissions that could not be sent yet, persisted so an app kill loses none.
// Keyed by the idempotency key, so sending an item twice files it once.
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { currentOwner, onIdentityChange } from '../session/owner'
import { taroStateStorage } from '../storage'

export interface OutboxItem<P = unknown> {
  /** The idempotency key the submission is sent with, every time. */
  key: string
  /** Which sender handles it, e.g. `requests.create`. */
  kind: string
  payload: P
  /** A short line for lists: 路灯照明 · 3栋前广场. */
  label: string
  attempts: number
  /** Epoch ms of the next automatic try. */
  nextAt: number
  lastError: string | null
  /** Refused for a reason retrying cannot fix; waits for the resident (edit or discard). */
  failed: boolean
  createdAt: number
  /**
   * Who filed it (see core/session/owner): it is sent only while they are signed in, with their
   * token, and shown to nobody else. Absent on items stored before owners were recorded.
   */
  owner?: string | null
}

/** What the server answered to a data item core sent, kept until the feature that filed it claims it. */
export interface OutboxReceipt { key: string; kind: string; result: unknown; at: number }

/** Receipts kept at most (oldest dropped): a feature claims its own when one of its pages opens. */
export const RECEIPTS_MAX = 50

interface OutboxState {
  items: OutboxItem[]
  receipts: OutboxReceipt[]
  /** The signed-in person (not persisted): their items are the ones shown and sent. */
  owner: string | null
  /** Keys being sent right now (not persisted). */
  sending: string[]
  put(item: OutboxItem): void
  patch(key: string, patch: Partial<OutboxItem>): void
  remove(key: string): void
  setSending(key: string, on: boolean): void
  addReceipt(receipt: OutboxReceipt): void
  /** Takes (and forgets) the receipts of one kind. */
  claimReceipts(kind: string): OutboxReceipt[]
}

export const useOutbox = create<OutboxState>()(persist((set, get) => ({
  items: [],
  receipts: [],
  owner: currentOwner(),
  sending: [],
  put: (item) => set((s) => ({ items: [...s.items.filter((i) => i.key !== item.key), item] })),
  patch: (key, patch) => set((s) => ({ items: s.items.map((i) => (i.key === key ? { ...i, ...patch } : i)) })),
  remove: (key) => set((s) => ({ items: s.items.filter((i) => i.key !== key) })),
  setSending: (key, on) => set((s) => ({ sending: on ? [...s.sending.filter((k) => k !== key), key] : s.sending.filter((k) => k !== key) })),
  addReceipt: (receipt) => set((s) => ({ receipts: [...s.receipts.filter((r) => r.key !== receipt.key), receipt].slice(-RECEIPTS_MAX) })),
  claimReceipts: (kind) => {
    const mine = get().receipts.filter((r) => r.kind === kind)
    if (mine.length) set((s) => ({ receipts: s.receipts.filter((r) => r.kind !== kind) }))
    return mine
  }
}), {
  name: 'linli.outbox',
  version: 1,
  storage: createJSONStorage(() => taroStateStorage),
  partialize: (s) => ({ items: s.items, receipts: s.receipts })
}))

/** The signed-in person's item (an item without an owner counts as theirs). */
export const isOwnItem = (item: OutboxItem, owner: string | null) => item.owner === undefined || item.owner === owner

/** Selector: the signed-in person's items (a new array: wrap in useShallow). */
export const selectOwnItems = (s: OutboxState) => s.items.filter((i) => isOwnItem(i, s.owner))

/** Selector factory: the signed-in person's pending items of one kind, oldest first (a new array: wrap in useShallow). */
export const selectOutboxOf = (kind: string) => (s: OutboxState) => s.items.filter((i) => i.kind === kind && isOwnItem(i, s.owner))

// Items kept from before owners were recorded belong to whoever was signed in then: the person now.
useOutbox.setState((s) => ({ owner: currentOwner(), items: s.items.map((i) => (i.owner === undefined && s.owner ? { ...i, owner: s.owner } : i)) }))
onIdentityChange((owner) => useOutbox.setState({ owner }))
