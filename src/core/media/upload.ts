// Sends one prepared photo to the files endpoint, with progress, and shows uploaded photos again.
import { fileEndpoints, type FilePurpose, type FileRef, type UploadedFile } from '../../../types/contract/files'
import { call, upload } from '../api'

// Only this feature's endpoints (not the aggregated table): a page carries the schemas it uses.
const endpoints = { ...fileEndpoints }

export interface UploadOptions {
  purpose?: FilePurpose
  /** Reuse per photo so a retried upload replays instead of storing the photo twice. */
  idempotencyKey?: string
  onProgress?: (percent: number) => void
  /** Client-level retries; 0 when an outbox owns the retrying. */
  retries?: number
}

export function uploadPhoto(path: string, options: UploadOptions = {}): Promise<UploadedFile> {
  return upload<UploadedFile>(fileEndpoints.uploadFile.path, path, { purpose: options.purpose ?? 'other' }, {
    idempotencyKey: options.idempotencyKey,
    retries: options.retries,
    onProgress: options.onProgress
  })
}

const resolved = new Map<string, Promise<string>>()

/**
 * A src an <Image> can show for an uploaded file: the HTTP url, or (embedded transport, no server
 * to point at) a data URL fetched once and cached for the session.
 */
export function photoSrc(ref: FileRef): Promise<string> {
  if (LINLI_TRANSPORT === 'http') return Promise.resolve(LINLI_API_BASE.replace(/\/$/, '') + ref.url)
  let src = resolved.get(ref.id)
  if (!src) {
    src = call(endpoints.getFile, { id: ref.id }).then((b) => `data:${b.$binary.contentType};base64,${b.$binary.base64}`)
    src.catch(() => resolved.delete(ref.id))
    resolved.set(ref.id, src)
  }
  return src
}
