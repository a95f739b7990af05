// 签到与名单 for one slot (organiser or staff): the live code, everyone signed up or waiting, and
// the organiser's steps: 补录 a forgotten check-out, mark a no-show (from 15 minutes in), remove.
import { Picker, Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import {
  chinaDay, chinaTimeText, HOURS_STATE_LABELS, SIGNUP_STATUS_LABELS, slotText, type RosterEntry
} from '../../../../types/contract/volunteer'
import { messageOf } from '../../../core/api'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, EmptyState, ErrorState, Loading, Screen, Section, Skeleton, Tag, toast } from '../../../core/ui'
import { volunteerApi } from '../../api'
import { LiveCode } from '../../components/live-code'
import { ReasonBox } from '../../components/reason-box'
import { useParam } from '../../route'
import { useRemote } from '../../use-remote'
import '../../volunteer.scss'

type Step = { kind: 'noShow' | 'remove'; entry: RosterEntry } | null
const hhmm = (iso: string) => chinaTimeText(iso).slice(-5)

export default function RosterPage() {
  const ready = useRequireMember()
  const slotId = useParam('slotId')
  const roster = useRemote(() => volunteerApi.roster(slotId), [slotId], ready && !!slotId)
  const [showCode, setShowCode] = useState(false)
  const code = useRemote(() => volunteerApi.code(slotId), [slotId, showCode], ready && showCode)
  const [step, setStep] = useState<Step>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const refreshCode = useCallback(() => { void code.reload() }, [code])
  if (!ready) return <Screen><Loading /></Screen>
  if (!roster.data) return <Screen>{roster.error ? <ErrorState message={roster.error} code={roster.code} onRetry={() => void roster.reload()} /> : <Skeleton rows={5} />}</Screen>
  const r = roster.data

  const recordOut = async (e: RosterEntry, time: string) => {
    setProblem(null)
    try {
      await volunteerApi.recordCheckOut(e.signupId, `${chinaDay(Date.parse(r.slot.startAt))}T${time}:00+08:00`)
      toast('已补录签退', 'success')
      await roster.reload()
    } catch (err) {
      setProblem(messageOf(err))
    }
  }

  return (
    <Screen className='vol-roster'>
      <Text className='vol-title'>{r.activityTitle}</Text>
      <Text className='vol-meta'>{slotText(r.slot.startAt, r.slot.endAt)} · 已报名 {r.slot.taken}/{r.slot.capacity}{r.slot.waitlisted ? ` · 候补 ${r.slot.waitlisted}` : ''}</Text>
      {showCode ? (code.data ? <LiveCode code={code.data} onExpire={refreshCode} /> : code.error ? <ErrorState message={code.error} code={code.code} onRetry={refreshCode} /> : <Skeleton rows={3} />)
        : <Button block className='vol-roster-show-code' onClick={() => setShowCode(true)}>出示签到码</Button>}
      {problem ? <Text className='vol-banner vol-banner--danger vol-roster-problem'>{problem}</Text> : null}
      {step ? (
        <ReasonBox label={step.kind === 'noShow' ? '缺席说明' : '移除原因'} action={step.kind === 'noShow' ? '标记缺席' : '确认移除'} danger
          className='vol-roster-reason' onCancel={() => setStep(null)}
          onSubmit={async (reason) => {
            if (step.kind === 'noShow') await volunteerApi.noShow(step.entry.signupId, reason)
            else await volunteerApi.remove(step.entry.signupId, reason)
            setStep(null)
            toast(step.kind === 'noShow' ? '已标记缺席' : '已移除')
            await roster.reload()
          }} />
      ) : null}
      <Section title={`名单（${r.entries.length} 人）`}>
        {!r.entries.length ? <EmptyState icon='单' message='还没有人报名' /> : null}
        {r.entries.map((e) => (
          <View key={e.signupId} className='vol-card vol-roster-entry'>
            <Text className='vol-title'>{e.name}</Text>
            <Tag tone={e.status === 'confirmed' ? 'success' : e.status === 'no_show' ? 'danger' : 'warning'}>{SIGNUP_STATUS_LABELS[e.status]}{e.waitlistPosition ? ` 第 ${e.waitlistPosition} 位` : ''}</Tag>
            <Text className='vol-meta'>
              {e.checkInAt ? `签到 ${hhmm(e.checkInAt)}` : '未签到'}{e.checkOutAt ? ` · 签退 ${hhmm(e.checkOutAt)}${e.checkOutRecorded ? '（补录）' : ''}` : ''}
              {e.hours ? ` · ${e.hours.minutes} 分钟（${HOURS_STATE_LABELS[e.hours.state]}）` : ''}
            </Text>
            {e.noShowReason ? <Text className='vol-meta'>缺席：{e.noShowReason}</Text> : null}
            <View className='vol-actions'>
              {e.status === 'confirmed' && e.checkInAt && !e.checkOutAt ? (
                <Picker mode='time' className='vol-roster-record' value={hhmm(r.slot.endAt)} onChange={(ev) => void recordOut(e, String(ev.detail.value))}>
                  <View className='vol-picker'>补录签退时间</View>
                </Picker>
              ) : null}
              {e.status === 'confirmed' && !e.checkInAt ? <Button size='small' variant='secondary' className='vol-roster-noshow' onClick={() => setStep({ kind: 'noShow', entry: e })}>标记缺席</Button> : null}
              {['confirmed', 'waitlisted', 'offered'].includes(e.status) && !e.checkInAt ? <Button size='small' variant='plain' className='vol-roster-remove' onClick={() => setStep({ kind: 'remove', entry: e })}>移除</Button> : null}
            </View>
          </View>
        ))}
      </Section>
      <Text className='vol-meta'>活动开始 15 分钟后（{hhmm(r.noShowFrom)} 起）可以标记缺席；补录签退不能晚于时段结束。</Text>
    </Screen>
  )
}
