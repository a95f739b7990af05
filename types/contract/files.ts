// Files: photo uploads (诉求照片, 处理照片) and serving them back.
import * as z from 'zod/mini'
import { idString, type Id } from './common'
import { endpoint } from './endpoint'

/** Server-side cap on one upload, after client compression (the app targets ≤ 300 KB). */
export const FILE_MAX_BYTES = 1024 * 1024
/** The app refuses originals above this before even compressing. */
export const FILE_ORIGINAL_MAX_BYTES = 20 * 1024 * 1024
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export type ImageType = (typeof IMAGE_TYPES)[number]

export const NOT_IMAGE_MESSAGE = '只能上传图片（JPG、PNG 或 WebP）'
export const FILE_TOO_LARGE_MESSAGE = '图片过大，请压缩到 1 MB 以内后重试'

export const FILE_PURPOSES = ['request_photo', 'request_note_photo', 'notice_image', 'other'] as const
export type FilePurpose = (typeof FILE_PURPOSES)[number]

/**
 * An uploaded file. `url` is always the path `/files/{id}` RELATIVE TO THE API ROOT:
 * - HTTP transport: `${LINLI_API_BASE}/files/{id}` serves the raw bytes with their Content-Type
 *   (public, so an <Image src> needs no Authorization header; ids carry a random suffix).
 * - Embedded transport: there is no server to point an <Image> at, so the app resolves the
 *   url by calling `getFile` and building `data:${contentType};base64,${base64}` (cache it).
 * We chose one stable url over returning data URLs because records list up to 9 photos each
 * and inlining ~300 KB per photo would bloat every list response and the stored database.
 */
export interface FileRef { id: Id; url: string }
export interface UploadedFile extends FileRef { bytes: number; contentType: ImageType }
/** GET /files/:id: the HTTP server sends these bytes raw; the embedded transport returns this JSON. */
export interface BinaryBody { $binary: { contentType: ImageType; base64: string } }

export const fileUrl = (id: Id) => `/files/${id}`

/** Room for a little more than FILE_MAX_BYTES in base64, so the handler can say how big it was. */
export const DATA_URL_MAX = Math.ceil((FILE_MAX_BYTES * 4) / 3) + 4096

export const uploadFileInput = z.object({
  /** `data:<mime>;base64,<bytes>`; both transports deliver uploads in this shape. */
  dataUrl: z.string({ error: '请选择要上传的图片' }).check(
    z.maxLength(DATA_URL_MAX, FILE_TOO_LARGE_MESSAGE),
    z.regex(/^data:[^;,]{0,100};base64,/, NOT_IMAGE_MESSAGE)
  ),
  purpose: z._default(z.enum(FILE_PURPOSES, { error: '上传用途不正确，请更新小程序后重试' }), 'other')
})

export const fileEndpoints = {
  uploadFile: endpoint<UploadedFile>()({
    method: 'POST', path: '/files', input: uploadFileInput, access: 'user',
    summary: 'Upload one image as a data URL (multipart `file` on HTTP); 400 只能上传图片 for non-images (checked by magic bytes), 400 图片过大 above 1 MB.'
  }),
  getFile: endpoint<BinaryBody>()({
    method: 'GET', path: '/files/:id',
    input: z.object({ id: idString('图片不存在或已被删除') }),
    access: 'public',
    summary: 'The bytes of an uploaded file: raw with Content-Type over HTTP, `{ $binary }` JSON in the embedded transport.'
  })
}
