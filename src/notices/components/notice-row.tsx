// One notice in a list: as tall as its content (the windowed feed measures each rendered row).
import { Text, View } from '@tarojs/components'
import { memo } from 'react'
import { NOTICE_CATEGORY_LABELS, type NoticeSummary } from '../../../types/contract/notices'
import { useSession } from '../../core/session/store'
import { cx } from '../../core/ui'
import { relativeTimeOf } from '../time'

export const detailUrl = (id: string) => `/notices/pages/detail/index?id=${id}`

export const NoticeRow = memo(function NoticeRow({ notice, now, onOpen }: { notice: NoticeSummary; now: number; onOpen: (id: string) => void }) {
  const me = useSession((s) => s.user?.personId ?? null)
  // Read, asked for 我已知晓 and not yet confirmed — never on one's own notice.
  const waiting = notice.read && notice.requiresAck && !notice.acknowledged && notice.author.personId !== me
  return (
    <View className={cx('notice-row', !notice.read && 'notice-row--unread')} hoverClass='notice-row--active' onClick={() => onOpen(notice.id)}>
      <View className='notice-row__head'>
        {/* At most two flags, so the title keeps its line: 待确认 says more to the reader than 置顶. */}
        {notice.pinned && !waiting ? <Text className='notice-row__flag notice-row__flag--pinned'>置顶</Text> : null}
        {!notice.read ? <Text className='notice-row__flag notice-row__flag--unread'>未读</Text> : null}
        {waiting ? <Text className='notice-row__flag notice-row__flag--ack'>待确认</Text> : null}
        <Text className='notice-row__title'>{notice.title}</Text>
      </View>
      <Text className='notice-row__excerpt'>{notice.excerpt}</Text>
      <Text className='notice-row__meta'>
        {NOTICE_CATEGORY_LABELS[notice.category]} · {notice.author.roleLabel} {notice.author.name} · {relativeTimeOf(notice.publishedAt, now)}
      </Text>
    </View>
  )
})
