// One item: price, stock, the caller's count this month, a quantity and 兑换 with confirmation.
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { formatPoints, type TbGoods } from '../../../../types/contract/timebank'
import { messageOf, newIdempotencyKey } from '../../../core/api'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, confirm, Loading, Screen, Section, toast } from '../../../core/ui'
import { timebankApi } from '../../api'
import { SlotView } from '../../components/states'
import { TB, useParam } from '../../route'
import { load, refreshBalance, useSlot, useTimebank } from '../../store'
import '../../timebank.scss'

export default function GoodsPage() {
  const ready = useRequireMember()
  const id = useParam('id')
  const key = `goods:${id}`
  const slot = useSlot<TbGoods>(key)
  const balance = useTimebank((s) => s.balance)
  const [qty, setQty] = useState(1)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // One key per attempt: a double tap or a retry redeems once.
  const [attempt, setAttempt] = useState(newIdempotencyKey)
  const reload = () => Promise.all([load(key, () => timebankApi.goodsItem(id)), refreshBalance()])
  useEffect(() => { if (ready && id) void reload() }, [ready, id]) // eslint-disable-line react-hooks/exhaustive-deps
  if (!ready) return <Screen><Loading /></Screen>

  const redeem = async (g: TbGoods) => {
    const total = g.points * qty
    const ok = await confirm({ title: '确认兑换', content: `兑换 ${g.name} ×${qty}，使用 ${formatPoints(total)} 积分。积分先冻结，领取后扣除；7 天未领取自动退回。`, confirmText: '兑换' })
    if (!ok) return
    setBusy(true)
    setError(null)
    try {
      const order = await timebankApi.redeem(g.id, qty, { idempotencyKey: attempt })
      setAttempt(newIdempotencyKey())
      toast('兑换成功', 'success')
      void refreshBalance()
      await Taro.redirectTo({ url: `${TB.orders}?id=${order.id}` }).catch(() => undefined)
    } catch (e) {
      setError(messageOf(e))
      void reload()
    } finally {
      setBusy(false)
    }
  }

  return (
    <Screen className='tb-goods'>
      <SlotView slot={slot} retry={() => void reload()} empty={{ message: '' }} isEmpty={() => false}>
        {(g) => {
          const left = g.monthlyLimit ? Math.max(0, g.monthlyLimit - g.myMonthCount) : 99
          const max = Math.max(1, Math.min(g.stock, left, 10))
          const total = g.points * qty
          const short = balance ? balance.available < total : false
          return (
            <Section title={g.name} card>
              {g.photoUrl ? <Image src={g.photoUrl} mode='aspectFit' style={{ width: '100%', height: '360px' }} /> : null}
              <Text className='tb-amount'>{formatPoints(g.points)} 分 / 件</Text>
              <Text className='tb-note'>{g.description}</Text>
              <Text className='tb-note tb-goods-stock'>{g.stock > 0 ? `库存 ${g.stock} 件` : '已兑完，请等补货'}{g.monthlyLimit ? ` · 每月限兑 ${g.monthlyLimit} 件，本月已兑 ${g.myMonthCount} 件` : ''}</Text>
              <View className='tb-stepper'>
                <Button size='small' variant='secondary' className='tb-qty-minus' disabled={qty <= 1} onClick={() => setQty(Math.max(1, qty - 1))}>－</Button>
                <Text className='tb-stepper__value tb-qty'>{qty}</Text>
                <Button size='small' variant='secondary' className='tb-qty-plus' disabled={qty >= max} onClick={() => setQty(Math.min(max, qty + 1))}>＋</Button>
              </View>
              <Text className='tb-note'>共 {formatPoints(total)} 分，可用 {balance ? formatPoints(balance.available) : '—'} 分</Text>
              {error ? <Text className='tb-banner tb-redeem-error'>{error}</Text> : null}
              {short ? <Text className='tb-banner'>积分不够，参加志愿服务或邻里服务可以获得积分</Text> : null}
              <Button block className='tb-redeem' loading={busy} disabled={g.stock <= 0 || left <= 0 || short} onClick={() => void redeem(g)}>
                {g.stock <= 0 ? '已兑完' : left <= 0 ? '本月已达限兑数量' : '立即兑换'}
              </Button>
            </Section>
          )
        }}
      </SlotView>
    </Screen>
  )
}
