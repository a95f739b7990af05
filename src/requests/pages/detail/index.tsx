// One request: status (逾期 when past expectedBy), what was reported, the timeline with staff notes,
// and after closure the rating / 不满意，退回 for the requester.
import { Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { useSession } from '../../../core/session/store'
import { useRequireMember } from '../../../core/session/use-require-member'
import { ErrorState, Loading, Screen, Section, Skeleton } from '../../../core/ui'
import { OfflineBar } from '../../components/offline-bar'
import { RatePanel } from '../../components/rate-panel'
import { RequestSummary } from '../../components/request-summary'
import { Timeline } from '../../components/timeline'
import { loadRequest, useRequests } from '../../store'
import '../../requests.scss'

export default function RequestDetailPage() {
  const ready = useRequireMember()
  const id = useRouter().params.id ?? ''
  const request = useRequests((s) => s.byId[id])
  const state = useRequests((s) => s.detail[id])
  const me = useSession((s) => s.user?.personId ?? null)

  useEffect(() => { if (ready && id) void loadRequest(id) }, [ready, id])
  usePullDownRefresh(() => { void loadRequest(id).finally(() => Taro.stopPullDownRefresh()) })

  if (!ready) return <Screen><Loading /></Screen>
  if (!request) {
    return (
      <Screen>
        {state?.phase === 'error' ? <ErrorState message={state.error ?? '加载失败'} code={state.code} onRetry={() => void loadRequest(id)} /> : <Skeleton rows={4} />}
      </Screen>
    )
  }
  const isRequester = !!me && (request.filedBy.personId === me || request.onBehalfOf?.personId === me)
  return (
    <Screen className='rq-detail'>
      <OfflineBar />
      {state?.phase === 'error' ? <Text className='rq-list__foot rq-list__foot--error'>{state.error}（显示的是上次加载的内容）</Text> : null}
      <RequestSummary request={request} />
      <Section title='办理进度' card>
        <Timeline request={request} />
      </Section>
      {request.status === 'closed' && isRequester ? <RatePanel request={request} /> : null}
    </Screen>
  )
}
