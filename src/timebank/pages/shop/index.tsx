// 兑换: the community store's catalogue with price, stock and the monthly limit.
import { Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useEffect } from 'react'
import { formatPoints, type TbGoods } from '../../../../types/contract/timebank'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, Cell, CellGroup, Loading, openPage, Screen, Tag } from '../../../core/ui'
import { timebankApi } from '../../api'
import { SlotView } from '../../components/states'
import { TB } from '../../route'
import { load, refreshBalance, useSlot, useTimebank } from '../../store'
import '../../timebank.scss'

export default function ShopPage() {
  const ready = useRequireMember()
  const goods = useSlot<TbGoods[]>('goods')
  const balance = useTimebank((s) => s.balance)
  const reload = () => Promise.all([load('goods', () => timebankApi.goods()), refreshBalance()])
  useEffect(() => { if (ready) void reload() }, [ready])  
  useDidShow(() => { if (ready) void reload() })
  usePullDownRefresh(() => { void reload().finally(() => Taro.stopPullDownRefresh()) })
  if (!ready) return <Screen><Loading /></Screen>
  return (
    <Screen className='tb-shop'>
      <Text className='tb-note'>可用积分 {balance ? formatPoints(balance.available) : '—'} 分。兑换后凭取货码到社区兑换站领取，7 天内有效。</Text>
      <Button variant='secondary' block className='tb-my-orders' onClick={() => openPage(TB.orders)}>我的兑换和取货码</Button>
      <SlotView slot={goods} retry={() => void reload()} empty={{ message: '兑换站暂时没有上架商品' }}>
        {(items) => (
          <CellGroup>
            {items.map((g) => (
              <Cell key={g.id} className='tb-goods-row' title={`${g.name} · ${formatPoints(g.points)} 分`}
                label={`${g.description}${g.monthlyLimit ? ` · 每月限兑 ${g.monthlyLimit} 件` : ''}`}
                value={g.stock > 0 ? <Tag tone={g.stock <= 2 ? 'warning' : 'success'}>{g.stock <= 2 ? `仅剩 ${g.stock} 件` : `库存 ${g.stock}`}</Tag> : <Tag tone='danger'>已兑完</Tag>}
                onClick={() => openPage(TB.goods(g.id))} />
            ))}
          </CellGroup>
        )}
      </SlotView>
    </Screen>
  )
}
