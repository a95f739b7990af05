// What was reported, as both the requester and staff see it: status (逾期 when past expectedBy),
// case number, place, answers, description, photos and the due time.
import { Text, View } from '@tarojs/components'
import { categoryOf, type RequestStatus } from '../../../types/contract/requests-catalog'
import { type ServiceRequest } from '../../../types/contract/requests-model'
import { Tag } from '../../core/ui'
import dayjs, { formatDateTime } from '../dayjs'
import { PhotoStrip } from './photo-strip'
import { StatusTag } from './request-card'

export function answerLines(r: ServiceRequest): string[] {
  const category = categoryOf(r.categoryCode)
  return Object.entries(r.answers).map(([code, value]) => {
    const a = category?.attributes.find((x) => x.code === code)
    return `${a?.label ?? code}：${a?.values?.find((v) => v.key === value)?.name ?? value}`
  })
}

/** What each status means, in plain words, where a resident first meets the office's terms. */
export const STATUS_EXPLAINED: Record<RequestStatus, string> = {
  submitted: '社区已收到您反映的问题，工作人员查看后会决定是否受理（立案）。',
  accepted: '社区已受理（立案），正在安排负责处理的部门。',
  dispatched: '已转交给负责的部门处理（派单），他们处理好后社区会告诉您。',
  in_progress: '负责的部门正在处理。',
  closed: '已经处理完了（办结）。请评价一下办得怎么样；不满意可以申请退回重办。',
  declined: '社区没有受理这件事（不予受理），理由写在下面；有疑问可以联系社区。',
  duplicate: '这件事已经有邻居反映过，并到原来那条里一起处理，您会收到它的进展。'
}

/** `staff`: the words address a community worker (the resident's choices in the third person). */
export function RequestSummary({ request: r, staff = false }: { request: ServiceRequest; staff?: boolean }) {
  return (
    <View className='rq-summary'>
      <View className='rq-card__head'>
        <Text className='rq-summary__title'>{r.categoryName}</Text>
        <View className='rq-card__tags'>
          {r.overdue ? <Tag tone='danger'>逾期</Tag> : null}
          <StatusTag request={r} />
        </View>
      </View>
      {staff ? null : <Text className='rq-summary__explain'>{STATUS_EXPLAINED[r.status]}</Text>}
      <Text className='rq-summary__row'>受理编号：{r.caseNumber}（查询、咨询时报这个号）</Text>
      <Text className='rq-summary__row'>地点：{r.location.placeName}{r.location.note ? `（${r.location.note}）` : ''}</Text>
      {answerLines(r).map((l) => <Text key={l} className='rq-summary__row'>{l}</Text>)}
      <Text className='rq-summary__desc'>{r.description}</Text>
      <PhotoStrip photos={r.photos} />
      <Text className={r.overdue ? 'rq-summary__due rq-summary__due--late' : 'rq-summary__due'}>
        {r.closedAt ? `办结于 ${formatDateTime(r.closedAt)}` : `预计 ${formatDateTime(r.expectedBy)} 前办结${r.overdue ? `，已逾期 ${dayjs(r.expectedBy).fromNow(true)}` : ''}`}
      </Text>
      {r.declineReason ? <Text className='rq-summary__row'>不予受理理由：{r.declineReason}</Text> : null}
      {r.duplicateOf ? <Text className='rq-summary__row'>与 {r.duplicateOf.caseNumber} 重复，{staff ? '已并入原诉求' : '已为您关注原诉求'}</Text> : null}
      <Text className='rq-summary__row'>
        {staff
          ? (r.anonymous ? '居民选择了匿名：公示时不显示姓名' : '公示时只显示居民的姓氏')
          : (r.anonymous ? '公开展示时不显示您的姓名' : '公开展示时只显示姓氏，如“王*”')}
        {r.followerCount ? ` · 另有 ${r.followerCount} 位邻居也遇到了` : ''}
      </Text>
    </View>
  )
}
