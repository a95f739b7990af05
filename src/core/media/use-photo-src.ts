// Hook form of photoSrc: '' until the photo is resolved (the Image shows its placeholder meanwhile).
import { useEffect, useState } from 'react'
import type { FileRef } from '../../../types/contract/files'
import { photoSrc } from './upload'

export function usePhotoSrc(ref: FileRef | null | undefined): string {
  const [src, setSrc] = useState('')
  const id = ref?.id
  const url = ref?.url
  useEffect(() => {
    if (!id || !url) return
    let live = true
    photoSrc({ id, url }).then((s) => { if (live) setSrc(s) }, () => undefined)
    return () => { live = false }
  }, [id, url])
  return src
}

/** Resolves several at once, e.g. for Taro.previewImage's urls. */
export function photoSrcs(refs: FileRef[]): Promise<string[]> {
  return Promise.all(refs.map((r) => photoSrc(r)))
}
