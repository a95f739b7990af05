// 我的积分: available and pending in large type, this year's earned and spent, the history (each
// line says where the points came from or went, with a link) and a month filter.
import { Picker, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { chinaMonth, formatPoints, signedPoints, type TbStatementPage } from '../../../../types/contract/timebank'
import { hasRole, useSession } from '../../../core/session/store'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, Cell, CellGroup, Loading, openPage, Screen } from '../../../core/ui'
import { timebankApi } from '../../api'
import { SlotView } from '../../components/states'
import { TB } from '../../route'
import { load, loadMore, refreshBalance, useSlot, useTimebank } from '../../store'

const STATEMENT_PAGE = 30

/** `11月23日` in China time: a date with no hyphen to break a line at. */
function dayText(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}
import '../../timebank.scss'

function lastMonths(n: number): string[] {
  const out: string[] = []
  const d = new Date()
  for (let i = 0; i < n; i++) out.push(chinaMonth(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i, 15)))
  return out
}

export default function TimebankHome() {
  const ready = useRequireMember()
  const balance = useTimebank((s) => s.balance)
  const staff = useSession((s) => hasRole(s.user, 'staff'))
  const [month, setMonth] = useState('')
  const months = ['全部', ...lastMonths(12)]
  const key = `statement:${month}`
  const statement = useSlot<TbStatementPage>(key)
  const query = (cursor?: string) => ({ ...(month ? { month } : {}), ...(cursor ? { cursor } : {}), limit: STATEMENT_PAGE })
  const reload = () => Promise.all([refreshBalance(), load(key, () => timebankApi.statement(query()))])
  const more = () => loadMore<TbStatementPage>(key, (cursor) => timebankApi.statement(query(cursor)))
  useReachBottom(() => { void more() })

  useEffect(() => { if (ready) void reload() }, [ready, month]) // eslint-disable-line react-hooks/exhaustive-deps
  useDidShow(() => { if (ready) void reload() })
  usePullDownRefresh(() => { void reload().finally(() => Taro.stopPullDownRefresh()) })

  if (!ready) return <Screen><Loading /></Screen>
  return (
    <Screen className='tb-home'>
      <View className='tb-balance'>
        <Text className='tb-balance__label'>可用积分</Text>
        <Text className='tb-balance__value tb-available'>{balance ? formatPoints(balance.available) : '—'}</Text>
        <View className='tb-balance__row'>
          <Text className='tb-pending'>公示中 {balance ? formatPoints(balance.pending) : '—'} 分</Text>
          <Text className='tb-held'>冻结 {balance ? formatPoints(balance.held) : '—'} 分</Text>
        </View>
        <View className='tb-balance__row'>
          <Text className='tb-year'>{balance?.year ?? ''}年 获得 {balance ? formatPoints(balance.yearEarned) : '—'} · 使用 {balance ? formatPoints(balance.yearSpent) : '—'}</Text>
        </View>
        <Text className='tb-note'>1 小时志愿服务 = 1 积分。公示中的积分在公示结束后才能使用。</Text>
      </View>
      <View className='tb-actions'>
        <Button className='tb-go-shop' onClick={() => openPage(TB.shop)}>兑换商品</Button>
        <Button variant='secondary' className='tb-go-services' onClick={() => openPage(TB.services)}>邻里服务</Button>
        <Button variant='secondary' className='tb-go-gift' onClick={() => openPage(TB.gift)}>转赠</Button>
        <Button variant='secondary' className='tb-go-orders' onClick={() => openPage(TB.orders)}>我的兑换</Button>
        <Button variant='secondary' className='tb-go-report' onClick={() => openPage(TB.report)}>月度公示</Button>
        {staff ? <Button variant='secondary' className='tb-go-staff' onClick={() => openPage(TB.staff)}>工作人员管理</Button> : null}
      </View>
      <Picker mode='selector' range={months} value={Math.max(0, months.indexOf(month))} onChange={(e) => setMonth(Number(e.detail.value) === 0 ? '' : months[Number(e.detail.value)])}>
        <Cell className='tb-month' title='积分明细' value={month ? `${month} 月结单` : '全部'} arrow />
      </Picker>
      <SlotView slot={statement} retry={() => void reload()} empty={{ message: month ? '这个月没有积分变动' : '还没有积分记录，参加志愿服务就能获得积分', action: { text: '看看能兑换什么', onClick: () => openPage(TB.shop) } }} isEmpty={(p) => p.items.length === 0}>
        {(page) => (
          <>
            {month ? <Text className='tb-note tb-month-total'>本月收入 {formatPoints(page.monthIn)} 分，支出 {formatPoints(page.monthOut)} 分</Text> : null}
            <CellGroup>
              {page.items.map((l) => {
                const amount = l.amount !== 0 ? l.amount : l.pendingAmount
                return (
                  <Cell key={l.transferId} className='tb-line' title={l.title}
                    label={`${l.kindLabel} · ${dayText(l.at)}${l.reversed ? ' · 已冲正' : ''}`}
                    // Points that entered 公示 are not spendable yet: grey, not the green of points received.
                    value={<Text className={`tb-amount ${!l.amount ? 'tb-amount--pending' : amount > 0 ? 'tb-amount--in' : 'tb-amount--out'}`}>{signedPoints(amount)}</Text>}
                    onClick={l.link ? () => openPage(l.link as string) : undefined} />
                )
              })}
            </CellGroup>
            {page.nextCursor ? (
              <Button block variant='secondary' className='tb-more' loading={statement.phase === 'loading'} onClick={() => void more()}>
                加载更多（已显示 {page.items.length} / {page.total} 条）
              </Button>
            ) : page.items.length > STATEMENT_PAGE ? <Text className='tb-note tb-end'>共 {page.total} 条，已全部显示</Text> : null}
          </>
        )}
      </SlotView>
    </Screen>
  )
}
