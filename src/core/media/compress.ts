// Makes a chosen photo fit for sending: long edge ≤ 1600 px and ≤ 300 KB.
// weapp: Taro.compressImage with compressedWidth; H5: a canvas re-encoding to JPEG.
import Taro from '@tarojs/taro'
import { isSmallEnough, refusalOf, shrinkToFit, type Encoded, type Size } from './limits'

export interface CompressedPhoto {
  /** A local path the uploader can read: a weapp temp file, or an H5 blob: URL. */
  path: string
  /** Bytes of what will be sent. */
  size: number
  width: number
  height: number
  /** Bytes of the photo as chosen. */
  originalSize: number
}

/** Thrown with a Chinese message a page can show as it is. */
export class PhotoRefused extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PhotoRefused'
  }
}

export async function compressPhoto(path: string, known: { size?: number; type?: string } = {}): Promise<CompressedPhoto> {
  return process.env.TARO_ENV === 'h5' ? compressOnH5(path, known) : compressOnWeapp(path, known)
}

// ---- weapp ----

function fileSizeOnWeapp(path: string): number {
  return (Taro.getFileSystemManager().statSync(path) as unknown as { size: number }).size
}

async function compressOnWeapp(path: string, known: { size?: number; type?: string }): Promise<CompressedPhoto> {
  const originalSize = known.size ?? fileSizeOnWeapp(path)
  const refusal = refusalOf({ size: originalSize, type: known.type, path })
  if (refusal) throw new PhotoRefused(refusal)
  const info = await Taro.getImageInfo({ src: path })
  const source: Size = { width: info.width, height: info.height }
  if (isSmallEnough(source, originalSize) && /jpe?g/i.test(info.type)) {
    return { path, size: originalSize, ...source, originalSize }
  }
  const best = await shrinkToFit<string>(source, async (target, quality) => {
    const out = await Taro.compressImage({ src: path, quality: Math.round(quality * 100), compressedWidth: target.width, compressedHeight: target.height })
    return { size: fileSizeOnWeapp(out.tempFilePath), ...target, result: out.tempFilePath }
  })
  return { path: best.result, size: best.size, width: best.width, height: best.height, originalSize }
}

// ---- H5 ----

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = () => reject(new PhotoRefused('无法读取这张图片，请换一张试试'))
    img.src = src
  })
}

function canvasToJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new PhotoRefused('图片处理失败，请重试'))), 'image/jpeg', quality)
  })
}

async function compressOnH5(path: string, known: { size?: number; type?: string }): Promise<CompressedPhoto> {
  const original = await (await fetch(path)).blob()
  const originalSize = known.size ?? original.size
  const refusal = refusalOf({ size: originalSize, type: known.type ?? original.type, path })
  if (refusal) throw new PhotoRefused(refusal)
  const img = await loadImage(path)
  const source: Size = { width: img.naturalWidth, height: img.naturalHeight }
  if (isSmallEnough(source, originalSize) && original.type === 'image/jpeg') {
    return { path, size: originalSize, ...source, originalSize }
  }
  const canvas = document.createElement('canvas')
  const best = await shrinkToFit<Blob>(source, async (target, quality): Promise<Encoded<Blob>> => {
    canvas.width = target.width
    canvas.height = target.height
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new PhotoRefused('图片处理失败，请重试')
    ctx.fillStyle = '#ffffff' // PNG transparency would turn black in a JPEG
    ctx.fillRect(0, 0, target.width, target.height)
    ctx.drawImage(img, 0, 0, target.width, target.height)
    const blob = await canvasToJpeg(canvas, quality)
    return { size: blob.size, ...target, result: blob }
  })
  return { path: URL.createObjectURL(best.result), size: best.size, width: best.width, height: best.height, originalSize }
}
