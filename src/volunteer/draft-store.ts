// What an organiser types into 发布志愿活动 and a resident into 我要求助, persisted on every change
// (per signed-in person) and cleared only after the server accepted it.
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { ActivityDraft, AskHelpDraft, HelpKind, VolunteerAudience } from '../../types/contract/volunteer'
import { newIdempotencyKey } from '../core/api'
import { keepPerOwner, type PerOwner } from '../core/session/owner'
import { taroStateStorage } from '../core/storage'

export interface SlotDraft { day: string; start: string; end: string; capacity: string }

export interface PublishDraft {
  key: string
  title: string
  description: string
  place: string
  audience: VolunteerAudience
  minAge: string
  buildingId: string | null
  slots: SlotDraft[]
}

export interface HelpDraft { key: string; kind: HelpKind | null; detail: string; whenText: string; forPersonId: string | null }

/** A new slot starts tomorrow (China time) 09:00–11:00, the most common shape of a community activity. */
export const emptySlot = (): SlotDraft => ({ day: new Date(Date.now() + 32 * 3600_000).toISOString().slice(0, 10), start: '09:00', end: '11:00', capacity: '10' })
export const emptyPublish = (): PublishDraft => ({
  key: newIdempotencyKey(), title: '', description: '', place: '', audience: 'everyone', minAge: '0', buildingId: null, slots: [emptySlot()]
})
export const emptyHelp = (): HelpDraft => ({ key: newIdempotencyKey(), kind: null, detail: '', whenText: '', forPersonId: null })

interface Drafts { publish: PublishDraft; help: HelpDraft }
interface DraftState extends PerOwner<Drafts>, Drafts {
  patchPublish(patch: Partial<PublishDraft>): void
  patchSlot(index: number, patch: Partial<SlotDraft>): void
  patchHelp(patch: Partial<HelpDraft>): void
  clearPublish(): void
  clearHelp(): void
}

const blank = (): Drafts => ({ publish: emptyPublish(), help: emptyHelp() })

export const useVolunteerDrafts = create<DraftState>()(persist((set) => ({
  ...blank(),
  others: {},
  patchPublish: (patch) => set((s) => ({ publish: { ...s.publish, ...patch } })),
  patchSlot: (index, patch) => set((s) => ({ publish: { ...s.publish, slots: s.publish.slots.map((x, i) => (i === index ? { ...x, ...patch } : x)) } })),
  patchHelp: (patch) => set((s) => ({ help: { ...s.help, ...patch } })),
  clearPublish: () => set({ publish: emptyPublish() }),
  clearHelp: () => set({ help: emptyHelp() })
}), {
  name: 'linli.volunteer.drafts',
  version: 1,
  storage: createJSONStorage(() => taroStateStorage),
  partialize: (s) => ({ publish: s.publish, help: s.help, others: s.others, owner: s.owner })
}))

keepPerOwner<DraftState, Drafts>(useVolunteerDrafts, (s) => ({ publish: s.publish, help: s.help }), (d) => d, blank)

/** China time `YYYY-MM-DD` + `HH:mm` → an ISO instant with the +08:00 offset. */
export const chinaInstant = (day: string, time: string) => `${day}T${time}:00+08:00`

/** What is sent; unparsable numbers go through as NaN so the schema answers in its own words. */
export function toActivityInput(d: PublishDraft): ActivityDraft {
  return {
    title: d.title, description: d.description, place: d.place, audience: d.audience, minAge: Number(d.minAge || 0),
    buildingId: d.buildingId,
    slots: d.slots.map((s) => ({ startAt: chinaInstant(s.day, s.start), endAt: chinaInstant(s.day, s.end), capacity: Number(s.capacity) }))
  }
}

export function toHelpInput(d: HelpDraft): AskHelpDraft {
  return { kind: d.kind ?? (undefined as unknown as HelpKind), detail: d.detail, whenText: d.whenText, forPersonId: d.forPersonId }
}
