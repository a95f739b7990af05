// A proposal's or a progress update's photos; tap to preview them full screen.
import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { FileRef } from '../../../types/contract/files'
import { photoSrcs, usePhotoSrc } from '../../core/media'

function One({ file, all }: { file: FileRef; all: FileRef[] }) {
  const src = usePhotoSrc(file)
  const preview = async () => { const urls = await photoSrcs(all); void Taro.previewImage({ urls, current: src }) }
  return <Image className='cl-photo__img' src={src} mode='aspectFill' onClick={() => void preview()} />
}

export function PhotoStrip({ photos }: { photos: FileRef[] }) {
  if (photos.length === 0) return null
  return <View className='cl-photos'>{photos.map((f) => <One key={f.id} file={f} all={photos} />)}</View>
}
