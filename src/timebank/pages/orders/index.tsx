// 我的兑换: orders newest first; an open one shows its 取货码 large, with 取消 (points back at once).
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { formatPoints, TB_ORDER_STATUS_LABELS, type TbOrder } from '../../../../types/contract/timebank'
import type { Page } from '../../../../types/contract/common'
import { messageOf } from '../../../core/api'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, confirm, Loading, openPage, Screen, Section, Tag, toast } from '../../../core/ui'
import { timebankApi } from '../../api'
import { SlotView } from '../../components/states'
import { TB, useParam } from '../../route'
import { load, refreshBalance, useSlot } from '../../store'
import '../../timebank.scss'

const TONE = { reserved: 'primary', picked_up: 'success', cancelled: 'default', expired: 'warning' } as const

export default function OrdersPage() {
  const ready = useRequireMember()
  const focus = useParam('id')
  const slot = useSlot<Page<TbOrder>>('orders')
  const [busy, setBusy] = useState<string | null>(null)
  const reload = () => load('orders', () => timebankApi.myOrders({ limit: 50 }))
  useEffect(() => { if (ready) void reload() }, [ready])
  useDidShow(() => { if (ready) void reload() })
  usePullDownRefresh(() => { void reload().finally(() => Taro.stopPullDownRefresh()) })
  if (!ready) return <Screen><Loading /></Screen>

  const cancel = async (o: TbOrder) => {
    if (!(await confirm({ title: '取消兑换', content: `取消后 ${formatPoints(o.points)} 积分立即退回，商品放回库存。确定取消吗？`, confirmText: '取消兑换', cancelText: '再想想', danger: true }))) return
    setBusy(o.id)
    try {
      await timebankApi.cancelOrder(o.id)
      toast('已取消，积分已退回')
      void refreshBalance()
      await reload()
    } catch (e) {
      toast(messageOf(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <Screen className='tb-orders'>
      <SlotView slot={slot} retry={() => void reload()} isEmpty={(p) => p.items.length === 0}
        empty={{ message: '还没有兑换过商品', action: { text: '去兑换', onClick: () => openPage(TB.shop) } }}>
        {(page) => page.items.map((o) => (
          <Section key={o.id} card title={`${o.goodsName} ×${o.quantity}`} extra={<Tag tone={TONE[o.status]}>{TB_ORDER_STATUS_LABELS[o.status]}</Tag>}
            className={`tb-order tb-order--${o.status}${o.id === focus ? ' tb-order--focus' : ''}`}>
            <Text className='tb-note'>{formatPoints(o.points)} 分 · {o.createdAt.slice(0, 10)} 兑换</Text>
            {o.status === 'reserved' && o.pickupCode ? (
              <View>
                <Text className='tb-note'>请到社区兑换站出示取货码，{o.expiresAt.slice(0, 10)} 前有效</Text>
                <Text className='tb-code tb-pickup-code'>{o.pickupCode}</Text>
                <Button variant='danger' size='small' className='tb-cancel-order' loading={busy === o.id} onClick={() => void cancel(o)}>取消兑换</Button>
              </View>
            ) : null}
          </Section>
        ))}
      </SlotView>
    </Screen>
  )
}
