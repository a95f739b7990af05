// After closure: 1–5 stars for 速度, 结果, 态度 and a comment; or 不满意，退回 with a reason (once, ≤ 7 days).
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { requestEndpoints } from '../../../types/contract/requests'
import type { ServiceRequest } from '../../../types/contract/requests-model'
import { isApiError, messageOf, validateInput } from '../../core/api'
import { Button, confirm, cx, Field, Section, TextArea, toast } from '../../core/ui'
import dayjs from '../dayjs'
import { requestActions } from '../store'

const ASPECTS = [{ key: 'speed', label: '办理速度' }, { key: 'result', label: '办理结果' }, { key: 'attitude', label: '服务态度' }] as const
type Stars = Record<(typeof ASPECTS)[number]['key'], number>

function StarRow({ label, value, onChange }: { label: string; value: number; onChange: (n: number) => void }) {
  return (
    <View className='rq-stars'>
      <Text className='rq-stars__label'>{label}</Text>
      {[1, 2, 3, 4, 5].map((n) => (
        <Text key={n} className={cx('rq-star', n <= value && 'rq-star--on')} aria-label={`${label} ${n} 星`} onClick={() => onChange(n)}>★</Text>
      ))}
    </View>
  )
}

export function RatePanel({ request }: { request: ServiceRequest }) {
  const [stars, setStars] = useState<Stars>({ speed: 0, result: 0, attitude: 0 })
  const [comment, setComment] = useState('')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState<'rate' | 'reopen' | null>(null)
  // 退回 is there for whoever needs it, but folded away: after a 4-star "谢谢" a red button would say
  // the opposite of what the resident just said.
  const [reopenOpen, setReopenOpen] = useState(false)
  const canReopen = !!request.reopenableUntil && dayjs(request.reopenableUntil).isAfter(dayjs())

  const run = async (kind: 'rate' | 'reopen', work: () => Promise<ServiceRequest>, done: string) => {
    setBusy(kind)
    setErrors({})
    try {
      await work()
      toast(done, 'success')
    } catch (e) {
      if (isApiError(e) && e.fields) setErrors(e.fields)
      toast(messageOf(e))
    } finally {
      setBusy(null)
    }
  }
  const rate = () => {
    // Every aspect still without stars is flagged at once, not only the first.
    const missing = ASPECTS.filter((a) => !stars[a.key])
    if (missing.length) { setErrors(Object.fromEntries(missing.map((a) => [a.key, `请为${a.label}打分`]))); return }
    void run('rate', () => requestActions.rate({ id: request.id, ...stars, comment }), '感谢您的评价')
  }
  const reopen = async () => {
    // The reason is checked (by the contract's own rule) before asking for confirmation.
    const invalid = validateInput(requestEndpoints.reopenServiceRequest, { id: request.id, reason })
    if (invalid?.fields?.reason) { setErrors({ reason: invalid.fields.reason }); return }
    if (!(await confirm({ title: '确定退回重办？', content: '每条诉求只能退回一次，退回后由原部门继续处理', confirmText: '退回', danger: true }))) return
    void run('reopen', () => requestActions.reopen({ id: request.id, reason }), '已退回，社区会继续处理')
  }

  const r = request.rating
  return (
    <Section title={r ? '您的评价' : '评价这次办理'} card className='rq-rate'>
      {r ? (
        <View className='rq-rated'>
          {ASPECTS.map((a) => <Text key={a.key} className='rq-rated__row'>{a.label}：{'★'.repeat(r[a.key])}{'☆'.repeat(5 - r[a.key])}</Text>)}
          {r.comment ? <Text className='rq-rated__row'>“{r.comment}”</Text> : null}
        </View>
      ) : <>
      {ASPECTS.map((a) => (
        <View key={a.key}>
          <StarRow label={a.label} value={stars[a.key]} onChange={(n) => setStars({ ...stars, [a.key]: n })} />
          {errors[a.key] ? <Text className='ll-field__error'>{errors[a.key]}</Text> : null}
        </View>
      ))}
      <Field label='说两句（选填）' error={errors.comment}>
        <TextArea value={comment} onChange={setComment} maxLength={200} placeholder='办得怎么样？' />
      </Field>
      <Button block className='rq-rate-submit' loading={busy === 'rate'} onClick={rate}>提交评价</Button>
      </>}
      {canReopen && !reopenOpen ? (
        <Button block variant='plain' className='rq-reopen-open' onClick={() => setReopenOpen(true)}>还有问题？申请退回重办</Button>
      ) : null}
      {canReopen && reopenOpen ? (
        <View className='rq-reopen'>
          <Field label='不满意？说明理由后可退回重办' error={errors.reason} hint={`${dayjs(request.reopenableUntil).format('M月D日 HH:mm')} 前可退回，仅限一次`}>
            <TextArea value={reason} onChange={setReason} maxLength={200} placeholder='例：路灯修好两天又不亮了' />
          </Field>
          <Button block variant='danger' className='rq-reopen-submit' loading={busy === 'reopen'} onClick={() => void reopen()}>不满意，退回</Button>
        </View>
      ) : null}
    </Section>
  )
}
