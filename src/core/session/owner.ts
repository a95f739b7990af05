// Whose data a store holds. Every per-person store follows the signed-in person: caches start
// empty for another person, drafts are put aside for their owner and come back with them.
import type { StoreApi } from 'zustand'
import type { UserProfile } from '../../../types/contract/identity'
import { useSession } from './store'

/** The census person, or the account for a signed-in user not yet bound to a house; null when signed out. */
export const ownerOf = (user: UserProfile | null): string | null =>
  (user ? user.personId ?? `account:${user.accountId}` : null)

export const currentOwner = (): string | null => ownerOf(useSession.getState().user)

export type IdentityListener = (next: string | null, prev: string | null) => void

/** Hears every change of the signed-in person: a 演示身份 switch, logout, login as someone else. */
export function onIdentityChange(listener: IdentityListener): () => void {
  return useSession.subscribe((s, before) => {
    const next = ownerOf(s.user)
    const prev = ownerOf(before.user)
    if (next !== prev) listener(next, prev)
  })
}

/** Empties a cache now and whenever another person signs in. */
export function resetOnIdentityChange(reset: (owner: string | null) => void): () => void {
  return onIdentityChange((next) => reset(next))
}

/**
 * A store holding one person's part (`take`/`put`) and the other people's parts aside by owner.
 * `owner` undefined marks data stored before owners were recorded: it belongs to whoever is signed in.
 */
export interface PerOwner<D> { owner?: string | null; others: Record<string, D> }

const slotOf = (owner: string | null) => owner ?? ''

/**
 * Keeps a store's part per person: on a change of identity the leaving person's part is put aside
 * and the arriving person's part (or `blank()`) comes back. Also claims the stored data at start.
 */
export function keepPerOwner<S extends PerOwner<D>, D>(store: StoreApi<S>, take: (s: S) => D, put: (d: D) => Partial<S>, blank: () => D): () => void {
  const swap: IdentityListener = (next, prev) => store.setState((s) => {
    const from = s.owner === undefined ? prev : s.owner
    if (from === next) return s.owner === next ? {} : ({ owner: next } as Partial<S>)
    const others = { ...s.others, [slotOf(from)]: take(s) }
    const mine = others[slotOf(next)]
    delete others[slotOf(next)]
    return { ...put(mine ?? blank()), owner: next, others } as Partial<S>
  })
  swap(currentOwner(), currentOwner())
  return onIdentityChange(swap)
}
