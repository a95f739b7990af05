// A reason typed before a step that needs one (remove, no-show, objection, dispute, cancel).
import { View } from '@tarojs/components'
import { useState } from 'react'
import { messageOf } from '../../core/api'
import { Button, Field, TextInput } from '../../core/ui'

export interface ReasonBoxProps {
  label: string
  action: string
  placeholder?: string
  danger?: boolean
  className?: string
  onSubmit: (reason: string) => Promise<void>
  onCancel: () => void
}

export function ReasonBox({ label, action, placeholder, danger, className, onSubmit, onCancel }: ReasonBoxProps) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    if (reason.trim().length < 2) { setError(`${label}至少需要 2 个字`); return }
    setBusy(true)
    try { await onSubmit(reason.trim()) } catch (e) { setError(messageOf(e)) } finally { setBusy(false) }
  }
  return (
    <View className={`vol-card vol-reason ${className ?? ''}`}>
      <Field label={label} required error={error}>
        <TextInput value={reason} onChange={(v) => { setReason(v); setError(null) }} maxLength={100} placeholder={placeholder ?? `请填写${label}`} />
      </Field>
      <View className='vol-actions'>
        <Button variant={danger ? 'danger' : 'primary'} loading={busy} className='vol-reason-submit' onClick={() => void submit()}>{action}</Button>
        <Button variant='secondary' className='vol-reason-cancel' onClick={onCancel}>返回</Button>
      </View>
    </View>
  )
}
