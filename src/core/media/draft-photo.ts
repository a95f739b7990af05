// A photo on a form being typed: chosen, compressed, uploading or uploaded, persisted with the draft.
import type { FileRef } from '../../../types/contract/files'

export type PhotoStatus = 'preparing' | 'uploading' | 'uploaded' | 'failed'

export interface DraftPhoto {
  /** Local id; also the upload's idempotency key, so a retried upload stores the photo once. */
  id: string
  /** As chosen (preview while it uploads). */
  localPath: string
  /** Compressed copy that is sent; null until compressed. */
  sendPath: string | null
  status: PhotoStatus
  /** 0..100 while uploading. */
  progress: number
  file: FileRef | null
  error: string | null
}

/** Photos caught mid-upload by an app kill cannot resume; they wait for a retry. */
export const settlePhoto = <P extends DraftPhoto>(p: P): P =>
  p.status === 'preparing' || p.status === 'uploading' ? { ...p, status: 'failed', progress: 0, error: '上传中断，点按重试' } : p
