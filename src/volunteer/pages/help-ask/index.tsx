// 我要求助: kind, what and when; a 楼长 may ask on behalf of a resident of their buildings. Kept as
// typed; the address is taken from the house and shown only to the volunteer who claims it.
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { HELP_DETAIL_MAX, HELP_KIND_LABELS, HELP_KINDS, HELP_WHEN_MAX, volunteerEndpoints } from '../../../../types/contract/volunteer'
import { isApiError, messageOf, validateInput } from '../../../core/api'
import { useSession } from '../../../core/session/store'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, Field, Loading, Screen, TextArea, TextInput, toast } from '../../../core/ui'
import { helpApi } from '../../api'
import { toHelpInput, useVolunteerDrafts } from '../../draft-store'
import { PAGES } from '../../route'
import { useRemote } from '../../use-remote'
import '../../volunteer.scss'

export default function AskForHelp() {
  const ready = useRequireMember()
  const isLeader = useSession((s) => !!s.user?.roles.includes('building_leader'))
  const people = useRemote(() => helpApi.onBehalf(), [], ready && isLeader)
  const draft = useVolunteerDrafts((s) => s.help)
  const patch = useVolunteerDrafts((s) => s.patchHelp)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [sending, setSending] = useState(false)
  if (!ready) return <Screen><Loading /></Screen>
  const options = people.data ?? []

  const send = async () => {
    const input = toHelpInput(draft)
    const invalid = validateInput(volunteerEndpoints.askForHelp, input)
    if (invalid) { setErrors(invalid.fields ?? {}); return }
    setSending(true)
    try {
      const task = await helpApi.ask(input, { idempotencyKey: draft.key })
      useVolunteerDrafts.getState().clearHelp()
      toast('已发出，志愿者认领后会通知您', 'success')
      await Taro.redirectTo({ url: PAGES.helpDetail(task.id) }).catch(() => undefined)
    } catch (e) {
      if (isApiError(e) && e.fields) setErrors(e.fields)
      else toast(messageOf(e))
    } finally {
      setSending(false)
    }
  }

  return (
    <Screen className='vol-help-ask-page'>
      <Text className='vol-meta'>填写内容会自动保存。您的门牌号只给认领的志愿者看，其他人只看到楼栋。</Text>
      {isLeader && options.length ? (
        <Field label='为谁申请' hint='楼长可以代本楼栋的居民申请'>
          <Picker mode='selector' className='vol-help-for' range={['我自己', ...options.map((p) => `${p.name} ${p.houseLabel}`)]}
            onChange={(e) => { const i = Number(e.detail.value) - 1; patch({ forPersonId: i >= 0 ? options[i].personId : null }) }}>
            <View className='vol-picker'>{options.find((p) => p.personId === draft.forPersonId)?.name ?? '我自己'}</View>
          </Picker>
        </Field>
      ) : null}
      <Field label='需要的帮助' required error={errors.kind}>
        <View className='vol-actions'>
          {HELP_KINDS.map((k) => (
            <Button key={k} size='small' variant={draft.kind === k ? 'primary' : 'secondary'} className={`vol-help-kind vol-help-kind-${k}`} onClick={() => { patch({ kind: k }); setErrors({ ...errors, kind: '' }) }}>{HELP_KIND_LABELS[k]}</Button>
          ))}
        </View>
      </Field>
      <Field label='需要帮什么' required error={errors.detail}>
        <TextArea value={draft.detail} maxLength={HELP_DETAIL_MAX} placeholder='例如：帮忙去社区医院取降压药' onChange={(detail) => patch({ detail })} />
      </Field>
      <Field label='希望的时间' required error={errors.whenText}>
        <TextInput value={draft.whenText} maxLength={HELP_WHEN_MAX} placeholder='例如：明天上午' onChange={(whenText) => patch({ whenText })} />
      </Field>
      <Button block loading={sending} className='vol-help-send' onClick={() => void send()}>发出求助</Button>
    </Screen>
  )
}
