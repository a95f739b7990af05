// The request form as the resident types it, persisted on every change so an app kill loses
// nothing. Cleared only after the submission was filed (see submit.ts).
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { categoryOf, type CategoryCode } from '../../types/contract/requests-catalog'
import { type GeoPoint } from '../../types/contract/common'
import { newIdempotencyKey } from '../core/api'
import { settlePhoto as settle, type DraftPhoto as MediaDraftPhoto, type PhotoStatus } from '../core/media'
import { keepPerOwner, type PerOwner } from '../core/session/owner'
import { taroStateStorage } from '../core/storage'

/** A form photo with the byte counts shown on the request form (original → sent). */
export interface DraftPhoto extends MediaDraftPhoto {
  originalBytes: number
  sentBytes: number | null
}

export type { PhotoStatus }

export interface DraftPlace {
  id: string
  name: string
  source: 'gps' | 'manual'
  point: GeoPoint | null
  distanceMeters: number | null
}

export interface RequestDraft {
  /** Idempotency key of the submission: a double tap or a later retry files it once. */
  key: string
  categoryCode: CategoryCode | null
  answers: Record<string, string>
  description: string
  photos: DraftPhoto[]
  place: DraftPlace | null
  note: string
  anonymous: boolean
  /** 代办: the resident a 楼长 files this for; null for the person's own request. */
  onBehalfOf: string | null
  updatedAt: number
}

/** Slot of a draft among the person's drafts: their own ('') or one per resident they file for. */
const slotOf = (onBehalfOf: string | null) => onBehalfOf ?? ''

interface DraftState extends RequestDraft {
  setCategory(code: CategoryCode): void
  setAnswer(code: string, value: string): void
  setDescription(text: string): void
  setPlace(place: DraftPlace | null): void
  setNote(note: string): void
  setAnonymous(on: boolean): void
  addPhoto(photo: DraftPhoto): void
  patchPhoto(id: string, patch: Partial<DraftPhoto>): void
  removePhoto(id: string): void
  /** A blank form with a new key (after a filed submission, or 清空), for the same person. */
  clear(): void
  /**
   * Makes the draft for `personId` (代办) or the person's own (null) the current one. The one put
   * aside is kept as typed, so a 楼长's own half-typed request and each 代办 stay apart.
   */
  switchTo(personId: string | null): void
  /** After the submission with this key was filed: blank it, whether current or put aside. */
  filed(key: string): void
}

interface DraftSlots extends RequestDraft {
  /** Drafts put aside by switchTo, by slot. */
  aside: Record<string, RequestDraft>
}

export const emptyDraft = (onBehalfOf: string | null = null): RequestDraft => ({
  key: newIdempotencyKey(), categoryCode: null, answers: {}, description: '', photos: [], place: null, note: '', anonymous: false, onBehalfOf, updatedAt: Date.now()
})

const draftOf = (s: RequestDraft): RequestDraft => ({
  key: s.key, categoryCode: s.categoryCode, answers: s.answers, description: s.description, photos: s.photos,
  place: s.place, note: s.note, anonymous: s.anonymous, onBehalfOf: s.onBehalfOf, updatedAt: s.updatedAt
})

/** The signed-in person's drafts are in the store; other people's wait aside until they sign in again. */
type DraftStore = DraftState & DraftSlots & PerOwner<DraftSlots>

const settleSlots = (d: DraftSlots): DraftSlots => ({
  ...d, photos: d.photos.map(settle), aside: Object.fromEntries(Object.entries(d.aside ?? {}).map(([k, a]) => [k, { ...a, photos: a.photos.map(settle) }]))
})

export const useRequestDraft = create<DraftStore>()(persist((set) => {
  const edit = (patch: Partial<RequestDraft> | ((s: DraftState) => Partial<RequestDraft>)) =>
    set((s) => ({ ...(typeof patch === 'function' ? patch(s) : patch), updatedAt: Date.now() }))
  return {
    ...emptyDraft(),
    aside: {},
    others: {},
    setCategory: (code) => edit((s) => {
      // Answers of another category would be refused by the server; keep only the ones that still apply.
      const codes = new Set(categoryOf(code)?.attributes.map((a) => a.code) ?? [])
      return { categoryCode: code, answers: Object.fromEntries(Object.entries(s.answers).filter(([k]) => codes.has(k))) }
    }),
    setAnswer: (code, value) => edit((s) => ({ answers: { ...s.answers, [code]: value } })),
    setDescription: (description) => edit({ description }),
    setPlace: (place) => edit({ place }),
    setNote: (note) => edit({ note }),
    setAnonymous: (anonymous) => edit({ anonymous }),
    addPhoto: (photo) => edit((s) => ({ photos: [...s.photos, photo] })),
    patchPhoto: (id, patch) => set((s) => ({ photos: s.photos.map((p) => (p.id === id ? { ...p, ...patch } : p)) })),
    removePhoto: (id) => edit((s) => ({ photos: s.photos.filter((p) => p.id !== id) })),
    clear: () => set((s) => emptyDraft(s.onBehalfOf)),
    switchTo: (personId) => set((s) => {
      if (s.onBehalfOf === personId) return {}
      const { [slotOf(personId)]: next, ...rest } = s.aside
      const aside = { ...rest, [slotOf(s.onBehalfOf)]: draftOf(s) }
      return { ...(next ?? emptyDraft(personId)), aside }
    }),
    filed: (key) => set((s) => {
      if (s.key === key) return emptyDraft(s.onBehalfOf)
      return { aside: Object.fromEntries(Object.entries(s.aside).filter(([, d]) => d.key !== key)) }
    })
  }
}, {
  name: 'linli.requests.draft',
  version: 1,
  storage: createJSONStorage(() => taroStateStorage),
  partialize: (s): DraftSlots & PerOwner<DraftSlots> => ({ ...draftOf(s), aside: s.aside, owner: s.owner, others: s.others }),
  merge: (persisted, current) => {
    const saved = persisted as Partial<DraftSlots & PerOwner<DraftSlots>> | undefined
    const aside = Object.fromEntries(Object.entries(saved?.aside ?? {}).map(([slot, d]) => [slot, { ...d, photos: d.photos.map(settle) }]))
    const others = Object.fromEntries(Object.entries(saved?.others ?? {}).map(([owner, d]) => [owner, settleSlots(d)]))
    return { ...current, ...saved, onBehalfOf: saved?.onBehalfOf ?? null, aside, others, photos: (saved?.photos ?? current.photos).map(settle) }
  }
}))

keepPerOwner<DraftStore, DraftSlots>(useRequestDraft, (s) => ({ ...draftOf(s), aside: s.aside }), (d) => d, () => ({ ...emptyDraft(), aside: {} }))

/** True when the resident has typed or chosen anything. */
export const hasContent = (d: RequestDraft) =>
  !!(d.categoryCode || d.description.trim() || d.photos.length || d.place || d.note.trim() || Object.keys(d.answers).length)
