// Staff record a guardian's consent for a minor: the guardian's name (2–20 characters), checked
// before a confirmation, then sent; the minor may sign up from then on.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { GUARDIAN_NAME_MAX, GUARDIAN_NAME_MIN, type MinorVolunteer } from '../../../types/contract/volunteer'
import { messageOf } from '../../core/api'
import { Button, confirm, Field, TextInput } from '../../core/ui'

export function guardianNameProblem(name: string): string | null {
  const n = name.trim().length
  if (!n) return '请填写监护人姓名'
  if (n < GUARDIAN_NAME_MIN) return `监护人姓名至少需要 ${GUARDIAN_NAME_MIN} 个字`
  if (n > GUARDIAN_NAME_MAX) return `监护人姓名不能超过 ${GUARDIAN_NAME_MAX} 个字`
  return null
}

export function GuardianConsent({ minor, onSubmit }: { minor: MinorVolunteer; onSubmit: (guardianName: string) => Promise<void> }) {
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    const problem = guardianNameProblem(name)
    if (problem) { setError(problem); return }
    const ok = await confirm({
      title: '登记监护人同意',
      content: `确认 ${minor.name} 的监护人 ${name.trim()} 已同意其参加志愿服务？登记后 ${minor.name} 可以自主报名。`,
      confirmText: '确认登记', cancelText: '再想想'
    })
    if (!ok) return
    setBusy(true)
    try { await onSubmit(name.trim()) } catch (e) { setError(messageOf(e)) } finally { setBusy(false) }
  }
  return (
    <View className='vol-card vol-staff-minor'>
      <Text className='vol-title'>{minor.name}（{minor.age} 岁）</Text>
      <Text className='vol-meta'>{minor.building}</Text>
      {minor.guardianName ? (
        <Text className='vol-meta vol-staff-minor-done'>已登记监护人同意：{minor.guardianName}</Text>
      ) : (
        <View>
          <Text className='vol-meta vol-staff-minor-missing'>尚未登记监护人同意，暂不能报名</Text>
          <Field label='监护人姓名' required error={error}>
            <TextInput value={name} maxLength={GUARDIAN_NAME_MAX + 5} placeholder='与监护人当面或电话确认后填写'
              onChange={(v) => { setName(v); setError(null) }} />
          </Field>
          <Button size='small' className='vol-staff-consent' loading={busy} onClick={() => void submit()}>登记同意</Button>
        </View>
      )}
    </View>
  )
}
