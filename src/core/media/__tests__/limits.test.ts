import { fitWithin, isSmallEnough, MAX_SENT_BYTES, NOT_AN_IMAGE, PHOTO_TOO_LARGE, refusalOf, shrinkToFit, type Size } from '../limits'

describe('photo limits', () => {
  it('fits a 4000×3000 photo into a 1600 px long edge, keeping the aspect ratio', () => {
    expect(fitWithin({ width: 4000, height: 3000 })).toEqual({ width: 1600, height: 1200 })
    expect(fitWithin({ width: 3000, height: 4000 })).toEqual({ width: 1200, height: 1600 })
  })

  it('never scales a small photo up', () => {
    expect(fitWithin({ width: 800, height: 600 })).toEqual({ width: 800, height: 600 })
  })

  it('refuses a file over 20 MB with 图片过大', () => {
    expect(refusalOf({ size: 21 * 1024 * 1024, type: 'image/jpeg' })).toBe(PHOTO_TOO_LARGE)
    expect(PHOTO_TOO_LARGE).toBe('图片过大，请选择 20MB 以内的照片')
  })

  it('refuses a non-image by MIME type or by file name with 只能上传图片', () => {
    expect(refusalOf({ size: 1000, type: 'application/pdf' })).toBe(NOT_AN_IMAGE)
    expect(refusalOf({ size: 1000, path: '/tmp/report.pdf' })).toBe(NOT_AN_IMAGE)
    expect(refusalOf({ size: 1000, type: 'video' })).toBe(NOT_AN_IMAGE)
  })

  it('accepts an image whose path says nothing (blob: URLs, weapp temp files)', () => {
    expect(refusalOf({ size: 5_000_000, path: 'blob:http://x/abc' })).toBeNull()
    expect(refusalOf({ size: 5_000_000, path: 'wxfile://tmp_abc' })).toBeNull()
    expect(refusalOf({ size: 5_000_000, type: 'image/png' })).toBeNull()
  })

  it('sends a photo unchanged only when both pixels and bytes are within limits', () => {
    expect(isSmallEnough({ width: 1600, height: 900 }, MAX_SENT_BYTES)).toBe(true)
    expect(isSmallEnough({ width: 1601, height: 900 }, 1000)).toBe(false)
    expect(isSmallEnough({ width: 1000, height: 900 }, MAX_SENT_BYTES + 1)).toBe(false)
  })
})

describe('shrinkToFit', () => {
  // A fake encoder whose bytes grow with pixels and quality, like JPEG does.
  const encoder = (bytesPerPixelAtFull: number) => {
    const calls: Array<Size & { quality: number }> = []
    const encode = async (t: Size, quality: number) => {
      calls.push({ ...t, quality })
      return { size: Math.round(t.width * t.height * bytesPerPixelAtFull * quality), ...t, result: `${t.width}@${quality}` }
    }
    return { calls, encode }
  }

  it('lowers quality step by step at 1600 px until the photo is ≤ 300 KB', async () => {
    const { calls, encode } = encoder(0.3) // 1600×1200 at 0.85 ≈ 490 KB
    const out = await shrinkToFit({ width: 4000, height: 3000 }, encode)
    expect(out.size).toBeLessThanOrEqual(MAX_SENT_BYTES)
    expect(out.width).toBe(1600)
    expect(calls.map((c) => c.quality)).toEqual([0.85, 0.75, 0.65, 0.55, 0.45])
  })

  it('shrinks the edge when even the lowest quality is too big', async () => {
    const { encode } = encoder(1.2)
    const out = await shrinkToFit({ width: 4000, height: 3000 }, encode)
    expect(out.size).toBeLessThanOrEqual(MAX_SENT_BYTES)
    expect(out.width).toBeLessThan(1600)
  })

  it('returns the smallest attempt when nothing fits after all rounds', async () => {
    const { encode } = encoder(100)
    const out = await shrinkToFit({ width: 4000, height: 3000 }, encode, 2)
    expect(out.size).toBeGreaterThan(MAX_SENT_BYTES)
    expect(out.quality).toBe(0.35)
    expect(out.width).toBe(1280)
  })
})
