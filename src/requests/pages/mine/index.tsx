// 我的诉求: what I filed, was filed for me, or follow; 待发送 submissions on top; status tabs,
// pull-down refresh, more on reaching the bottom.
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { ServiceRequest } from '../../../../types/contract/requests-model'
import { selectOutboxOf, useOutbox } from '../../../core/outbox'
import { useRequireMember } from '../../../core/session/use-require-member'
import { EmptyState, ErrorState, Loading, Screen, Skeleton, openPage } from '../../../core/ui'
import { OfflineBar } from '../../components/offline-bar'
import { PendingCard } from '../../components/pending-card'
import { RequestCard } from '../../components/request-card'
import { FilterTabs, GROUP_TABS } from '../../components/status-tabs'
import { useRequestFilters } from '../../filter-store'
import { listKey, loadMine, selectList, useRequests } from '../../store'
import { SUBMIT_KIND, wireRequestOutbox } from '../../submit'
import '../../requests.scss'

export default function MyRequestsPage() {
  const ready = useRequireMember()
  const status = useRequestFilters((s) => s.mine)
  const setStatus = useRequestFilters((s) => s.setMine)
  const key = listKey.mine(status)
  const list = useRequests(selectList<ServiceRequest>(key))
  const pending = useOutbox(useShallow(selectOutboxOf(SUBMIT_KIND)))
  const sending = useOutbox((s) => s.sending)
  const load = (mode: 'first' | 'refresh' | 'more') => loadMine(status, mode)

  useEffect(() => wireRequestOutbox(), [])
  useEffect(() => { if (ready) void loadMine(status, 'first') }, [ready, status])
  // Coming back from a detail page or the form: pick up what changed there.
  useDidShow(() => { if (ready && list) void load('refresh') })
  // A queued submission that went out in the background now shows up as a filed request.
  const pendingCount = useRef(pending.length)
  useEffect(() => {
    if (pending.length < pendingCount.current && ready) void loadMine(status, 'refresh')
    pendingCount.current = pending.length
  }, [pending.length, ready, status])
  usePullDownRefresh(() => { void load('refresh').finally(() => Taro.stopPullDownRefresh()) })
  useReachBottom(() => { void load('more') })

  if (!ready) return <Screen><Loading /></Screen>

  const open = (id: string) => openPage(`/requests/pages/detail/index?id=${id}`)
  const items = list?.items ?? []
  const firstLoad = !list || (list.phase === 'loading' && !items.length)
  return (
    <Screen className='rq-mine' padded={false}>
      <OfflineBar />
      <FilterTabs tabs={GROUP_TABS} value={status} onChange={setStatus} />
      <View className='rq-list'>
        {status === null ? pending.map((item) => <PendingCard key={item.key} item={item} sending={sending.includes(item.key)} />) : null}
        {firstLoad ? <Skeleton rows={4} />
          : list?.phase === 'error' && !items.length ? <ErrorState message={list.error ?? '加载失败'} onRetry={() => void load('first')} />
            : !items.length && !(status === null && pending.length) ? (
              <EmptyState icon='记' message={status === 'open' ? '没有正在办理的诉求' : status === 'done' ? '还没有办结的诉求' : '您还没有反映过问题，身边有不便之处可以随时告诉社区'}
                action={{ text: '我要反映', onClick: () => openPage('/requests/pages/new/index') }} />
            ) : items.map((r) => <RequestCard key={r.id} request={r} onClick={() => open(r.id)} />)}
        {list?.phase === 'refreshing' ? <Text className='rq-list__foot'>正在刷新…</Text> : null}
        {list?.phase === 'more' ? <Loading text='正在加载更多…' /> : null}
        {list?.phase === 'error' && items.length ? <Text className='rq-list__foot rq-list__foot--error' onClick={() => void load(list.nextCursor ? 'more' : 'refresh')}>{list.error}，点此重试</Text> : null}
        {list?.phase === 'ready' && items.length && !list.nextCursor ? <Text className='rq-list__foot'>共 {list.total} 条，已全部加载</Text> : null}
      </View>
    </Screen>
  )
}
