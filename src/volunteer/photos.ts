// Photos of an activity being published or edited: chosen through core/media (consent, camera or
// album), compressed and uploaded with progress, kept in the persisted draft. Purpose `other`:
// the files contract has no activity purpose, and the mock checks ownership, not purpose.
import { ACTIVITY_PHOTOS_MAX } from '../../types/contract/volunteer'
import { chooseDraftPhotos, uploadDraftPhoto, type DraftPhoto } from '../core/media'
import { useVolunteerDrafts, type FormSlot } from './draft-store'

const drafts = () => useVolunteerDrafts.getState()
const photosOf = (which: FormSlot) => drafts()[which]?.photos ?? []

const upload = (which: FormSlot, photo: DraftPhoto) =>
  uploadDraftPhoto(photo, 'other', (p) => drafts().patchPhoto(photo.id, p, which))

/** Adds photos up to the limit; a message for the page when none fit or some were refused, else null. */
export async function addActivityPhotos(which: FormSlot): Promise<string | null> {
  const { added, message } = await chooseDraftPhotos(photosOf(which).length, ACTIVITY_PHOTOS_MAX)
  if (added.length) drafts().patchPublish({ photos: [...photosOf(which), ...added] }, which)
  added.forEach((p) => { void upload(which, p) })
  return message
}

export function retryActivityPhoto(which: FormSlot, id: string) {
  const photo = photosOf(which).find((p) => p.id === id)
  if (photo && photo.status === 'failed') void upload(which, photo)
}

export function removeActivityPhoto(which: FormSlot, id: string) {
  drafts().patchPublish({ photos: photosOf(which).filter((p) => p.id !== id) }, which)
}

/** Why the draft cannot be sent yet because of its photos, or null. */
export function photoProblem(photos: readonly DraftPhoto[]): string | null {
  if (photos.length > ACTIVITY_PHOTOS_MAX) return `最多上传 ${ACTIVITY_PHOTOS_MAX} 张照片`
  if (photos.some((p) => p.status !== 'uploaded')) return '照片还没有上传完成，请稍候或删除失败的照片'
  return null
}
