// 邻里服务: skills neighbours offer (预约: rate × hours pre-paid), needs waiting for a helper
// (我来帮忙), and the caller's own exchanges; forms to post a need or offer a skill.
import { Picker, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { formatPoints, TB_EXCHANGE_STATUS_LABELS, type TbExchange, type TbOffer } from '../../../../types/contract/timebank'
import { messageOf, newIdempotencyKey } from '../../../core/api'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, Cell, CellGroup, confirm, Loading, openPage, Screen, Tag, toast } from '../../../core/ui'
import { timebankApi } from '../../api'
import { NeedForm, OfferForm } from '../../components/forms'
import { SlotView } from '../../components/states'
import { TB } from '../../route'
import { load, refreshBalance, useSlot } from '../../store'
import '../../timebank.scss'

type Tab = 'offers' | 'needs' | 'mine'
const TABS: [Tab, string][] = [['offers', '邻居能帮'], ['needs', '邻居求助'], ['mine', '我的服务']]
const HOURS = ['0.5 小时', '1 小时', '1.5 小时', '2 小时', '3 小时', '4 小时']
const HALF_HOURS = [1, 2, 3, 4, 6, 8]

function ExchangeRows({ items }: { items: TbExchange[] }) {
  return (
    <CellGroup>
      {items.map((x) => (
        <Cell key={x.id} className='tb-exchange-row' title={x.title}
          label={`${x.role === 'provider' ? `为 ${x.receiverName} 服务` : x.providerName ? `${x.providerName} 提供` : '等待邻居接单'} · 预付 ${formatPoints(x.escrow)} 分`}
          value={<Tag tone={x.status === 'claimed' ? 'warning' : x.status === 'settled' ? 'success' : 'primary'}>{TB_EXCHANGE_STATUS_LABELS[x.status]}</Tag>}
          onClick={() => openPage(TB.exchange(x.id))} />
      ))}
    </CellGroup>
  )
}

export default function ServicesPage() {
  const ready = useRequireMember()
  const [tab, setTab] = useState<Tab>('offers')
  const [form, setForm] = useState<'need' | 'offer' | null>(null)
  const offers = useSlot<TbOffer[]>('offers')
  const needs = useSlot<TbExchange[]>('needs')
  const mine = useSlot<TbExchange[]>('exchanges')
  const reload = () => Promise.all([
    load('offers', () => timebankApi.offers()), load('needs', () => timebankApi.exchanges('open')), load('exchanges', () => timebankApi.exchanges('mine'))
  ])
  useEffect(() => { if (ready) void reload() }, [ready])  
  useDidShow(() => { if (ready) void reload() })
  usePullDownRefresh(() => { void reload().finally(() => Taro.stopPullDownRefresh()) })
  if (!ready) return <Screen><Loading /></Screen>

  const act = async (run: () => Promise<TbExchange>, done: string) => {
    try {
      const x = await run()
      toast(done, 'success')
      void refreshBalance()
      await reload()
      await openPage(TB.exchange(x.id))
    } catch (e) {
      toast(messageOf(e))
    }
  }
  const book = async (o: TbOffer, index: number) => {
    const hours = HALF_HOURS[index]
    const escrow = Math.ceil((o.ratePerHour * hours) / 2)
    if (!(await confirm({ title: `预约${o.title}`, content: `${o.providerName}提供，${HOURS[index]}，先预付 ${formatPoints(escrow)} 积分；服务后按对方申请支付，多余退回。`, confirmText: '预约' }))) return
    await act(() => timebankApi.book({ id: o.id, hours }, { idempotencyKey: newIdempotencyKey() }), '已预约')
  }
  const take = async (x: TbExchange) => {
    if (!(await confirm({ title: '我来帮忙', content: `接下「${x.title}」，完成后可申请最多 ${formatPoints(x.escrow)} 积分。`, confirmText: '接单' }))) return
    await act(() => timebankApi.take(x.id), '已接单')
  }

  return (
    <Screen className='tb-services'>
      {/* Which list: three even buttons, the shown one filled. */}
      <View className='tb-tabs ll-button-row'>
        {TABS.map(([k, label]) => <Button key={k} size='small' variant={tab === k ? 'primary' : 'secondary'} className={`tb-tab tb-tab--${k}`} onClick={() => setTab(k)}>{label}</Button>)}
      </View>
      {form === 'need' ? <NeedForm onDone={() => { setForm(null); setTab('mine'); void reload() }} /> : null}
      {form === 'offer' ? <OfferForm onDone={() => { setForm(null); void reload() }} /> : null}
      {!form ? (
        <View className='tb-post ll-button-row'>
          <Text className='tb-post__title'>发布</Text>
          <Button size='small' variant='secondary' className='tb-open-need' onClick={() => setForm('need')}>我要求助</Button>
          <Button size='small' variant='secondary' className='tb-open-offer' onClick={() => setForm('offer')}>我能帮忙</Button>
        </View>
      ) : <Button variant='plain' block onClick={() => setForm(null)}>收起表单（已填内容会保留）</Button>}

      {tab === 'offers' ? (
        <SlotView slot={offers} retry={() => void reload()} empty={{ message: '还没有邻居发布服务', action: { text: '我能帮忙', onClick: () => setForm('offer') } }}>
          {(items) => (
            <CellGroup>
              {items.map((o) => (
                <Cell key={o.id} className='tb-offer-row' title={`${o.title} · ${o.providerName}`} label={`${o.description} · 每小时 ${formatPoints(o.ratePerHour)} 分`}
                  value={o.mine ? <Tag>我的服务</Tag> : (
                    <Picker mode='selector' range={HOURS} onChange={(e) => void book(o, Number(e.detail.value))}>
                      <Button size='small' className='tb-book'>预约</Button>
                    </Picker>
                  )} />
              ))}
            </CellGroup>
          )}
        </SlotView>
      ) : null}
      {tab === 'needs' ? (
        <SlotView slot={needs} retry={() => void reload()} empty={{ message: '暂时没有需要帮忙的邻居' }}>
          {(items) => (
            <CellGroup>
              {items.map((x) => (
                <Cell key={x.id} className='tb-need-row' title={`${x.title} · ${x.receiverName}`} label={`${x.description} · ${formatPoints(x.escrow)} 分`}
                  value={x.role === 'receiver' ? <Tag>我的求助</Tag> : <Button size='small' className='tb-take' onClick={() => void take(x)}>我来帮忙</Button>} />
              ))}
            </CellGroup>
          )}
        </SlotView>
      ) : null}
      {tab === 'mine' ? (
        <SlotView slot={mine} retry={() => void reload()} empty={{ message: '还没有参与邻里服务' }}>
          {(items) => <ExchangeRows items={items} />}
        </SlotView>
      ) : null}
      <Text className='tb-note'>提供服务的邻居完成后申请积分，您确认后支付；72 小时未确认将自动支付。</Text>
    </Screen>
  )
}
