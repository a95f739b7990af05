// Choosing photos (count, consent, cancel, what is refused and why), the draft photo's stages as
// it uploads, the upload call itself and how an uploaded photo is shown again.
import Taro from '@tarojs/taro'
import { configureClient } from '../../api/client'
import type { Transport, TransportRequest, TransportResponse, UploadRequest } from '../../api/transport'
import { useSession } from '../../session/store'
import { choosePhotos } from '../choose'
import { settlePhoto, type DraftPhoto } from '../draft-photo'
import { NOT_AN_IMAGE, PHOTO_TOO_LARGE } from '../limits'
import { PHOTO_GONE } from '../send'
import { photoSrc, uploadPhoto } from '../upload'
import { chooseDraftPhotos, uploadDraftPhoto } from '../upload-draft'

type Media = Taro.chooseMedia.ChooseMedia
const media = (tempFilePath: string, size: number, fileType: string): Media => ({ tempFilePath, size, fileType, duration: 0, height: 0, width: 0, thumbTempFilePath: '' } as Media)

let sent: TransportRequest[] = []
let uploads: UploadRequest[] = []
let replies: Array<TransportResponse | ((r: UploadRequest) => TransportResponse)> = []

beforeEach(() => {
  sent = []
  uploads = []
  replies = []
  const transport: Transport = {
    kind: 'embedded',
    send: async (r) => { sent.push(r); const x = replies.shift(); return typeof x === 'function' ? x(r as never) : x ?? { status: 200, body: null } },
    upload: async (r) => { uploads.push(r); const x = replies.shift(); return typeof x === 'function' ? x(r) : x ?? { status: 200, body: null } }
  }
  configureClient({ transport, getToken: () => 'tok', retries: 0, retryBaseMs: 0, retryMaxMs: 0, random: () => 0 })
  useSession.setState({ privacyAccepted: true })
})

afterEach(() => jest.restoreAllMocks())

describe('choosePhotos', () => {
  it('asks for nothing when no photo fits', async () => {
    const choose = jest.spyOn(Taro, 'chooseMedia')
    await expect(choosePhotos(0)).resolves.toEqual({ photos: [], refusal: null })
    await expect(choosePhotos(-1)).resolves.toEqual({ photos: [], refusal: null })
    expect(choose).not.toHaveBeenCalled()
  })

  it('asks the camera or album for images, compressed, at most the room left', async () => {
    const choose = jest.spyOn(Taro, 'chooseMedia').mockResolvedValue({ tempFiles: [media('blob:a', 1000, 'image/jpeg')], type: 'image', errMsg: 'ok' } as never)
    await expect(choosePhotos(3)).resolves.toEqual({ photos: [{ path: 'blob:a', size: 1000, type: 'image/jpeg' }], refusal: null })
    expect(choose.mock.calls).toEqual([[{ count: 3, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] }]])
  })

  it('does not open the chooser when consent is declined', async () => {
    useSession.setState({ privacyAccepted: false })
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: false, cancel: true, errMsg: 'ok' } as never)
    const choose = jest.spyOn(Taro, 'chooseMedia')
    await expect(choosePhotos(2)).resolves.toEqual({ photos: [], refusal: null })
    expect(choose).not.toHaveBeenCalled()
  })

  it('treats a cancel as an empty choice and passes other failures on', async () => {
    jest.spyOn(Taro, 'chooseMedia').mockRejectedValueOnce({ errMsg: 'chooseMedia:fail cancel' })
    await expect(choosePhotos(2)).resolves.toEqual({ photos: [], refusal: null })
    jest.spyOn(Taro, 'chooseMedia').mockRejectedValueOnce(new Error('user Abort'))
    await expect(choosePhotos(2)).resolves.toEqual({ photos: [], refusal: null })
    jest.spyOn(Taro, 'chooseMedia').mockRejectedValueOnce({ errMsg: 'chooseMedia:fail no permission' })
    await expect(choosePhotos(2)).rejects.toEqual({ errMsg: 'chooseMedia:fail no permission' })
  })

  it('drops files beyond the room with a word of why', async () => {
    jest.spyOn(Taro, 'chooseMedia').mockResolvedValue({ tempFiles: [media('blob:a', 1, 'image/png'), media('blob:b', 2, 'image/png'), media('blob:c', 3, 'image/png')] } as never)
    const out = await choosePhotos(2)
    expect(out.photos.map((p) => p.path)).toEqual(['blob:a', 'blob:b'])
    expect(out.refusal).toBe('最多只能再选 2 张，多选的照片未添加')
  })

  it('takes exactly the room without a word', async () => {
    jest.spyOn(Taro, 'chooseMedia').mockResolvedValue({ tempFiles: [media('blob:a', 1, 'image/png'), media('blob:b', 2, 'image/png')] } as never)
    expect(await choosePhotos(2)).toEqual({ photos: [{ path: 'blob:a', size: 1, type: 'image/png' }, { path: 'blob:b', size: 2, type: 'image/png' }], refusal: null })
  })

  it('refuses a video and a too-large file, keeping the first reason; weapp\'s bare "image" has no type', async () => {
    jest.spyOn(Taro, 'chooseMedia').mockResolvedValue({
      tempFiles: [media('wxfile://v', 10, 'video'), media('wxfile://a', 10, 'image'), media('wxfile://big', 30 * 1024 * 1024, 'image')]
    } as never)
    const out = await choosePhotos(5)
    expect(out.photos).toEqual([{ path: 'wxfile://a', size: 10, type: undefined }])
    expect(out.refusal).toBe(NOT_AN_IMAGE)
    jest.spyOn(Taro, 'chooseMedia').mockResolvedValue({ tempFiles: [media('wxfile://big', 30 * 1024 * 1024, 'image/jpeg'), media('x.pdf', 1, 'application/pdf')] } as never)
    expect(await choosePhotos(5)).toEqual({ photos: [], refusal: PHOTO_TOO_LARGE })
  })
})

describe('chooseDraftPhotos', () => {
  it('says 最多上传 n 张照片 when the form is full', async () => {
    const choose = jest.spyOn(Taro, 'chooseMedia')
    expect(await chooseDraftPhotos(9, 9)).toEqual({ added: [], message: '最多上传 9 张照片' })
    expect(await chooseDraftPhotos(10, 9)).toEqual({ added: [], message: '最多上传 9 张照片' })
    expect(choose).not.toHaveBeenCalled()
  })

  it('asks for the room left and makes each a draft photo waiting to upload', async () => {
    const choose = jest.spyOn(Taro, 'chooseMedia').mockResolvedValue({ tempFiles: [media('blob:a', 1, 'image/png'), media('blob:b', 1, 'image/png')] } as never)
    const out = await chooseDraftPhotos(7, 9)
    expect(choose.mock.calls[0][0]).toMatchObject({ count: 2 })
    expect(out.message).toBeNull()
    expect(out.added.map(({ id: _id, ...rest }) => rest)).toEqual([
      { localPath: 'blob:a', sendPath: null, status: 'preparing', progress: 0, file: null, error: null },
      { localPath: 'blob:b', sendPath: null, status: 'preparing', progress: 0, file: null, error: null }
    ])
    expect(out.added[0].id).toMatch(/^[0-9a-z]+-[0-9a-f]{16}$/)
    expect(out.added[0].id).not.toBe(out.added[1].id)
  })

  it('passes on the chooser\'s refusal and turns its failure into words', async () => {
    jest.spyOn(Taro, 'chooseMedia').mockResolvedValueOnce({ tempFiles: [media('blob:a', 1, 'application/pdf')] } as never)
    expect(await chooseDraftPhotos(0, 9)).toEqual({ added: [], message: NOT_AN_IMAGE })
    jest.spyOn(Taro, 'chooseMedia').mockRejectedValueOnce({ errMsg: 'chooseMedia:fail system' })
    expect(await chooseDraftPhotos(0, 9)).toEqual({ added: [], message: '服务暂时出了点问题，请稍后重试' })
  })
})

describe('uploadDraftPhoto', () => {
  const draft = (over: Partial<DraftPhoto> = {}): DraftPhoto => ({
    id: 'ph_1', localPath: 'data:image/jpeg;base64,AAAA', sendPath: 'data:image/jpeg;base64,BBBB', status: 'preparing', progress: 0, file: null, error: null, ...over
  })

  it('reports uploading with progress, then uploaded with the file; the photo id is the upload key', async () => {
    const file = { id: 'f_1', url: '/files/f_1', bytes: 1234, contentType: 'image/jpeg' }
    replies.push((r) => { r.onProgress?.(40); return { status: 201, body: file } })
    const patches: Array<Partial<DraftPhoto>> = []
    await uploadDraftPhoto(draft(), 'request_photo', (p) => patches.push(p))
    expect(patches).toEqual([
      { status: 'uploading', progress: 0 },
      { status: 'uploading', progress: 40 },
      { status: 'uploaded', progress: 100, file, sendPath: 'data:image/jpeg;base64,BBBB', error: null }
    ])
    expect(uploads[0]).toMatchObject({ path: '/files', filePath: 'data:image/jpeg;base64,BBBB', fields: { purpose: 'request_photo' } })
    expect(uploads[0].headers['Idempotency-Key']).toBe('ph_1')
  })

  it('fails with the server\'s message', async () => {
    replies.push({ status: 400, body: { code: 'VALIDATION', message: '图片过大，请压缩到 1 MB 以内后重试' } })
    const patches: Array<Partial<DraftPhoto>> = []
    await uploadDraftPhoto(draft(), 'other', (p) => patches.push(p))
    expect(patches[patches.length - 1]).toEqual({ status: 'failed', progress: 0, error: '图片过大，请压缩到 1 MB 以内后重试' })
  })

  it('fails with 照片已失效 when the chosen photo can no longer be read', async () => {
    const g = globalThis as unknown as { fetch: unknown }
    const savedFetch = g.fetch
    g.fetch = async () => ({ ok: false })
    const patches: Array<Partial<DraftPhoto>> = []
    await uploadDraftPhoto(draft({ localPath: 'blob:gone', sendPath: null }), 'other', (p) => patches.push(p))
    g.fetch = savedFetch
    expect(patches).toEqual([{ status: 'failed', progress: 0, error: PHOTO_GONE }])
    expect(uploads).toEqual([])
  })
})

describe('settlePhoto', () => {
  const p = (status: DraftPhoto['status'], progress = 30): DraftPhoto => ({ id: 'x', localPath: 'l', sendPath: null, status, progress, file: null, error: null })
  it('turns a photo caught mid-upload into a failed one waiting for a retry', () => {
    expect(settlePhoto(p('preparing'))).toEqual({ ...p('preparing'), status: 'failed', progress: 0, error: '上传中断，点按重试' })
    expect(settlePhoto(p('uploading'))).toEqual({ ...p('uploading'), status: 'failed', progress: 0, error: '上传中断，点按重试' })
  })
  it('leaves uploaded and failed photos as they are', () => {
    const done = p('uploaded', 100)
    expect(settlePhoto(done)).toBe(done)
    const failed = { ...p('failed', 0), error: '网络连接失败' }
    expect(settlePhoto(failed)).toBe(failed)
  })
})

describe('uploadPhoto and photoSrc', () => {
  it('uploads for purpose other by default, with the caller\'s key, retries and progress', async () => {
    const onProgress = jest.fn()
    replies.push((r) => { r.onProgress?.(100); return { status: 200, body: { id: 'f_2' } } })
    await expect(uploadPhoto('blob:x', { idempotencyKey: 'k_9', onProgress })).resolves.toEqual({ id: 'f_2' })
    expect(uploads[0]).toMatchObject({ path: '/files', filePath: 'blob:x', fields: { purpose: 'other' } })
    expect(uploads[0].headers['Idempotency-Key']).toBe('k_9')
    expect(onProgress).toHaveBeenCalledWith(100)
  })

  it('shows an embedded photo as a data URL fetched once', async () => {
    replies.push({ status: 200, body: { $binary: { contentType: 'image/png', base64: 'iVBO' } } })
    await expect(photoSrc({ id: 'f_once', url: '/files/f_once' })).resolves.toBe('data:image/png;base64,iVBO')
    await expect(photoSrc({ id: 'f_once', url: '/files/f_once' })).resolves.toBe('data:image/png;base64,iVBO')
    expect(sent.map((r) => [r.method, r.path])).toEqual([['GET', '/files/f_once']])
  })

  it('asks again after a failed fetch', async () => {
    replies.push({ status: 404, body: { code: 'NOT_FOUND', message: '图片不存在或已被删除' } })
    await expect(photoSrc({ id: 'f_retry', url: '/files/f_retry' })).rejects.toMatchObject({ message: '图片不存在或已被删除' })
    replies.push({ status: 200, body: { $binary: { contentType: 'image/jpeg', base64: 'AA' } } })
    await expect(photoSrc({ id: 'f_retry', url: '/files/f_retry' })).resolves.toBe('data:image/jpeg;base64,AA')
    expect(sent).toHaveLength(2)
  })

  it('points at the server on an HTTP build', async () => {
    const g = globalThis as unknown as { LINLI_TRANSPORT: string; LINLI_API_BASE: string }
    const saved = [g.LINLI_TRANSPORT, g.LINLI_API_BASE]
    g.LINLI_TRANSPORT = 'http'
    g.LINLI_API_BASE = 'https://api.example.cn/api/'
    try {
      await expect(photoSrc({ id: 'f_h', url: '/files/f_h' })).resolves.toBe('https://api.example.cn/api/files/f_h')
      expect(sent).toEqual([])
    } finally {
      [g.LINLI_TRANSPORT, g.LINLI_API_BASE] = saved
    }
  })
})
