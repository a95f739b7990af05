// The raise form as the resident types it, persisted on every change so an app kill loses nothing.
// Cleared only after the proposal was filed; the idempotency key makes a double tap file it once.
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { MatterKind, OwnerMatterClass, ProposalScope } from '../../types/contract/council'
import { newIdempotencyKey } from '../core/api'
import { taroStateStorage } from '../core/storage'

export interface ProposalDraft {
  key: string
  title: string
  reason: string
  solution: string
  scope: ProposalScope | null
  kind: MatterKind
  ownerClass: OwnerMatterClass
  updatedAt: number
}

interface DraftState extends ProposalDraft {
  edit(patch: Partial<Omit<ProposalDraft, 'key' | 'updatedAt'>>): void
  /** After the proposal with this key was filed. */
  filed(key: string): void
}

export const emptyProposalDraft = (): ProposalDraft => ({
  key: newIdempotencyKey(), title: '', reason: '', solution: '', scope: null, kind: 'resident', ownerClass: 'ordinary', updatedAt: Date.now()
})

export const useProposalDraft = create<DraftState>()(persist((set) => ({
  ...emptyProposalDraft(),
  edit: (patch) => set({ ...patch, updatedAt: Date.now() }),
  filed: (key) => set((s) => (s.key === key ? emptyProposalDraft() : {}))
}), {
  name: 'linli.council.draft',
  version: 1,
  storage: createJSONStorage(() => taroStateStorage),
  partialize: (s): ProposalDraft => ({ key: s.key, title: s.title, reason: s.reason, solution: s.solution, scope: s.scope, kind: s.kind, ownerClass: s.ownerClass, updatedAt: s.updatedAt })
}))
