import Taro from '@tarojs/taro'
import { KEY_PEOPLE } from '../../../mock'
import { useRequestDraft } from '../draft-store'
import { addDraftPhotos } from '../photos'
import { startAs } from './harness'

// jsdom has no canvas: the H5 compressor is exercised in the browser journey; here it hands back
// a small JPEG as if it had shrunk the photo.
const SMALL_JPEG = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA='
jest.mock('../../core/media/compress', () => ({
  ...jest.requireActual('../../core/media/compress'),
  compressPhoto: jest.fn(async () => ({ path: SMALL_JPEG, size: 125, width: 1600, height: 1200, originalSize: 4_400_000 }))
}))

describe('form photos', () => {
  it('compresses and uploads each chosen photo, recording progress, sizes and the file id', async () => {
    const backend = await startAs(KEY_PEOPLE.resident)
    jest.spyOn(Taro, 'chooseMedia').mockResolvedValue({
      type: 'image', errMsg: 'chooseMedia:ok',
      tempFiles: [{ tempFilePath: SMALL_JPEG, size: 4_400_000, fileType: 'image/jpeg' }, { tempFilePath: SMALL_JPEG, size: 3_900_000, fileType: 'image/jpeg' }]
    } as unknown as Taro.chooseMedia.SuccessCallbackResult)
    const seen = new Set<string>()
    const off = useRequestDraft.subscribe((s) => s.photos.forEach((p) => seen.add(`${p.status}:${p.progress}`)))

    expect(await addDraftPhotos()).toBeNull()
    await new Promise((r) => setTimeout(r, 100))
    off()

    const photos = useRequestDraft.getState().photos
    expect(photos).toHaveLength(2)
    expect(photos.every((p) => p.status === 'uploaded' && p.file?.id)).toBe(true)
    expect(photos[0]).toMatchObject({ originalBytes: 4_400_000, sentBytes: 125, progress: 100 })
    expect([...seen]).toEqual(expect.arrayContaining(['preparing:0', 'uploading:0', 'uploading:50', 'uploaded:100']))
    expect((backend.db().files ?? []).filter((f) => f.purpose === 'request_photo')).toHaveLength(2)
    jest.restoreAllMocks()
  })

  it('keeps a photo that failed on the network as 点按重试-able, with the reason', async () => {
    const backend = await startAs(KEY_PEOPLE.resident)
    jest.spyOn(Taro, 'chooseMedia').mockResolvedValue({
      type: 'image', errMsg: 'chooseMedia:ok', tempFiles: [{ tempFilePath: SMALL_JPEG, size: 4_400_000, fileType: 'image/jpeg' }]
    } as unknown as Taro.chooseMedia.SuccessCallbackResult)
    backend.setFaults({ offline: true })
    await addDraftPhotos()
    await new Promise((r) => setTimeout(r, 100))
    expect(useRequestDraft.getState().photos[0]).toMatchObject({ status: 'failed', error: '网络连接失败，请检查网络后重试', file: null })
    jest.restoreAllMocks()
  })
})
