// Staff: hours under objection (settle to final), people paused for no-shows (lift), minors and
// their guardian's consent (record), and help tasks confirmed automatically or disputed (settle). The mock refuses all of it to anyone but staff.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { slotText } from '../../../../types/contract/volunteer'
import { messageOf } from '../../../core/api'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, EmptyState, ErrorState, Field, Loading, openPage, Screen, Section, Skeleton, TextInput, toast } from '../../../core/ui'
import { helpApi, staffApi } from '../../api'
import { GuardianConsent } from '../../components/guardian-consent'
import { HelpCard } from '../../components/help-card'
import { PAGES } from '../../route'
import { useRemote } from '../../use-remote'
import '../../volunteer.scss'

function Resolve({ onSubmit }: { onSubmit: (minutes: number, note: string) => Promise<void> }) {
  const [minutes, setMinutes] = useState('')
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = async () => {
    const n = Number(minutes)
    if (minutes === '' || !Number.isInteger(n) || n % 30 !== 0 || n > 480) { setError('时长按半小时计，应为 0–480 之间 30 的整数倍'); return }
    if (note.trim().length < 2) { setError('请填写处理说明'); return }
    try { await onSubmit(n, note.trim()) } catch (e) { setError(messageOf(e)) }
  }
  return (
    <View>
      <Field label='认定时长（分钟）' error={error}>
        <TextInput value={minutes} maxLength={3} placeholder='例如 120' onChange={(v) => { setMinutes(v.replace(/\D/g, '')); setError(null) }} />
      </Field>
      <Field label='处理说明'>
        <TextInput value={note} maxLength={100} placeholder='例如：核实签到记录后更正' onChange={setNote} />
      </Field>
      <Button size='small' className='vol-staff-resolve' onClick={() => void submit()}>确认处理</Button>
    </View>
  )
}

export default function VolunteerStaff() {
  const ready = useRequireMember()
  const objections = useRemote(() => staffApi.objections(), [], ready)
  const paused = useRemote(() => staffApi.paused(), [], ready)
  const help = useRemote(() => helpApi.list('staff'), [], ready)
  const minors = useRemote(() => staffApi.minors(), [], ready)
  if (!ready) return <Screen><Loading /></Screen>
  if (objections.error && !objections.data) return <Screen><ErrorState message={objections.error} code={objections.code} onRetry={() => void objections.reload()} /></Screen>
  if (!objections.data) return <Screen><Skeleton rows={5} /></Screen>

  return (
    <Screen className='vol-staff'>
      <Section title={`时长异议（${objections.data.length}）`}>
        {!objections.data.length ? <EmptyState icon='✓' message='没有待处理的时长异议' /> : null}
        {objections.data.map((o) => (
          <View key={o.signupId} className='vol-card vol-staff-objection'>
            <Text className='vol-title'>{o.name} · {o.activityTitle}</Text>
            <Text className='vol-meta'>{slotText(o.startAt, o.endAt)} · 记录 {o.minutes} 分钟</Text>
            <Text className='vol-text'>异议：{o.objection}</Text>
            <Resolve onSubmit={async (minutes, note) => { await staffApi.resolve(o.signupId, minutes, note); toast('已处理', 'success'); await objections.reload() }} />
          </View>
        ))}
      </Section>
      <Section title='暂停自主报名的人'>
        {paused.data && !paused.data.length ? <EmptyState icon='✓' message='没有被暂停的人' /> : null}
        {paused.data?.map((p) => (
          <View key={p.personId} className='vol-card vol-staff-paused'>
            <Text className='vol-title'>{p.name}</Text>
            <Text className='vol-meta'>缺席 {p.noShows} 次</Text>
            <Button size='small' className='vol-staff-lift' onClick={() => void staffApi.lift(p.personId).then(() => { toast('已恢复'); return paused.reload() }, (e) => toast(messageOf(e)))}>恢复报名</Button>
          </View>
        ))}
      </Section>
      <Section title='未成年志愿者：监护人同意'>
        {minors.error && !minors.data ? <ErrorState message={minors.error} onRetry={() => void minors.reload()} /> : null}
        {minors.data && !minors.data.length ? <EmptyState icon='✓' message='社区里没有未成年人' /> : null}
        {minors.data?.map((m) => (
          <GuardianConsent key={m.personId} minor={m}
            onSubmit={async (guardianName) => { await staffApi.consent(m.personId, guardianName); toast('已登记，可以报名了', 'success'); await minors.reload() }} />
        ))}
      </Section>
      <Section title='互助：自动确认或有异议'>
        {help.data && !help.data.length ? <EmptyState icon='✓' message='没有需要处理的互助' /> : null}
        {help.data?.map((t) => (
          <View key={t.id}>
            <HelpCard task={t} onClick={() => openPage(PAGES.helpDetail(t.id))} />
            {t.can.settle ? <Resolve onSubmit={async (minutes, note) => { await helpApi.settle(t.id, minutes, note); toast('已处理', 'success'); await help.reload() }} /> : null}
          </View>
        ))}
      </Section>
    </Screen>
  )
}
