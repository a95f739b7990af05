// Staff side of 听证会 / 协调会 / 评议会: schedule one, check sign-up codes at the door, attach minutes.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { MEETING_LABELS, type MeetingKind, type Proposal } from '../../../types/contract/council'
import { messageOf } from '../../core/api'
import { Button, Field, Section, TextArea, TextInput, toast } from '../../core/ui'
import { councilApi } from '../api'
import { runAction } from '../store'

const KINDS: MeetingKind[] = ['hearing', 'coordination', 'evaluation']
const DAY = 86_400_000
/** Three days ahead at 19:00 Beijing time, when most residents are home. */
const threeDaysAhead = () => `${new Date(Date.now() + 3 * DAY + 8 * 3600_000).toISOString().slice(0, 10)}T19:00:00+08:00`

export function MeetingStaff({ p }: { p: Proposal }) {
  const [place, setPlace] = useState('社区党群服务中心会议室')
  const [code, setCode] = useState('')
  const [minutes, setMinutes] = useState('')
  const [note, setNote] = useState<string | null>(null)
  if (['gathering', 'returned', 'archived', 'rejected', 'merged', 'expired', 'withdrawn'].includes(p.stage)) return null
  const schedule = async (kind: MeetingKind) => {
    const problem = await runAction(() => councilApi.meeting({ id: p.id, kind, startsAt: threeDaysAhead(), place, capacity: 30 }))
    setNote(problem)
    if (!problem) toast(`已安排${MEETING_LABELS[kind]}`)
  }
  const check = async (meetingId: string) => {
    try {
      const r = await councilApi.checkIn(meetingId, code)
      setNote(`签到成功：${r.name}`)
      setCode('')
    } catch (e) {
      setNote(messageOf(e))
    }
  }
  const attach = async (meetingId: string) => {
    const problem = await runAction(() => councilApi.minutes(meetingId, minutes))
    setNote(problem ?? '纪要已上传')
  }
  return (
    <Section title='会议（工作人员）' card className='cl-meeting-staff'>
      <Field label='会议地点'><TextInput value={place} onChange={setPlace} maxLength={50} /></Field>
      <View className='cl-row ll-button-row'>
        {KINDS.map((k) => <Button key={k} size='small' variant='secondary' onClick={() => void schedule(k)}>安排{MEETING_LABELS[k]}</Button>)}
      </View>
      {p.meetings.map((m) => (
        <View key={m.id} className='cl-comment'>
          <Text className='cl-line'>{m.kindLabel} · 已报名 {m.signedUp} · 已签到 {m.checkedIn}</Text>
          <Field label='签到码'><TextInput value={code} onChange={setCode} maxLength={12} placeholder='居民出示的签到码' /></Field>
          <Button size='small' onClick={() => void check(m.id)}>核验签到</Button>
          {!m.minutes ? (
            <View>
              <Field label='会议纪要'><TextArea value={minutes} onChange={setMinutes} maxLength={2000} /></Field>
              <Button size='small' variant='secondary' onClick={() => void attach(m.id)}>上传纪要</Button>
            </View>
          ) : null}
        </View>
      ))}
      {note ? <Text className='cl-line'>{note}</Text> : null}
    </Section>
  )
}
