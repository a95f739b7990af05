// 月度公示: points issued, spent, given to the pool; goods in and out; the ledger sum (always 0).
import { Picker, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { chinaMonth, formatPoints, type TbMonthReport } from '../../../../types/contract/timebank'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Cell, CellGroup, Loading, Screen, Section } from '../../../core/ui'
import { timebankApi } from '../../api'
import { SlotView } from '../../components/states'
import { load, useSlot } from '../../store'
import '../../timebank.scss'

const months = () => Array.from({ length: 12 }, (_, i) => { const d = new Date(); return chinaMonth(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i, 15)) })

function Stat({ label, value }: { label: string; value: string }) {
  return <View className='tb-stat'><Text>{label}</Text><Text className='tb-amount'>{value}</Text></View>
}

export default function ReportPage() {
  const ready = useRequireMember()
  const [month, setMonth] = useState(() => months()[0])
  const key = `report:${month}`
  const slot = useSlot<TbMonthReport>(key)
  const reload = () => load(key, () => timebankApi.report(month))
  useEffect(() => { if (ready) void reload() }, [ready, month]) // eslint-disable-line react-hooks/exhaustive-deps
  if (!ready) return <Screen><Loading /></Screen>
  const list = months()
  return (
    <Screen className='tb-report'>
      <Picker mode='selector' range={list} value={list.indexOf(month)} onChange={(e) => setMonth(list[Number(e.detail.value)])}>
        <Cell className='tb-report-month' title='公示月份' value={month} arrow />
      </Picker>
      <SlotView slot={slot} retry={() => void reload()} empty={{ message: '' }} isEmpty={() => false}>
        {(r) => (
          <>
            <Section title='积分' card>
              <Stat label='社区发放（含服务时长）' value={`${formatPoints(r.issued)} 分`} />
              <Stat label='兑换商品使用' value={`${formatPoints(r.spent)} 分`} />
              <Stat label='邻里服务流转' value={`${formatPoints(r.exchanged)} 分`} />
              <Stat label='转赠公益池' value={`${formatPoints(r.givenToPool)} 分`} />
              <Stat label='公益池余额' value={`${formatPoints(r.poolBalance)} 分`} />
              <Stat label='冲正笔数' value={`${r.reversed} 笔`} />
              <Text className={`tb-note tb-ledger-check ${r.ledgerSum === 0 && r.problems.length === 0 ? '' : 'tb-banner'}`}>
                {r.ledgerSum === 0 && r.problems.length === 0 ? '对账平衡：所有账户合计为 0，每个余额都与流水一致' : `对账异常：${r.problems.length} 项，请联系社区`}
              </Text>
            </Section>
            <Section title='商品' card>
              <Stat label='本月入库' value={`${r.goodsIn} 件`} />
              <Stat label='本月领取' value={`${r.goodsOut} 件`} />
              <Stat label='待领取订单' value={`${r.ordersToHandOver} 笔`} />
              <CellGroup>
                {r.goods.map((g) => <Cell key={g.id} title={g.name} value={`库存 ${g.stock} · 待取 ${g.reserved} · 已领 ${g.handedOver}`} />)}
              </CellGroup>
            </Section>
          </>
        )}
      </SlotView>
    </Screen>
  )
}
