// A notice as residents read it: title, who posted it and when, to whom, until when, the body as
// plain text (markup stays text: React escapes it; no RichText, no innerHTML), and photos.
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { NOTICE_CATEGORY_LABELS, type NoticeCategory } from '../../../types/contract/notices'
import { type FileRef } from '../../../types/contract/files'
import { photoSrcs, usePhotoSrc } from '../../core/media'
import { Tag } from '../../core/ui'
import { dayOf, fullTimeOf, relativeTimeOf } from '../time'

export interface NoticeViewModel {
  title: string
  body: string
  category: NoticeCategory | null
  pinned: boolean
  expiresOn: string | null
  targetLabel: string
  /** `3栋楼长 李建国` */
  poster: string
  publishedAt: string | null
  editedAt?: string | null
  photos: { key: string; file?: FileRef | null; localPath?: string }[]
}

function Photo({ file, localPath, onTap }: { file?: FileRef | null; localPath?: string; onTap: () => void }) {
  const remote = usePhotoSrc(file ?? null)
  return <Image className='notice-view__photo' src={remote || localPath || ''} mode='aspectFill' onClick={onTap} />
}

export function NoticeView({ notice }: { notice: NoticeViewModel }) {
  const preview = async (index: number) => {
    const remote = await photoSrcs(notice.photos.filter((p) => p.file).map((p) => p.file as FileRef)).catch(() => [] as string[])
    const urls = remote.length === notice.photos.length ? remote : notice.photos.map((p) => p.localPath ?? '').filter(Boolean)
    if (urls.length) void Taro.previewImage({ urls, current: urls[index] ?? urls[0] }).catch(() => undefined)
  }
  return (
    <View className='notice-view'>
      <View className='notice-view__tags'>
        {notice.pinned ? <Tag tone='primary'>置顶</Tag> : null}
        {notice.category ? <Tag>{NOTICE_CATEGORY_LABELS[notice.category]}</Tag> : null}
      </View>
      <Text className='notice-view__title' userSelect>{notice.title}</Text>
      <View className='notice-view__meta'>
        <Text className='notice-view__poster'>{notice.poster}</Text>
        {notice.publishedAt ? (
          <Text className='notice-view__time'>{relativeTimeOf(notice.publishedAt)}（{fullTimeOf(notice.publishedAt)}）{notice.editedAt ? ' · 已修改' : ''}</Text>
        ) : <Text className='notice-view__time'>尚未发布</Text>}
        <Text className='notice-view__scope'>发送给：{notice.targetLabel || '未选择'}</Text>
        {notice.expiresOn ? <Text className='notice-view__expiry'>有效期至 {dayOf(notice.expiresOn)}</Text> : null}
      </View>
      <Text className='notice-view__body' userSelect>{notice.body}</Text>
      {notice.photos.length ? (
        <View className='notice-view__photos'>
          {notice.photos.map((p, i) => <Photo key={p.key} file={p.file} localPath={p.localPath} onTap={() => void preview(i)} />)}
        </View>
      ) : null}
    </View>
  )
}
