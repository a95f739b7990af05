// Files: image uploads checked by their bytes (not the declared type), one storage key per file,
// served back as `{ $binary }` (the HTTP server writes those bytes raw with their Content-Type).
import {
  FILE_MAX_BYTES, FILE_TOO_LARGE_MESSAGE, fileEndpoints, fileUrl, NOT_IMAGE_MESSAGE,
  type FilePurpose, type Id, type ImageType, type IsoTime
} from '../../types/contract'
import type { HandlerContext } from '../context'
import { defineDomain } from '../domain'
import { fail, failField } from '../errors'
import { secretToken } from '../secrets'

export interface FileRecord {
  id: Id
  accountId: Id
  contentType: ImageType
  bytes: number
  purpose: FilePurpose
  createdAt: IsoTime
}

declare module '../db' {
  interface Db {
    files?: FileRecord[]
  }
}

export const blobKey = (id: Id) => `file.${id}`

/** The image type the bytes really are (magic numbers), or null for anything else. */
export function sniffImage(bytes: Buffer | Uint8Array): ImageType | null {
  const b = bytes
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg'
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png'
  if (b.length >= 12 && String.fromCharCode(...b.slice(0, 4)) === 'RIFF' && String.fromCharCode(...b.slice(8, 12)) === 'WEBP') return 'image/webp'
  return null
}

const DATA_URL = /^data:([^;,]*);base64,([\s\S]*)$/

/** Decoded size of base64 text without decoding it. */
const base64Bytes = (b64: string) => Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0)

function decodeBase64(b64: string): Uint8Array {
  if (typeof Buffer !== 'undefined') return Buffer.from(b64, 'base64')
  const text = atob(b64)
  const out = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i)
  return out
}

/**
 * File ids a caller attaches to a request or note: each must be an image this account uploaded.
 * `field` is where the form shows the problem (photos).
 */
export function ownPhotos(ctx: HandlerContext, ids: readonly Id[], field = 'photos'): Id[] {
  const mine = new Set((ctx.db.files ?? []).filter((f) => f.accountId === ctx.account?.id).map((f) => f.id))
  const missing = ids.find((id) => !mine.has(id))
  if (missing) failField(field, '有照片未上传成功或已失效，请删除后重新添加')
  return [...new Set(ids)]
}

export const filesDomain = defineDomain({
  name: 'files',
  endpoints: fileEndpoints,
  handlers: {
    uploadFile: ({ dataUrl, purpose }, ctx) => {
      const account = ctx.user()
      const match = DATA_URL.exec(dataUrl)
      if (!match) failField('dataUrl', NOT_IMAGE_MESSAGE)
      const [, declared, base64] = match
      if (declared && !declared.startsWith('image/') && declared !== 'application/octet-stream') failField('dataUrl', NOT_IMAGE_MESSAGE)
      const bytes = base64Bytes(base64)
      if (bytes > FILE_MAX_BYTES) failField('dataUrl', `${FILE_TOO_LARGE_MESSAGE}（当前 ${(bytes / 1048576).toFixed(1)} MB）`)
      if (bytes === 0) failField('dataUrl', '图片内容为空，请重新选择')
      // The bytes decide, not the declared type: a renamed PDF is refused, a JPEG sent as octet-stream is fine.
      const contentType = sniffImage(decodeBase64(base64.slice(0, 24)))
      if (!contentType) failField('dataUrl', NOT_IMAGE_MESSAGE)
      // The url is public (an <Image> sends no token), so the suffix must be unguessable.
      const id = `${ctx.nextId('f')}_${secretToken(16)}`
      try {
        ctx.blobs.setItem(blobKey(id), base64)
      } catch {
        // WeChat caps a mini-program's storage at 10 MB: the embedded demo can run out of room.
        failField('dataUrl', '本机存储空间已满，请减少照片后重试，或清除小程序缓存后重新打开')
      }
      ;(ctx.db.files ??= []).push({ id, accountId: account.id, contentType, bytes, purpose, createdAt: ctx.nowIso })
      return { id, url: fileUrl(id), bytes, contentType }
    },

    getFile: ({ id }, ctx) => {
      const record = (ctx.db.files ?? []).find((f) => f.id === id)
      const base64 = record ? ctx.blobs.getItem(blobKey(id)) : null
      if (!record || base64 === null) fail('NOT_FOUND', '图片不存在或已被删除')
      return { $binary: { contentType: record.contentType, base64 } }
    }
  },
  seed: (db) => {
    db.files = []
  }
})
