// 工作台 → 诉求受理: the staff queue (oldest open first) with a status filter. A resident who opens
// it gets a clear word instead of a broken list; the mock refuses them (403) too.
import { View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useEffect } from 'react'
import type { ServiceRequest } from '../../../../types/contract/requests-model'
import { hasRole, useSession } from '../../../core/session/store'
import { useRequireMember } from '../../../core/session/use-require-member'
import { EmptyState, ErrorState, Loading, Screen, Skeleton, openPage } from '../../../core/ui'
import { OfflineBar } from '../../components/offline-bar'
import { RequestCard } from '../../components/request-card'
import { STAFF_ONLY } from '../../components/staff-actions'
import { FilterTabs, STATUS_TABS } from '../../components/status-tabs'
import { useRequestFilters } from '../../filter-store'
import { listKey, loadStaffQueue, selectList, useRequests } from '../../store'
import '../../requests.scss'

export default function StaffQueuePage() {
  const ready = useRequireMember()
  const isStaff = useSession((s) => hasRole(s.user, 'staff'))
  const status = useRequestFilters((s) => s.staff)
  const setStatus = useRequestFilters((s) => s.setStaff)
  const key = listKey.staff(status)
  const list = useRequests(selectList<ServiceRequest>(key))
  const load = (mode: 'first' | 'refresh' | 'more') => loadStaffQueue(status, mode)

  useEffect(() => { if (ready && isStaff) void loadStaffQueue(status, 'first') }, [ready, isStaff, status])
  useDidShow(() => { if (ready && isStaff && list) void load('refresh') })
  usePullDownRefresh(() => { void (isStaff ? load('refresh') : Promise.resolve()).finally(() => Taro.stopPullDownRefresh()) })
  useReachBottom(() => { if (isStaff) void load('more') })

  if (!ready) return <Screen><Loading /></Screen>
  if (!isStaff) {
    return (
      <Screen>
        <EmptyState icon='限' message={STAFF_ONLY} action={{ text: '去反映问题', onClick: () => void Taro.redirectTo({ url: '/requests/pages/new/index' }) }} />
      </Screen>
    )
  }
  const items = list?.items ?? []
  return (
    <Screen className='rq-staff' padded={false}>
      <OfflineBar />
      <FilterTabs tabs={STATUS_TABS} value={status} onChange={setStatus} />
      <View className='rq-list'>
        {!list || (list.phase === 'loading' && !items.length) ? <Skeleton rows={4} />
          : list.phase === 'error' && !items.length ? <ErrorState message={list.error ?? '加载失败'} onRetry={() => void load('first')} />
            : !items.length ? <EmptyState icon='妥' message={status === 'submitted' ? '没有待受理的诉求，辛苦了' : '这个状态下没有诉求'} action={status ? { text: '查看全部', onClick: () => setStatus(null) } : undefined} />
              : items.map((r) => <RequestCard key={r.id} request={r} showFiler onClick={() => openPage(`/requests/pages/staff-detail/index?id=${r.id}`)} />)}
        {list?.phase === 'more' ? <Loading text='正在加载更多…' /> : null}
      </View>
    </Screen>
  )
}
