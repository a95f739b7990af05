// Lets a resident pick photos from the camera or album, after the privacy consent the platform needs.
import Taro from '@tarojs/taro'
import { ensurePrivacyConsent } from '../privacy'
import { refusalOf } from './limits'

export interface ChosenPhoto {
  /** weapp temp file path or H5 blob: URL. */
  path: string
  size: number
  /** MIME type where the platform tells it (H5), else undefined. */
  type?: string
}

export interface PhotoChoice {
  photos: ChosenPhoto[]
  /** Why some chosen files were left out (the first reason), for a toast; null when none were. */
  refusal: string | null
}

const isCancel = (e: unknown) => /cancel|abort/i.test(String((e as { errMsg?: string })?.errMsg ?? e))

/** Up to `max` photos; an empty choice when the resident cancels or declines consent. */
export async function choosePhotos(max: number): Promise<PhotoChoice> {
  if (max <= 0) return { photos: [], refusal: null }
  if (!(await ensurePrivacyConsent('photo'))) return { photos: [], refusal: null }
  let files: Taro.chooseMedia.ChooseMedia[]
  try {
    const res = await Taro.chooseMedia({ count: max, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] })
    files = res.tempFiles
  } catch (e) {
    if (isCancel(e)) return { photos: [], refusal: null }
    throw e
  }
  const photos: ChosenPhoto[] = []
  let refusal: string | null = null
  // H5's file input ignores `count`; the extra files are dropped with a word of why.
  if (files.length > max) refusal = `最多只能再选 ${max} 张，多选的照片未添加`
  for (const f of files.slice(0, max)) {
    // H5 reports the MIME type in fileType; weapp reports just 'image' | 'video'.
    const type = f.fileType && f.fileType.includes('/') ? f.fileType : f.fileType === 'video' ? 'video' : undefined
    const photo: ChosenPhoto = { path: f.tempFilePath, size: f.size, type }
    const why = refusalOf(photo)
    if (why) refusal = refusal ?? why
    else photos.push(photo)
  }
  return { photos, refusal }
}
