// Up to 3 photos for a notice: thumbnails with progress, tap to preview, × to remove (confirmed),
// a failed one taps to retry, and an add tile.
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { NOTICE_PHOTOS_MAX } from '../../../types/contract/notices'
import { usePhotoSrc } from '../../core/media'
import { confirm, cx, Field } from '../../core/ui'
import type { DraftPhoto } from '../draft-store'

function Tile({ photo, onRemove, onRetry, onPreview }: { photo: DraftPhoto; onRemove: () => void; onRetry: () => void; onPreview: () => void }) {
  const remote = usePhotoSrc(photo.status === 'uploaded' && !photo.localPath ? photo.file : null)
  return (
    <View className={cx('notice-photo', `notice-photo--${photo.status}`)} onClick={photo.status === 'failed' ? onRetry : onPreview}>
      <Image className='notice-photo__img' src={photo.localPath || remote} mode='aspectFill' />
      {photo.status !== 'uploaded' ? (
        <View className='notice-photo__veil'>
          <Text>{photo.status === 'uploading' ? `${Math.round(photo.progress)}%` : photo.status === 'preparing' ? '压缩中' : '点按重试'}</Text>
          {photo.error ? <Text>{photo.error}</Text> : null}
        </View>
      ) : null}
      <View className='notice-photo__remove' aria-label='删除照片' onClick={(e) => { e.stopPropagation(); onRemove() }}><Text>×</Text></View>
    </View>
  )
}

export function PhotoField({ photos, error, onAdd, onRemove, onRetry }: {
  photos: DraftPhoto[]; error?: string | null; onAdd: () => void; onRemove: (id: string) => void; onRetry: (id: string) => void
}) {
  const preview = (index: number) => {
    const urls = photos.map((p) => p.localPath).filter(Boolean)
    if (urls.length) void Taro.previewImage({ urls, current: urls[index] ?? urls[0] }).catch(() => undefined)
  }
  const remove = async (id: string) => {
    if (await confirm({ title: '删除这张照片？', confirmText: '删除', danger: true })) onRemove(id)
  }
  return (
    <Field label={`照片（${photos.length}/${NOTICE_PHOTOS_MAX}，选填）`} hint='照片会自动压缩后上传' error={error}>
      <View className='notice-photos'>
        {photos.map((p, i) => <Tile key={p.id} photo={p} onPreview={() => preview(i)} onRemove={() => void remove(p.id)} onRetry={() => onRetry(p.id)} />)}
        <View className='notice-photo notice-photo--add compose-add-photo' aria-label='添加照片' onClick={onAdd}>
          <Text>＋</Text>
          <Text>添加照片</Text>
        </View>
      </View>
    </Field>
  )
}
