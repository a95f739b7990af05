// Photos for a staff note or closing result: chosen, compressed and uploaded at once, held in
// component state (a note is short-lived, unlike the resident's draft).
import { useState } from 'react'
import { PHOTOS_MAX } from '../../../types/contract/requests'
import { type FilePurpose } from '../../../types/contract/files'
import { messageOf, newIdempotencyKey } from '../../core/api'
import { choosePhotos, PhotoRefused, sendPhoto, type ChosenPhoto } from '../../core/media'
import type { DraftPhoto } from '../draft-store'

export function usePhotoUploads(purpose: FilePurpose) {
  const [photos, setPhotos] = useState<DraftPhoto[]>([])
  const patch = (id: string, p: Partial<DraftPhoto>) => setPhotos((all) => all.map((x) => (x.id === id ? { ...x, ...p } : x)))

  const upload = async (photo: DraftPhoto, chosen?: ChosenPhoto) => {
    patch(photo.id, { status: 'preparing', error: null, progress: 0 })
    try {
      const { file, sendPath } = await sendPhoto({ path: photo.localPath, sendPath: photo.sendPath, size: chosen?.size, type: chosen?.type }, {
        purpose, idempotencyKey: photo.id, retries: 1,
        onStage: (status, progress) => patch(photo.id, { status, progress })
      })
      patch(photo.id, { status: 'uploaded', progress: 100, file: { id: file.id, url: file.url }, sendPath })
    } catch (e) {
      patch(photo.id, { status: 'failed', error: e instanceof PhotoRefused ? e.message : messageOf(e) })
    }
  }

  /** Resolves with a refusal message for a toast, or null. */
  const add = async (): Promise<string | null> => {
    const room = PHOTOS_MAX - photos.length
    if (room <= 0) return `最多上传 ${PHOTOS_MAX} 张照片`
    const choice = await choosePhotos(room).catch((e: unknown) => ({ photos: [], refusal: messageOf(e) }))
    for (const chosen of choice.photos) {
      const photo: DraftPhoto = { id: newIdempotencyKey(), localPath: chosen.path, sendPath: null, status: 'preparing', progress: 0, file: null, error: null, originalBytes: chosen.size, sentBytes: null }
      setPhotos((all) => [...all, photo])
      void upload(photo, chosen)
    }
    return choice.refusal
  }

  return {
    photos,
    add,
    retry: (id: string) => { const p = photos.find((x) => x.id === id); if (p) void upload(p) },
    remove: (id: string) => setPhotos((all) => all.filter((x) => x.id !== id)),
    reset: () => setPhotos([]),
    /** Ids of uploaded photos, or a message when some are still on their way or failed. */
    ids: (): { ids: string[]; problem: string | null } => {
      if (photos.some((p) => p.status === 'preparing' || p.status === 'uploading')) return { ids: [], problem: '照片还在上传，请稍候' }
      if (photos.some((p) => p.status === 'failed')) return { ids: [], problem: '有照片上传失败，请重试或删除' }
      return { ids: photos.map((p) => p.file?.id ?? '').filter(Boolean), problem: null }
    }
  }
}
