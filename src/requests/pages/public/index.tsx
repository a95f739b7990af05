// 公示: this month's figures and recent requests in the community (masked names, no phone numbers).
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import type { PublicServiceRequest, RequestStats } from '../../../../types/contract/requests-model'
import { messageOf } from '../../../core/api'
import { EmptyState, ErrorState, Loading, Screen, Section, Skeleton, Tag } from '../../../core/ui'
import { OfflineBar } from '../../components/offline-bar'
import { STATUS_TONE } from '../../components/request-card'
import dayjs from '../../dayjs'
import { fetchStats, listKey, loadPublic, selectList, useRequests } from '../../store'
import { closeTimeText } from '../../components/stats-text'
import '../../requests.scss'

const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`)

function StatsCard({ stats }: { stats: RequestStats }) {
  const cells = [
    { label: '本月提交', value: String(stats.filed) },
    // Two populations, said plainly: what was finished this month (whenever filed), and how much of
    // this month's filings is finished already.
    { label: '本月办结', value: String(stats.closed) },
    { label: '本月新提交的已办结', value: percent(stats.resolutionRate) },
    { label: '一般多久办结', value: closeTimeText(stats.medianHoursToClose) },
    { label: '满意度', value: stats.meanSatisfaction === null ? '—' : `${stats.meanSatisfaction.toFixed(1)} 星` }
  ]
  return (
    <View className='rq-stats'>
      {cells.map((c) => (
        <View key={c.label} className='rq-stats__cell'>
          <Text className='rq-stats__value'>{c.value}</Text>
          <Text className='rq-stats__label'>{c.label}</Text>
        </View>
      ))}
      <Text className='rq-stats__note'>「本月办结」也算以前提交、本月办好的；「一般多久办结」是一半的诉求在这个时间内办好。</Text>
    </View>
  )
}

function PublicCard({ r }: { r: PublicServiceRequest }) {
  return (
    <View className='rq-card rq-public-item'>
      <View className='rq-card__head'>
        <Text className='rq-card__title'>{r.categoryName} · {r.placeName}</Text>
        <Tag tone={STATUS_TONE[r.status]}>{r.statusLabel}</Tag>
      </View>
      <Text className='rq-card__desc'>{r.description}</Text>
      {r.result ? <Text className='rq-card__desc rq-card__result'>办理结果：{r.result}</Text> : null}
      <Text className='rq-card__meta'>
        {r.caseNumber} · {r.filerName} · {dayjs(r.createdAt).fromNow()}
        {r.satisfaction !== null ? ` · 满意度 ${r.satisfaction} 星` : ''}{r.followerCount ? ` · ${r.followerCount} 人也遇到了` : ''}
      </Text>
    </View>
  )
}

export default function PublicRequestsPage() {
  const list = useRequests(selectList<PublicServiceRequest>(listKey.public))
  const [stats, setStats] = useState<RequestStats | null>(null)
  const [statsError, setStatsError] = useState<string | null>(null)
  const loadStats = useCallback(() => fetchStats().then((s) => { setStats(s); setStatsError(null) }, (e) => setStatsError(messageOf(e))), [])
  const load = loadPublic

  useEffect(() => { void loadPublic('first'); void loadStats() }, [loadStats])
  usePullDownRefresh(() => { void Promise.all([load('refresh'), loadStats()]).finally(() => Taro.stopPullDownRefresh()) })
  useReachBottom(() => { void load('more') })

  const items = list?.items ?? []
  return (
    <Screen className='rq-public'>
      <OfflineBar />
      <Section title={`本月数据${stats ? `（${stats.month}）` : ''}`}>
        {stats ? <StatsCard stats={stats} /> : statsError ? <ErrorState message={statsError} onRetry={() => void loadStats()} /> : <Skeleton rows={1} />}
      </Section>
      <Section title='最近的诉求'>
        {!list || (list.phase === 'loading' && !items.length) ? <Skeleton rows={4} />
          : list.phase === 'error' && !items.length ? <ErrorState message={list.error ?? '加载失败'} onRetry={() => void load('first')} />
            : !items.length ? <EmptyState icon='示' message='本社区还没有公开的诉求' />
              : items.map((r) => <PublicCard key={r.id} r={r} />)}
        {list?.phase === 'more' ? <Loading text='正在加载更多…' /> : null}
        {list?.phase === 'ready' && items.length && !list.nextCursor ? <Text className='rq-list__foot'>已全部加载</Text> : null}
      </Section>
      <Text className='rq-list__foot'>为保护隐私，公示内容隐去姓名和电话号码</Text>
    </Screen>
  )
}
