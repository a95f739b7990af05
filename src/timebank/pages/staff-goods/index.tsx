// Staff: the catalogue with stock; add an item, edit price / limit / 上架, and 入库 with a reason.
import { Switch, Text } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { formatPoints, parsePoints, TB_REASON_MAX, TB_TEXT_MAX, TB_TITLE_MAX, type TbGoods } from '../../../../types/contract/timebank'
import { messageOf } from '../../../core/api'
import { hasRole, useSession } from '../../../core/session/store'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, Cell, CellGroup, EmptyState, Field, Loading, Screen, Section, TextArea, TextInput, toast } from '../../../core/ui'
import { timebankApi } from '../../api'
import { SlotView } from '../../components/states'
import { useDraft } from '../../draft-store'
import { load, useSlot } from '../../store'
import '../../timebank.scss'

const whole = (text: string, min: number, max: number) => {
  const n = Number(text.trim())
  return /^\d{1,4}$/.test(text.trim()) && n >= min && n <= max ? n : null
}

function GoodsForm({ item, onDone }: { item: TbGoods | null; onDone: () => void }) {
  const d = useDraft(`goods:${item?.id ?? 'new'}`)
  const v = (f: string, fallback: string) => d.value(f) || fallback
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = async () => {
    const name = v('name', item?.name ?? '').trim()
    const price = parsePoints(v('points', item ? formatPoints(item.points) : ''))
    const limit = whole(v('limit', String(item?.monthlyLimit ?? 0)), 0, 99)
    const stock = whole(v('stock', '0'), 0, 9999)
    if (!name) return setError('请填写商品名称')
    if ('error' in price) return setError(`兑换积分：${price.error}`)
    if (limit === null) return setError('每月限兑应为 0–99 件（0 表示不限）')
    if (!item && stock === null) return setError('库存应为 0–9999 件')
    setBusy(true)
    setError(null)
    const body = { name, description: v('description', item?.description ?? ''), points: price.units, monthlyLimit: limit, active: v('active', item?.active === false ? 'no' : 'yes') === 'yes' }
    try {
      if (item) await timebankApi.updateGoods({ ...body, id: item.id }, { idempotencyKey: d.key })
      else await timebankApi.createGoods({ ...body, stock: stock ?? 0 }, { idempotencyKey: d.key })
      d.clear()
      toast('已保存', 'success')
      onDone()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Section title={item ? `编辑 ${item.name}` : '新增商品'} card className='tb-goods-form'>
      <Field label='商品名称' required><TextInput className='tb-goods-name' value={v('name', item?.name ?? '')} maxLength={TB_TITLE_MAX} onChange={(x) => d.set('name', x)} /></Field>
      <Field label='说明'><TextArea value={v('description', item?.description ?? '')} maxLength={TB_TEXT_MAX} onChange={(x) => d.set('description', x)} /></Field>
      <Field label='兑换积分' required hint='每件所需积分，最小单位 0.5'><TextInput className='tb-goods-points' type='digit' value={v('points', item ? formatPoints(item.points) : '')} onChange={(x) => d.set('points', x)} /></Field>
      <Field label='每人每月限兑' hint='0 表示不限'><TextInput className='tb-goods-limit' type='number' value={v('limit', String(item?.monthlyLimit ?? 0))} onChange={(x) => d.set('limit', x)} /></Field>
      {item ? null : <Field label='初始库存' required><TextInput className='tb-goods-stock' type='number' value={v('stock', '0')} onChange={(x) => d.set('stock', x)} /></Field>}
      <Cell title='上架' value={<Switch checked={v('active', item?.active === false ? 'no' : 'yes') === 'yes'} color='#c2410c' onChange={(e) => d.set('active', e.detail.value ? 'yes' : 'no')} />} />
      {error ? <Text className='tb-banner tb-goods-error'>{error}</Text> : null}
      <Button block className='tb-goods-save' loading={busy} onClick={() => void submit()}>保存</Button>
    </Section>
  )
}

function Restock({ item, onDone }: { item: TbGoods; onDone: () => void }) {
  const d = useDraft(`restock:${item.id}`)
  const [busy, setBusy] = useState(false)
  const go = async () => {
    const q = whole(d.value('qty'), 1, 9999)
    if (q === null) return toast('入库数量应为 1–9999 件')
    if (d.value('reason').trim().length < 2) return toast('请填写入库原因')
    setBusy(true)
    try {
      await timebankApi.restock({ id: item.id, quantity: q, reason: d.value('reason') }, { idempotencyKey: d.key })
      d.clear()
      toast('已入库', 'success')
      onDone()
    } catch (e) {
      toast(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Section title={`${item.name} 入库`} card>
      <Field label='数量'><TextInput type='number' value={d.value('qty')} onChange={(x) => d.set('qty', x)} /></Field>
      <Field label='原因'><TextInput value={d.value('reason')} maxLength={TB_REASON_MAX} placeholder='例如：12 月采购' onChange={(x) => d.set('reason', x)} /></Field>
      <Button block loading={busy} onClick={() => void go()}>确认入库</Button>
    </Section>
  )
}

export default function StaffGoodsPage() {
  const ready = useRequireMember()
  const staff = useSession((s) => hasRole(s.user, 'staff'))
  const slot = useSlot<TbGoods[]>('staff:goods')
  const [editing, setEditing] = useState<TbGoods | 'new' | null>(null)
  const [restock, setRestock] = useState<TbGoods | null>(null)
  const reload = () => load('staff:goods', () => timebankApi.goods(true))
  useEffect(() => { if (ready && staff) void reload() }, [ready, staff])
  if (!ready) return <Screen><Loading /></Screen>
  if (!staff) return <Screen><EmptyState icon='!' message='仅社区工作人员可以管理商品' /></Screen>
  const done = () => { setEditing(null); setRestock(null); void reload() }
  return (
    <Screen className='tb-staff-goods'>
      {editing ? <GoodsForm item={editing === 'new' ? null : editing} onDone={done} /> : null}
      {restock ? <Restock item={restock} onDone={done} /> : null}
      {editing || restock ? <Button variant='plain' block onClick={() => { setEditing(null); setRestock(null) }}>返回列表（已填内容会保留）</Button>
        : <Button block className='tb-goods-new' onClick={() => setEditing('new')}>新增商品</Button>}
      <SlotView slot={slot} retry={() => void reload()} empty={{ message: '还没有商品', action: { text: '新增商品', onClick: () => setEditing('new') } }}>
        {(items) => (
          <CellGroup>
            {items.map((g) => (
              <Cell key={g.id} className='tb-staff-goods-row' title={`${g.name}${g.active ? '' : '（已下架）'} · ${formatPoints(g.points)} 分`}
                label={`库存 ${g.stock}${g.monthlyLimit ? ` · 每月限兑 ${g.monthlyLimit}` : ''}`}
                value={<>
                  <Button size='small' variant='secondary' onClick={() => setEditing(g)}>编辑</Button>
                  <Button size='small' variant='secondary' onClick={() => setRestock(g)}>入库</Button>
                </>} />
            ))}
          </CellGroup>
        )}
      </SlotView>
    </Screen>
  )
}
