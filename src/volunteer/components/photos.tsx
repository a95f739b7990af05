// Activity photos: the form's field (thumbnails with progress, tap to preview, × to remove after a
// confirmation, a failed one taps to retry, an add tile) and the row shown on the detail page.
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { FileRef } from '../../../types/contract/files'
import { ACTIVITY_PHOTOS_MAX } from '../../../types/contract/volunteer'
import { photoSrcs, usePhotoSrc, type DraftPhoto } from '../../core/media'
import { confirm, cx, Field } from '../../core/ui'

function Tile({ photo, onRemove, onRetry, onPreview }: { photo: DraftPhoto; onRemove: () => void; onRetry: () => void; onPreview: () => void }) {
  // Once uploaded, the server's copy: a chosen photo's local path dies with the page on H5 (blob:),
  // so a draft reopened after a reload would show a broken image.
  const remote = usePhotoSrc(photo.status === 'uploaded' ? photo.file : null)
  return (
    <View className={cx('vol-photo', `vol-photo--${photo.status}`)} onClick={photo.status === 'failed' ? onRetry : onPreview}>
      <Image className='vol-photo__img' src={photo.status === 'uploaded' ? remote : photo.localPath} mode='aspectFill' nativeProps={{ alt: '活动照片' }} />
      {photo.status !== 'uploaded' ? (
        <View className='vol-photo__veil'>
          <Text>{photo.status === 'uploading' ? `${Math.round(photo.progress)}%` : photo.status === 'preparing' ? '压缩中' : '点按重试'}</Text>
          {photo.error ? <Text>{photo.error}</Text> : null}
        </View>
      ) : null}
      <View className='vol-photo__remove' aria-label='删除照片' onClick={(e) => { e.stopPropagation(); onRemove() }}><Text>×</Text></View>
    </View>
  )
}

export function PhotoField({ photos, error, onAdd, onRemove, onRetry }: {
  photos: DraftPhoto[]; error?: string | null; onAdd: () => void; onRemove: (id: string) => void; onRetry: (id: string) => void
}) {
  const preview = async (index: number) => {
    // Uploaded photos from the server (their local paths may be gone), the rest as chosen.
    const urls = await Promise.all(photos.map((p) => (p.status === 'uploaded' && p.file ? photoSrcs([p.file]).then((u) => u[0]) : Promise.resolve(p.localPath)))).catch(() => [])
    const all = urls.filter(Boolean)
    const current = urls[index] || all[0]
    if (all.length) void Taro.previewImage({ urls: all, current }).catch(() => undefined)
  }
  const remove = async (id: string) => {
    if (await confirm({ title: '删除这张照片？', confirmText: '删除', danger: true })) onRemove(id)
  }
  return (
    <Field label={`照片（${photos.length}/${ACTIVITY_PHOTOS_MAX}，选填）`} hint='照片会自动压缩后上传' error={error}>
      <View className='vol-photos'>
        {photos.map((p, i) => <Tile key={p.id} photo={p} onPreview={() => void preview(i)} onRemove={() => void remove(p.id)} onRetry={() => onRetry(p.id)} />)}
        {photos.length < ACTIVITY_PHOTOS_MAX ? (
          <View className='vol-photo vol-photo--add vol-add-photo' aria-label='添加照片' onClick={onAdd}>
            <Text>＋</Text>
            <Text>添加照片</Text>
          </View>
        ) : null}
      </View>
    </Field>
  )
}

function Shown({ photo, onClick }: { photo: FileRef; onClick: () => void }) {
  const src = usePhotoSrc(photo)
  return <Image className='vol-photo vol-detail-photo' src={src} mode='aspectFill' nativeProps={{ alt: '活动照片，点按查看大图' }} onClick={onClick} />
}

export function ActivityPhotos({ photos }: { photos: FileRef[] }) {
  const open = async (index: number) => {
    const urls = await photoSrcs(photos).catch(() => [])
    if (urls.length) void Taro.previewImage({ urls, current: urls[index] ?? urls[0] }).catch(() => undefined)
  }
  return <View className='vol-photos vol-detail-photos'>{photos.map((p, i) => <Shown key={p.id} photo={p} onClick={() => void open(i)} />)}</View>
}
