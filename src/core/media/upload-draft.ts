// Uploads one photo of a form being typed and reports every stage back to the draft that holds it
// (preparing → uploading n% → uploaded, or failed with the reason), so the form shows progress and
// a reload keeps the result. The photo's id is the upload's idempotency key: a retry stores it once.
import type { FilePurpose } from '../../../types/contract/files'
import { isApiError, messageOf } from '../api'
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
