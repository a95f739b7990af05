// One request in a list: category · place, status (逾期 when late), description, case number and age.
import { Text, View } from '@tarojs/components'
import type { RequestStatus } from '../../../types/contract/requests-catalog'
import type { ServiceRequest } from '../../../types/contract/requests-model'
import { Tag, type Tone } from '../../core/ui'
import dayjs from '../dayjs'

export const STATUS_TONE: Record<RequestStatus, Tone> = {
  submitted: 'info', accepted: 'primary', dispatched: 'primary', in_progress: 'warning', closed: 'success', declined: 'default', duplicate: 'default'
}

export function StatusTag({ request }: { request: Pick<ServiceRequest, 'status' | 'statusLabel' | 'department'> }) {
  const label = request.status === 'dispatched' && request.department ? `已派单（${request.department.name}）` : request.statusLabel
  return <Tag tone={STATUS_TONE[request.status]} className={`rq-status rq-status--${request.status}`}>{label}</Tag>
}

export function RequestCard({ request, onClick, showFiler }: { request: ServiceRequest; onClick: () => void; showFiler?: boolean }) {
  return (
    <View className='rq-card' hoverClass='rq-card--active' onClick={onClick}>
      <View className='rq-card__head'>
        <Text className='rq-card__title'>{request.categoryName} · {request.location.placeName}</Text>
        <View className='rq-card__tags'>
          {request.overdue ? <Tag tone='danger'>逾期</Tag> : null}
          <StatusTag request={request} />
        </View>
      </View>
      <Text className='rq-card__desc'>{request.description}</Text>
      <Text className='rq-card__meta'>
        {request.caseNumber} · {dayjs(request.createdAt).fromNow()}{showFiler ? ` · ${request.filedBy.name}` : ''}
        {request.following && !showFiler ? ' · 我关注的' : ''}
      </Text>
    </View>
  )
}
