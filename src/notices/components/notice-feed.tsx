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

interface Tool { label: string, url: string, className: string }

/** What a 楼长 (发布, 我发布的, 代老人办事) or a staff member (发布, 我发布的) reaches from 首页. */
function useTools(): { tools: Tool[], leader: boolean } {
  const user = useSession((s) => s.user)
  const leader = hasRole(user, 'building_leader')
  if (!leader && !hasRole(user, 'staff')) return { tools: [], leader }
  const tools: Tool[] = [
    { label: '发布通知', url: COMPOSE_URL, className: 'notice-feed__compose' },
    { label: '我发布的通知', url: MINE_URL, className: 'notice-feed__mine' }
  ]
  if (leader) tools.push({ label: '代老人办事', url: ELDERLY_URL, className: 'notice-feed__elderly' })
  return { tools, leader }
}

/** The tools as a row of buttons (normal size). */
function ToolRow({ tools }: { tools: Tool[] }) {
  if (!tools.length) return null
  return (
    <View className='notice-feed__tools'>
      {tools.map((t, i) => (
        <Button key={t.url} size='small' variant={i === 0 ? 'primary' : 'secondary'} className={t.className} onClick={() => openPage(t.url)}>{t.label}</Button>
      ))}
    </View>
  )
}

/**
 * In 大字模式 a row of tools takes 60 px more and pushes the first notice under the tab bar: one
 * button beside the heading opens them in an action sheet (which follows 大字模式).
 */
function ToolMenu({ tools, leader }: { tools: Tool[], leader: boolean }) {
  if (!tools.length) return null
  const open = async () => {
    try {
      const { tapIndex } = await Taro.showActionSheet({ itemList: tools.map((t) => t.label) })
      const tool = tools[tapIndex]
      if (tool) openPage(tool.url)
    } catch { /* dismissed */ }
  }
  return <Button size='small' variant='secondary' className='notice-feed__menu' onClick={() => void open()}>{leader ? '楼长工具' : '通知管理'}</Button>
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
  const { tools, leader } = useTools()
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
  else if (!items.length) body = <EmptyState icon='信' message='暂时没有通知，楼长和社区发布的通知会显示在这里' />
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
        {elder ? <ToolMenu tools={tools} leader={leader} /> : null}
      </View>
      {elder ? null : <ToolRow tools={tools} />}
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
