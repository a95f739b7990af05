// The raise form as the resident types it, persisted on every change so an app kill loses nothing.
// Cleared only after the proposal was filed; the idempotency key makes a double tap file it once.
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { MatterKind, OwnerMatterClass, ProposalScope } from '../../types/contract/council'
import { newIdempotencyKey } from '../core/api'
import { settlePhoto, type DraftPhoto } from '../core/media'
import { taroStateStorage } from '../core/storage'

export interface ProposalDraft {
  key: string
  title: string
  reason: string
  solution: string
  scope: ProposalScope | null
  kind: MatterKind
  ownerClass: OwnerMatterClass
  /** Up to 6, uploaded as they are chosen. */
  photos: DraftPhoto[]
  updatedAt: number
}

interface DraftState extends ProposalDraft {
  edit(patch: Partial<Omit<ProposalDraft, 'key' | 'updatedAt'>>): void
  patchPhoto(id: string, patch: Partial<DraftPhoto>): void
  /** After the proposal with this key was filed. */
  filed(key: string): void
}

export const emptyProposalDraft = (): ProposalDraft => ({
  key: newIdempotencyKey(), title: '', reason: '', solution: '', scope: null, kind: 'resident', ownerClass: 'ordinary', photos: [], updatedAt: Date.now()
})

export const useProposalDraft = create<DraftState>()(persist((set) => ({
  ...emptyProposalDraft(),
  edit: (patch) => set({ ...patch, updatedAt: Date.now() }),
  patchPhoto: (id, patch) => set((s) => ({ photos: s.photos.map((p) => (p.id === id ? { ...p, ...patch } : p)) })),
  filed: (key) => set((s) => (s.key === key ? emptyProposalDraft() : {}))
}), {
  name: 'linli.council.draft',
  version: 1,
  storage: createJSONStorage(() => taroStateStorage),
  partialize: (s): ProposalDraft => ({ key: s.key, title: s.title, reason: s.reason, solution: s.solution, scope: s.scope, kind: s.kind, ownerClass: s.ownerClass, photos: s.photos, updatedAt: s.updatedAt }),
  merge: (persisted, current) => {
    const saved = persisted as Partial<ProposalDraft> | undefined
    return { ...current, ...saved, photos: (saved?.photos ?? []).map(settlePhoto) }
  }
}))

/** True when the resident has typed or chosen anything. */
export const hasContent = (d: ProposalDraft) => !!(d.title.trim() || d.reason.trim() || d.solution.trim() || d.photos.length)
