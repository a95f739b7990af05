// Server data of 时间银行 as a small cache with keys: the balance (kept on the device so 我的 shows
// it offline), and whatever a page loaded last under its key. Pull-down refreshes.
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { TbBalance } from '../../types/contract/timebank'
import { codeOf, messageOf, type ErrorCode } from '../core/api'
import { currentOwner, resetOnIdentityChange } from '../core/session/owner'
import { taroStateStorage } from '../core/storage'
import { timebankApi } from './api'

export interface Slot<T> { data: T | null; phase: 'idle' | 'loading' | 'ready' | 'error'; error: string | null; code?: ErrorCode }

interface TimebankState {
  owner: string | null
  balance: TbBalance | null
  slots: Record<string, Slot<unknown>>
}

export const useTimebank = create<TimebankState>()(persist((): TimebankState => ({ owner: null, balance: null, slots: {} }), {
  name: 'linli.timebank',
  version: 1,
  storage: createJSONStorage(() => taroStateStorage),
  partialize: (s) => ({ owner: s.owner, balance: s.balance, slots: {} }),
  merge: (stored, current) => ({ ...current, ...(stored as Partial<TimebankState>) })
}))

export const resetTimebank = (owner: string | null = null) => useTimebank.setState({ owner, balance: null, slots: {} })
resetOnIdentityChange((owner) => resetTimebank(owner))

function ensureOwner() {
  const owner = currentOwner()
  if (useTimebank.getState().owner !== owner) resetTimebank(owner)
  return owner
}

/** Loads `fetch` into slot `key`, keeping what was there on screen while it loads. */
export async function load<T>(key: string, fetch: () => Promise<T>): Promise<T | null> {
  const owner = ensureOwner()
  const set = (slot: Slot<unknown>) => useTimebank.setState((s) => ({ slots: { ...s.slots, [key]: slot } }))
  const before = useTimebank.getState().slots[key]
  set({ data: before?.data ?? null, phase: 'loading', error: null })
  try {
    const data = await fetch()
    if (currentOwner() !== owner) return null
    set({ data, phase: 'ready', error: null })
    return data
  } catch (e) {
    if (currentOwner() === owner) set({ data: before?.data ?? null, phase: 'error', error: messageOf(e), code: codeOf(e) })
    return null
  }
}

/**
 * 加载更多 for a paged slot: fetches the page after the one on screen and appends it, so a long
 * month is read to its end. A failure keeps what is shown and says so on the slot.
 */
export async function loadMore<T extends { items: unknown[]; nextCursor: string | null }>(key: string, fetch: (cursor: string) => Promise<T>): Promise<void> {
  const owner = ensureOwner()
  const before = useTimebank.getState().slots[key] as Slot<T> | undefined
  const cursor = before?.data?.nextCursor
  if (!before?.data || !cursor || before.phase === 'loading') return
  const set = (slot: Slot<unknown>) => useTimebank.setState((s) => ({ slots: { ...s.slots, [key]: slot } }))
  set({ ...before, phase: 'loading', error: null })
  try {
    const next = await fetch(cursor)
    if (currentOwner() !== owner) return
    const shown = (useTimebank.getState().slots[key] as Slot<T> | undefined)?.data ?? before.data
    set({ data: { ...next, items: [...shown.items, ...next.items] }, phase: 'ready', error: null })
  } catch (e) {
    if (currentOwner() === owner) set({ ...before, phase: 'error', error: messageOf(e) })
  }
}

export const useSlot = <T>(key: string): Slot<T> =>
  useTimebank((s) => (s.slots[key] as Slot<T> | undefined) ?? EMPTY) as Slot<T>
const EMPTY: Slot<unknown> = { data: null, phase: 'idle', error: null }

export async function refreshBalance(): Promise<TbBalance | null> {
  const owner = ensureOwner()
  try {
    const balance = await timebankApi.balance()
    if (currentOwner() === owner) useTimebank.setState({ balance })
    return balance
  } catch {
    return null
  }
}
