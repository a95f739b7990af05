// The outbox: submissions that could not be sent yet, persisted so an app kill loses none.
// Keyed by the idempotency key, so sending an item twice files it once.
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
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
}

interface OutboxState {
  items: OutboxItem[]
  /** Keys being sent right now (not persisted). */
  sending: string[]
  put(item: OutboxItem): void
  patch(key: string, patch: Partial<OutboxItem>): void
  remove(key: string): void
  setSending(key: string, on: boolean): void
}

export const useOutbox = create<OutboxState>()(persist((set) => ({
  items: [],
  sending: [],
  put: (item) => set((s) => ({ items: [...s.items.filter((i) => i.key !== item.key), item] })),
  patch: (key, patch) => set((s) => ({ items: s.items.map((i) => (i.key === key ? { ...i, ...patch } : i)) })),
  remove: (key) => set((s) => ({ items: s.items.filter((i) => i.key !== key) })),
  setSending: (key, on) => set((s) => ({ sending: on ? [...s.sending.filter((k) => k !== key), key] : s.sending.filter((k) => k !== key) }))
}), {
  name: 'linli.outbox',
  version: 1,
  storage: createJSONStorage(() => taroStateStorage),
  partialize: (s) => ({ items: s.items })
}))

/** Selector factory: pending items of one kind, oldest first (a new array: wrap in useShallow). */
export const selectOutboxOf = (kind: string) => (s: OutboxState) => s.items.filter((i) => i.kind === kind)
