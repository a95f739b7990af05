// The 议事 list (used by the 议事 tab): 进行中 / 已结束 / 我发起的, each card with its stage and 还差 N 户支持.
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { ProposalSummary } from '../../../types/contract/council-model'
import { Button, EmptyState, ErrorState, openPage, Skeleton, Tag, type Tone } from '../../core/ui'
import { loadProposals, useCouncil, type ListView } from '../list-store'

const TABS: { view: ListView; label: string }[] = [{ view: 'active', label: '进行中' }, { view: 'done', label: '已结束' }, { view: 'mine', label: '我发起的' }]

const toneOf = (p: ProposalSummary): Tone =>
  p.stage === 'voting' ? 'primary' : p.stage === 'gathering' ? 'info' : ['rejected', 'expired', 'withdrawn'].includes(p.stage) ? 'default' : p.stage === 'archived' ? 'success' : 'warning'

export function ProposalCard({ p }: { p: ProposalSummary }) {
  return (
    <View className='cl-card' hoverClass='cl-card--active' onClick={() => void openPage(`/council/pages/detail/index?id=${p.id}`)}>
      <View className='cl-card__head'>
        <Tag tone={toneOf(p)}>{p.stageLabel}</Tag>
        <Text className='cl-card__scope'>{p.scopeLabel} · {p.kindLabel}</Text>
      </View>
      <Text className='cl-card__title'>{p.title}</Text>
      {p.stage === 'gathering'
        ? <Text className='cl-card__meta'>已有 {p.supports} 户支持，还差 {p.supportMissing} 户支持</Text>
        : <Text className='cl-card__meta'>更新于 {p.updatedAt.slice(0, 10)}</Text>}
    </View>
  )
}

export function ProposalList() {
  const [view, setView] = useState<ListView>('active')
  const list = useCouncil((s) => s.lists[view])
  useEffect(() => { void loadProposals(view) }, [view])
  return (
    <View className='cl-list'>
      <View className='cl-tabs'>
        {TABS.map((t) => (
          <View key={t.view} className={`cl-tabs__item${t.view === view ? ' cl-tabs__item--on' : ''}`} onClick={() => setView(t.view)}>
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      <Button block onClick={() => void openPage('/council/pages/new/index')}>我要提议</Button>
      {!list || (list.phase === 'loading' && list.items.length === 0) ? <Skeleton rows={4} />
        : list.phase === 'error' && list.items.length === 0 ? <ErrorState message={list.error ?? '加载失败'} onRetry={() => void loadProposals(view)} />
          : list.items.length === 0 ? <EmptyState icon='议' message={view === 'mine' ? '您还没有发起过议题，点上方“我要提议”' : '暂时没有议题'} />
            : list.items.map((p) => <ProposalCard key={p.id} p={p} />)}
    </View>
  )
}
