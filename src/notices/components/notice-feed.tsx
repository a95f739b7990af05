// 首页 通知 feed: pinned first, then newest; unread marked; pull-down refreshes, reaching the
// bottom loads more; only the rows near the viewport are rendered (1,000 notices stay light).
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { isOnline, onNetworkChange } from '../../core/network'
import { hasRole, useSession } from '../../core/session/store'
import { useElderMode } from '../../core/theme'
import { Button, EmptyState, ErrorState, openPage, Skeleton } from '../../core/ui'
import { refreshUnread } from '../messages-store'
import { FEED_PAGE_SIZE, loadFeed, useNotices } from '../store'
import { detailUrl, NoticeRow } from './notice-row'
import { useRowWindow } from './use-window'
import './notice-feed.scss'

export const COMPOSE_URL = '/notices/pages/compose/index'

/** The 1,000-notice perf fixture is an H5 demo tool (a compile-time branch: weapp carries none of it). */
const maybeSeedFixture: () => Promise<boolean> = process.env.TARO_ENV === 'h5'
  ? (require('../fixture-flag') as typeof import('../fixture-flag')).maybeSeedFixture // eslint-disable-line @typescript-eslint/no-require-imports
  : () => Promise.resolve(false)
export const MINE_URL = '/notices/pages/mine/index'
export const ELDERLY_URL = '/notices/pages/elderly/index'

function LeaderEntries() {
  const user = useSession((s) => s.user)
  const isLeader = hasRole(user, 'building_leader')
  if (!isLeader && !hasRole(user, 'staff')) return null
  return (
    <View className='notice-feed__tools'>
      <Button size='small' className='notice-feed__compose' onClick={() => openPage(COMPOSE_URL)}>发布通知</Button>
      <Button size='small' variant='secondary' className='notice-feed__mine' onClick={() => openPage(MINE_URL)}>我发布的通知</Button>
      {isLeader ? <Button size='small' variant='secondary' className='notice-feed__elderly' onClick={() => openPage(ELDERLY_URL)}>代老人办事</Button> : null}
    </View>
  )
}

function useOnline() {
  const [online, setOnline] = useState(isOnline())
  useEffect(() => onNetworkChange(setOnline), [])
  return online
}

export function NoticeFeed() {
  const items = useNotices((s) => s.feed.items)
  const phase = useNotices((s) => s.feed.phase)
  const error = useNotices((s) => s.feed.error)
  const unread = useNotices((s) => s.feed.unread)
  const hasMore = useNotices((s) => s.feed.nextCursor !== null)
  const elder = useElderMode()
  const online = useOnline()
  const [now, setNow] = useState(() => Date.now())
  const win = useRowWindow(items.length, '.notice-feed__list', '.notice-row', elder)

  const reload = useCallback(async (mode: 'first' | 'refresh') => {
    setNow(Date.now())
    await Promise.all([loadFeed(mode), refreshUnread()])
  }, [])

  // On mount, and again for the next person after a switch of identity (the store was emptied).
  const owner = useNotices((s) => s.owner)
  const mounted = useRef(false)
  useEffect(() => {
    const mounting = !mounted.current
    mounted.current = true
    if (!mounting && owner === null) return // signed out: nobody's feed to load
    void maybeSeedFixture().then((seeded) => reload(seeded ? 'refresh' : 'first'))
  }, [reload, owner])
  // Coming back (from a notice, from posting one, from another tab): refresh quietly, unless the
  // resident has paged deep into the list, where a refresh would pull the rows from under them;
  // the notice they opened is already marked read locally, and pull-down still refreshes.
  useDidShow(() => {
    const { phase: now, items: loaded } = useNotices.getState().feed
    if (now !== 'idle' && loaded.length <= FEED_PAGE_SIZE) void reload('refresh')
    else void refreshUnread()
  })
  usePullDownRefresh(() => { void reload('refresh').finally(() => Taro.stopPullDownRefresh()) })
  useReachBottom(() => { void loadFeed('more') })
  // The platform's reach-bottom fires once per approach; a fast fling that lands on the bottom
  // while a page is still loading would stop there. The window knows where the viewport is.
  const nearEnd = win.measured && hasMore && phase === 'ready' && win.end >= items.length - 2
  useEffect(() => { if (nearEnd) void loadFeed('more') }, [nearEnd, items.length])

  const open = useCallback((id: string) => { void openPage(detailUrl(id)) }, [])

  // Back online: fetch what was missed (or what could never load) without a pull-down.
  const wasOnline = useRef(online)
  useEffect(() => {
    if (online && !wasOnline.current) void reload('refresh')
    wasOnline.current = online
  }, [online, reload])

  let body
  // Offline with nothing saved: say so plainly instead of skeletons that cannot resolve.
  if (!items.length && !online) {
    body = <EmptyState icon='网' className='notice-feed__offline' message='网络未连接。通知需要联网加载一次，连上网络后会自动显示。'
      action={{ text: '重试', onClick: () => void reload('first') }} />
  } else if (!items.length && (phase === 'idle' || phase === 'loading')) body = <Skeleton rows={3} />
  else if (!items.length && phase === 'error') body = <ErrorState message={error ?? ''} onRetry={() => void reload('first')} />
  else if (!items.length) body = <EmptyState icon='📭' message='暂时没有通知，楼长和社区发布的通知会显示在这里' />
  else {
    body = (
      <View className='notice-feed__list'>
        {win.before > 0 ? <View className='notice-feed__spacer' style={{ height: `${win.before}px` }} /> : null}
        {items.slice(win.start, win.end).map((n) => <NoticeRow key={n.id} notice={n} now={now} onOpen={open} />)}
        {win.after > 0 ? <View className='notice-feed__spacer' style={{ height: `${win.after}px` }} /> : null}
      </View>
    )
  }

  return (
    <View className='notice-feed'>
      <View className='notice-feed__header'>
        <Text className='notice-feed__title'>社区通知</Text>
        {unread > 0 ? <Text className='notice-feed__unread'>{unread} 条未读</Text> : null}
      </View>
      <LeaderEntries />
      {!online && items.length ? <Text className='notice-feed__banner'>网络未连接，显示的是上次保存的通知</Text>
        : items.length && phase === 'error' ? <Text className='notice-feed__banner'>刷新失败：{error}</Text> : null}
      {body}
      {items.length ? (
        <Text className='notice-feed__footer'>
          {phase === 'more' ? '正在加载更多…' : hasMore ? '上拉加载更多' : `共 ${items.length} 条通知`}
        </Text>
      ) : null}
    </View>
  )
}
