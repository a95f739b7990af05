// One photo from the chooser to the server: compress, then upload with progress.
import Taro from '@tarojs/taro'
import type { FilePurpose, UploadedFile } from '../../../types/contract/files'
import { compressPhoto, PhotoRefused, type CompressedPhoto } from './compress'
import { uploadPhoto } from './upload'

export type PhotoStage = 'preparing' | 'uploading'

/** Whether a local photo can still be read (H5 blob: URLs die with the page; weapp temp files expire). */
export async function isReadable(path: string): Promise<boolean> {
  if (path.startsWith('data:')) return true
  try {
    if (process.env.TARO_ENV === 'h5') {
      const res = await fetch(path)
      return res.ok
    }
    Taro.getFileSystemManager().accessSync(path)
    return true
  } catch {
    return false
  }
}

export const PHOTO_GONE = '照片已失效，请删除后重新选择'

/**
 * Uploads `sendPath` when already compressed, else compresses `path` first. `onStage` reports
 * progress (0..100) for the grid. Throws PhotoRefused (a Chinese message) or ApiError.
 */
export async function sendPhoto(photo: { path: string; sendPath?: string | null; size?: number; type?: string }, options: {
  purpose: FilePurpose
  idempotencyKey: string
  retries?: number
  onStage?: (stage: PhotoStage, progress: number, compressed?: CompressedPhoto) => void
}): Promise<{ file: UploadedFile; sendPath: string; sentBytes: number }> {
  let sendPath = photo.sendPath ?? null
  let sentBytes = 0
  if (!sendPath || !(await isReadable(sendPath))) {
    if (!(await isReadable(photo.path))) throw new PhotoRefused(PHOTO_GONE)
    options.onStage?.('preparing', 0)
    const compressed = await compressPhoto(photo.path, { size: photo.size, type: photo.type })
    sendPath = compressed.path
    sentBytes = compressed.size
    options.onStage?.('uploading', 0, compressed)
  } else {
    options.onStage?.('uploading', 0)
  }
  const file = await uploadPhoto(sendPath, {
    purpose: options.purpose,
    idempotencyKey: options.idempotencyKey,
    retries: options.retries,
    onProgress: (p) => options.onStage?.('uploading', p)
  })
  return { file, sendPath, sentBytes: sentBytes || file.bytes }
}
