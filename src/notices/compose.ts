// Composing a notice: the caller's target scope, photos through core/media, and publish / save
// with the draft's idempotency key (a double tap or a retry after a lost answer files it once).
import { create } from 'zustand'
import { NOTICE_PHOTOS_MAX, type Notice, type NoticeScope } from '../../types/contract/notices'
import { isApiError, messageOf } from '../core/api'
import { chooseDraftPhotos, uploadDraftPhoto } from '../core/media'
import { resetOnIdentityChange } from '../core/session/owner'
import { noticesApi } from './api'
import { NEW_SLOT, problemsOf, toInput, useNoticeDrafts, type DraftPhoto, type DraftSlot } from './draft-store'
import { upsertNotice } from './manage'

interface ScopeState { scope: NoticeScope | null; phase: 'idle' | 'loading' | 'ready' | 'error'; error: string | null }

export const useNoticeScope = create<ScopeState>(() => ({ scope: null, phase: 'idle', error: null }))

// The signed-in person's: another person loads their own.
resetOnIdentityChange(() => useNoticeScope.setState({ scope: null, phase: 'idle', error: null }))

export async function loadScope() {
  useNoticeScope.setState({ phase: 'loading', error: null })
  try {
    useNoticeScope.setState({ scope: await noticesApi.scope(), phase: 'ready' })
  } catch (e) {
    useNoticeScope.setState({ phase: 'error', error: messageOf(e) })
  }
}

export type SendOutcome =
  | { ok: true; notice: Notice }
  | { ok: false; fields: Record<string, string>; message: string; saved: boolean }

const drafts = () => useNoticeDrafts.getState()

/** Publishes the new-notice draft, or saves the edit of `slot`. The draft is cleared only on success. */
export async function sendDraft(slot: DraftSlot): Promise<SendOutcome> {
  const draft = drafts().drafts[slot]
  if (!draft) return { ok: false, fields: {}, message: '草稿不存在，请重新填写', saved: false }
  const problems = problemsOf(draft)
  if (Object.keys(problems).length) return { ok: false, fields: problems, message: Object.values(problems)[0], saved: true }
  try {
    const input = toInput(draft)
    const notice = slot === NEW_SLOT
      ? await noticesApi.publish(input, { idempotencyKey: draft.key })
      : await noticesApi.update({ ...input, id: slot }, { idempotencyKey: draft.key })
    drafts().clear(slot)
    upsertNotice(notice)
    return { ok: true, notice }
  } catch (e) {
    const network = isApiError(e) && e.isNetwork
    return {
      ok: false,
      fields: isApiError(e) ? e.fields ?? {} : {},
      message: network ? '网络不好，没有发出去。草稿已保存，请稍后再试' : messageOf(e),
      saved: true
    }
  }
}

const upload = (slot: DraftSlot, photo: DraftPhoto) =>
  uploadDraftPhoto(photo, 'notice_image', (p) => drafts().patchPhoto(slot, photo.id, p))

/**
 * Adds photos up to the limit. Returns a message for the page when nothing more fits or some
 * chosen files were refused; null otherwise.
 */
export async function addPhotos(slot: DraftSlot): Promise<string | null> {
  const { added, message } = await chooseDraftPhotos(drafts().drafts[slot]?.photos.length ?? 0, NOTICE_PHOTOS_MAX)
  if (added.length) drafts().patch(slot, { photos: [...(drafts().drafts[slot]?.photos ?? []), ...added] })
  added.forEach((p) => { void upload(slot, p) })
  return message
}

export function retryPhoto(slot: DraftSlot, id: string) {
  const photo = drafts().drafts[slot]?.photos.find((p) => p.id === id)
  if (photo && photo.status === 'failed') void upload(slot, photo)
}

export function removePhoto(slot: DraftSlot, id: string) {
  const d = drafts().drafts[slot]
  if (d) drafts().patch(slot, { photos: d.photos.filter((p) => p.id !== id) })
}
