// The form's photos: choose, then compress and upload each at once, with progress in the draft.
import { PHOTOS_MAX } from '../../types/contract/requests'
import { messageOf, newIdempotencyKey } from '../core/api'
import { choosePhotos, PhotoRefused, sendPhoto, type ChosenPhoto } from '../core/media'
import { useRequestDraft, type DraftPhoto } from './draft-store'

export const TOO_MANY_PHOTOS = `最多上传 ${PHOTOS_MAX} 张照片`

const running = new Map<string, Promise<DraftPhoto | null>>()

const photoMessage = (e: unknown) => (e instanceof PhotoRefused ? e.message : messageOf(e))

/** Compresses and uploads one draft photo; joins a run already under way for it. */
export function uploadDraftPhoto(id: string, chosen?: Pick<ChosenPhoto, 'size' | 'type'>): Promise<DraftPhoto | null> {
  const existing = running.get(id)
  if (existing) return existing
  const draft = useRequestDraft.getState()
  const photo = draft.photos.find((p) => p.id === id)
  if (!photo) return Promise.resolve(null)
  const patch = (p: Partial<DraftPhoto>) => useRequestDraft.getState().patchPhoto(id, p)
  const work = (async () => {
    patch({ status: 'preparing', progress: 0, error: null })
    try {
      const { file, sendPath, sentBytes } = await sendPhoto(
        { path: photo.localPath, sendPath: photo.sendPath, size: chosen?.size ?? photo.originalBytes, type: chosen?.type },
        {
          purpose: 'request_photo', idempotencyKey: id, retries: 1,
          onStage: (stage, progress, compressed) => patch({
            status: stage, progress, ...(compressed ? { sendPath: compressed.path, sentBytes: compressed.size } : {})
          })
        })
      patch({ status: 'uploaded', progress: 100, file: { id: file.id, url: file.url }, sendPath, sentBytes, error: null })
    } catch (e) {
      patch({ status: 'failed', progress: 0, error: photoMessage(e) })
    }
    return useRequestDraft.getState().photos.find((p) => p.id === id) ?? null
  })().finally(() => running.delete(id))
  running.set(id, work)
  return work
}

/**
 * Opens the chooser for the photos still allowed and starts uploading them. Resolves with a
 * message for a toast when something was refused (the tenth photo, a PDF, a 25 MB file), else null.
 */
export async function addDraftPhotos(): Promise<string | null> {
  const room = PHOTOS_MAX - useRequestDraft.getState().photos.length
  if (room <= 0) return TOO_MANY_PHOTOS
  let choice
  try {
    choice = await choosePhotos(room)
  } catch (e) {
    return photoMessage(e)
  }
  for (const chosen of choice.photos) {
    const id = newIdempotencyKey()
    useRequestDraft.getState().addPhoto({
      id, localPath: chosen.path, sendPath: null, status: 'preparing', progress: 0, file: null, error: null, originalBytes: chosen.size, sentBytes: null
    })
    void uploadDraftPhoto(id, chosen)
  }
  return choice.refusal
}
