// The 邻里服务 forms: post a need (points pre-paid) and offer a skill. Drafts persist as typed.
import { Text } from '@tarojs/components'
import { useState } from 'react'
import { parsePoints, TB_TEXT_MAX, TB_TITLE_MAX } from '../../../types/contract/timebank'
import { messageOf } from '../../core/api'
import { Button, Field, Section, TextArea, TextInput, toast } from '../../core/ui'
import { timebankApi } from '../api'
import { useDraft } from '../draft-store'
import { refreshBalance } from '../store'

export function NeedForm({ onDone }: { onDone: () => void }) {
  const d = useDraft('need')
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const submit = async () => {
    const points = parsePoints(d.value('points'))
    const next: Record<string, string> = {}
    if (d.value('title').trim().length < 2) next.title = '需求至少需要 2 个字'
    if ('error' in points) next.points = points.error
    setErrors(next)
    if (Object.keys(next).length || 'error' in points) return
    setBusy(true)
    try {
      await timebankApi.postNeed({ title: d.value('title'), description: d.value('description'), points: points.units }, { idempotencyKey: d.key })
      d.clear()
      toast('已发布，积分已预付', 'success')
      void refreshBalance()
      onDone()
    } catch (e) {
      setErrors({ form: messageOf(e) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Section title='发布需求' card className='tb-need-form'>
      <Field label='需要什么帮助' required error={errors.title}>
        <TextInput className='tb-need-title' value={d.value('title')} maxLength={TB_TITLE_MAX} placeholder='例如：帮忙通下水道' onChange={(v) => d.set('title', v)} />
      </Field>
      <Field label='说明' hint='时间、地点、注意事项'>
        <TextArea value={d.value('description')} maxLength={TB_TEXT_MAX} onChange={(v) => d.set('description', v)} />
      </Field>
      <Field label='愿付积分' required hint='发布时先预付，完成后按对方申请支付，多余退回' error={errors.points}>
        <TextInput className='tb-need-points' type='digit' value={d.value('points')} placeholder='例如 2 或 1.5' onChange={(v) => d.set('points', v)} />
      </Field>
      {errors.form ? <Text className='tb-banner'>{errors.form}</Text> : null}
      <Button block className='tb-need-submit' loading={busy} onClick={() => void submit()}>发布需求</Button>
    </Section>
  )
}

export function OfferForm({ onDone }: { onDone: () => void }) {
  const d = useDraft('offer')
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const submit = async () => {
    const rate = parsePoints(d.value('rate'), 20)
    const next: Record<string, string> = {}
    if (d.value('title').trim().length < 2) next.title = '服务名称至少需要 2 个字'
    if ('error' in rate) next.rate = rate.error
    setErrors(next)
    if (Object.keys(next).length || 'error' in rate) return
    setBusy(true)
    try {
      await timebankApi.createOffer({ title: d.value('title'), description: d.value('description'), ratePerHour: rate.units }, { idempotencyKey: d.key })
      d.clear()
      toast('已发布服务', 'success')
      onDone()
    } catch (e) {
      setErrors({ form: messageOf(e) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Section title='提供服务' card className='tb-offer-form'>
      <Field label='服务名称' required error={errors.title}>
        <TextInput className='tb-offer-title' value={d.value('title')} maxLength={TB_TITLE_MAX} placeholder='例如：修电脑、缝补、辅导作业' onChange={(v) => d.set('title', v)} />
      </Field>
      <Field label='说明'>
        <TextArea value={d.value('description')} maxLength={TB_TEXT_MAX} onChange={(v) => d.set('description', v)} />
      </Field>
      <Field label='每小时积分' required hint='1 小时服务一般为 1 积分，最多 10 分' error={errors.rate}>
        <TextInput className='tb-offer-rate' type='digit' value={d.value('rate')} placeholder='1' onChange={(v) => d.set('rate', v)} />
      </Field>
      {errors.form ? <Text className='tb-banner'>{errors.form}</Text> : null}
      <Button block className='tb-offer-submit' loading={busy} onClick={() => void submit()}>发布服务</Button>
    </Section>
  )
}
