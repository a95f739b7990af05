// 转赠: give points to the 公益池 or to a member of one's own household, confirmed first.
import { Picker, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { formatPoints, parsePoints, TB_REASON_MAX, type TbHouseholdMember } from '../../../../types/contract/timebank'
import { messageOf } from '../../../core/api'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, Cell, confirm, Field, Loading, Screen, TextInput, toast } from '../../../core/ui'
import { timebankApi } from '../../api'
import { useDraft } from '../../draft-store'
import { load, refreshBalance, useSlot, useTimebank } from '../../store'
import '../../timebank.scss'

export default function GiftPage() {
  const ready = useRequireMember()
  const d = useDraft('gift')
  const household = useSlot<TbHouseholdMember[]>('household')
  const balance = useTimebank((s) => s.balance)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => { if (ready) { void load('household', () => timebankApi.household()); void refreshBalance() } }, [ready])
  if (!ready) return <Screen><Loading /></Screen>
  const targets = [{ id: 'pool', label: '公益池（帮助有需要的邻居）' }, ...(household.data ?? []).map((m) => ({ id: m.personId, label: `家人 ${m.name}` }))]
  const to = d.value('to') || 'pool'
  const target = targets.find((t) => t.id === to) ?? targets[0]

  const submit = async () => {
    const p = parsePoints(d.value('points'))
    if ('error' in p) return setError(p.error)
    if (!(await confirm({ title: '确认转赠', content: `转赠 ${formatPoints(p.units)} 积分给${target.label}，转赠后不能撤回。`, confirmText: '转赠' }))) return
    setBusy(true)
    setError(null)
    try {
      await timebankApi.gift({ to: target.id, points: p.units, note: d.value('note') }, { idempotencyKey: d.key })
      d.clear()
      toast('转赠成功', 'success')
      void refreshBalance()
      await Taro.navigateBack().catch(() => undefined)
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Screen className='tb-gift'>
      <Text className='tb-note'>可用积分 {balance ? formatPoints(balance.available) : '—'} 分。可以转赠给公益池，或同一户的家人。</Text>
      <Picker mode='selector' range={targets.map((t) => t.label)} value={targets.indexOf(target)} onChange={(e) => d.set('to', targets[Number(e.detail.value)].id)}>
        <Cell className='tb-gift-to' title='转赠给' value={target.label} arrow />
      </Picker>
      <Field label='积分' required hint='最小单位 0.5 分'>
        <TextInput className='tb-gift-points' type='digit' value={d.value('points')} onChange={(v) => d.set('points', v)} placeholder='例如 2' />
      </Field>
      <Field label='留言'>
        <TextInput value={d.value('note')} maxLength={TB_REASON_MAX} onChange={(v) => d.set('note', v)} />
      </Field>
      {error ? <Text className='tb-banner tb-gift-error'>{error}</Text> : null}
      <Button block className='tb-gift-submit' loading={busy} onClick={() => void submit()}>转赠</Button>
    </Screen>
  )
}
