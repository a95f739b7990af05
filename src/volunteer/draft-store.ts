// What an organiser types into 发布志愿活动 and a resident into 我要求助, persisted on every change
// (per signed-in person) and cleared only after the server accepted it.
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { ActivityDraft, AskHelpDraft, HelpKind, VolunteerActivity, VolunteerAudience } from '../../types/contract/volunteer'
import { newIdempotencyKey } from '../core/api'
import { settlePhoto, type DraftPhoto } from '../core/media'
import { keepPerOwner, type PerOwner } from '../core/session/owner'
import { taroStateStorage } from '../core/storage'

export interface SlotDraft { id?: string; day: string; start: string; end: string; capacity: string }

export interface PublishDraft {
  key: string
  title: string
  description: string
  place: string
  audience: VolunteerAudience
  minAge: string
  buildingId: string | null
  slots: SlotDraft[]
  /** Chosen, uploading or uploaded; only uploaded ones are sent. */
  photos: DraftPhoto[]
  /** Set when the draft edits a published activity. */
  activityId?: string
}

export interface HelpDraft { key: string; kind: HelpKind | null; detail: string; whenText: string; forPersonId: string | null }

/** A new slot starts tomorrow (China time) 09:00–11:00, the most common shape of a community activity. */
export const emptySlot = (): SlotDraft => ({ day: new Date(Date.now() + 32 * 3600_000).toISOString().slice(0, 10), start: '09:00', end: '11:00', capacity: '10' })
export const emptyPublish = (): PublishDraft => ({
  key: newIdempotencyKey(), title: '', description: '', place: '', audience: 'everyone', minAge: '0', buildingId: null, slots: [emptySlot()], photos: []
})
export const emptyHelp = (): HelpDraft => ({ key: newIdempotencyKey(), kind: null, detail: '', whenText: '', forPersonId: null })

export type FormSlot = 'publish' | 'edit'
interface Drafts { publish: PublishDraft; edit: PublishDraft | null; help: HelpDraft }
interface DraftState extends PerOwner<Drafts>, Drafts {
  patchPublish(patch: Partial<PublishDraft>, which?: FormSlot): void
  patchSlot(index: number, patch: Partial<SlotDraft>, which?: FormSlot): void
  patchPhoto(id: string, patch: Partial<DraftPhoto>, which?: FormSlot): void
  /** Starts editing a published activity unless a draft of that edit is already saved. */
  startEdit(activity: VolunteerActivity): void
  patchHelp(patch: Partial<HelpDraft>): void
  clearPublish(which?: FormSlot): void
  clearHelp(): void
}

const blank = (): Drafts => ({ publish: emptyPublish(), edit: null, help: emptyHelp() })
const china = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString()

function fromActivity(a: VolunteerActivity): PublishDraft {
  return {
    key: newIdempotencyKey(), activityId: a.id, title: a.title, description: a.description, place: a.place, audience: a.audience,
    minAge: String(a.minAge), buildingId: a.buildingId,
    photos: a.photos.map((file) => ({ id: `kept-${file.id}`, localPath: '', sendPath: null, status: 'uploaded' as const, progress: 100, file, error: null })),
    slots: a.slots.map((s) => ({ id: s.id, day: china(s.startAt).slice(0, 10), start: china(s.startAt).slice(11, 16), end: china(s.endAt).slice(11, 16), capacity: String(s.capacity) }))
  }
}

export const useVolunteerDrafts = create<DraftState>()(persist((set) => ({
  ...blank(),
  others: {},
  patchPublish: (patch, which = 'publish') => set((s) => {
    const d = s[which]
    return d ? { [which]: { ...d, ...patch } } : {}
  }),
  patchSlot: (index, patch, which = 'publish') => set((s) => {
    const d = s[which]
    return d ? { [which]: { ...d, slots: d.slots.map((x, i) => (i === index ? { ...x, ...patch } : x)) } } : {}
  }),
  patchPhoto: (id, patch, which = 'publish') => set((s) => {
    const d = s[which]
    return d ? { [which]: { ...d, photos: d.photos.map((p) => (p.id === id ? { ...p, ...patch } : p)) } } : {}
  }),
  startEdit: (activity) => set((s) => (s.edit?.activityId === activity.id ? {} : { edit: fromActivity(activity) })),
  patchHelp: (patch) => set((s) => ({ help: { ...s.help, ...patch } })),
  clearPublish: (which: FormSlot = 'publish') => set(which === 'publish' ? { publish: emptyPublish() } : { edit: null }),
  clearHelp: () => set({ help: emptyHelp() })
}), {
  name: 'linli.volunteer.drafts',
  version: 1,
  storage: createJSONStorage(() => taroStateStorage),
  partialize: (s) => ({ publish: s.publish, edit: s.edit, help: s.help, others: s.others, owner: s.owner }),
  // Drafts saved before photos existed get none; photos caught mid-upload by an app kill wait for a retry.
  merge: (persisted, current) => {
    const saved = (persisted ?? {}) as Partial<DraftState>
    const others = Object.fromEntries(Object.entries(saved.others ?? {}).map(([owner, d]) => [owner, settleAll(d)]))
    return { ...current, ...saved, ...settleAll({ publish: saved.publish ?? current.publish, edit: saved.edit ?? null, help: saved.help ?? current.help }), others }
  }
}))

function settleDraft(d: PublishDraft): PublishDraft {
  return { ...d, photos: (d.photos ?? []).map(settlePhoto) }
}
function settleAll(d: Drafts): Drafts {
  return { ...d, publish: settleDraft(d.publish), edit: d.edit ? settleDraft(d.edit) : null }
}

keepPerOwner<DraftState, Drafts>(useVolunteerDrafts, (s) => ({ publish: s.publish, edit: s.edit, help: s.help }), (d) => d, blank)

/** China time `YYYY-MM-DD` + `HH:mm` → an ISO instant with the +08:00 offset. */
export const chinaInstant = (day: string, time: string) => `${day}T${time}:00+08:00`

/** What is sent; unparsable numbers go through as NaN so the schema answers in its own words. */
export function toActivityInput(d: PublishDraft): ActivityDraft {
  return {
    title: d.title, description: d.description, place: d.place, audience: d.audience, minAge: Number(d.minAge || 0),
    buildingId: d.buildingId,
    photoIds: (d.photos ?? []).filter((p) => p.status === 'uploaded' && p.file).map((p) => (p.file as { id: string }).id),
    slots: d.slots.map((s) => ({ ...(s.id ? { id: s.id } : {}), startAt: chinaInstant(s.day, s.start), endAt: chinaInstant(s.day, s.end), capacity: Number(s.capacity) }))
  }
}

export function toHelpInput(d: HelpDraft): AskHelpDraft {
  return { kind: d.kind ?? (undefined as unknown as HelpKind), detail: d.detail, whenText: d.whenText, forPersonId: d.forPersonId }
}
