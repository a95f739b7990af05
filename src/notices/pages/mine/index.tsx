// 我发布的通知: the author's history, newest first, withdrawn ones marked 已撤回, with read counts.
import { Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { isExpired, type MyNoticeSummary } from '../../../../types/contract/notices'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, Cell, CellGroup, EmptyState, ErrorState, Loading, openPage, Screen, Skeleton, Tag } from '../../../core/ui'
import { loadMine } from '../../manage'
import { useNotices } from '../../store'
import { relativeTimeOf } from '../../time'
import '../../notices.scss'

const COMPOSE_URL = '/notices/pages/compose/index'

function StatusTag({ n, now }: { n: MyNoticeSummary; now: number }) {
  if (n.status === 'withdrawn') return <Tag tone='danger'>已撤回</Tag>
  if (isExpired(n.expiresOn, now)) return <Tag>已过期</Tag>
  // Green only once everyone has it; 已读 0/5 户 is not a success.
  const done = n.ackHouseholds ?? n.readHouseholds
  const tone = n.targetHouseholds > 0 && done === n.targetHouseholds ? 'success' : 'default'
  const text = n.ackHouseholds === null || n.ackHouseholds === undefined
    ? `已读 ${n.readHouseholds}/${n.targetHouseholds} 户`
    : `已读 ${n.readHouseholds} · 确认 ${n.ackHouseholds}/${n.targetHouseholds} 户`
  return <Tag tone={tone}>{text}</Tag>
}

export default function MyNoticesPage() {
  const ready = useRequireMember()
  const { items, phase, error, nextCursor } = useNotices((s) => s.mine)
  const [now] = useState(() => Date.now())

  useEffect(() => { if (ready) void loadMine('first') }, [ready])
  useDidShow(() => { if (useNotices.getState().mine.phase !== 'idle') void loadMine('refresh') })
  usePullDownRefresh(() => { void loadMine('refresh').finally(() => Taro.stopPullDownRefresh()) })
  useReachBottom(() => { void loadMine('more') })

  if (!ready) return <Screen><Loading /></Screen>
  let body
  if (!items.length && (phase === 'idle' || phase === 'loading')) body = <Skeleton rows={4} />
  else if (!items.length && phase === 'error') body = <ErrorState message={error ?? ''} onRetry={() => void loadMine('first')} />
  else if (!items.length) body = <EmptyState icon='写' message='您还没有发布过通知' action={{ text: '发布第一条通知', onClick: () => openPage(COMPOSE_URL) }} />
  else {
    body = (
      <CellGroup>
        {items.map((n) => (
          <Cell key={n.id} className={`mine-row mine-row--${n.status}`} title={n.title}
            label={`${n.targetLabel} · ${relativeTimeOf(n.publishedAt, now)}${n.withdrawnAt ? ' · 已撤回' : ''}`}
            value={<StatusTag n={n} now={now} />}
            onClick={() => openPage(`/notices/pages/detail/index?id=${n.id}`)} />
        ))}
      </CellGroup>
    )
  }
  return (
    <Screen className='notice-mine'>
      <Button block className='mine-compose' onClick={() => openPage(COMPOSE_URL)}>发布新通知</Button>
      {items.length && phase === 'error' ? <Text className='notice-banner'>刷新失败：{error}</Text> : null}
      {body}
      {items.length ? <Text className='notice-list-footer'>{phase === 'more' ? '正在加载更多…' : nextCursor ? '上拉加载更多' : `共 ${items.length} 条`}</Text> : null}
    </Screen>
  )
}
