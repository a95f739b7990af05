// 邻里互助: volunteers see open tasks nearest first and what they claimed; residents see what they
// asked (or their 楼长 asked for them); staff see flagged and disputed ones.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { useRequireMember } from '../../../core/session/use-require-member'
import { useSession } from '../../../core/session/store'
import { Button, EmptyState, ErrorState, Loading, openPage, Screen, Skeleton } from '../../../core/ui'
import { helpApi } from '../../api'
import { HelpCard } from '../../components/help-card'
import { PAGES } from '../../route'
import { useRemote } from '../../use-remote'
import '../../volunteer.scss'

type HelpView = 'open' | 'claimed' | 'asked' | 'staff'
const LABELS: Record<HelpView, string> = { open: '待认领', claimed: '我认领的', asked: '我的求助', staff: '需处理' }
const EMPTY: Record<HelpView, string> = { open: '暂时没有待认领的请求', claimed: '认领的请求会显示在这里', asked: '需要帮忙时点上面的“我要求助”', staff: '没有自动确认或有异议的请求' }

export default function HelpList() {
  const ready = useRequireMember()
  const roles = useSession((s) => s.user?.roles ?? [])
  const views: HelpView[] = [
    ...(roles.includes('volunteer') ? ['open', 'claimed'] as HelpView[] : []), 'asked', ...(roles.includes('staff') ? ['staff'] as HelpView[] : [])
  ]
  const [chosen, setView] = useState<HelpView | null>(null)
  const view = chosen ?? views[0]
  const list = useRemote(() => helpApi.list(view), [view], ready)
  if (!ready) return <Screen><Loading /></Screen>
  return (
    <Screen className='vol-help'>
      <Button block className='vol-help-ask' onClick={() => openPage(PAGES.helpAsk)}>我要求助</Button>
      <View className='vol-tabs'>
        {views.map((v) => <View key={v} className={`vol-tab vol-help-tab-${v} ${v === view ? 'vol-tab--active' : ''}`} onClick={() => setView(v)}>{LABELS[v]}</View>)}
      </View>
      {list.error && !list.data ? <ErrorState message={list.error} code={list.code} onRetry={() => void list.reload()} /> : null}
      {list.error && list.data ? <Text className='vol-banner'>刷新失败：{list.error}</Text> : null}
      {!list.data && !list.error ? <Skeleton rows={4} /> : null}
      {list.data && !list.data.length ? <EmptyState icon='助' message={EMPTY[view]} /> : null}
      {list.data?.map((t) => <HelpCard key={t.id} task={t} onClick={() => openPage(PAGES.helpDetail(t.id))} />)}
    </Screen>
  )
}
