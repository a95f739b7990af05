// Compress and upload with the real compressor (the H5 path: fetch, Image and the canvas are
// scripted — jsdom has none — the arithmetic and the choices are ours), then the real upload
// through the api client. Nothing named by a test is mocked away here: the page-level photo test
// mocks the compressor; this one covers what it skips.
import { configureClient } from '../../api/client'
import type { UploadRequest } from '../../api/transport'
import { compressPhoto, PhotoRefused } from '../compress'
import { MAX_SENT_BYTES, NOT_AN_IMAGE, PHOTO_TOO_LARGE } from '../limits'
import { PHOTO_GONE, sendPhoto } from '../send'

/** Local files: path → bytes and type. */
const files = new Map<string, { size: number; type: string }>()
let encodes: Array<{ quality: number; width: number; height: number }> = []
let image = { width: 4000, height: 3000 }
let blobs = 0
/** Bytes the scripted encoder produces for a width and a quality. */
let perPixel = 300
const encodedBytes = (width: number, quality: number) => Math.round(width * quality * perPixel)

const g = globalThis as unknown as Record<string, unknown>
const saved: Record<string, unknown> = {}

beforeEach(() => {
  files.clear()
  encodes = []
  blobs = 0
  perPixel = 300
  image = { width: 4000, height: 3000 }
  saved.fetch = g.fetch
  saved.Image = g.Image
  saved.getContext = HTMLCanvasElement.prototype.getContext
  saved.toBlob = HTMLCanvasElement.prototype.toBlob
  saved.createObjectURL = URL.createObjectURL
  g.fetch = async (path: string) => {
    const f = files.get(path)
    return { ok: !!f, blob: async () => new Blob([new Uint8Array(f?.size ?? 0)], { type: f?.type ?? '' }) }
  }
  g.Image = class {
    onload: (() => void) | null = null
    onerror: (() => void) | null = null
    naturalWidth = image.width
    naturalHeight = image.height
    set src(v: string) { setTimeout(() => (files.has(v) ? this.onload?.() : this.onerror?.()), 0) }
  }
  HTMLCanvasElement.prototype.getContext = function () {
    return { fillStyle: '', fillRect: () => undefined, drawImage: () => undefined } as unknown as CanvasRenderingContext2D
  } as never
  HTMLCanvasElement.prototype.toBlob = function (this: HTMLCanvasElement, cb: BlobCallback, _type?: string, quality?: number) {
    encodes.push({ quality: quality ?? -1, width: this.width, height: this.height })
    cb(new Blob([new Uint8Array(encodedBytes(this.width, quality ?? 1))], { type: 'image/jpeg' }))
  }
  URL.createObjectURL = (b: Blob) => {
    const path = `blob:out-${++blobs}`
    files.set(path, { size: b.size, type: b.type })
    return path
  }
})

afterEach(() => {
  g.fetch = saved.fetch
  g.Image = saved.Image
  HTMLCanvasElement.prototype.getContext = saved.getContext as never
  HTMLCanvasElement.prototype.toBlob = saved.toBlob as never
  URL.createObjectURL = saved.createObjectURL as never
})

describe('compressPhoto (H5)', () => {
  it('fits a 4000×3000 PNG into 1600×1200 JPEG at the first quality that is ≤ 300 KB', async () => {
    files.set('blob:orig', { size: 6_000_000, type: 'image/png' })
    // 1600 px: q.85 → 408,000 B, q.75 → 360,000, q.65 → 312,000, q.55 → 264,000 (fits).
    const out = await compressPhoto('blob:orig')
    expect(encodes).toEqual([0.85, 0.75, 0.65, 0.55].map((quality) => ({ quality, width: 1600, height: 1200 })))
    expect(out).toEqual({ path: 'blob:out-1', size: 264_000, width: 1600, height: 1200, originalSize: 6_000_000 })
    expect(out.size).toBeLessThanOrEqual(MAX_SENT_BYTES)
  })

  it('sends a small JPEG as it is, without re-encoding', async () => {
    image = { width: 1600, height: 900 }
    files.set('blob:small', { size: MAX_SENT_BYTES, type: 'image/jpeg' })
    await expect(compressPhoto('blob:small')).resolves.toEqual({ path: 'blob:small', size: MAX_SENT_BYTES, width: 1600, height: 900, originalSize: MAX_SENT_BYTES })
    expect(encodes).toEqual([])
  })

  it('re-encodes a small PNG (not a JPEG) and a JPEG over the byte limit', async () => {
    image = { width: 800, height: 600 }
    files.set('blob:small.png', { size: 100_000, type: 'image/png' })
    expect(await compressPhoto('blob:small.png')).toEqual({ path: 'blob:out-1', size: 204_000, width: 800, height: 600, originalSize: 100_000 })
    image = { width: 1601, height: 1200 }
    files.set('blob:wide.jpg', { size: 1000, type: 'image/jpeg' })
    expect((await compressPhoto('blob:wide.jpg')).width).toBe(1600)
    image = { width: 1600, height: 1200 }
    files.set('blob:big.jpg', { size: MAX_SENT_BYTES + 1, type: 'image/jpeg' })
    expect((await compressPhoto('blob:big.jpg')).path).toBe('blob:out-3')
    expect(encodes.map((e) => e.quality)).toEqual([0.85, 0.85, 0.75, 0.65, 0.55, 0.85, 0.75, 0.65, 0.55])
  })

  it('refuses a file over 20 MB and a non-image before touching it', async () => {
    files.set('blob:huge', { size: 21 * 1024 * 1024, type: 'image/jpeg' })
    files.set('blob:doc', { size: 1000, type: 'application/pdf' })
    await expect(compressPhoto('blob:huge')).rejects.toEqual(new PhotoRefused(PHOTO_TOO_LARGE))
    await expect(compressPhoto('blob:doc')).rejects.toMatchObject({ name: 'PhotoRefused', message: NOT_AN_IMAGE })
    await expect(compressPhoto('blob:unreadable', { type: 'image/png', size: 1000 })).rejects.toMatchObject({ name: 'PhotoRefused', message: '无法读取这张图片，请换一张试试' })
    expect(encodes).toEqual([])
  })

  it('shrinks the edge by 0.8 when even the lowest quality is too big, and tries every quality again', async () => {
    perPixel = 600
    files.set('blob:noisy', { size: 9_000_000, type: 'image/jpeg' })
    const out = await compressPhoto('blob:noisy')
    // 1600 px at q.35 is 336,000 B (too big); 1280 px at q.35 is 268,800 B.
    expect(encodes.map((e) => `${e.width}@${e.quality}`)).toEqual([
      '1600@0.85', '1600@0.75', '1600@0.65', '1600@0.55', '1600@0.45', '1600@0.35',
      '1280@0.85', '1280@0.75', '1280@0.65', '1280@0.55', '1280@0.45', '1280@0.35'
    ])
    expect(out).toEqual({ path: 'blob:out-1', size: 268_800, width: 1280, height: 960, originalSize: 9_000_000 })
  })
})

describe('sendPhoto (H5): compress, then upload what was compressed', () => {
  function transport() {
    const uploads: UploadRequest[] = []
    configureClient({
      transport: {
        kind: 'http',
        send: () => Promise.reject(new Error('unused')),
        upload: async (req) => {
          uploads.push(req)
          req.onProgress?.(50)
          return { status: 200, body: { id: 'f_1', url: '/files/f_1', bytes: files.get(req.filePath)?.size ?? -1, contentType: 'image/jpeg', width: 1600, height: 1200 } }
        }
      },
      getToken: () => 'tok', retries: 0, retryBaseMs: 0, retryMaxMs: 0
    })
    return uploads
  }

  it('uploads the compressed file (not the original) with the photo key and reports the stages', async () => {
    const uploads = transport()
    files.set('blob:orig', { size: 6_000_000, type: 'image/png' })
    const stages: Array<[string, number]> = []
    const sent = await sendPhoto({ path: 'blob:orig' }, { purpose: 'request_photo', idempotencyKey: 'ph-1', onStage: (s, p) => stages.push([s, p]) })
    expect(uploads.map((u) => [u.filePath, u.fields, u.headers['Idempotency-Key']])).toEqual([['blob:out-1', { purpose: 'request_photo' }, 'ph-1']])
    expect(sent).toMatchObject({ sendPath: 'blob:out-1', sentBytes: 264_000, file: { id: 'f_1' } })
    expect(stages).toEqual([['preparing', 0], ['uploading', 0], ['uploading', 50]])
  })

  it('reuses an already compressed file that is still readable, and reports the bytes the server stored', async () => {
    const uploads = transport()
    files.set('blob:done', { size: 123_000, type: 'image/jpeg' })
    files.set('blob:orig', { size: 6_000_000, type: 'image/png' })
    const sent = await sendPhoto({ path: 'blob:orig', sendPath: 'blob:done' }, { purpose: 'request_photo', idempotencyKey: 'ph-2' })
    expect(encodes).toEqual([])
    expect(uploads.map((u) => u.filePath)).toEqual(['blob:done'])
    expect(sent.sentBytes).toBe(123_000)
  })

  it('compresses again when the compressed file expired, and refuses when the original is gone too', async () => {
    const uploads = transport()
    files.set('blob:orig', { size: 6_000_000, type: 'image/png' })
    const again = await sendPhoto({ path: 'blob:orig', sendPath: 'blob:expired' }, { purpose: 'request_photo', idempotencyKey: 'ph-3' })
    expect(again.sendPath).toBe('blob:out-1')
    await expect(sendPhoto({ path: 'blob:gone', sendPath: null }, { purpose: 'request_photo', idempotencyKey: 'ph-4' })).rejects.toMatchObject({ name: 'PhotoRefused', message: PHOTO_GONE })
    expect(uploads).toHaveLength(1)
  })
})
