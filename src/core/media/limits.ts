// What a photo must be before it leaves the phone, and the pure arithmetic of getting it there.
// Platform code (compress.ts) supplies an encoder; the loop that picks size and quality lives here.
import { FILE_ORIGINAL_MAX_BYTES, NOT_IMAGE_MESSAGE } from '../../../types/contract/files'

/** Long edge of a sent photo, in pixels. */
export const MAX_EDGE = 1600
/** Size of a sent photo, in bytes. */
export const MAX_SENT_BYTES = 300 * 1024
/** Largest original we accept at all. */
export const MAX_SOURCE_BYTES = FILE_ORIGINAL_MAX_BYTES
/** JPEG qualities tried in order (0..1) until the photo fits MAX_SENT_BYTES. */
export const QUALITY_STEPS = [0.85, 0.75, 0.65, 0.55, 0.45, 0.35] as const
/** When even the lowest quality is too big, the edge shrinks by this factor and the steps repeat. */
export const EDGE_SHRINK = 0.8

export const PHOTO_TOO_LARGE = '图片过大，请选择 20MB 以内的照片'
export const NOT_AN_IMAGE = NOT_IMAGE_MESSAGE

export interface Size { width: number; height: number }

/** Scales (never up) so the long edge is at most `maxEdge`, keeping the aspect ratio. */
export function fitWithin(size: Size, maxEdge = MAX_EDGE): Size {
  const long = Math.max(size.width, size.height)
  if (long <= maxEdge || long <= 0) return { width: Math.round(size.width), height: Math.round(size.height) }
  const scale = maxEdge / long
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) }
}

const IMAGE_EXT = /\.(jpe?g|png|gif|webp|heic|heif|bmp)$/i

/** Why a chosen file cannot be sent (a Chinese message for a toast), or null when it can. */
export function refusalOf(file: { size: number; type?: string; path?: string }): string | null {
  const byType = file.type ? /^image(\/|$)/i.test(file.type) : undefined
  const byPath = file.path && !/^(blob:|data:|wxfile:|http)/i.test(file.path) ? IMAGE_EXT.test(file.path) : undefined
  if (byType === false || (byType === undefined && byPath === false)) return NOT_AN_IMAGE
  if (file.size > MAX_SOURCE_BYTES) return PHOTO_TOO_LARGE
  return null
}

/** A photo already small enough in both pixels and bytes is sent as it is. */
export function isSmallEnough(size: Size, bytes: number): boolean {
  return Math.max(size.width, size.height) <= MAX_EDGE && bytes <= MAX_SENT_BYTES
}

export interface Encoded<T> { size: number; width: number; height: number; result: T }
export type Encoder<T> = (target: Size, quality: number) => Promise<Encoded<T>>

/**
 * Encodes at the fitted size with falling quality until the bytes fit; then shrinks the edge and
 * tries again. Returns the first result that fits, or the smallest one after `maxRounds`.
 */
export async function shrinkToFit<T>(source: Size, encode: Encoder<T>, maxRounds = 4): Promise<Encoded<T> & { quality: number; tries: number }> {
  let edge = Math.min(MAX_EDGE, Math.max(source.width, source.height))
  let smallest: (Encoded<T> & { quality: number; tries: number }) | null = null
  let tries = 0
  for (let round = 0; round < maxRounds; round++) {
    const target = fitWithin(source, edge)
    for (const quality of QUALITY_STEPS) {
      const out = await encode(target, quality)
      tries++
      const attempt = { ...out, quality, tries }
      if (!smallest || out.size < smallest.size) smallest = attempt
      if (out.size <= MAX_SENT_BYTES) return attempt
    }
    edge = Math.round(edge * EDGE_SHRINK)
  }
  return smallest as Encoded<T> & { quality: number; tries: number }
}
