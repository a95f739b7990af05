// Uploaded photos (FileRef) as thumbnails; tap to preview them full screen.
import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { FileRef } from '../../../types/contract/files'
import { photoSrcs, usePhotoSrc } from '../../core/media'

function Thumb({ file, onClick }: { file: FileRef; onClick: () => void }) {
  const src = usePhotoSrc(file)
  return <Image className='rq-thumb' src={src} mode='aspectFill' onClick={onClick} />
}

export function PhotoStrip({ photos }: { photos: FileRef[] }) {
  if (!photos.length) return null
  const preview = async (i: number) => {
    const urls = await photoSrcs(photos).catch(() => [])
    if (urls.length) void Taro.previewImage({ urls, current: urls[i] }).catch(() => undefined)
  }
  return (
    <View className='rq-thumbs'>
      {photos.map((p, i) => <Thumb key={p.id} file={p} onClick={() => void preview(i)} />)}
    </View>
  )
}
