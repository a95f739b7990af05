import { KEY_PEOPLE } from '..'
import type { BinaryBody, UploadedFile } from '../../types/contract'
import { sniffImage } from '../handlers/files'
import { JPEG_DATA_URL, setup } from './requests-fixture'

const PNG_HEADER = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])
const dataUrl = (mime: string, bytes: Buffer) => `data:${mime};base64,${bytes.toString('base64')}`

describe('photo uploads', () => {
  it('stores a JPEG under its own key and serves the same bytes back', async () => {
    const t = await setup()
    const res = await t.post<UploadedFile>('/files', { dataUrl: JPEG_DATA_URL, purpose: 'request_photo' }, KEY_PEOPLE.resident)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id: expect.stringMatching(/^f_\d{4}_[a-z0-9]{16}$/), contentType: 'image/jpeg', url: `/files/${res.body.id}` })
    expect(t.backend.storage.getItem(`file.${res.body.id}`)).toBe(JPEG_DATA_URL.split(',')[1])
    const served = await t.get<BinaryBody>(`/files/${res.body.id}`)
    expect(served.body.$binary.contentType).toBe('image/jpeg')
    expect(Buffer.from(served.body.$binary.base64, 'base64')).toEqual(Buffer.from(JPEG_DATA_URL.split(',')[1], 'base64'))
    expect(res.body.bytes).toBe(Buffer.from(JPEG_DATA_URL.split(',')[1], 'base64').length)
  })

  it('judges by the bytes: a PNG sent as octet-stream is accepted', async () => {
    const t = await setup()
    const res = await t.post<UploadedFile>('/files', { dataUrl: dataUrl('application/octet-stream', PNG_HEADER) }, KEY_PEOPLE.resident)
    expect(res.body).toMatchObject({ contentType: 'image/png' })
  })

  it.each([
    ['a text file', dataUrl('text/plain', Buffer.from('hello world'))],
    ['a PDF renamed to .jpg', dataUrl('image/jpeg', Buffer.from('%PDF-1.7 fake'))],
    ['something that is not a data URL', 'file:///tmp/a.jpg']
  ])('refuses %s with 只能上传图片', async (_name, body) => {
    const t = await setup()
    const res = await t.post('/files', { dataUrl: body }, KEY_PEOPLE.resident)
    expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION', fields: { dataUrl: '只能上传图片（JPG、PNG 或 WebP）' } } })
  })

  it('refuses an image over 1 MB with 图片过大', async () => {
    const t = await setup()
    const big = Buffer.alloc(1024 * 1024 + 1, 0)
    big[0] = 0xff; big[1] = 0xd8; big[2] = 0xff
    const res = await t.post('/files', { dataUrl: dataUrl('image/jpeg', big) }, KEY_PEOPLE.resident)
    expect(res).toMatchObject({ status: 400, body: { fields: { dataUrl: expect.stringMatching(/^图片过大，请压缩到 1 MB 以内后重试/) } } })
  })

  it('answers a full storage with a message on the photo instead of crashing', async () => {
    const t = await setup()
    const storage = t.backend.storage
    const setItem = storage.setItem
    storage.setItem = (key, value) => {
      if (key.startsWith('file.')) throw new Error('setStorageSync:fail exceed storage max size 10MB')
      setItem(key, value)
    }
    const res = await t.post('/files', { dataUrl: JPEG_DATA_URL }, KEY_PEOPLE.resident)
    expect(res).toMatchObject({ status: 400, body: { fields: { dataUrl: '本机存储空间已满，请减少照片后重试，或清除小程序缓存后重新打开' } } })
    expect(t.db().files).toEqual([])
  })

  it('needs a session to upload and answers an unknown file with 404', async () => {
    const t = await setup()
    expect((await t.post('/files', { dataUrl: JPEG_DATA_URL })).status).toBe(401)
    expect(await t.get('/files/f_0001_zzzzzz')).toMatchObject({ status: 404, body: { message: '图片不存在或已被删除' } })
  })
})

describe('sniffImage: the type the bytes really are', () => {
  const bytes = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)))
  it.each([
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    ['two bytes of a JPEG', bytes([0xff, 0xd8]), null],
    ['a PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'],
    ['a PNG cut at 7 bytes', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a]), null],
    ['a PNG look-alike (\\x89PNX)', bytes([0x89], 'PNX', [0x0d, 0x0a, 0x1a, 0x0a]), null],
    ['a PNG look-alike (\\x89PXG)', bytes([0x89], 'PXG', [0x0d, 0x0a, 0x1a, 0x0a]), null],
    ['a WEBP', bytes('RIFF', [1, 2, 3, 4], 'WEBP'), 'image/webp'],
    ['a WEBP cut at 11 bytes', bytes('RIFF', [1, 2, 3, 4], 'WEB'), null],
    ['a RIFF that is not WEBP (WAV)', bytes('RIFF', [1, 2, 3, 4], 'WAVE'), null],
    ['WEBP without RIFF', bytes('RIFX', [1, 2, 3, 4], 'WEBP'), null],
    ['HTML', bytes('<html><body>'), null]
  ])('%s → %s', (_name, b, type) => {
    expect(sniffImage(b)).toBe(type)
  })
})
