// The staff panels of 时间银行: hand over by code, issue / deduct with a reason, the ledger with
// reversals, and flags worth a look.
import { Picker, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { Page } from '../../../types/contract/common'
import {
  formatPoints, parsePoints, signedPoints, TB_KIND_LABELS, TB_REASON_MAX,
  type TbAccountRow, type TbFlag, type TbLedgerEntry, type TbOrder
} from '../../../types/contract/timebank'
import { messageOf } from '../../core/api'
import { Button, Cell, CellGroup, confirm, Field, Section, Tag, TextInput, toast } from '../../core/ui'
import { timebankApi } from '../api'
import { useDraft } from '../draft-store'
import { load, useSlot } from '../store'
import { SlotView } from './states'

export function HandOverPanel() {
  const d = useDraft('handover')
  const open = useSlot<Page<TbOrder>>('staff:open')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const reload = () => load('staff:open', () => timebankApi.openOrders())
  useEffect(() => { void reload() }, [])
  const submit = async (code: string) => {
    if (!code.trim()) return setResult({ ok: false, text: '请输入取货码' })
    setBusy(true)
    try {
      const o = await timebankApi.handOver(code)
      d.clear()
      setResult({ ok: true, text: `已交付：${o.personName} 的 ${o.goodsName} ×${o.quantity}` })
      void reload()
    } catch (e) {
      setResult({ ok: false, text: messageOf(e) })
    } finally {
      setBusy(false)
    }
  }
  const scan = async () => {
    try {
      const r = await Taro.scanCode({ onlyFromCamera: true })
      d.set('code', r.result)
      await submit(r.result)
    } catch {
      toast('未能识别，请手动输入取货码')
    }
  }
  return (
    <Section title='核销取货码' card className='tb-handover'>
      <Field label='取货码' hint='居民出示的 6 位取货码，不区分大小写'>
        <TextInput className='tb-handover-code' value={d.value('code')} maxLength={12} onChange={(v) => d.set('code', v)} placeholder='例如 K7QH2M' />
      </Field>
      {result ? <Text className={`tb-handover-result ${result.ok ? 'tb-note' : 'tb-banner'}`}>{result.text}</Text> : null}
      <Button block className='tb-handover-submit' loading={busy} onClick={() => void submit(d.value('code'))}>确认交付</Button>
      <Button block variant='secondary' onClick={() => void scan()}>扫码核销</Button>
      <SlotView slot={open} retry={() => void reload()} isEmpty={(p) => p.items.length === 0} empty={{ message: '没有待领取的订单' }}>
        {(p) => (
          <CellGroup title={`待领取 ${p.total} 笔`}>
            {p.items.map((o) => <Cell key={o.id} title={`${o.goodsName} ×${o.quantity}`} label={`${o.personName} · ${o.expiresAt.slice(0, 10)} 前`} value={`${formatPoints(o.points)} 分`} />)}
          </CellGroup>
        )}
      </SlotView>
    </Section>
  )
}

export function IssuePanel() {
  const d = useDraft('issue')
  const accounts = useSlot<TbAccountRow[]>('staff:accounts')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const reload = () => load('staff:accounts', () => timebankApi.accounts())
  useEffect(() => { void reload() }, [])
  const rows = accounts.data ?? []
  const person = rows.find((r) => r.personId === d.value('personId'))
  const debit = d.value('direction') === 'debit'
  const submit = async () => {
    const p = parsePoints(d.value('points'))
    if (!person) return setError('请选择居民')
    if ('error' in p) return setError(p.error)
    if (d.value('reason').trim().length < 2) return setError('请填写原因（至少 2 个字）')
    if (!(await confirm({ title: debit ? '确认扣减' : '确认发放', content: `${debit ? '扣减' : '发放'} ${person.name} ${formatPoints(p.units)} 积分：${d.value('reason')}`, confirmText: debit ? '扣减' : '发放', danger: debit }))) return
    setBusy(true)
    setError(null)
    try {
      await timebankApi.issue({ personId: person.personId, points: p.units, direction: debit ? 'debit' : 'credit', reason: d.value('reason') }, { idempotencyKey: d.key })
      d.clear()
      toast(debit ? '已扣减' : '已发放', 'success')
      void reload()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Section title='发放 / 扣减积分' card className='tb-issue'>
      <Picker mode='selector' range={rows.map((r) => `${r.name} ${r.houseLabel}（${formatPoints(r.available)} 分）`)} onChange={(e) => d.set('personId', rows[Number(e.detail.value)].personId)}>
        <Cell className='tb-issue-person' title='居民' value={person ? `${person.name}（可用 ${formatPoints(person.available)} 分）` : '请选择'} arrow />
      </Picker>
      <Cell title='方向' value={<>
        <Button size='small' variant={debit ? 'secondary' : 'primary'} className='tb-issue-credit' onClick={() => d.set('direction', 'credit')}>发放</Button>
        <Button size='small' variant={debit ? 'danger' : 'secondary'} className='tb-issue-debit' onClick={() => d.set('direction', 'debit')}>扣减</Button>
      </>} />
      <Field label='积分' required><TextInput className='tb-issue-points' type='digit' value={d.value('points')} onChange={(v) => d.set('points', v)} /></Field>
      <Field label='原因' required hint='会写进流水并通知居民，不能修改'><TextInput className='tb-issue-reason' value={d.value('reason')} maxLength={TB_REASON_MAX} onChange={(v) => d.set('reason', v)} /></Field>
      {error ? <Text className='tb-banner tb-issue-error'>{error}</Text> : null}
      <Button block className='tb-issue-submit' loading={busy} onClick={() => void submit()}>{debit ? '扣减' : '发放'}</Button>
    </Section>
  )
}

const KINDS = ['', 'credit', 'issue', 'deduct', 'reversal', 'order_hold', 'order_release', 'order_pickup', 'escrow_hold', 'escrow_refund', 'exchange_pay', 'gift']

export function LedgerPanel() {
  const [kind, setKind] = useState('')
  const key = `staff:ledger:${kind}`
  const slot = useSlot<Page<TbLedgerEntry>>(key)
  const reload = () => load(key, () => timebankApi.ledger(kind ? { kind, limit: 50 } : { limit: 50 }))
  useEffect(() => { void reload() }, [kind]) // eslint-disable-line react-hooks/exhaustive-deps
  const reverse = async (t: TbLedgerEntry) => {
    const res = await Taro.showModal({ title: '冲正这笔流水', content: '', editable: true, placeholderText: '请填写冲正原因', confirmText: '冲正', confirmColor: '#b91c1c' } as Taro.showModal.Option).catch(() => null)
    const reason = String((res as { content?: string } | null)?.content ?? '').trim()
    if (!res?.confirm) return
    if (reason.length < 2) return toast('请填写冲正原因')
    try {
      await timebankApi.reverse(t.id, reason)
      toast('已冲正', 'success')
      void reload()
    } catch (e) {
      toast(messageOf(e))
    }
  }
  return (
    <Section title='积分流水' card className='tb-ledger'>
      <Picker mode='selector' range={KINDS.map((k) => (k ? TB_KIND_LABELS[k as keyof typeof TB_KIND_LABELS] : '全部类型'))} onChange={(e) => setKind(KINDS[Number(e.detail.value)])}>
        <Cell title='类型' value={kind ? TB_KIND_LABELS[kind as keyof typeof TB_KIND_LABELS] : '全部'} arrow />
      </Picker>
      <SlotView slot={slot} retry={() => void reload()} isEmpty={(p) => p.items.length === 0} empty={{ message: '没有这类流水' }}>
        {(p) => (
          <CellGroup>
            {p.items.map((t) => (
              <Cell key={t.id} className='tb-ledger-row' title={`${t.kindLabel} · ${t.memo}`}
                label={`${t.at.slice(0, 16).replace('T', ' ')} · ${t.legs.map((l) => `${l.label} ${signedPoints(l.amount)}`).join('，')}${t.actorName ? ` · 经办 ${t.actorName}` : ''}`}
                value={t.reversedBy ? <Tag>已冲正</Tag> : t.reverses ? <Tag tone='warning'>冲正</Tag>
                  : ['issue', 'deduct', 'gift', 'exchange_pay', 'credit', 'seed'].includes(t.kind) ? <Button size='small' variant='secondary' className='tb-reverse' onClick={() => void reverse(t)}>冲正</Button> : undefined} />
            ))}
          </CellGroup>
        )}
      </SlotView>
    </Section>
  )
}

export function FlagsPanel() {
  const slot = useSlot<TbFlag[]>('staff:flags')
  const reload = () => load('staff:flags', () => timebankApi.flags())
  useEffect(() => { void reload() }, [])
  return (
    <Section title='值得关注' card className='tb-flags'>
      <SlotView slot={slot} retry={() => void reload()} empty={{ message: '目前没有需要关注的情况' }}>
        {(items) => <CellGroup>{items.map((f, i) => <Cell key={`${f.kind}${i}`} className='tb-flag' title={f.label} label={`${f.detail} · ${f.at.slice(0, 10)}`} />)}</CellGroup>}
      </SlotView>
    </Section>
  )
}
