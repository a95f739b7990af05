// 我的志愿: upcoming sign-ups (with 签到 when it is time), history with provisional and final hours,
// this year's total, a student's target progress, objections during 公示, and the 志愿服务证明.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import {
  HOURS_STATE_LABELS, hoursText, SIGNUP_STATUS_LABELS, slotText, type MyVolunteerSignup
} from '../../../../types/contract/volunteer'
import { messageOf } from '../../../core/api'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, CONTACTS_URL, EmptyState, ErrorState, Field, Loading, openPage, Screen, Section, Skeleton, Tag, TextInput, toast } from '../../../core/ui'
import { volunteerApi } from '../../api'
import { ReasonBox } from '../../components/reason-box'
import { PAGES } from '../../route'
import { useRemote } from '../../use-remote'
import '../../volunteer.scss'

export default function MyVolunteering() {
  const ready = useRequireMember()
  const overview = useRemote(() => volunteerApi.overview(), [], ready)
  const [objecting, setObjecting] = useState<string | null>(null)
  const [target, setTarget] = useState('')
  const [targetError, setTargetError] = useState<string | null>(null)
  if (!ready) return <Screen><Loading /></Screen>
  if (!overview.data) return <Screen>{overview.error ? <ErrorState message={overview.error} code={overview.code} onRetry={() => void overview.reload()} /> : <Skeleton rows={5} />}</Screen>
  const o = overview.data
  const p = o.profile

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work()
      toast(done, 'success')
      await overview.reload()
    } catch (e) {
      toast(messageOf(e))
    }
  }
  const saveTarget = async () => {
    const hours = Number(target)
    if (!Number.isInteger(hours) || hours < 1 || hours > 500) { setTargetError('目标时长应为 1–500 小时'); return }
    try {
      await volunteerApi.setTarget(hours)
      setTarget('')
      await overview.reload()
    } catch (e) { setTargetError(messageOf(e)) }
  }
  const percent = p.targetMinutes ? Math.min(100, Math.round((o.yearFinalMinutes / p.targetMinutes) * 100)) : 0

  const card = (s: MyVolunteerSignup) => (
    <View key={s.id} className='vol-card vol-mine-signup'>
      <Text className='vol-title'>{s.activityTitle}</Text>
      <Text className='vol-meta'>{slotText(s.startAt, s.endAt)} · {s.place}</Text>
      <Tag tone={s.status === 'confirmed' ? 'success' : s.status === 'no_show' ? 'danger' : 'warning'} className='vol-mine-status'>
        {SIGNUP_STATUS_LABELS[s.status]}{s.waitlistPosition ? ` 第 ${s.waitlistPosition} 位` : ''}
      </Tag>
      {s.hours ? (
        <Text className='vol-meta vol-mine-hours'>服务时长 {hoursText(s.hours.minutes)} 小时（{HOURS_STATE_LABELS[s.hours.state]}）{s.hours.objection ? `，异议：${s.hours.objection}` : ''}</Text>
      ) : s.checkInAt ? <Text className='vol-meta'>已签到，记得离开前签退</Text> : null}
      <View className='vol-actions'>
        {s.checkOpen ? <Button className='vol-mine-checkin' onClick={() => openPage(PAGES.checkIn(s.slotId))}>{s.checkInAt ? '签退' : '签到'}</Button> : null}
        {s.status === 'offered' ? <Button className='vol-mine-accept' onClick={() => void act(() => volunteerApi.accept(s.id), '已确认参加')}>确认参加</Button> : null}
        {s.canCancel ? <Button variant='secondary' className='vol-mine-cancel' onClick={() => void act(() => volunteerApi.cancel(s.id), '已取消报名')}>取消报名</Button> : null}
        {s.hours?.state === 'provisional' ? <Button variant='plain' size='small' className='vol-mine-object' onClick={() => setObjecting(s.id)}>对时长有异议</Button> : null}
        <Button variant='plain' size='small' onClick={() => openPage(PAGES.detail(s.activityId))}>活动详情</Button>
      </View>
      {objecting === s.id ? (
        <ReasonBox label='异议说明' action='提交异议' className='vol-mine-objection' onCancel={() => setObjecting(null)}
          onSubmit={async (reason) => { await volunteerApi.object(s.id, reason); setObjecting(null); toast('已提交，社区会核实'); await overview.reload() }} />
      ) : null}
    </View>
  )

  return (
    <Screen className='vol-mine'>
      {p.paused ? <Text className='vol-banner vol-banner--danger vol-mine-paused'>{p.pausedReason}</Text> : null}
      {p.paused ? <Button variant='secondary' block className='vol-mine-contacts' onClick={() => void openPage(CONTACTS_URL)}>联系社区工作人员</Button> : null}
      <View className='vol-card'>
        <Text className='vol-meta'>{o.year} 年已确认服务时长</Text>
        <Text className='vol-big vol-mine-year'>{hoursText(o.yearFinalMinutes)} 小时</Text>
        {o.yearProvisionalMinutes ? <Text className='vol-meta vol-mine-provisional'>另有 {hoursText(o.yearProvisionalMinutes)} 小时在公示中</Text> : null}
        <View className='vol-actions'>
          <Button variant='secondary' className='vol-mine-certificate' onClick={() => openPage(PAGES.certificate)}>志愿服务证明</Button>
        </View>
      </View>
      {p.student ? (
        <View className='vol-card vol-mine-target'>
          <Text className='vol-meta'>学生年度目标</Text>
          {p.targetMinutes ? (
            <>
              <Text className='vol-text vol-mine-target-text'>{hoursText(o.yearFinalMinutes)} / {hoursText(p.targetMinutes)} 小时（{percent}%）</Text>
              <View className='vol-progress'><View className='vol-progress__bar' style={{ width: `${percent}%` }} /></View>
            </>
          ) : <Text className='vol-meta'>还没有设置目标</Text>}
          <Field label='设置目标（小时）' error={targetError}>
            <TextInput value={target} maxLength={3} placeholder='例如 20' onChange={(v) => { setTarget(v.replace(/\D/g, '')); setTargetError(null) }} />
          </Field>
          <Button size='small' className='vol-mine-target-save' onClick={() => void saveTarget()}>保存目标</Button>
        </View>
      ) : null}
      <Section title='即将参加'>
        {o.upcoming.length ? o.upcoming.map(card) : <EmptyState icon='约' message='还没有报名的活动' action={{ text: '去看看活动', onClick: () => openPage(PAGES.list) }} />}
      </Section>
      <Section title='历史记录'>
        {o.history.length ? o.history.map(card) : <EmptyState icon='史' message='参加过的活动会显示在这里' />}
      </Section>
    </Screen>
  )
}
