// 活动详情: what, where, who may join, each slot's places, and sign-up / 候补 / cancel; the organiser
// reaches each slot's roster and live code, and may cancel the activity (everyone is messaged).
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import {
  SIGNUP_STATUS_LABELS, slotText, VOLUNTEER_AUDIENCE_LABELS, type VolunteerSlot
} from '../../../../types/contract/volunteer'
import { messageOf, newIdempotencyKey } from '../../../core/api'
import { useRequireMember } from '../../../core/session/use-require-member'
import { Button, confirm, ErrorState, Loading, openPage, Screen, Section, Skeleton, Tag, toast } from '../../../core/ui'
import { volunteerApi } from '../../api'
import { ActivityPhotos } from '../../components/photos'
import { ReasonBox } from '../../components/reason-box'
import { PAGES, useParam } from '../../route'
import { askReminder, recordReminder } from '../../subscribe'
import { useRemote } from '../../use-remote'
import '../../volunteer.scss'

export default function ActivityDetail() {
  const ready = useRequireMember()
  const id = useParam('id')
  const activity = useRemote(() => volunteerApi.get(id), [id], ready && !!id)
  const [busy, setBusy] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [cancelling, setCancelling] = useState(false)
  const [note, setNote] = useState<string | null>(null)
  if (!ready) return <Screen><Loading /></Screen>
  if (!activity.data) {
    return <Screen>{activity.error ? <ErrorState message={activity.error} code={activity.code} onRetry={() => void activity.reload()} /> : <Skeleton rows={5} />}</Screen>
  }
  const a = activity.data

  const run = async (slotId: string, work: () => Promise<unknown>, done: string) => {
    setBusy(slotId)
    setProblem(null)
    try {
      await work()
      toast(done, 'success')
      await activity.reload()
    } catch (e) {
      setProblem(messageOf(e))
    } finally {
      setBusy(null)
    }
  }
  // weapp: the reminder subscription is asked inside the tap, before the sign-up goes out.
  const signUp = async (s: VolunteerSlot) => {
    const answer = await askReminder()
    let reminder: string | null = null
    await run(s.id, async () => {
      await volunteerApi.signUp(s.id, { idempotencyKey: newIdempotencyKey() })
      reminder = await recordReminder(s.id, answer)
    }, s.taken < s.capacity ? '报名成功' : '已加入候补')
    if (reminder) setNote(reminder)
  }
  const cancel = async (s: VolunteerSlot) => {
    if (!s.mySignupId) return
    const ok = await confirm({ title: '取消报名', content: '取消后名额会让给候补的人。确定取消吗？', confirmText: '取消报名', cancelText: '再想想', danger: true })
    if (ok) await run(s.id, () => volunteerApi.cancel(s.mySignupId as string), '已取消报名')
  }

  return (
    <Screen className='vol-detail'>
      {a.status === 'cancelled' ? <Text className='vol-banner vol-banner--danger'>活动已取消：{a.cancelReason}</Text> : null}
      <View className='vol-card'>
        <Text className='vol-title vol-detail-title'>{a.title}</Text>
        <Text className='vol-meta'>地点：{a.place}</Text>
        <Text className='vol-meta'>组织：{a.organiserName}（{a.organiserLabel}）</Text>
        <Text className='vol-meta'>参加对象：{VOLUNTEER_AUDIENCE_LABELS[a.audience]}{a.minAge ? `，年满 ${a.minAge} 岁` : ''}</Text>
        <Text className='vol-text vol-detail-description'>{a.description}</Text>
        {a.photos.length ? <ActivityPhotos photos={a.photos} /> : null}
      </View>
      {note ? <Text className='vol-banner vol-detail-reminder'>{note}</Text> : null}
      {problem ? <Text className='vol-banner vol-banner--danger vol-detail-problem'>{problem}</Text> : null}
      <Section title='时段'>
        {a.slots.map((s) => (
          <View key={s.id} className='vol-card vol-slot'>
            <Text className='vol-title'>{slotText(s.startAt, s.endAt)}</Text>
            <Text className='vol-meta vol-slot-places'>已报名 {s.taken}/{s.capacity}{s.waitlisted ? `，候补 ${s.waitlisted} 人` : ''}</Text>
            {s.myStatus ? <Tag tone={s.myStatus === 'confirmed' ? 'success' : 'warning'} className='vol-slot-status'>{SIGNUP_STATUS_LABELS[s.myStatus]}{s.myWaitlistPosition ? ` 第 ${s.myWaitlistPosition} 位` : ''}</Tag> : null}
            <View className='vol-actions'>
              {a.status === 'published' && !s.myStatus ? (
                <Button className='vol-slot-signup' loading={busy === s.id} onClick={() => void signUp(s)}>{s.taken < s.capacity ? '报名' : '排队候补'}</Button>
              ) : null}
              {s.myStatus === 'offered' ? <Button className='vol-slot-accept' loading={busy === s.id} onClick={() => void run(s.id, () => volunteerApi.accept(s.mySignupId as string), '已确认参加')}>确认参加</Button> : null}
              {s.myStatus === 'confirmed' || s.myStatus === 'waitlisted' || s.myStatus === 'offered' ? (
                <Button variant='secondary' className='vol-slot-cancel' loading={busy === s.id} onClick={() => void cancel(s)}>取消报名</Button>
              ) : null}
              {a.canManage ? <Button variant='secondary' className='vol-slot-roster' onClick={() => openPage(PAGES.roster(s.id))}>名单与签到码</Button> : null}
            </View>
          </View>
        ))}
      </Section>
      {a.canManage && a.status === 'published' ? <Button variant='secondary' block className='vol-detail-edit' onClick={() => openPage(PAGES.edit(a.id))}>修改活动</Button> : null}
      {a.canManage && a.status === 'published' ? (
        cancelling ? (
          <ReasonBox label='取消原因' action='确认取消活动' danger className='vol-cancel-activity'
            onCancel={() => setCancelling(false)}
            onSubmit={async (reason) => { await volunteerApi.cancelActivity(a.id, reason); setCancelling(false); toast('活动已取消'); await activity.reload() }} />
        ) : <Button variant='danger' block className='vol-detail-cancel' onClick={() => setCancelling(true)}>取消活动（通知所有报名者）</Button>
      ) : null}
      <Button variant='plain' block className='vol-back' onClick={() => openPage(PAGES.list)}>返回活动列表</Button>
    </Screen>
  )
}
