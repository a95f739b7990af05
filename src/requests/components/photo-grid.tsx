// Photos of the form: thumbnails with per-photo progress, tap to preview, × to remove (confirmed),
// a failed one taps to retry, and an add tile while fewer than the maximum.
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PHOTOS_MAX } from '../../../types/contract/requests'
import { photoSrc, usePhotoSrc } from '../../core/media'
import { confirm, cx, Field } from '../../core/ui'
import type { DraftPhoto } from '../draft-store'

const STATUS_TEXT: Record<DraftPhoto['status'], string> = { preparing: '压缩中', uploading: '上传中', uploaded: '', failed: '点按重试' }

function Tile({ photo, disabled, onPreview, onRemove, onRetry }: {
  photo: DraftPhoto; disabled?: boolean; onPreview: () => void; onRemove: () => void; onRetry: () => void
}) {
  const remote = usePhotoSrc(photo.status === 'uploaded' ? photo.file : null)
  const src = photo.status === 'uploaded' && remote ? remote : photo.localPath
  return (
    <View className={cx('rq-photo', `rq-photo--${photo.status}`)} onClick={photo.status === 'failed' ? onRetry : onPreview}>
      <Image className='rq-photo__img' src={src} mode='aspectFill' />
      {photo.status !== 'uploaded' ? (
        <View className='rq-photo__veil'>
          <Text className='rq-photo__status'>{photo.status === 'uploading' ? `${Math.round(photo.progress)}%` : STATUS_TEXT[photo.status]}</Text>
          {photo.status === 'failed' && photo.error ? <Text className='rq-photo__error'>{photo.error}</Text> : null}
        </View>
      ) : null}
      {disabled ? null : (
        <View className='rq-photo__remove' aria-label='删除照片' onClick={(e) => { e.stopPropagation(); onRemove() }}>
          <Text>×</Text>
        </View>
      )}
    </View>
  )
}

export function PhotoGrid({ photos, error, disabled, onAdd, onRemove, onRetry }: {
  photos: DraftPhoto[]
  error?: string | null
  disabled?: boolean
  onAdd: () => void
  onRemove: (id: string) => void
  onRetry: (id: string) => void
}) {
  const preview = async (index: number) => {
    const urls = await Promise.all(photos.map((p) => (p.status === 'uploaded' && p.file ? photoSrc(p.file).catch(() => p.localPath) : Promise.resolve(p.localPath))))
    void Taro.previewImage({ urls, current: urls[index] }).catch(() => undefined)
  }
  const remove = async (id: string) => {
    if (await confirm({ title: '删除这张照片？', confirmText: '删除', danger: true })) onRemove(id)
  }
  return (
    <Field label={`现场照片（${photos.length}/${PHOTOS_MAX}）`} hint='可拍照或从相册选择，照片会自动压缩后上传' error={error}>
      <View className='rq-photos'>
        {photos.map((p, i) => (
          <Tile key={p.id} photo={p} disabled={disabled} onPreview={() => void preview(i)} onRemove={() => void remove(p.id)} onRetry={() => onRetry(p.id)} />
        ))}
        {!disabled ? (
          <View className={cx('rq-photo', 'rq-photo--add', photos.length >= PHOTOS_MAX && 'rq-photo--full')} aria-label='添加照片' onClick={onAdd}>
            <Text className='rq-photo__plus'>＋</Text>
            <Text className='rq-photo__add-text'>添加照片</Text>
          </View>
        ) : null}
      </View>
    </Field>
  )
}
