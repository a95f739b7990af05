// A request as staff see it: who filed it and how to reach them, the timeline, and the actions.
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { CallButton } from '../../../core/contacts'
import { hasRole, useSession } from '../../../core/session/store'
import { useRequireMember } from '../../../core/session/use-require-member'
import { EmptyState, ErrorState, Loading, Screen, Section, Skeleton } from '../../../core/ui'
import { OfflineBar } from '../../components/offline-bar'
import { StaffActions } from '../../components/staff-actions'
import { Timeline } from '../../components/timeline'
import { loadRequest, useRequests } from '../../store'
import { RequestSummary } from '../../components/request-summary'
import { STAFF_ONLY } from '../../components/staff-actions'
import '../../requests.scss'

export default function StaffRequestPage() {
  const ready = useRequireMember()
  const isStaff = useSession((s) => hasRole(s.user, 'staff'))
  const id = useRouter().params.id ?? ''
  const request = useRequests((s) => s.byId[id])
  const state = useRequests((s) => s.detail[id])

  useEffect(() => { if (ready && isStaff && id) void loadRequest(id) }, [ready, isStaff, id])
  usePullDownRefresh(() => { void loadRequest(id).finally(() => Taro.stopPullDownRefresh()) })

  if (!ready) return <Screen><Loading /></Screen>
  if (!isStaff) return <Screen><EmptyState icon='限' message={STAFF_ONLY} /></Screen>
  if (!request) {
    return (
      <Screen>
        {state?.phase === 'error' ? <ErrorState message={state.error ?? '加载失败'} code={state.code} onRetry={() => void loadRequest(id)} /> : <Skeleton rows={4} />}
      </Screen>
    )
  }
  const c = request.contact
  return (
    <Screen className='rq-staff-detail'>
      <OfflineBar />
      <RequestSummary request={request} staff />
      <Section title='反映人' card>
        <View className='rq-contact'>
          <Text className='rq-summary__row'>{c ? c.name : request.filedBy.name}{request.anonymous ? '（公示匿名）' : ''}</Text>
          {c?.phone ? <CallButton phoneNumber={c.phone} className='rq-contact__call' /> : null}
          {c?.address ? <Text className='rq-summary__row'>{c.address}</Text> : null}
          {request.onBehalfOf ? <Text className='rq-summary__row'>由楼长 {request.filedBy.name} 代办</Text> : null}
        </View>
      </Section>
      <StaffActions request={request} />
      <Section title='办理进度' card>
        <Timeline request={request} />
      </Section>
    </Screen>
  )
}
