// Uploads one photo of a form being typed and reports every stage back to the draft that holds it
// (preparing → uploading n% → uploaded, or failed with the reason), so the form shows progress and
// a reload keeps the result. The photo's id is the upload's idempotency key: a retry stores it once.
import type { FilePurpose } from '../../../types/contract/files'
import { isApiError, messageOf, newIdempotencyKey } from '../api'
import { choosePhotos } from './choose'
import type { DraftPhoto } from './draft-photo'
import { sendPhoto } from './send'

export async function uploadDraftPhoto(photo: DraftPhoto, purpose: FilePurpose, patch: (p: Partial<DraftPhoto>) => void): Promise<void> {
  try {
    const { file, sendPath } = await sendPhoto({ path: photo.localPath, sendPath: photo.sendPath }, {
      purpose,
      idempotencyKey: photo.id,
      onStage: (stage, progress, compressed) => patch({ status: stage, progress, ...(compressed ? { sendPath: compressed.path } : {}) })
    })
    patch({ status: 'uploaded', progress: 100, file, sendPath, error: null })
  } catch (e) {
    // A refusal by the compressor (too large, not an image) carries its own words; an API error its message.
    patch({ status: 'failed', progress: 0, error: e instanceof Error && !isApiError(e) ? e.message : messageOf(e) })
  }
}

/**
 * 添加照片 on a form that already holds `held` of at most `max`: the person picks what still fits,
 * each becomes a draft photo waiting to upload. `message` is for the page: nothing more fits, the
 * choice failed, or some files were refused; null otherwise.
 */
export async function chooseDraftPhotos(held: number, max: number): Promise<{ added: DraftPhoto[]; message: string | null }> {
  const room = max - held
  if (room <= 0) return { added: [], message: `最多上传 ${max} 张照片` }
  let choice
  try {
    choice = await choosePhotos(room)
  } catch (e) {
    return { added: [], message: messageOf(e) }
  }
  const added: DraftPhoto[] = choice.photos.map((p) => ({
    id: newIdempotencyKey(), localPath: p.path, sendPath: null, status: 'preparing', progress: 0, file: null, error: null
  }))
  return { added, message: choice.refusal }
}
