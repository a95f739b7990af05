// Up to 6 photos for a proposal: chosen, compressed and uploaded at once (kept with the draft).
import { Image, Text, View } from '@tarojs/components'
import { COUNCIL_PHOTOS_MAX } from '../../../types/contract/council'
import { messageOf, newIdempotencyKey } from '../../core/api'
import { choosePhotos, sendPhoto, usePhotoSrc, type DraftPhoto } from '../../core/media'
import { Button, toast } from '../../core/ui'
import { useProposalDraft } from '../draft-store'

function Thumb({ photo }: { photo: DraftPhoto }) {
  const src = usePhotoSrc(photo.file)
  return (
    <View className='cl-photo'>
      <Image className='cl-photo__img' src={src || photo.localPath} mode='aspectFill' />
      <Text className='cl-photo__state'>{photo.status === 'uploaded' ? '' : photo.status === 'failed' ? photo.error ?? '上传失败' : `上传中 ${photo.progress}%`}</Text>
      <View className='cl-photo__remove' onClick={() => useProposalDraft.getState().edit({ photos: useProposalDraft.getState().photos.filter((p) => p.id !== photo.id) })}><Text>删除</Text></View>
    </View>
  )
}

export async function addPhotos(): Promise<void> {
  const d = useProposalDraft.getState()
  const room = COUNCIL_PHOTOS_MAX - d.photos.length
  if (room <= 0) { toast(`最多上传 ${COUNCIL_PHOTOS_MAX} 张照片`); return }
  const choice = await choosePhotos(room)
  if (choice.refusal) toast(choice.refusal)
  for (const chosen of choice.photos) {
    const photo: DraftPhoto = { id: newIdempotencyKey(), localPath: chosen.path, sendPath: null, status: 'preparing', progress: 0, file: null, error: null }
    useProposalDraft.getState().edit({ photos: [...useProposalDraft.getState().photos, photo] })
    const patch = (p: Partial<DraftPhoto>) => useProposalDraft.getState().patchPhoto(photo.id, p)
    sendPhoto(chosen, { purpose: 'other', idempotencyKey: photo.id, onStage: (stage, progress) => patch({ status: stage, progress }) })
      .then(({ file, sendPath }) => patch({ status: 'uploaded', progress: 100, file: { id: file.id, url: file.url }, sendPath }))
      .catch((e: unknown) => patch({ status: 'failed', error: messageOf(e) }))
  }
}

export function PhotoPicker() {
  const photos = useProposalDraft((s) => s.photos)
  return (
    <View className='cl-photos'>
      {photos.map((p) => <Thumb key={p.id} photo={p} />)}
      {photos.length < COUNCIL_PHOTOS_MAX ? <Button variant='secondary' size='small' onClick={() => void addPhotos()}>添加照片（{photos.length}/{COUNCIL_PHOTOS_MAX}）</Button> : null}
    </View>
  )
}
