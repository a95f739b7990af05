// The compose form as the 楼长 types it, persisted on every change: one slot for a new notice and
// one per notice being edited. Cleared only after the server accepted it.
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { noticeEndpoints } from '../../types/contract/notices'
import { expiryProblem, NOTICE_PHOTOS_MAX, type Notice, type NoticeCategory, type NoticeDraft, type NoticeTarget } from '../../types/contract/notices'
import { type FileRef } from '../../types/contract/files'
import { newIdempotencyKey, validateInput } from '../core/api'
import { settlePhoto as settle, type DraftPhoto, type PhotoStatus } from '../core/media'
import { keepPerOwner, type PerOwner } from '../core/session/owner'
import { taroStateStorage } from '../core/storage'

// Only this feature's endpoints (not the aggregated table): a page carries the schemas it uses.
const endpoints = { ...noticeEndpoints }

export type { DraftPhoto, PhotoStatus }

export interface ComposeDraft {
  /** Idempotency key of the publish (or save): a double tap or a retry files it once. */
  key: string
  title: string
  body: string
  category: NoticeCategory | null
  pinned: boolean
  /** Ask residents for 我已知晓 (always asked for 停水停电 / 安全提示). Absent in drafts saved before it existed. */
  requiresAck?: boolean
  /** The author is looking at the preview: a reload of the page comes back to it. */
  previewing?: boolean
  expiresOn: string | null
  targets: NoticeTarget[]
  photos: DraftPhoto[]
  updatedAt: number
}

/** `new` for a new notice, else the id of the notice being edited. */
export type DraftSlot = string
export const NEW_SLOT = 'new'

type Drafts = Record<DraftSlot, ComposeDraft>

/** The signed-in person's drafts are in `drafts`; other people's wait aside until they sign in again. */
interface DraftsState extends PerOwner<Drafts> {
  drafts: Drafts
  patch(slot: DraftSlot, patch: Partial<ComposeDraft>): void
  patchPhoto(slot: DraftSlot, id: string, patch: Partial<DraftPhoto>): void
  /** Starts editing a published notice unless a draft of that edit is already saved. */
  startEdit(notice: Notice): void
  clear(slot: DraftSlot): void
}

export const emptyDraft = (): ComposeDraft => ({
  key: newIdempotencyKey(), title: '', body: '', category: null, pinned: false, expiresOn: null, targets: [], photos: [], updatedAt: Date.now()
})

const fromNotice = (n: Notice): ComposeDraft => ({
  ...emptyDraft(), title: n.title, body: n.body, category: n.category, pinned: n.pinned, requiresAck: n.requiresAck, expiresOn: n.expiresOn, targets: n.targets,
  photos: n.photos.map((file) => ({ id: `kept-${file.id}`, localPath: '', sendPath: null, status: 'uploaded', progress: 100, file, error: null }))
})

const settleAll = (drafts: Drafts): Drafts =>
  Object.fromEntries(Object.entries(drafts).map(([k, d]) => [k, { ...d, photos: d.photos.map(settle) }]))

export const useNoticeDrafts = create<DraftsState>()(persist((set, get) => ({
  drafts: {},
  others: {},
  patch: (slot, patch) => set((s) => ({ drafts: { ...s.drafts, [slot]: { ...(s.drafts[slot] ?? emptyDraft()), ...patch, updatedAt: Date.now() } } })),
  patchPhoto: (slot, id, patch) => set((s) => {
    const d = s.drafts[slot]
    if (!d) return {}
    return { drafts: { ...s.drafts, [slot]: { ...d, photos: d.photos.map((p) => (p.id === id ? { ...p, ...patch } : p)) } } }
  }),
  startEdit: (notice) => {
    if (!get().drafts[notice.id]) set((s) => ({ drafts: { ...s.drafts, [notice.id]: fromNotice(notice) } }))
  },
  clear: (slot) => set((s) => {
    const drafts = { ...s.drafts }
    delete drafts[slot]
    return { drafts }
  })
}), {
  name: 'linli.notices.drafts',
  version: 1,
  storage: createJSONStorage(() => taroStateStorage),
  partialize: (s) => ({ drafts: s.drafts, owner: s.owner, others: s.others }),
  merge: (persisted, current) => {
    const saved = (persisted ?? {}) as Partial<PerOwner<Drafts> & { drafts: Drafts }>
    const others = Object.fromEntries(Object.entries(saved.others ?? {}).map(([owner, d]) => [owner, settleAll(d)]))
    return { ...current, owner: saved.owner, drafts: settleAll(saved.drafts ?? {}), others }
  }
}))

keepPerOwner<DraftsState, Drafts>(useNoticeDrafts, (s) => s.drafts, (drafts) => ({ drafts }), () => ({}))

export const draftOf = (slot: DraftSlot) => (s: DraftsState) => s.drafts[slot] ?? null

/** What is sent: uploaded photos only (the page blocks sending while any is still on its way). */
export function toInput(d: ComposeDraft): NoticeDraft {
  return {
    title: d.title, body: d.body, category: d.category ?? (undefined as unknown as NoticeCategory), pinned: d.pinned,
    requiresAck: d.requiresAck ?? false, expiresOn: d.expiresOn, targets: d.targets,
    photoIds: d.photos.filter((p) => p.file).map((p) => (p.file as FileRef).id)
  }
}

/**
 * The same checks the server makes (the contract schema, the expiry rule), plus photos still
 * uploading. Field → message; empty when the draft may be sent.
 */
export function problemsOf(d: ComposeDraft, now = Date.now()): Record<string, string> {
  const problems: Record<string, string> = { ...(validateInput(endpoints.publishNotice, toInput(d))?.fields ?? {}) }
  const expiry = expiryProblem(d.expiresOn, now)
  if (expiry) problems.expiresOn = expiry
  if (d.photos.length > NOTICE_PHOTOS_MAX) problems.photoIds = `最多上传 ${NOTICE_PHOTOS_MAX} 张照片`
  else if (d.photos.some((p) => p.status !== 'uploaded')) problems.photoIds = '照片还没有上传完成，请稍候或删除失败的照片'
  return problems
}

export const hasContent = (d: ComposeDraft | null) => !!d && !!(d.title.trim() || d.body.trim() || d.photos.length || d.targets.length)
