// The request's path so far, newest last: 已提交 → 已受理 → 已派单(部门) → 处理中 → 已办结 / 不予受理 / 重复,
// with staff notes and their photos.
import { Text, View } from '@tarojs/components'
import type { ServiceRequest, TimelineKind } from '../../../types/contract/requests-model'
import { cx } from '../../core/ui'
import { formatTime } from '../dayjs'
import { PhotoStrip } from './photo-strip'

const KIND_TEXT: Record<TimelineKind, string> = {
  submitted: '已提交', accepted: '已受理（立案）', declined: '不予受理', duplicate: '标记为重复', dispatched: '已派单',
  note: '处理进展', closed: '已办结', rated: '居民评价', reopened: '不满意，已退回'
}

export function Timeline({ request }: { request: ServiceRequest }) {
  const events = request.timeline
  return (
    <View className='rq-timeline'>
      {events.map((e, i) => (
        <View key={e.id} className={cx('rq-step', i === events.length - 1 && 'rq-step--current')}>
          <View className='rq-step__dot' />
          <View className='rq-step__body'>
            <Text className='rq-step__title'>
              {KIND_TEXT[e.kind]}{e.kind === 'dispatched' && request.department ? `（${request.department.name}）` : ''}
            </Text>
            <Text className='rq-step__meta'>{formatTime(e.at)} · {e.actorName}</Text>
            {e.note ? <Text className='rq-step__note'>{e.note}</Text> : null}
            <PhotoStrip photos={e.photos} />
          </View>
        </View>
      ))}
    </View>
  )
}
